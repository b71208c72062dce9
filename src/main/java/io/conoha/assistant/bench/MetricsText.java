package io.conoha.assistant.bench;

import java.util.Map;

/**
 * Reads values out of a Prometheus text exposition (what the operator's /metrics serves), so the bench watches the
 * operator the same way whether it runs in this JVM or in its own process.
 */
final class MetricsText {
  private MetricsText() {}

  /**
   * The sum of the samples of {@code name} whose labels include all of {@code labels} (0 when none match). A
   * sample line is {@code name{a="x",b="y"} value} or {@code name value}.
   */
  static double sum(String text, String name, Map<String, String> labels) {
    double total = 0;
    for (String line : text.split("\n")) {
      if (line.startsWith("#") || !line.startsWith(name)) {
        continue;
      }
      String rest = line.substring(name.length());
      String labelPart = "";
      if (rest.startsWith("{")) {
        int end = rest.indexOf('}');
        if (end < 0) {
          continue;
        }
        labelPart = rest.substring(1, end);
        rest = rest.substring(end + 1);
      } else if (!rest.startsWith(" ")) {
        continue; // a longer name with this one as its prefix
      }
      if (matches(labelPart, labels)) {
        String[] fields = rest.trim().split("\\s+");
        try {
          total += Double.parseDouble(fields[0]);
        } catch (NumberFormatException e) {
          // NaN or garbage: not a figure
        }
      }
    }
    return total;
  }

  private static boolean matches(String labelPart, Map<String, String> labels) {
    for (Map.Entry<String, String> want : labels.entrySet()) {
      if (!("," + labelPart).contains("," + want.getKey() + "=\"" + want.getValue() + "\"")) {
        return false;
      }
    }
    return true;
  }
}
