package io.conoha.assistant.metrics;

import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** A Prometheus text scrape parsed into metric families: name -> label name -> the values seen. */
public final class Scrape {
  private static final Pattern SAMPLE = Pattern.compile("^([a-zA-Z_:][a-zA-Z0-9_:]*)(\\{(.*)\\})? \\S+$");
  private static final Pattern LABEL = Pattern.compile("([a-zA-Z_][a-zA-Z0-9_]*)=\"((?:[^\"\\\\]|\\\\.)*)\"");
  private static final Pattern SERIES_SUFFIX = Pattern.compile("_(bucket|count|sum)$");

  private final Map<String, Map<String, Set<String>>> families = new TreeMap<>();

  public Scrape(String text) {
    for (String line : text.split("\n")) {
      Matcher m = SAMPLE.matcher(line);
      if (line.startsWith("#") || !m.matches()) {
        continue;
      }
      Map<String, Set<String>> labels = families.computeIfAbsent(m.group(1), k -> new TreeMap<>());
      if (m.group(3) != null) {
        Matcher l = LABEL.matcher(m.group(3));
        while (l.find()) {
          labels.computeIfAbsent(l.group(1), k -> new TreeSet<>()).add(l.group(2));
        }
      }
    }
  }

  /** Whether a series name (or a histogram's _bucket/_sum/_count) is in the scrape. */
  public boolean has(String series) {
    return families.containsKey(series) || families.containsKey(SERIES_SUFFIX.matcher(series).replaceFirst(""));
  }

  /** The label names of a series (a histogram's _bucket carries le too), empty if it is absent. */
  public Map<String, Set<String>> labels(String series) {
    return families.getOrDefault(series, Map.of());
  }

  public Set<String> names() {
    return families.keySet();
  }
}
