package io.conoha.assistant.metrics;

import io.micrometer.core.instrument.Meter;
import io.micrometer.core.instrument.config.MeterFilter;
import io.micrometer.core.instrument.distribution.DistributionStatisticConfig;
import java.time.Duration;
import java.util.Arrays;

/**
 * Explicit, small bucket layouts for every timer of the operator (ConoHa calls, reconciles, lifecycles).
 * Micrometer's percentile histogram would publish 69 buckets per series; a handful chosen for what each
 * timer measures keeps a scrape small and still answers the dashboard's p50/p95 and the SLO questions.
 */
public final class Histograms {
  /** One ConoHa HTTP request: tens of milliseconds to the 60 s request timeout. */
  static final double[] API_CALL = {0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 10, 60};
  /** One reconcile step: it makes at most a few calls. */
  static final double[] RECONCILE = {0.01, 0.05, 0.1, 0.25, 1, 5};
  /** A whole lifecycle step (creation to Ready, archive, restore): seconds to an hour. */
  static final double[] LIFECYCLE = {10, 30, 60, 120, 300, 600, 1800, 3600};
  /** Anything else that times (JVM GC pauses and the like). */
  static final double[] OTHER = {0.001, 0.01, 0.1, 1};

  /** Replaces any histogram setting of a timer with its explicit buckets. */
  public static final MeterFilter FILTER = new MeterFilter() {
    @Override
    public DistributionStatisticConfig configure(Meter.Id id, DistributionStatisticConfig config) {
      if (id.getType() != Meter.Type.TIMER) {
        return config;
      }
      return DistributionStatisticConfig.builder()
          .percentilesHistogram(false)
          .percentiles()
          .serviceLevelObjectives(nanos(bucketsFor(id.getName())))
          .build().merge(config);
    }
  };

  private Histograms() {}

  /** Bucket upper bounds in seconds for a Micrometer timer name. */
  static double[] bucketsFor(String name) {
    if (name.startsWith(OperatorMetrics.PREFIX + "api.")) {
      return API_CALL;
    }
    if (name.startsWith("reconciliations.") || name.startsWith(OperatorMetrics.PREFIX + "reconciliations.")) {
      return RECONCILE;
    }
    if (name.startsWith(OperatorMetrics.PREFIX)) {
      return LIFECYCLE;
    }
    return OTHER;
  }

  private static double[] nanos(double[] seconds) {
    return Arrays.stream(seconds).map(s -> (double) Duration.ofMillis(Math.round(s * 1000)).toNanos()).toArray();
  }
}
