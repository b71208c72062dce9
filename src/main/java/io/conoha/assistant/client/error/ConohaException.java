package io.conoha.assistant.client.error;

import java.time.Duration;
import java.util.Optional;

/**
 * Every failure of a ConoHa call. The message is readable and never contains a password, token,
 * adminPass or user_data. {@link #kind()} lets callers decide without instanceof chains.
 */
public class ConohaException extends RuntimeException {
  /** What went wrong, in the categories callers act on. */
  public enum Kind {
    NOT_FOUND, CONFLICT, BAD_REQUEST, UNAUTHORIZED, FORBIDDEN, RATE_LIMITED, QUOTA_EXCEEDED, SERVER_ERROR,
    TIMEOUT, TRANSPORT, CONFIGURATION
  }

  private final Kind kind;
  private final String operation;
  private final int statusCode;
  private final Duration retryAfter;

  public ConohaException(Kind kind, String operation, int statusCode, String message, Duration retryAfter, Throwable cause) {
    super(message, cause);
    this.kind = kind;
    this.operation = operation;
    this.statusCode = statusCode;
    this.retryAfter = retryAfter;
  }

  public ConohaException(Kind kind, String operation, int statusCode, String message) {
    this(kind, operation, statusCode, message, null, null);
  }

  public Kind kind() { return kind; }

  /** The client operation name, e.g. {@code servers.create}. */
  public String operation() { return operation; }

  /** HTTP status, or 0 when no response arrived. */
  public int statusCode() { return statusCode; }

  /** How long the server asked us to wait (429 / 413 overLimit), if it said. */
  public Optional<Duration> retryAfter() { return Optional.ofNullable(retryAfter); }

  /**
   * Whether trying the same request again cannot help until the input changes
   * (bad request, not found, forbidden, quota, configuration).
   */
  public boolean isTerminal() {
    return switch (kind) {
      case BAD_REQUEST, NOT_FOUND, FORBIDDEN, QUOTA_EXCEEDED, CONFIGURATION, UNAUTHORIZED -> true;
      default -> false;
    };
  }

  /**
   * Whether the request may have taken effect although no success was seen (timeout, transport error,
   * 5xx): a create in this state must be looked up, never blindly repeated.
   */
  public boolean isOutcomeUnknown() {
    return kind == Kind.TIMEOUT || kind == Kind.TRANSPORT || kind == Kind.SERVER_ERROR;
  }

  public static ConohaException notFound(String operation, String message) {
    return new ConohaException(Kind.NOT_FOUND, operation, 404, message);
  }

  public static ConohaException configuration(String message) {
    return new ConohaException(Kind.CONFIGURATION, "configuration", 0, message);
  }

  public static ConohaException quotaExceeded(String operation, String message) {
    return new ConohaException(Kind.QUOTA_EXCEEDED, operation, 0, message);
  }
}
