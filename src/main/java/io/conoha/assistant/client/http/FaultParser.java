package io.conoha.assistant.client.http;

import io.netty.handler.codec.http.HttpResponseStatus;
import io.vertx.core.json.DecodeException;
import io.vertx.core.json.JsonObject;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Turns any OpenStack error body into one readable line. Shapes seen in the wild:
 * <ul>
 *   <li>Nova/Cinder: {@code {"itemNotFound":{"message":..,"code":404}}} (badRequest, conflictingRequest,
 *       computeFault, overLimit, ...);</li>
 *   <li>Keystone: {@code {"error":{"message":..,"code":401,"title":"Unauthorized"}}};</li>
 *   <li>Glance: {@code {"message":"...<br /><br />","code":"404 Not Found","title":"Not Found"}};</li>
 *   <li>text or HTML pages (a Keystone without v2.0 answers an HTML 404).</li>
 * </ul>
 */
public final class FaultParser {
  private static final int MAX_LENGTH = 300;
  private static final Pattern NOVA_VALUE_ECHO =
      Pattern.compile("(Invalid input for field/attribute [^ ]+ Value: )(.*)(\\. [^{}]*)");
  private static final Pattern HTML_TITLE = Pattern.compile("(?is)<title>.*?</title>");
  private static final Pattern HTML_TAG = Pattern.compile("(?s)<[^>]*>");
  private static final Pattern WHITESPACE = Pattern.compile("\\s+");

  private FaultParser() {}

  /** A fault: its OpenStack name (e.g. itemNotFound, may be null) and a one-line message. */
  public record Fault(String name, String message) {
    /** "itemNotFound: Instance x could not be found." or just the message. */
    public String describe() {
      return name == null || name.isEmpty() ? message : name + ": " + message;
    }
  }

  public static Fault parse(int status, String body) {
    String text = body == null ? "" : body.trim();
    if (text.isEmpty()) {
      return new Fault(null, reasonPhrase(status));
    }
    if (text.startsWith("{")) {
      JsonObject json = tryJson(text);
      if (json != null) {
        return fromJson(status, json);
      }
    }
    return new Fault(null, oneLine(text));
  }

  private static Fault fromJson(int status, JsonObject json) {
    if (json.getValue("error") instanceof JsonObject error) {
      return new Fault(stringOrNull(error.getValue("title")), messageOf(status, error));
    }
    if (json.containsKey("message")) {
      return new Fault(stringOrNull(json.getValue("title")), messageOf(status, json));
    }
    if (json.size() == 1) {
      String name = json.fieldNames().iterator().next();
      if (json.getValue(name) instanceof JsonObject inner) {
        return new Fault(name, messageOf(status, inner));
      }
    }
    return new Fault(null, oneLine(json.encode()));
  }

  private static String messageOf(int status, JsonObject fault) {
    String message = stringOrNull(fault.getValue("message"));
    if (message == null || message.isBlank()) {
      message = stringOrNull(fault.getValue("details"));
    }
    return message == null || message.isBlank() ? reasonPhrase(status) : oneLine(message);
  }

  /**
   * Strips HTML, folds whitespace, and keeps the line short. Nova's validation message echoes the whole
   * request ("Invalid input for field/attribute server. Value: {...}. 'name' is a required property"): the
   * echoed value is shortened, never the reason after it.
   */
  static String oneLine(String text) {
    String noTitle = HTML_TITLE.matcher(text).replaceAll(" ");
    String plain = HTML_TAG.matcher(noTitle).replaceAll(" ");
    String folded = WHITESPACE.matcher(plain).replaceAll(" ").trim();
    if (folded.length() <= MAX_LENGTH) {
      return folded;
    }
    Matcher echo = NOVA_VALUE_ECHO.matcher(folded);
    if (echo.matches() && echo.group(3).length() < MAX_LENGTH) {
      int room = Math.max(20, MAX_LENGTH - echo.group(1).length() - echo.group(3).length());
      String value = echo.group(2);
      return echo.group(1) + (value.length() <= room ? value : value.substring(0, room) + "...") + echo.group(3);
    }
    return folded.substring(0, MAX_LENGTH) + "...";
  }

  private static String reasonPhrase(int status) {
    return HttpResponseStatus.valueOf(status).reasonPhrase();
  }

  private static String stringOrNull(Object value) {
    return value == null ? null : value.toString();
  }

  private static JsonObject tryJson(String text) {
    try {
      return new JsonObject(text);
    } catch (DecodeException e) {
      return null;
    }
  }
}
