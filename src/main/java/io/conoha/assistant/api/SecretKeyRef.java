package io.conoha.assistant.api;

import com.fasterxml.jackson.annotation.JsonClassDescription;
import io.fabric8.generator.annotation.Size;
import com.fasterxml.jackson.annotation.JsonPropertyDescription;
import io.fabric8.generator.annotation.Required;

/** One key of a Secret in the same namespace (never another namespace). */
@JsonClassDescription("A key of a Secret in the same namespace.")
public class SecretKeyRef {
  @Required
  @JsonPropertyDescription("Name of the Secret in the same namespace.")
  @Size(min = 1)
  private String name;
  @Required
  @JsonPropertyDescription("Key inside the Secret.")
  @Size(min = 1)
  private String key;

  public SecretKeyRef() {}

  public SecretKeyRef(String name, String key) {
    this.name = name;
    this.key = key;
  }

  public String getName() { return name; }
  public void setName(String name) { this.name = name; }
  public String getKey() { return key; }
  public void setKey(String key) { this.key = key; }
}
