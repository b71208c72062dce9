package io.conoha.assistant.operator;

import io.conoha.assistant.operator.reconcile.Deadlines;
import java.time.Duration;
import java.util.Set;

/**
 * How the operator runs. {@code createGrace} is how long an uncertain create (timeout, 5xx, crash) is given
 * to show up in listings before it is tried again: it must exceed ConoHa's listing lag. {@code freshWindow} is how
 * long a new spec generation's steps go in the urgent lane of the account's rate limit and bulkhead.
 */
public record OperatorSettings(
    Duration fastPoll,
    Duration slowPoll,
    Duration createGrace,
    Duration catalogTtl,
    Set<String> namespaces,
    double rateLimit,
    Duration requestTimeout,
    Deadlines deadlines,
    Duration freshWindow) {

  /** How long a new spec generation counts as fresh: its first steps go ahead of bulk work. */
  public static final Duration FRESH_WINDOW = Duration.ofSeconds(5);

  public static OperatorSettings defaults() {
    return new OperatorSettings(Duration.ofSeconds(5), Duration.ofSeconds(60), Duration.ofSeconds(60),
        Duration.ofMinutes(10), Set.of(), 10, Duration.ofSeconds(60), Deadlines.defaults(), FRESH_WINDOW);
  }

  public OperatorSettings withPolls(Duration fast, Duration slow) {
    return new OperatorSettings(fast, slow, createGrace, catalogTtl, namespaces, rateLimit, requestTimeout, deadlines,
        freshWindow);
  }

  public OperatorSettings withCreateGrace(Duration grace) {
    return new OperatorSettings(fastPoll, slowPoll, grace, catalogTtl, namespaces, rateLimit, requestTimeout, deadlines,
        freshWindow);
  }

  public OperatorSettings withNamespaces(Set<String> watched) {
    return new OperatorSettings(fastPoll, slowPoll, createGrace, catalogTtl, watched, rateLimit, requestTimeout, deadlines,
        freshWindow);
  }

  public OperatorSettings withRateLimit(double perSecond) {
    return new OperatorSettings(fastPoll, slowPoll, createGrace, catalogTtl, namespaces, perSecond, requestTimeout, deadlines,
        freshWindow);
  }

  public OperatorSettings withRequestTimeout(Duration timeout) {
    return new OperatorSettings(fastPoll, slowPoll, createGrace, catalogTtl, namespaces, rateLimit, timeout, deadlines,
        freshWindow);
  }

  public OperatorSettings withFreshWindow(Duration window) {
    return new OperatorSettings(fastPoll, slowPoll, createGrace, catalogTtl, namespaces, rateLimit, requestTimeout,
        deadlines, window);
  }

  public OperatorSettings withDeadlines(Deadlines d) {
    return new OperatorSettings(fastPoll, slowPoll, createGrace, catalogTtl, namespaces, rateLimit, requestTimeout, d,
        freshWindow);
  }
}
