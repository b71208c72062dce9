package io.conoha.assistant.metrics;

import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The Prometheus metric names the operator exposes: the README's metrics table, the one list users read.
 * The alert rules and the Grafana dashboard may use only these, and {@code OperatorCommandTest} scrapes a
 * running operator and checks that every one of them is really exposed, so rules and dashboard are
 * cross-checked against a scrape.
 */
public final class DocumentedMetrics {
  /** Metric family names; histograms and summaries are listed without _bucket, _count or _sum. */
  public static final Set<String> NAMES = readmeMetrics();

  static Set<String> readmeMetrics() {
    try {
      String readme = java.nio.file.Files.readString(java.nio.file.Path.of(System.getProperty("project.basedir", "."), "README.md"));
      String section = readme.substring(readme.indexOf("## Metrics"));
      section = section.substring(0, section.indexOf("\n## ", 3));
      Set<String> names = new TreeSet<>();
      Matcher m = Pattern.compile("^\\| `(conoha_assistant_[a-z_]+)`", Pattern.MULTILINE).matcher(section);
      while (m.find()) {
        names.add(m.group(1));
      }
      return names;
    } catch (java.io.IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
  }

  private static final Pattern NAME = Pattern.compile("conoha_assistant_[a-zA-Z0-9_]*[a-zA-Z0-9]");
  private static final Pattern SERIES_SUFFIX = Pattern.compile("_(bucket|count|sum)$");

  private DocumentedMetrics() {}

  /** Every conoha_assistant_* metric family a text (PromQL, dashboard JSON) refers to. */
  public static Set<String> referencedIn(String text) {
    Set<String> names = new TreeSet<>();
    Matcher m = NAME.matcher(text);
    while (m.find()) {
      names.add(SERIES_SUFFIX.matcher(m.group()).replaceFirst(""));
    }
    return names;
  }

  /** The referenced families that are not documented. */
  public static Set<String> undocumentedIn(String text) {
    Set<String> unknown = referencedIn(text);
    unknown.removeAll(NAMES);
    return unknown;
  }
}
