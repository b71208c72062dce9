package io.conoha.assistant.api;

import com.fasterxml.jackson.annotation.JsonClassDescription;
import io.fabric8.generator.annotation.Size;
import io.fabric8.generator.annotation.Required;
import com.fasterxml.jackson.annotation.JsonPropertyDescription;

/** A reference to another object by name in the same namespace. */
@JsonClassDescription("A reference to an object in the same namespace.")
public class ResourceRef {
  @Required
  @JsonPropertyDescription("Name of the object in the same namespace.")
  @Size(min = 1)
  private String name;

  public ResourceRef() {}

  public ResourceRef(String name) {
    this.name = name;
  }

  public String getName() { return name; }
  public void setName(String name) { this.name = name; }
}
