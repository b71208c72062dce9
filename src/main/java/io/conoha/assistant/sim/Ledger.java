package io.conoha.assistant.sim;

import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.LongAdder;
import java.util.function.Supplier;

/**
 * Counts every request the simulator received, by operation (the client's operation names, e.g.
 * {@code servers.create}) and by token label; requests that match no API are counted as {@code unknown}.
 * Faulted requests count too: the client did make them. Benchmarks and leak checks read it.
 *
 * <p>It also keeps the data-safety score: every server deletion and whether the server's disk was saved first
 * ({@link #serverDeletions()}, {@link #unsavedDeletions()}, {@link #unexpectedUnsavedDeletions()}), owner tags
 * rewritten ({@link #ownerChanges()}) and the billed objects of each owner ({@link #ownedObjects()}).
 */
public final class Ledger {
  private final Map<String, LongAdder> byOperation = new ConcurrentHashMap<>();
  private final Map<String, LongAdder> byToken = new ConcurrentHashMap<>();
  private final LongAdder total = new LongAdder();
  private final Supplier<SimState> state;
  private final Scorebook score;

  Ledger(Supplier<SimState> state, Scorebook score) {
    this.state = state;
    this.score = score;
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

  /** Every server deletion, API or control panel, oldest first. */
  public List<ServerDeletion> serverDeletions() {
    return score.deletions();
  }

  /** Deletions of servers whose disk no active image held as it last ran. */
  public long unsavedDeletions() {
    return score.deletions().stream().filter(ServerDeletion::unsaved).count();
  }

  /** Unsaved deletions the user did not ask for: data lost. */
  public long unexpectedUnsavedDeletions() {
    return score.deletions().stream().filter(ServerDeletion::unexpectedUnsaved).count();
  }

  /** Servers whose owner tag was changed from one resource's UID to another value, oldest first. */
  public List<OwnerChange> ownerChanges() {
    return score.ownerChanges();
  }

  /** The servers, volumes and images that exist now, by owner tag (for leak checks). */
  public Map<String, OwnedObjects> ownedObjects() {
    return score.ownedObjects();
  }

  /** Zeroes the counts and the score (the state and the expected deletions are untouched). */
  public void reset() {
    byOperation.clear();
    byToken.clear();
    total.reset();
    score.reset();
  }

  private static Map<String, Long> snapshot(Map<String, LongAdder> counts) {
    Map<String, Long> out = new TreeMap<>();
    counts.forEach((k, v) -> out.put(k, v.sum()));
    return out;
  }
}
