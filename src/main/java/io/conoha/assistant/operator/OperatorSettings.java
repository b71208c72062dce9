package io.conoha.assistant.operator;

import io.conoha.assistant.operator.reconcile.Deadlines;
import java.time.Duration;
import java.util.Set;

/**
 * How the operator runs. {@code createGrace} is how long an uncertain create (timeout, 5xx, crash) is given
 * to show up in listings before it is tried again: it must exceed ConoHa's listing lag.
 */
public record OperatorSettings(
    Duration fastPoll,
    Duration slowPoll,
    Duration createGrace,
    Duration catalogTtl,
    Set<String> namespaces,
    double rateLimit,
    Duration requestTimeout,
    Deadlines deadlines) {

  public static OperatorSettings defaults() {
    return new OperatorSettings(Duration.ofSeconds(5), Duration.ofSeconds(60), Duration.ofSeconds(60),
        Duration.ofMinutes(10), Set.of(), 10, Duration.ofSeconds(60), Deadlines.defaults());
  }

  public OperatorSettings withPolls(Duration fast, Duration slow) {
    return new OperatorSettings(fast, slow, createGrace, catalogTtl, namespaces, rateLimit, requestTimeout, deadlines);
  }

  public OperatorSettings withCreateGrace(Duration grace) {
    return new OperatorSettings(fastPoll, slowPoll, grace, catalogTtl, namespaces, rateLimit, requestTimeout, deadlines);
  }

  public OperatorSettings withNamespaces(Set<String> watched) {
    return new OperatorSettings(fastPoll, slowPoll, createGrace, catalogTtl, watched, rateLimit, requestTimeout, deadlines);
  }

  public OperatorSettings withRateLimit(double perSecond) {
    return new OperatorSettings(fastPoll, slowPoll, createGrace, catalogTtl, namespaces, perSecond, requestTimeout, deadlines);
  }

  public OperatorSettings withRequestTimeout(Duration timeout) {
    return new OperatorSettings(fastPoll, slowPoll, createGrace, catalogTtl, namespaces, rateLimit, timeout, deadlines);
  }

  public OperatorSettings withDeadlines(Deadlines d) {
    return new OperatorSettings(fastPoll, slowPoll, createGrace, catalogTtl, namespaces, rateLimit, requestTimeout, d);
  }
}
