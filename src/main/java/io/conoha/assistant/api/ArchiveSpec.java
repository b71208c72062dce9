package io.conoha.assistant.api;

import com.fasterxml.jackson.annotation.JsonPropertyDescription;
import io.fabric8.generator.annotation.Default;
import io.fabric8.generator.annotation.Min;

/** How archive images are kept. */
public class ArchiveSpec {
  @Min(0)
  @Default("1")
  @JsonPropertyDescription("Archive images kept after a restore (the newest ones); older ones are deleted. Default 1.")
  private Integer keep = 1;

  public Integer getKeep() { return keep; }
  public void setKeep(Integer keep) { this.keep = keep; }
}
