package io.conoha.assistant.client.openstack;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Lenient readers for OpenStack JSON, where numbers arrive as strings and fields as null, "" or absent. */
final class Json {
  private Json() {}

  static String string(JsonObject o, String key) {
    Object v = o == null ? null : o.getValue(key);
    return v == null ? null : v.toString();
  }

  static Integer integer(JsonObject o, String key) {
    Long v = longValue(o, key);
    return v == null ? null : v.intValue();
  }

  static int integer(JsonObject o, String key, int fallback) {
    Integer v = integer(o, key);
    return v == null ? fallback : v;
  }

  static Long longValue(JsonObject o, String key) {
    Object v = o == null ? null : o.getValue(key);
    if (v instanceof Number n) {
      return n.longValue();
    }
    if (v instanceof String s && !s.isBlank()) {
      try {
        return Long.parseLong(s.trim());
      } catch (NumberFormatException e) {
        return null;
      }
    }
    return null;
  }

  static boolean bool(JsonObject o, String key) {
    Object v = o == null ? null : o.getValue(key);
    return v instanceof Boolean b ? b : v != null && Boolean.parseBoolean(v.toString());
  }

  static JsonObject object(JsonObject o, String key) {
    Object v = o == null ? null : o.getValue(key);
    return v instanceof JsonObject j ? j : null;
  }

  /** The objects of an array field; an absent or null field is an empty list. */
  static List<JsonObject> objects(JsonObject o, String key) {
    Object v = o == null ? null : o.getValue(key);
    List<JsonObject> out = new ArrayList<>();
    if (v instanceof JsonArray array) {
      for (Object item : array) {
        if (item instanceof JsonObject j) {
          out.add(j);
        }
      }
    }
    return out;
  }

  /** The scalar entries of an object as strings (metadata); nested objects and nulls are left out. */
  static Map<String, String> stringMap(JsonObject o) {
    Map<String, String> out = new LinkedHashMap<>();
    if (o != null) {
      o.forEach(e -> {
        if (e.getValue() != null && !(e.getValue() instanceof JsonObject) && !(e.getValue() instanceof JsonArray)) {
          out.put(e.getKey(), e.getValue().toString());
        }
      });
    }
    return out;
  }

  /** ISO-8601 with or without zone ("2021-11-20T14:54:41.643491" is UTC in Keystone v2). */
  static Instant instant(JsonObject o, String key) {
    String s = string(o, key);
    if (s == null || s.isBlank()) {
      return null;
    }
    try {
      return OffsetDateTime.parse(s).toInstant();
    } catch (DateTimeParseException withoutZone) {
      try {
        return LocalDateTime.parse(s).toInstant(ZoneOffset.UTC);
      } catch (DateTimeParseException e) {
        return null;
      }
    }
  }
}
