package io.conoha.assistant.operator.reconcile;

import java.time.Instant;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * When the operator last acted on a resource's ConoHa objects. A listing older than the last action cannot
 * show its effect yet, so nobody acts on it again (no second os-stop because the list still said ACTIVE).
 * Lost on restart, which costs at most one redundant action that ConoHa refuses with 409.
 */
public final class ActionMemory {
  private final Map<String, Instant> lastAction = new ConcurrentHashMap<>();
  private final Map<String, Instant> started = new ConcurrentHashMap<>();

  /** Remembers when a long operation (archive, restore) began, for its duration metric. */
  public void begin(String uid, String operation, Instant at) {
    started.putIfAbsent(uid + "|" + operation, at);
  }

  /** When the operation began (and forgets it), or null if this process did not see it begin. */
  public Instant end(String uid, String operation) {
    return started.remove(uid + "|" + operation);
  }

  public void acted(String uid, Instant at) {
    lastAction.put(uid, at);
  }

  /** Whether a listing taken at {@code listedAt} may not show the last action yet. */
  public boolean listingPredatesLastAction(String uid, Instant listedAt) {
    Instant at = lastAction.get(uid);
    return at != null && (listedAt == null || listedAt.isBefore(at));
  }

  public void forget(String uid) {
    lastAction.remove(uid);
    started.keySet().removeIf(k -> k.startsWith(uid + "|"));
  }
}
