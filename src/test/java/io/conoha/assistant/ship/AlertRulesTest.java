package io.conoha.assistant.ship;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.conoha.assistant.client.error.ConohaException;
import io.conoha.assistant.metrics.RealScrape;
import io.conoha.assistant.metrics.Scrape;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * The chart's alerts and dashboard checked with Prometheus' own tool and against a real scrape of the operator:
 * {@code promtool check rules}, {@code promtool test rules} (src/test/resources/ship/prometheus/alerts_test.yaml:
 * each alert fires when it should and stays silent when it should not), and every metric name, label and label
 * value the queries use exists in the scrape.
 */
@DisplayName("Alerts and dashboard with promtool and a real scrape")
class AlertRulesTest {
  static final String UNIT_TESTS = "src/test/resources/ship/prometheus/alerts_test.yaml";
  /** Labels Prometheus Operator sets on every series of a ServiceMonitor target. */
  static final Set<String> TARGET_LABELS = Set.of("job", "namespace", "instance", "pod", "container", "service", "endpoint");
  static final Pattern SELECTOR = Pattern.compile("\\b((?:conoha_assistant|jvm|process|up)[a-zA-Z0-9_]*)\\s*(\\{([^}]*)\\})?");
  static final Pattern MATCHER = Pattern.compile("([a-zA-Z_][a-zA-Z0-9_]*)\\s*(=~|!~|!=|=)\\s*\"([^\"]*)\"");
  static final Pattern BY = Pattern.compile("\\bby\\s*\\(([^)]*)\\)");

  /** The PrometheusRule's spec (its groups), rendered with the chart's defaults and the rule switched on. */
  static JsonNode ruleGroups() {
    var objects = ShipFiles.objects(Chart.template(Chart.DEFAULTS, Map.of("metrics.prometheusRule.enabled", "true")));
    return ShipFiles.JSON.valueToTree(ShipFiles.ofKind(objects, "PrometheusRule").get(0)).get("spec");
  }

  /** The groups without annotations (the unit tests assert labels; check rules validates the templates). */
  static String unitTestRules(String fromExpr, String toExpr) throws Exception {
    JsonNode spec = ruleGroups().deepCopy();
    for (JsonNode group : spec.get("groups")) {
      for (JsonNode rule : group.get("rules")) {
        ((ObjectNode) rule).remove("annotations");
        ((ObjectNode) rule).put("expr", rule.get("expr").asText().replace(fromExpr, toExpr));
      }
    }
    return ShipFiles.YAML.writeValueAsString(spec);
  }

  static DebianTool.Result testRules(Path dir, String rules) throws Exception {
    Files.writeString(dir.resolve("rules.yaml"), rules);
    Files.writeString(dir.resolve("alerts_test.yaml"), ShipFiles.read(UNIT_TESTS));
    return DebianTool.PROMTOOL.run(dir, null, "test", "rules", "alerts_test.yaml");
  }

  @Test
  @DisplayName("promtool check rules accepts the rendered PrometheusRule")
  void checkRules(@TempDir Path dir) throws Exception {
    Files.writeString(dir.resolve("rules.yaml"), ShipFiles.YAML.writeValueAsString(ruleGroups()));
    DebianTool.Result result = DebianTool.PROMTOOL.run(dir, null, "check", "rules", "rules.yaml");
    assertThat(result.exitCode()).as(result.output()).isZero();
    assertThat(result.output()).contains("SUCCESS: 8 rules found");
  }

