package io.conoha.assistant.sim;

import com.fasterxml.jackson.databind.JsonNode;
import java.math.BigDecimal;
import java.time.Duration;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Parses and prints the durations and sizes of config files and the admin endpoint ("250ms", "PT5S", "50GB"). */
final class Units {
  static final long GIB = 1024L * 1024 * 1024;
  private static final Pattern DURATION = Pattern.compile("(\\d+(?:\\.\\d+)?)\\s*(ms|s|m|h|d)");
  private static final Pattern SIZE = Pattern.compile("(\\d+(?:\\.\\d+)?)\\s*(B|KB|MB|GB|TB)?");

  private Units() {}

  /** A number means milliseconds; a string is "250ms", "5s", "2m", "1h", "1d" or ISO-8601 ("PT5S"). */
  static Duration duration(JsonNode node) {
    if (node == null || node.isNull()) {
      return null;
    }
    return node.isNumber() ? Duration.ofMillis(node.asLong()) : duration(node.asText());
  }

  static Duration duration(String text) {
    String s = text.trim();
    if (s.toUpperCase(Locale.ROOT).startsWith("PT") || s.toUpperCase(Locale.ROOT).startsWith("P")) {
      return Duration.parse(s.toUpperCase(Locale.ROOT));
    }
    Matcher m = DURATION.matcher(s.toLowerCase(Locale.ROOT));
    if (!m.matches()) {
      throw new IllegalArgumentException("not a duration: '" + text + "' (use 250ms, 5s, 2m, 1h or PT5S)");
    }
    double amount = Double.parseDouble(m.group(1));
    long unitMillis = switch (m.group(2)) {
      case "ms" -> 1L;
      case "s" -> 1_000L;
      case "m" -> 60_000L;
      case "h" -> 3_600_000L;
      default -> 86_400_000L;
    };
    return Duration.ofMillis(Math.round(amount * unitMillis));
  }

  /** A number means bytes; a string is "50GB", "512MB", ... (binary units, as ConoHa's quota strings). */
  static long bytes(JsonNode node) {
    return node.isNumber() ? node.asLong() : bytes(node.asText());
  }

  static long bytes(String text) {
    Matcher m = SIZE.matcher(text.trim().toUpperCase(Locale.ROOT));
    if (!m.matches()) {
      throw new IllegalArgumentException("not a size: '" + text + "' (use 50GB, 512MB or a byte count)");
    }
    String unit = m.group(2) == null ? "B" : m.group(2);
    long factor = switch (unit) {
      case "KB" -> 1024L;
      case "MB" -> 1024L * 1024;
      case "GB" -> GIB;
      case "TB" -> GIB * 1024;
      default -> 1L;
    };
    return new BigDecimal(m.group(1)).multiply(BigDecimal.valueOf(factor)).longValue();
  }

  /** ConoHa's quota notation: "50GB"; sizes that are not whole gigabytes keep their fraction ("0.5GB"). */
  static String gigabytes(long bytes) {
    BigDecimal gb = BigDecimal.valueOf(bytes).divide(BigDecimal.valueOf(GIB));
    return gb.stripTrailingZeros().toPlainString() + "GB";
  }

  /** Short human form for summaries: 1500ms → "1.5s". */
  static String human(Duration d) {
    long ms = d.toMillis();
    if (ms < 1000) {
      return ms + "ms";
    }
    return BigDecimal.valueOf(ms).divide(BigDecimal.valueOf(1000)).stripTrailingZeros().toPlainString() + "s";
  }
}
