package io.conoha.assistant.client;

/** CONTRACT SKELETON (issue 2): Keystone v2.0 and v3, token cache with single-flight refresh. */
public interface IdentityService {
  /** A valid token: cached, refreshed before expiry by exactly one request however many callers wait. */
  Token token();

  /** Endpoints from the service catalog of the current token, honouring region and overrides. */
  Endpoints endpoints();

  /** Forget this token (after a 401) so the next {@link #token()} authenticates again. */
  void invalidate(Token token);
}
