package io.conoha.assistant.cli.conoha;

import java.time.Instant;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;

/** A column value in the shape each format prints it. */
final class Cells {
  private Cells() {}

  /** For JSON and YAML: strings, numbers, booleans, lists and maps (keys sorted), or null. */
  static Object plain(Object value) {
    if (value == null || value instanceof String || value instanceof Number || value instanceof Boolean) {
      return value;
    }
    if (value instanceof Collection<?> items) {
      return items.stream().map(Cells::plain).toList();
    }
    if (value instanceof Map<?, ?> map) {
      Map<String, Object> sorted = new LinkedHashMap<>();
      new TreeMap<>(map).forEach((k, v) -> sorted.put(String.valueOf(k), plain(v)));
      return sorted;
    }
    if (value instanceof Instant instant) {
      return instant.toString();
    }
    return value.toString();
  }

  /** For -f value: lists joined by commas, maps as key=value pairs, null as an empty string. */
  static String bare(Object value) {
    Object plain = plain(value);
    if (plain == null) {
      return "";
    }
    if (plain instanceof List<?> items) {
      return items.stream().map(Cells::bare).collect(Collectors.joining(","));
    }
    if (plain instanceof Map<?, ?> map) {
      return map.entrySet().stream().map(e -> e.getKey() + "=" + bare(e.getValue())).collect(Collectors.joining(","));
    }
    return plain.toString();
  }

  /** For a table cell: lists joined by ", ", null or empty as "-". A map gives one line per key (see lines). */
  static String table(Object value) {
    Object plain = plain(value);
    if (plain instanceof List<?> items) {
      return items.isEmpty() ? "-" : items.stream().map(Cells::table).collect(Collectors.joining(", "));
    }
    if (plain instanceof Map<?, ?>) {
      return String.join(", ", lines(plain));
    }
    String text = plain == null ? "" : plain.toString();
    return text.isEmpty() ? "-" : text;
  }

  /** A value as table lines: a map one key=value per line, anything else one line. */
  static List<String> lines(Object value) {
    Object plain = plain(value);
    if (plain instanceof Map<?, ?> map) {
      return map.isEmpty() ? List.of("-")
          : map.entrySet().stream().map(e -> e.getKey() + "=" + bare(e.getValue())).toList();
    }
    return List.of(table(plain));
  }
}
