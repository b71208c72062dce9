package io.conoha.assistant.metrics;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.config.MeterFilter;
import io.micrometer.core.instrument.binder.jvm.ClassLoaderMetrics;
import io.micrometer.core.instrument.binder.jvm.JvmGcMetrics;
import io.micrometer.core.instrument.binder.jvm.JvmHeapPressureMetrics;
import io.micrometer.core.instrument.binder.jvm.JvmMemoryMetrics;
import io.micrometer.core.instrument.binder.jvm.JvmThreadMetrics;
import io.micrometer.core.instrument.binder.system.FileDescriptorMetrics;
import io.micrometer.core.instrument.binder.system.ProcessorMetrics;
import io.micrometer.core.instrument.binder.system.UptimeMetrics;

/**
 * The {@code jvm_*} and {@code process_*} meters of the production process, so a pod that runs near its
 * memory limit shows heap, GC and file descriptors next to the operator's own metrics. Bound only by the
 * {@code operator} command: tests that run several operators in one JVM need not bind them each time.
 */
public final class ProcessMetrics {
  /** What {@link #bindTo} holds: closing it releases the GC listeners. */
  public interface Binding extends AutoCloseable {
    @Override
    void close();
  }

  /**
   * Drops the two process meters whose names Prometheus' conventions refuse ({@code promtool check metrics}:
   * {@code process_cpu_time_ns_total} abbreviates its unit, {@code system_cpu_count} ends in {@code _count}
   * without being a histogram); {@code process_cpu_usage} and {@code system_cpu_usage} say the same.
   */
  public static final MeterFilter FILTER = MeterFilter.deny(id ->
      id.getName().equals("process.cpu.time") || id.getName().equals("system.cpu.count"));

  private ProcessMetrics() {}

  /**
   * Binds the JVM and process binders. Call after the operator installed its filters, so GC timers get the small bucket layout.
   */
  public static Binding bindTo(MeterRegistry registry) {
    new JvmMemoryMetrics().bindTo(registry);
    new JvmThreadMetrics().bindTo(registry);
    new ClassLoaderMetrics().bindTo(registry);
    new ProcessorMetrics().bindTo(registry);
    new UptimeMetrics().bindTo(registry);
    new FileDescriptorMetrics().bindTo(registry);
    JvmGcMetrics gc = new JvmGcMetrics();
    gc.bindTo(registry);
    JvmHeapPressureMetrics pressure = new JvmHeapPressureMetrics();
    pressure.bindTo(registry);
    return () -> {
      gc.close();
      pressure.close();
    };
  }
}
