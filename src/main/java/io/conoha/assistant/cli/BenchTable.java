package io.conoha.assistant.cli;

import io.conoha.assistant.bench.BenchResult;

/** The bench result as a small table for the terminal. */
final class BenchTable {
  private BenchTable() {}

  static String render(BenchResult r) {
    StringBuilder b = new StringBuilder("\n");
    row(b, "servers", r.servers());
    row(b, "convergeSeconds", r.convergeSeconds());
    row(b, "boundSeconds", r.boundSeconds());
    row(b, "apiCallsPerServer", r.apiCallsPerServer());
    row(b, "steadyCallsPerPoll", r.steadyCallsPerPoll() + " (over " + r.steadyPolls() + " polls)");
    row(b, "authCalls", r.authCalls());
    row(b, "reactionMsP50 / P99", r.reactionMsP50() + " / " + r.reactionMsP99() + " (idle operator)");
    row(b, "loadedReactionMsP50 / P99", r.loadedReactionMsP50() + " / " + r.loadedReactionMsP99() + " (all N at once)");
    row(b, "kubernetesRequests", r.kubernetesRequests() + " (" + r.kubernetesRequestsPerServer() + " per server)");
    row(b, "archive+restore (sample)", r.archiveRestoreSeconds() + " s for " + r.archiveRestoreSample());
    row(b, "heapMiB / rssMiB", r.heapMiB() + " / " + r.rssMiB());
    b.append("apiCallsByOperation:\n");
    r.apiCallsByOperation().forEach((op, n) -> b.append(String.format("  %-42s %7d%n", op, n)));
    return b.toString();
  }

  private static void row(StringBuilder b, String key, Object value) {
    b.append(String.format("%-26s %s%n", key, value));
  }
}
