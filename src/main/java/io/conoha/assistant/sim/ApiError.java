package io.conoha.assistant.sim;

import java.time.Duration;

/**
 * A failed request: HTTP status, Nova's fault name for it and a message. {@link OpenStackFaults} renders it in
 * the answering service's own shape.
 */
final class ApiError extends RuntimeException {
  final int status;
  final String faultName;
  final Duration retryAfter;

  ApiError(int status, String faultName, String message, Duration retryAfter) {
    super(message, null, false, false);
    this.status = status;
    this.faultName = faultName;
    this.retryAfter = retryAfter;
  }

  ApiError(int status, String message) {
    this(status, faultNameFor(status), message, null);
  }

  static ApiError badRequest(String message) {
    return new ApiError(400, message);
  }

  static ApiError unauthorized(String message) {
    return new ApiError(401, message);
  }

  static ApiError forbidden(String message) {
    return new ApiError(403, message);
  }

  static ApiError notFound(String message) {
    return new ApiError(404, message);
  }

  static ApiError conflict(String message) {
    return new ApiError(409, message);
  }

  static ApiError rateLimited(Duration retryAfter) {
    return new ApiError(429, "overLimit", "This request was rate-limited.", retryAfter);
  }

  /** Nova's message for an action refused in the server's current state (fixtures/error_409_nova.json). */
  static ApiError invalidState(String action, String serverId, String attribute, String state) {
    return conflict("Cannot '" + action + "' instance " + serverId + " while it is in " + attribute + " " + state);
  }

  /** Nova/Cinder fault names (nova/api/openstack/wsgi.py Fault._fault_names). */
  static String faultNameFor(int status) {
    return switch (status) {
      case 400 -> "badRequest";
      case 401 -> "unauthorized";
      case 403 -> "forbidden";
      case 404 -> "itemNotFound";
      case 405 -> "badMethod";
      case 409 -> "conflictingRequest";
      case 413, 429 -> "overLimit";
      case 415 -> "badMediaType";
      case 501 -> "notImplemented";
      case 503 -> "serviceUnavailable";
      default -> "computeFault";
    };
  }

  /** What an injected fault of this status says. */
  static ApiError injected(int status) {
    String message = switch (status) {
      case 500 -> "Unexpected API Error. Please report this at http://bugs.launchpad.net/nova/ and attach the Nova "
          + "API log if possible.\n<class 'oslo_db.exception.DBConnectionError'>";
      case 502 -> "Bad Gateway";
      case 503 -> "The server is currently unavailable. Please try again at a later time.";
      case 504 -> "Gateway Timeout";
      default -> "Injected fault";
    };
    return new ApiError(status, message);
  }
}
