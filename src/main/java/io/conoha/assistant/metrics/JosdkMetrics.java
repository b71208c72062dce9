package io.conoha.assistant.metrics;

import io.javaoperatorsdk.operator.api.monitoring.Metrics;
import io.javaoperatorsdk.operator.monitoring.micrometer.MicrometerMetricsV2;
import io.micrometer.core.instrument.Meter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Tag;
import io.micrometer.core.instrument.config.MeterFilter;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * JOSDK's MicrometerMetricsV2, made to fit one Prometheus registry: its meters get the project prefix
 * (their names are generic enough to clash with other libraries), and {@code events.received} always carries
 * the same tag keys (JOSDK omits {@code action} for timer and retry events, which Prometheus refuses).
 */
public final class JosdkMetrics {
  private static final Set<String> JOSDK_NAMES = Set.of("events.received", "custom_resources");

  private JosdkMetrics() {}

  /** Installs the filters; call before any meter is registered. */
  public static void installFilters(MeterRegistry registry) {
    registry.config().meterFilter(new MeterFilter() {
      @Override
      public Meter.Id map(Meter.Id id) {
        if (!isJosdk(id.getName())) {
          return id;
        }
        Meter.Id prefixed = id.withName(OperatorMetrics.PREFIX + id.getName());
        if (!id.getName().equals("events.received") || id.getTag("action") != null) {
          return prefixed;
        }
        List<Tag> tags = new ArrayList<>(id.getTags());
        tags.add(Tag.of("action", "none"));
        return prefixed.replaceTags(tags);
      }
    });
  }

  public static Metrics create(MeterRegistry registry) {
    return MicrometerMetricsV2.newBuilder(registry).build();
  }

  /**
   * JOSDK registers its failure and retry counters only on the first failure; registering them at zero lets
   * alerts and dashboards find them from the start.
   */
  public static void registerFailureCounters(MeterRegistry registry, List<String> controllerNames) {
    for (String name : controllerNames) {
      registry.counter(MicrometerMetricsV2.RECONCILIATIONS_FAILED, "controller.name", name);
      registry.counter(MicrometerMetricsV2.RECONCILIATIONS_RETRIES_NUMBER, "controller.name", name);
    }
  }

  private static boolean isJosdk(String name) {
    return name.startsWith("reconciliations.") || JOSDK_NAMES.contains(name);
  }
}
