package io.conoha.assistant.metrics;

import static org.assertj.core.api.Assertions.assertThat;

import io.conoha.assistant.client.http.ApiMetrics;
import io.conoha.assistant.ship.DebianTool;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import java.nio.file.Path;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/** What Prometheus gets from {@code /metrics} of the running operator (one {@link RealScrape}). */
@DisplayName("/metrics of a running operator")
class ScrapeTest {
  /** Labels Prometheus Operator sets on every series of a ServiceMonitor target: a metric must not carry them. */
  static final Set<String> TARGET_LABELS = Set.of("job", "namespace", "instance", "pod", "container", "service", "endpoint");

  @Test
  @DisplayName("promtool check metrics finds nothing to complain about (help text, names, units)")
  void promtoolCheckMetrics() throws Exception {
    Path file = RealScrape.file();
    DebianTool.Result result = DebianTool.PROMTOOL.run(file.getParent(), RealScrape.text(), "check", "metrics");
    assertThat(result.output()).as("promtool check metrics < " + file).isEmpty();
    assertThat(result.exitCode()).isZero();
  }

  @Test
  @DisplayName("no metric carries a target label; a resource is named by resource_namespace and resource_name")
  void noTargetLabels() {
    Scrape scrape = new Scrape(RealScrape.text());
    for (String name : scrape.names()) {
      assertThat(scrape.labels(name).keySet()).as(name).doesNotContainAnyElementsOf(TARGET_LABELS);
    }
    assertThat(scrape.labels("conoha_assistant_server_existence_seconds"))
        .containsOnlyKeys("resource_namespace", "resource_name")
        .containsEntry("resource_namespace", Set.of(RealScrape.NAMESPACES))
        .containsEntry("resource_name", Set.of("web"));
  }

  @Test
  @DisplayName("durations are in seconds: no hours, minutes or milliseconds in a name")
  void secondsOnly() {
    assertThat(new Scrape(RealScrape.text()).names()).noneMatch(n -> n.matches(".*_(hours|minutes|milliseconds|ms|ns)(_.*)?$"));
  }

  @Test
  @DisplayName("JVM and process metrics are there, next to the operator's own")
  void jvmAndProcess() {
    Scrape scrape = new Scrape(RealScrape.text());
    assertThat(scrape.labels("jvm_memory_used_bytes").get("area")).contains("heap", "nonheap");
    assertThat(scrape.names()).contains("jvm_memory_max_bytes", "jvm_gc_overhead", "jvm_gc_max_data_size_bytes", "jvm_threads_live_threads",
        "process_cpu_usage", "process_start_time_seconds", "process_files_open_files");
  }

  @Test
  @DisplayName("histograms have at most 10 explicit buckets per series, and five resources scrape to under 64 KiB")
  void smallHistograms() {
    Map<String, Integer> bucketsPerSeries = new TreeMap<>();
    Matcher m = Pattern.compile("(?m)^(\\w+_bucket)\\{(.*),?le=\"[^\"]*\"\\}").matcher(RealScrape.text());
    while (m.find()) {
      bucketsPerSeries.merge(m.group(1) + "{" + m.group(2) + "}", 1, Integer::sum);
    }
    assertThat(bucketsPerSeries).isNotEmpty();
    bucketsPerSeries.forEach((series, buckets) -> assertThat(buckets).as(series).isLessThanOrEqualTo(10));
    assertThat(RealScrape.text().length()).isLessThan(64 * 1024);
  }

  @Test
  @DisplayName("the failure counter of token requests exists at zero before any failure, so increase() sees the first")
  void authFailuresStartAtZero() {
    PrometheusMeterRegistry registry = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
    new ApiMetrics(registry);
    assertThat(registry.scrape()).contains("conoha_assistant_auth_requests_total{result=\"failure\"} 0.0");
  }
}
