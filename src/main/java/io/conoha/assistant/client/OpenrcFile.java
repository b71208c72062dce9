package io.conoha.assistant.client;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.UnaryOperator;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads {@code KEY=VALUE} assignments from an openrc script or a properties-style file: {@code export} is
 * optional, values may be single-quoted (literal) or double-quoted, {@code $VAR}/{@code ${VAR}} refer to
 * earlier assignments or the environment, and anything else (comments, echo, read, unset, if) is skipped.
 */
final class OpenrcFile {
  private static final Pattern ASSIGNMENT =
      Pattern.compile("^\\s*(?:export\\s+)?([A-Za-z_][A-Za-z0-9_.]*)\\s*[=:]\\s*(.*?)\\s*$");
  private static final Pattern VARIABLE = Pattern.compile("\\$(?:\\{([A-Za-z_][A-Za-z0-9_]*)}|([A-Za-z_][A-Za-z0-9_]*))");

  private OpenrcFile() {}

  static Map<String, String> parse(List<String> lines, Map<String, String> environment) {
    Map<String, String> values = new LinkedHashMap<>();
    UnaryOperator<String> lookup = name -> values.getOrDefault(name, environment.getOrDefault(name, ""));
    for (String line : lines) {
      if (line.trim().startsWith("#")) {
        continue;
      }
      Matcher m = ASSIGNMENT.matcher(line);
      if (m.matches()) {
        values.put(m.group(1), value(m.group(2), lookup));
      }
    }
    return values;
  }

  private static String value(String raw, UnaryOperator<String> lookup) {
    if (raw.length() >= 2 && raw.startsWith("'") && raw.endsWith("'")) {
      return raw.substring(1, raw.length() - 1);
    }
    if (raw.length() >= 2 && raw.startsWith("\"") && raw.endsWith("\"")) {
      String inner = raw.substring(1, raw.length() - 1);
      return expand(inner, lookup).replaceAll("\\\\([\"\\\\$`])", "$1");
    }
    return expand(stripComment(raw), lookup);
  }

  private static String stripComment(String raw) {
    int hash = raw.indexOf(" #");
    return hash < 0 ? raw : raw.substring(0, hash).trim();
  }

  private static String expand(String text, UnaryOperator<String> lookup) {
    Matcher m = VARIABLE.matcher(text);
    StringBuilder out = new StringBuilder();
    while (m.find()) {
      if (m.start() > 0 && text.charAt(m.start() - 1) == '\\') {
        m.appendReplacement(out, Matcher.quoteReplacement(m.group()));
        continue;
      }
      String name = m.group(1) != null ? m.group(1) : m.group(2);
      m.appendReplacement(out, Matcher.quoteReplacement(lookup.apply(name)));
    }
    m.appendTail(out);
    return out.toString();
  }
}
