package io.conoha.assistant.api;

import io.fabric8.generator.annotation.Size;
import com.fasterxml.jackson.annotation.JsonPropertyDescription;
import io.fabric8.generator.annotation.ValidationRule;

/** An existing image, observed only (never deleted). */
@ValidationRule(value = "has(self.name) != has(self.id)", message = "exactly one of name or id must be set")
public class ImageImport {
  @JsonPropertyDescription("Image name, e.g. vmi-ubuntu-24.04-amd64.")
  @Size(min = 1)
  private String name;
  @JsonPropertyDescription("Image id.")
  @Size(min = 1)
  private String id;

  public String getName() { return name; }
  public void setName(String name) { this.name = name; }
  public String getId() { return id; }
  public void setId(String id) { this.id = id; }
}
