package io.conoha.assistant.client;

import java.time.Instant;

/** A Keystone token. toString never shows the id. */
public record Token(String id, Instant expiresAt, String projectId) {
  @Override
  public String toString() {
    return "Token[expiresAt=" + expiresAt + ", projectId=" + projectId + "]";
  }
}
