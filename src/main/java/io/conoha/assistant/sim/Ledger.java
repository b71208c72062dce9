package io.conoha.assistant.sim;

import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.LongAdder;
import java.util.function.Supplier;

/**
 * Counts every request the simulator received, by operation (the client's operation names, e.g.
 * {@code servers.create}) and by token label; requests that match no API are counted as {@code unknown}.
 * Faulted requests count too: the client did make them. Benchmarks and leak checks read it.
 */
public final class Ledger {
  private final Map<String, LongAdder> byOperation = new ConcurrentHashMap<>();
  private final Map<String, LongAdder> byToken = new ConcurrentHashMap<>();
  private final LongAdder total = new LongAdder();
  private final Supplier<SimState> state;

  Ledger(Supplier<SimState> state) {
    this.state = state;
  }

  void record(String operation, String tokenLabel) {
    byOperation.computeIfAbsent(operation, k -> new LongAdder()).increment();
    byToken.computeIfAbsent(tokenLabel, k -> new LongAdder()).increment();
    total.increment();
  }

  public long count(String operation) {
    LongAdder adder = byOperation.get(operation);
    return adder == null ? 0 : adder.sum();
  }

  /** Sorted by operation name. */
  public Map<String, Long> countsByOperation() {
    return snapshot(byOperation);
  }

  /**
   * By token label: {@code token-1}, {@code token-2}, ... in the order tokens were issued; {@code none} for
   * requests without a token, {@code unknown} for tokens the simulator never issued.
   */
  public Map<String, Long> countsByToken() {
    return snapshot(byToken);
  }

  /** How many times clients authenticated: {@code count("identity.tokens")}. */
  public long authCount() {
    return count("identity.tokens");
  }

  public long total() {
    return total.sum();
  }

  /** Servers, volumes and images as they are now. */
  public SimState state() {
    return state.get();
  }

  /** Zeroes the counts (the state is untouched). */
  public void reset() {
    byOperation.clear();
    byToken.clear();
    total.reset();
  }

  private static Map<String, Long> snapshot(Map<String, LongAdder> counts) {
    Map<String, Long> out = new TreeMap<>();
    counts.forEach((k, v) -> out.put(k, v.sum()));
    return out;
  }
}
