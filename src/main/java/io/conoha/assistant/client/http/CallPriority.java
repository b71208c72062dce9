package io.conoha.assistant.client.http;

import java.util.function.Supplier;

/**
 * Which lane of the account's rate limit a call waits in. {@code URGENT}: the first steps of something a user just
 * asked for (a new resource, a changed spec); {@code BULK}: everything else (follow-up steps, polls, retries of old
 * work). The priority belongs to the thread making the call, so the operator sets it once around a reconcile and
 * every client call of that reconcile inherits it; calls made outside such a scope are bulk.
 */
public enum CallPriority {
  URGENT,
  BULK;

  private static final ThreadLocal<CallPriority> CURRENT = new ThreadLocal<>();

  /** The priority of calls made on this thread now. */
  public static CallPriority current() {
    CallPriority p = CURRENT.get();
    return p == null ? BULK : p;
  }

  /** Runs {@code work} with calls made on this thread at {@code priority}. */
  public static <T> T with(CallPriority priority, Supplier<T> work) {
    CallPriority before = CURRENT.get();
    CURRENT.set(priority);
    try {
      return work.get();
    } finally {
      if (before == null) {
        CURRENT.remove();
      } else {
        CURRENT.set(before);
      }
    }
  }

  public static void with(CallPriority priority, Runnable work) {
    with(priority, () -> {
      work.run();
      return null;
    });
  }
}
