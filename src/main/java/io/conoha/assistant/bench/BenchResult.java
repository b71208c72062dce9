package io.conoha.assistant.bench;

import java.util.List;
import java.util.Map;

/**
 * What one bench run measured; serialised as the JSON the README's results table is made from.
 * {@code reactionMs*}: resource created → first ConoHa call with the operator otherwise idle;
 * {@code loadedReactionMs*}: the same for {@code loadedProbes} fresh resources created one by one while the N
 * converge; {@code bulkReactionMs*}: the same for the N themselves, all created at once.
 * {@code urgentWaitMsMax} / {@code bulkWaitMsMax}: the longest a call waited in that lane of the rate limit.
 * {@code kubernetesRequests}: requests the in-process API server answered until convergence (operator and bench),
 * per server over the N and the probes ({@code operatorKubernetesRequestsPerServer}: without the bench's own
 * set-up, creates and final listing), and by method and resource. {@code operatorProcess}: figures of the
 * operator's own JVM (only with {@code --operator-process}).
 */
public record BenchResult(
    int servers,
    int loadedProbes,
    double convergeSeconds,
    double boundSeconds,
    double convergeRatio,
    Map<String, Long> apiCallsByOperation,
    double apiCallsPerServer,
    double steadyCallsPerPoll,
    long steadyPolls,
    long authCalls,
    long reactionMsP50,
    long reactionMsP99,
    long loadedReactionMsP50,
    long loadedReactionMsP99,
    long bulkReactionMsP50,
    long bulkReactionMsP99,
    long urgentWaitMsMax,
    long bulkWaitMsMax,
    long kubernetesRequests,
    double kubernetesRequestsPerServer,
    double operatorKubernetesRequestsPerServer,
    Map<String, Long> kubernetesRequestsByKind,
    double archiveRestoreSeconds,
    int archiveRestoreSample,
    long heapMiB,
    long rssMiB,
    double rateLimit,
    long latencyMs,
    OperatorProcessFigures operatorProcess) {

  /** The operator's own process, measured after the idle and archive phases with N + probes resources. */
  public record OperatorProcessFigures(
      long rssMiB,
      long heapAfterGcMiB,
      double cpuSeconds,
      long threads,
      long readyMs,
      List<String> jvmOptions,
      String memoryLimit) {}
}
