package io.conoha.assistant.sim;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Issued tokens. Each gets a short label ({@code token-1}, {@code token-2}, ...) that the ledger counts by, so the
 * token itself never appears in counts or logs.
 */
final class TokenStore {
  static final String NO_TOKEN = "none";
  static final String UNKNOWN_TOKEN = "unknown";

  /** {@code projectId} is null for an unscoped token. */
  record Token(String id, String label, Instant issuedAt, Instant expiresAt, String projectId, String auditId) {}

  private final Map<String, Token> tokens = new ConcurrentHashMap<>();
  private final Map<String, Boolean> revoked = new ConcurrentHashMap<>();
  private final AtomicInteger issued = new AtomicInteger();
  private final IdSource ids;
  private final Clock clock;
  private volatile Duration lifetime;

  TokenStore(IdSource ids, Clock clock, Duration lifetime) {
    this.ids = ids;
    this.clock = clock;
    this.lifetime = lifetime;
  }

  Token issue(String projectId, boolean fernet) {
    Instant now = clock.instant();
    String id = fernet ? ids.fernetToken() : ids.hex32();
    Token token = new Token(id, "token-" + issued.incrementAndGet(), now, now.plus(lifetime), projectId, ids.auditId());
    tokens.put(id, token);
    return token;
  }

  String label(String header) {
    if (header == null || header.isEmpty()) {
      return NO_TOKEN;
    }
    Token token = tokens.get(header);
    return token == null ? UNKNOWN_TOKEN : token.label();
  }

  /** The token of a request, or 401 for a missing, unknown, expired, revoked or unscoped one. */
  Token authenticate(String header) {
    if (header == null || header.isEmpty()) {
      throw ApiError.unauthorized("The request you have made requires authentication.");
    }
    Token token = tokens.get(header);
    if (token == null || revoked.containsKey(header)) {
      throw ApiError.unauthorized("The request you have made requires authentication.");
    }
    if (!clock.instant().isBefore(token.expiresAt())) {
      throw ApiError.unauthorized("The request you have made requires authentication. (token expired)");
    }
    if (token.projectId() == null) {
      throw ApiError.unauthorized("The request you have made requires a project-scoped token.");
    }
    return token;
  }

  boolean isRevoked(String header) {
    return header != null && revoked.containsKey(header);
  }

  /** Every token issued so far stops working; tokens issued later work. Returns how many were revoked. */
  int revokeAll() {
    int count = 0;
    for (String id : tokens.keySet()) {
      if (revoked.putIfAbsent(id, Boolean.TRUE) == null) {
        count++;
      }
    }
    return count;
  }

  int revokedCount() {
    return revoked.size();
  }

  void lifetime(Duration newLifetime) {
    this.lifetime = newLifetime;
  }
}
