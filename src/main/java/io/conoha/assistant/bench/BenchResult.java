package io.conoha.assistant.bench;

import java.util.Map;

/**
 * What one bench run measured; serialised as the JSON the README's results table is made from.
 * {@code reactionMs*}: resource created → first ConoHa call with the operator otherwise idle;
 * {@code loadedReactionMs*}: the same while all N servers are being created at once.
 * {@code kubernetesRequests}: requests the in-process API server answered until convergence (operator and bench).
 */
public record BenchResult(
    int servers,
    double convergeSeconds,
    double boundSeconds,
    Map<String, Long> apiCallsByOperation,
    double apiCallsPerServer,
    double steadyCallsPerPoll,
    long steadyPolls,
    long authCalls,
    long reactionMsP50,
    long reactionMsP99,
    long loadedReactionMsP50,
    long loadedReactionMsP99,
    long kubernetesRequests,
    double kubernetesRequestsPerServer,
    double archiveRestoreSeconds,
    int archiveRestoreSample,
    long heapMiB,
    long rssMiB,
    double rateLimit,
    long latencyMs) {}
