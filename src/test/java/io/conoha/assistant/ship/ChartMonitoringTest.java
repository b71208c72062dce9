package io.conoha.assistant.ship;

import io.conoha.assistant.metrics.DocumentedMetrics;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.fabric8.kubernetes.api.model.ConfigMap;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/** The opt-in PrometheusRule and Grafana dashboard, and the runbooks the alerts link to. */
@DisplayName("Alerts and dashboard")
class ChartMonitoringTest {
  /** The runbooks: this README section, or README.md once the section has been merged there. */
  static final String RUNBOOKS = "README.md";

  static JsonNode prometheusRule() {
    return ShipFiles.JSON.valueToTree(ShipFiles.ofKind(Chart.objects(Chart.EVERYTHING_ON), "PrometheusRule").get(0));
  }

  /** alert name -> rule. */
  static Map<String, JsonNode> alerts() {
    Map<String, JsonNode> alerts = new LinkedHashMap<>();
    for (JsonNode group : prometheusRule().at("/spec/groups")) {
      for (JsonNode rule : group.get("rules")) {
        alerts.put(rule.get("alert").asText(), rule);
      }
    }
    return alerts;
  }

  static String dashboardJson() {
    return ShipFiles.ofKind(Chart.objects(Chart.EVERYTHING_ON), ConfigMap.class).stream()
        .filter(c -> c.getMetadata().getName().endsWith("-dashboard")).findFirst().orElseThrow()
        .getData().get("conoha-assistant.json");
  }

  @Test
  @DisplayName("alerts exist for: operator down, reconcile failures, ConoHa API errors and 429s, not Ready for 15m, stuck in BUILD (AlertRulesTest proves what they do)")
  void requiredAlerts() {
    Map<String, JsonNode> alerts = alerts();
    assertThat(alerts).containsKeys("ConohaAssistantDown", "ConohaAssistantReconcileFailures", "ConohaAssistantApiErrors",
        "ConohaAssistantApiRateLimited", "ConohaAssistantResourcesNotReady", "ConohaAssistantServerStuckInBuild");
    assertThat(alerts.get("ConohaAssistantDown").get("expr").asText()).contains("up{");
    assertThat(alerts.get("ConohaAssistantResourcesNotReady").get("for").asText()).isEqualTo("15m");
    assertThat(alerts.get("ConohaAssistantServerStuckInBuild").get("expr").asText())
        .contains("conoha_assistant_servers_building_seconds_max").contains("> 1200");
  }

  @Test
  @DisplayName("every alert has a severity, a summary, a description, the extra alert labels and a runbook in the README section")
  void alertsAreActionable() {
    Set<String> anchors = markdownAnchors(ShipFiles.read(RUNBOOKS));
    alerts().forEach((name, rule) -> {
      assertThat(rule.at("/labels/severity").asText()).as(name).isIn("critical", "warning", "info");
      assertThat(rule.at("/labels/team").asText()).as(name + " alertLabels").isEqualTo("platform");
      assertThat(rule.at("/annotations/summary").asText()).as(name).isNotBlank();
      assertThat(rule.at("/annotations/description").asText()).as(name).isNotBlank();
      String url = rule.at("/annotations/runbook_url").asText();
      assertThat(url).as(name).startsWith("https://github.com/conoha-assistant/conoha-assistant/blob/main/README.md#");
      String anchor = url.substring(url.indexOf('#') + 1);
      assertThat(anchor).as(name).isEqualTo(name.toLowerCase(Locale.ROOT));
      assertThat(anchors).as("runbook heading for %s in %s", name, RUNBOOKS).contains(anchor);
    });
  }

  @Test
  @DisplayName("alert expressions are rendered PromQL: brackets balance and no template braces are left")
  void expressionsAreWellFormed() {
    alerts().forEach((name, rule) -> {
      String expr = rule.get("expr").asText();
      assertThat(expr).as(name).doesNotContain("{{").doesNotContain("}}");
      assertThat(balanced(expr)).as("%s brackets in: %s", name, expr).isTrue();
      assertThat(expr).as(name + " is limited to this release").contains("namespace=\"" + Chart.NAMESPACE + "\"");
    });
  }

  @Test
  @DisplayName("alerts use only documented operator metrics (and Prometheus' up)")
  void alertsUseDocumentedMetrics() {
    StringBuilder exprs = new StringBuilder();
    alerts().values().forEach(r -> exprs.append(r.get("expr").asText()).append('\n'));
    assertThat(DocumentedMetrics.referencedIn(exprs.toString())).hasSizeGreaterThanOrEqualTo(7);
    assertThat(DocumentedMetrics.undocumentedIn(exprs.toString())).isEmpty();
  }

  @Test
  @DisplayName("the dashboard uses only documented operator metrics")
  void dashboardUsesDocumentedMetrics() {
    String dashboard = dashboardJson();
    assertThat(DocumentedMetrics.referencedIn(dashboard)).hasSizeGreaterThanOrEqualTo(15);
    assertThat(DocumentedMetrics.undocumentedIn(dashboard)).isEmpty();
  }

  @Test
  @DisplayName("the metric-name check catches an undocumented name and strips only histogram series suffixes")
  void metricCheckCanFail() {
    String promql = "rate(conoha_assistant_api_request_duration_seconds_bucket[5m]) + conoha_assistant_servers_building_seconds_max"
        + " + conoha_assistant_servers_total + conoha_assistant_time_to_ready_seconds_max";
    assertThat(DocumentedMetrics.undocumentedIn(promql))
        .containsExactlyInAnyOrder("conoha_assistant_servers_total", "conoha_assistant_time_to_ready_seconds_max");
  }

  static boolean balanced(String s) {
    Deque<Character> stack = new ArrayDeque<>();
    boolean inString = false;
    for (char c : s.toCharArray()) {
      if (c == '"') {
        inString = !inString;
      }
      if (inString) {
        continue;
      }
      switch (c) {
        case '(', '[', '{' -> stack.push(c);
        case ')' -> { if (stack.isEmpty() || stack.pop() != '(') return false; }
        case ']' -> { if (stack.isEmpty() || stack.pop() != '[') return false; }
        case '}' -> { if (stack.isEmpty() || stack.pop() != '{') return false; }
        default -> { }
      }
    }
    return stack.isEmpty() && !inString;
  }

  /** GitHub-style anchors of the Markdown headings. */
  static Set<String> markdownAnchors(String markdown) {
    Set<String> anchors = new TreeSet<>();
    Matcher m = Pattern.compile("(?m)^#{1,6}\\s+(.+?)\\s*$").matcher(markdown);
    while (m.find()) {
      anchors.add(m.group(1).toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9 _-]", "").replace(' ', '-'));
    }
    return anchors;
  }
}
