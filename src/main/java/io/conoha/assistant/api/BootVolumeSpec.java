package io.conoha.assistant.api;

import com.fasterxml.jackson.annotation.JsonPropertyDescription;
import io.fabric8.generator.annotation.Min;

/** The boot volume of a disk-0 plan (v3 g2l-/g2w-). */
public class BootVolumeSpec {
  @Min(1)
  @JsonPropertyDescription("Size in GB. Default: 30 for 512 MB plans, 100 for all others (ConoHa's rule).")
  private Integer size;
  @JsonPropertyDescription("Volume type, e.g. c3j1-ds02-boot. Default: c3j1-as01-boot for 512 MB plans, c3j1-ds02-boot otherwise.")
  private String type;

  public Integer getSize() { return size; }
  public void setSize(Integer size) { this.size = size; }
  public String getType() { return type; }
  public void setType(String type) { this.type = type; }
}
