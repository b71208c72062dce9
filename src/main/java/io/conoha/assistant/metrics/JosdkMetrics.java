package io.conoha.assistant.metrics;

import io.javaoperatorsdk.operator.api.monitoring.Metrics;
import io.javaoperatorsdk.operator.monitoring.micrometer.MicrometerMetricsV2;
import io.micrometer.core.instrument.Meter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Tag;
import io.micrometer.core.instrument.Tags;
import io.micrometer.core.instrument.config.MeterFilter;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * JOSDK's MicrometerMetricsV2, made to fit one Prometheus registry scraped by Prometheus Operator:
 * <ul>
 *   <li>its meters get the project prefix (their names are generic enough to clash with other libraries);</li>
 *   <li>each gets help text (JOSDK registers none, and {@code promtool check metrics} refuses a family
 *       without it);</li>
 *   <li>{@code events.received} always carries the same tag keys (JOSDK omits {@code action} and
 *       {@code namespace} for timer and retry events, which Prometheus refuses);</li>
 *   <li>JOSDK's {@code namespace} tag becomes {@code resource_namespace}: a {@code namespace} label would
 *       clash with the target label Prometheus Operator sets (the operator pod's namespace).</li>
 * </ul>
 */
public final class JosdkMetrics {
  static final String NONE = "none";

  /** Help text of JOSDK's meters, by their Micrometer name. */
  static final Map<String, String> HELP = Map.of(
      "events.received", "Events that woke a controller (JOSDK)",
      "custom_resources", "Resources each controller knows (JOSDK)",
      MicrometerMetricsV2.RECONCILIATIONS_STARTED, "Reconciliations started (JOSDK)",
      MicrometerMetricsV2.RECONCILIATIONS_SUCCESS, "Reconciliations that finished (JOSDK)",
      MicrometerMetricsV2.RECONCILIATIONS_FAILED, "Reconciliations that threw (JOSDK)",
      MicrometerMetricsV2.RECONCILIATIONS_RETRIES_NUMBER, "Reconciliations retried after a failure (JOSDK)",
      MicrometerMetricsV2.RECONCILIATIONS_EXECUTIONS_GAUGE, "Reconciliations running (JOSDK)",
      MicrometerMetricsV2.RECONCILIATIONS_QUEUE_SIZE_GAUGE, "Reconciliations waiting (JOSDK)",
      MicrometerMetricsV2.RECONCILIATION_EXECUTION_DURATION, "Reconciliation duration (JOSDK)");

  private JosdkMetrics() {}

  /**
   * Installs the filters the operator's registry needs: JOSDK's names, help and labels (above) and the
   * explicit histogram buckets of every timer ({@link Histograms}) and the process meters' names
   * ({@link ProcessMetrics#FILTER}). Call before any meter is registered.
   */
  public static void installFilters(MeterRegistry registry) {
    registry.config().meterFilter(new MeterFilter() {
      @Override
      public Meter.Id map(Meter.Id id) {
        return isJosdk(id.getName()) ? josdkId(id) : id;
      }
    }).meterFilter(Histograms.FILTER).meterFilter(ProcessMetrics.FILTER);
  }

  static Meter.Id josdkId(Meter.Id id) {
    List<Tag> tags = new ArrayList<>();
    for (Tag tag : id.getTags()) {
      tags.add(tag.getKey().equals("namespace") ? Tag.of("resource_namespace", tag.getValue()) : tag);
    }
    if (id.getName().equals("events.received")) {
      pad(tags, "action");
      pad(tags, "resource_namespace");
    }
    String description = id.getDescription() != null ? id.getDescription() : HELP.getOrDefault(id.getName(), "JOSDK meter");
    return new Meter.Id(OperatorMetrics.PREFIX + id.getName(), Tags.of(tags), id.getBaseUnit(), description, id.getType());
  }

  private static void pad(List<Tag> tags, String key) {
    if (tags.stream().noneMatch(t -> t.getKey().equals(key))) {
      tags.add(Tag.of(key, NONE));
    }
  }

  public static Metrics create(MeterRegistry registry) {
    return MicrometerMetricsV2.newBuilder(registry).build();
  }

  /**
   * JOSDK registers its failure and retry counters only on the first failure; registering them at zero lets
   * alerts and dashboards find them from the start (and {@code increase()} see the first failure).
   */
  public static void registerFailureCounters(MeterRegistry registry, List<String> controllerNames) {
    for (String name : controllerNames) {
      registry.counter(MicrometerMetricsV2.RECONCILIATIONS_FAILED, "controller.name", name);
      registry.counter(MicrometerMetricsV2.RECONCILIATIONS_RETRIES_NUMBER, "controller.name", name);
    }
  }

  private static boolean isJosdk(String name) {
    return name.startsWith("reconciliations.") || HELP.containsKey(name);
  }
}
