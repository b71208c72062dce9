package io.conoha.assistant.sim;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.netty.handler.codec.http.HttpResponseStatus;

/**
 * Error bodies in each service's own shape:
 * <ul>
 *   <li>Nova and Cinder: {@code {"itemNotFound": {"code": 404, "message": "..."}}}</li>
 *   <li>Glance: {@code {"message": "...<br /><br />\n\n\n", "code": "404 Not Found", "title": "Not Found"}}</li>
 *   <li>Keystone, and every 401 (keystonemiddleware answers for all services):
 *       {@code {"error": {"code": 401, "title": "Unauthorized", "message": "..."}}}</li>
 *   <li>429 everywhere: Nova's {@code overLimit} with {@code retryAfter} and a {@code Retry-After} header.</li>
 * </ul>
 */
final class OpenStackFaults {
  /** What Flask/werkzeug-based Keystone answers for a path it does not serve (fixtures/keystone_v2_tokens_error.txt). */
  static final String KEYSTONE_NOT_FOUND_HTML = """
      <!doctype html>
      <html lang=en>
      <title>404 Not Found</title>
      <h1>Not Found</h1>
      <p>The requested URL was not found on the server. If you entered the URL manually please check your spelling \
      and try again.</p>
      """;

  private OpenStackFaults() {}

  static Reply render(Family family, ApiError error, String identityUrl) {
    if (error.status == 429 || error.status == 413 && error.retryAfter != null) {
      long seconds = Math.max(0, (error.retryAfter.toMillis() + 999) / 1000);
      ObjectNode body = Json.object();
      body.putObject("overLimit").put("code", error.status).put("message", error.getMessage())
          .put("retryAfter", Long.toString(seconds));
      return Reply.json(error.status, body).header("Retry-After", Long.toString(seconds));
    }
    if (error.status == 401) {
      return keystone(error).header("WWW-Authenticate", "Keystone uri=\"" + identityUrl + "\"");
    }
    return switch (family) {
      case IDENTITY -> keystone(error);
      case IMAGE -> glance(error);
      case DNS -> SimDns.error(error);
      default -> nova(error);
    };
  }

  private static Reply nova(ApiError error) {
    ObjectNode body = Json.object();
    body.putObject(error.faultName).put("code", error.status).put("message", error.getMessage());
    return Reply.json(error.status, body);
  }

  private static Reply glance(ApiError error) {
    String reason = reason(error.status);
    ObjectNode body = Json.object()
        .put("message", error.getMessage() + "<br /><br />\n\n\n")
        .put("code", error.status + " " + reason)
        .put("title", reason);
    return Reply.json(error.status, body);
  }

  private static Reply keystone(ApiError error) {
    ObjectNode body = Json.object();
    body.putObject("error").put("code", error.status).put("title", reason(error.status))
        .put("message", error.getMessage());
    return Reply.json(error.status, body);
  }

  private static String reason(int status) {
    return HttpResponseStatus.valueOf(status).reasonPhrase();
  }
}
