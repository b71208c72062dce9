package io.conoha.assistant.cli.conoha;

import io.conoha.assistant.client.error.ConohaException;
import io.conoha.assistant.client.error.ConohaException.Kind;
import java.time.Duration;
import java.util.function.Function;
import java.util.function.Predicate;
import java.util.function.Supplier;

/**
 * Polls until something reaches a state, fails, or the time is up. A probe may return null for
 * "not there (yet)"; {@code done} and {@code failed} decide on that too.
 */
public record Waiter(Duration timeout, Duration interval) {

  public <T> T until(String what, Supplier<T> probe, Predicate<T> done, Predicate<T> failed,
      Function<T, String> describe) {
    long deadline = System.nanoTime() + timeout.toNanos();
    while (true) {
      T seen = probe.get();
      if (done.test(seen)) {
        return seen;
      }
      if (failed.test(seen)) {
        throw new ConohaException(Kind.SERVER_ERROR, "wait", 0, "gave up waiting for " + what + ": it is "
            + describe.apply(seen));
      }
      if (System.nanoTime() + interval.toNanos() > deadline) {
        throw new ConohaException(Kind.TIMEOUT, "wait", 0, "timed out after " + timeout.toMillis()
            + " ms waiting for " + what + " (last seen: " + describe.apply(seen) + ")");
      }
      pause();
    }
  }

  private void pause() {
    try {
      Thread.sleep(interval.toMillis());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new ConohaException(Kind.TIMEOUT, "wait", 0, "interrupted while waiting");
    }
  }
}
