package io.conoha.assistant.api;

import io.fabric8.generator.annotation.Size;
import com.fasterxml.jackson.annotation.JsonPropertyDescription;
import io.fabric8.generator.annotation.ValidationRule;

/** The server a snapshot is taken of. */
@ValidationRule(value = "has(self.serverRef) != has(self.serverId)", message = "exactly one of serverRef or serverId must be set")
public class ImageSource {
  @JsonPropertyDescription("A ConohaServer in this namespace.")
  private ResourceRef serverRef;
  @JsonPropertyDescription("Any server of the account, by ConoHa id.")
  @Size(min = 1)
  private String serverId;

  public ResourceRef getServerRef() { return serverRef; }
  public void setServerRef(ResourceRef serverRef) { this.serverRef = serverRef; }
  public String getServerId() { return serverId; }
  public void setServerId(String serverId) { this.serverId = serverId; }
}
