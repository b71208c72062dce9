package io.conoha.assistant.cli;

import io.conoha.assistant.bench.BenchResult;

/** The bench result as a small table for the terminal. */
final class BenchTable {
  private BenchTable() {}

  static String render(BenchResult r) {
    StringBuilder b = new StringBuilder("\n");
    row(b, "servers", r.servers());
    row(b, "loadedProbes", r.loadedProbes());
    row(b, "convergeSeconds", r.convergeSeconds());
    row(b, "boundSeconds", r.boundSeconds() + " (ratio " + r.convergeRatio() + ")");
    row(b, "apiCallsPerServer", r.apiCallsPerServer());
    row(b, "steadyCallsPerPoll", r.steadyCallsPerPoll() + " (over " + r.steadyPolls() + " polls)");
    row(b, "authCalls", r.authCalls());
    row(b, "reactionMsP50 / P99", r.reactionMsP50() + " / " + r.reactionMsP99() + " (idle operator)");
    row(b, "loadedReactionMsP50 / P99", r.loadedReactionMsP50() + " / " + r.loadedReactionMsP99()
        + " (fresh resources while N converge)");
    row(b, "bulkReactionMsP50 / P99", r.bulkReactionMsP50() + " / " + r.bulkReactionMsP99() + " (all N at once)");
    row(b, "urgent / bulk wait max", r.urgentWaitMsMax() + " / " + r.bulkWaitMsMax() + " ms in the rate limit");
    row(b, "kubernetesRequests", r.kubernetesRequests() + " (" + r.kubernetesRequestsPerServer() + " per server, "
        + r.operatorKubernetesRequestsPerServer() + " of them the operator's)");
    r.kubernetesRequestsByKind().forEach((k, n) -> b.append(String.format("  %-42s %7d%n", k, n)));
    row(b, "archive+restore (sample)", r.archiveRestoreSeconds() + " s for " + r.archiveRestoreSample());
    row(b, "heapMiB / rssMiB", r.heapMiB() + " / " + r.rssMiB() + (r.operatorProcess() == null ? "" : " (bench JVM)"));
    if (r.operatorProcess() != null) {
      var p = r.operatorProcess();
      row(b, "operator rss / heap", p.rssMiB() + " / " + p.heapAfterGcMiB() + " MiB (after GC)");
      row(b, "operator cpu / threads", p.cpuSeconds() + " s / " + p.threads());
      row(b, "operator ready", p.readyMs() + " ms to /readyz 200 (" + String.join(" ", p.jvmOptions())
          + ", memory " + p.memoryLimit() + ")");
    }
    b.append("apiCallsByOperation:\n");
    r.apiCallsByOperation().forEach((op, n) -> b.append(String.format("  %-42s %7d%n", op, n)));
    return b.toString();
  }

  private static void row(StringBuilder b, String key, Object value) {
    b.append(String.format("%-26s %s%n", key, value));
  }
}
