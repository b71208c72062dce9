package io.conoha.assistant.demo;

import io.conoha.assistant.api.ConohaImage;
import io.conoha.assistant.api.ConohaServer;
import io.fabric8.kubernetes.client.KubernetesClient;
import java.io.PrintStream;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/** Prints a row whenever a resource's phase, progress, address or readiness changes, like {@code kubectl get -w}. */
public final class LiveTable implements AutoCloseable {
  private static final String FORMAT = "%-8s %-7s %-22s %-13s %-9s %-16s %-5s%n";

  private final KubernetesClient client;
  private final String namespace;
  private final PrintStream out;
  private final long startedAt = System.nanoTime();
  private final Map<String, String> lastRow = new HashMap<>();
  private final ScheduledExecutorService ticker = Executors.newSingleThreadScheduledExecutor(r -> {
    Thread t = new Thread(r, "live-table");
    t.setDaemon(true);
    return t;
  });

  public LiveTable(KubernetesClient client, String namespace, PrintStream out) {
    this.client = client;
    this.namespace = namespace;
    this.out = out;
    out.printf(FORMAT, "TIME", "KIND", "NAME", "PHASE", "PROGRESS", "IPV4", "READY");
    ticker.scheduleWithFixedDelay(this::refresh, 0, 100, TimeUnit.MILLISECONDS);
  }

  /** Prints what changed since the last look (also called by the demo at each milestone, so none is missed). */
  public synchronized void refresh() {
    try {
      client.resources(ConohaServer.class).inNamespace(namespace).list().getItems().forEach(s -> print("Server",
          s.getMetadata().getName(), s.getStatus() == null ? null : s.getStatus().getPhaseName(), "",
          s.getStatus() == null || s.getStatus().getAddresses() == null || s.getStatus().getAddresses().getIpv4().isEmpty()
              ? "" : s.getStatus().getAddresses().getIpv4().get(0),
          s.getStatus() != null && s.getStatus().isReady()));
      client.resources(ConohaImage.class).inNamespace(namespace).list().getItems().forEach(i -> print("Image",
          i.getMetadata().getName(), i.getStatus() == null ? null : i.getStatus().getPhaseName(),
          i.getStatus() == null || i.getStatus().getProgress() == null ? "" : i.getStatus().getProgress() + "%", "",
          i.getStatus() != null && i.getStatus().isReady()));
    } catch (RuntimeException e) {
      // the API server may be shutting down at the end of the demo
    }
  }

  private void print(String kind, String name, String phase, String progress, String ip, boolean ready) {
    String row = String.join("|", kind, name, phase == null ? "-" : phase, progress, ip, String.valueOf(ready));
    if (!row.equals(lastRow.put(kind + "/" + name, row))) {
      out.printf(FORMAT, String.format("%.1fs", (System.nanoTime() - startedAt) / 1e9), kind, name,
          phase == null ? "-" : phase, progress, ip, ready ? "True" : "False");
    }
  }

  @Override
  public void close() {
    refresh();
    ticker.shutdownNow();
  }
}