  @Test
  @DisplayName("promtool test rules: every alert fires when it should and stays silent when it should not")
  void unitTests(@TempDir Path dir) throws Exception {
    DebianTool.Result result = testRules(dir, unitTestRules("", ""));
    assertThat(result.exitCode()).as(result.output()).isZero();
    assertThat(result.output()).contains("SUCCESS");
    Set<String> tested = new TreeSet<>();
    Matcher m = Pattern.compile("alertname: (\\w+)").matcher(ShipFiles.read(UNIT_TESTS));
    while (m.find()) {
      tested.add(m.group(1));
    }
    Set<String> alerts = new TreeSet<>();
    ruleGroups().get("groups").forEach(g -> g.get("rules").forEach(r -> alerts.add(r.get("alert").asText())));
    assertThat(tested).as("every alert has unit tests").isEqualTo(alerts);
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource(delimiterString = " ; ", value = {
      "the rate-limit alert filtering on kind=\"RATE_LIMITED\" (never in a scrape) ; kind=\"rate_limited\" ; kind=\"RATE_LIMITED\"",
      "the API error alert counting every kind but rate limits (404 lookups page) ; kind=~\"server_error|timeout|transport\" ; kind!=\"rate_limited\"",
      "the auth alert without the branch for a replica that started with failures ; > 0\\n  unless ; > 1e9\\n  unless"})
  @DisplayName("the unit tests catch a broken rule:")
  void unitTestsCatchBrokenRules(String bug, String fixed, String broken, @TempDir Path dir) throws Exception {
    String rules = unitTestRules(fixed.replace("\\n", "\n"), broken.replace("\\n", "\n"));
    assertThat(rules).as("the mutation applies").isNotEqualTo(unitTestRules("", ""));
    DebianTool.Result result = testRules(dir, rules);
    assertThat(result.exitCode()).as(bug + ": " + result.output()).isNotZero();
  }

  @Test
  @DisplayName("the unit tests' input series have the names and label keys of a real scrape (plus target labels)")
  void unitTestSeriesAreShapedLikeTheScrape() {
    Scrape scrape = new Scrape(RealScrape.text());
    Matcher m = Pattern.compile("series: '([a-zA-Z_:][a-zA-Z0-9_:]*)\\{([^}]*)\\}'").matcher(ShipFiles.read(UNIT_TESTS));
    int count = 0;
    while (m.find()) {
      count++;
      String name = m.group(1);
      Set<String> keys = new TreeSet<>();
      Matcher l = MATCHER.matcher(m.group(2));
      while (l.find()) {
        if (!TARGET_LABELS.contains(l.group(1))) {
          keys.add(l.group(1));
          assertThat(possibleValues(scrape, name, l.group(1))).as("%s value %s=%s", name, l.group(1), l.group(3))
              .contains(l.group(3));
        }
      }
      assertThat(keys).as("labels of %s", name).isEqualTo(name.equals("up") ? Set.of() : scrape.labels(name).keySet());
    }
    assertThat(count).isGreaterThan(20);
  }

  @Test
  @DisplayName("every metric, label and label value the alerts and the dashboard query exists in a real scrape")
  void queriesMatchTheScrape() {
    Scrape scrape = new Scrape(RealScrape.text());
    StringBuilder queries = new StringBuilder();
    ruleGroups().get("groups").forEach(g -> g.get("rules").forEach(r -> queries.append(r.get("expr").asText()).append("\n;\n")));
    readTree(ChartMonitoringTest.dashboardJson()).get("panels").forEach(p ->
        p.path("targets").forEach(t -> queries.append(t.get("expr").asText()).append("\n;\n")));
    for (String query : queries.toString().split("\n;\n")) {
      Set<String> labelsInQuery = new TreeSet<>(TARGET_LABELS);
      labelsInQuery.add("le");
      Matcher s = SELECTOR.matcher(query);
      while (s.find()) {
        String name = s.group(1);
        if (name.equals("up")) {
          continue;
        }
        assertThat(scrape.has(name)).as("%s in: %s", name, query).isTrue();
        String family = scrape.labels(name).isEmpty() ? name.replaceAll("_(bucket|count|sum)$", "") : name;
        labelsInQuery.addAll(scrape.labels(family).keySet());
        if (s.group(3) == null) {
          continue;
        }
        Matcher l = MATCHER.matcher(s.group(3));
        while (l.find()) {
          String label = l.group(1);
          if (TARGET_LABELS.contains(label)) {
            continue;
          }
          assertThat(scrape.labels(family)).as("%s has label %s (%s)", name, label, query).containsKey(label);
          if (l.group(2).equals("=") || l.group(2).equals("=~")) {
            Set<String> possible = possibleValues(scrape, family, label);
            for (String alternative : l.group(3).split("\\|")) {
              assertThat(possible).as("%s{%s=%s} in: %s", name, label, alternative, query).contains(alternative);
            }
          }
        }
      }
      Matcher by = BY.matcher(query);
      while (by.find()) {
        for (String label : by.group(1).split(",")) {
          assertThat(labelsInQuery).as("by (%s) in: %s", label.trim(), query).contains(label.trim());
        }
      }
    }
  }

  static JsonNode readTree(String json) {
    try {
      return ShipFiles.JSON.readTree(json);
    } catch (java.io.IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
  }

  /** What a label can hold: what the scrape shows, and for the error kind every kind the client knows. */
  static Set<String> possibleValues(Scrape scrape, String family, String label) {
    Set<String> values = new TreeSet<>(scrape.labels(family).getOrDefault(label, Set.of()));
    if (family.startsWith("conoha_assistant_api_errors") && label.equals("kind")) {
      Arrays.stream(ConohaException.Kind.values()).forEach(k -> values.add(k.name().toLowerCase(Locale.ROOT)));
    }
    if (family.startsWith("conoha_assistant_resources") && label.equals("kind")) {
      values.addAll(Set.of("ConohaServer", "ConohaImage"));
    }
    if (family.startsWith("conoha_assistant_api") && label.equals("status")) {
      values.addAll(Set.of("200", "404", "429", "503"));
    }
    return values;
  }
}
