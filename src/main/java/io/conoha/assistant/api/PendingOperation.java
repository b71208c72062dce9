package io.conoha.assistant.api;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyDescription;

/**
 * An intent recorded in status before a non-idempotent ConoHa call (create server, create volume, save image).
 * After a crash, timeout or 5xx the controller finds the object by {@code token} instead of creating it again.
 */
@JsonInclude(JsonInclude.Include.ALWAYS)
public class PendingOperation {
  @JsonPropertyDescription("What is being created: CreateServer, CreateBootVolume or SaveImage.")
  private String operation;
  @JsonPropertyDescription("Tag written on the created object (metadata value) or into its unique name.")
  private String token;
  @JsonPropertyDescription("When the intent was recorded (RFC 3339).")
  private String startedAt;
  @JsonPropertyDescription("Ids of same-named images that existed before a save: never taken for the save's result.")
  private java.util.List<String> excludedIds = new java.util.ArrayList<>();

  public PendingOperation() {}

  public PendingOperation(String operation, String token, String startedAt) {
    this.operation = operation;
    this.token = token;
    this.startedAt = startedAt;
  }

  public String getOperation() { return operation; }
  public void setOperation(String operation) { this.operation = operation; }
  public String getToken() { return token; }
  public void setToken(String token) { this.token = token; }
  public String getStartedAt() { return startedAt; }
  public java.util.List<String> getExcludedIds() { return excludedIds; }
  public void setExcludedIds(java.util.List<String> ids) { this.excludedIds = ids == null ? new java.util.ArrayList<>() : ids; }
  public void setStartedAt(String startedAt) { this.startedAt = startedAt; }
}
