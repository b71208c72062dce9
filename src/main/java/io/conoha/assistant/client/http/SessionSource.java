package io.conoha.assistant.client.http;

import io.vertx.core.Future;

/** Hands out the current session, authenticating when needed (single-flight). */
public interface SessionSource {
  Future<Session> session();

  /** This session was refused (401): forget it, unless a newer one already replaced it. */
  void invalidate(Session session);
}
