package io.conoha.assistant.operator.reconcile;

import io.conoha.assistant.api.ConditionedStatus;
import io.conoha.assistant.api.PendingOperation;
import io.conoha.assistant.client.error.ConohaException;
import io.conoha.assistant.operator.account.Listing;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;

/**
 * Creates a ConoHa object exactly once. The intent is recorded in status, optimistically locked, before the call;
 * what is created carries the resource's UID and the intent token. When the answer is lost (timeout, 5xx, crash),
 * the caller's lookup by owner tag finds the object on a later poll; the new id reaches status with the reconcile's
 * closing write, and a crash before it is recovered the same way. Only when nothing shows up in a listing taken a
 * grace period after this process first saw the intent ({@link #lostAnswerSettled}) is the create tried again.
 */
public final class CreateOnce {
  private final ResourceRun<?, ?> run;

  CreateOnce(ResourceRun<?, ?> run) {
    this.run = run;
  }

  /**
   * @param excludedIds objects that existed before (same-named images), never to be taken for this create's result
   * @param create called with the intent token, returns the new object's id
   * @return the id, or empty while the outcome of an uncertain attempt is being established
   */
  public Optional<String> create(String operation, Listing listing, List<String> excludedIds,
      Function<String, String> create) {
    var ops = run.ops();
    if (pending(operation)) {
      if (!lostAnswerSettled(listing)) {
        run.markChanging();
        return Optional.empty();
      }
      ops.events().warning(run.resource(), "RetryingCreate",
          operation + " left nothing on ConoHa within " + ops.settings().createGrace().toSeconds() + "s; trying again");
    }
    String token = run.uid() + "." + run.now().toEpochMilli();
    record(operation, token, excludedIds);
    try {
      String id = create.apply(token);
      status().setPendingOperation(null);
      ops.actions().acted(run.uid(), ops.clock().instant());
      return Optional.of(id);
    } catch (ConohaException e) {
      if (e.isOutcomeUnknown()) {
        run.markChanging();
        ops.events().warning(run.resource(), "CreateUncertain",
            operation + " got no clear answer (" + e.getMessage() + "); looking for it before trying again");
        return Optional.empty();
      }
      status().setPendingOperation(null);
      throw e;
    }
  }

  public Optional<String> create(String operation, Listing listing, Function<String, String> create) {
    return create(operation, listing, List.of(), create);
  }

  /**
   * Whether a create whose answer was lost had its grace period: a listing taken {@code createGrace} after this
   * process first saw the intent (not after the time another replica wrote into it) shows nothing of it.
   */
  public boolean lostAnswerSettled(Listing listing) {
    PendingOperation pending = status().getPendingOperation();
    if (pending == null) {
      return true;
    }
    Instant since = run.ops().waits().since(run.uid() + "|intent", pending.getToken());
    return run.snapshot().covers(Set.of(listing), since.plus(run.ops().settings().createGrace()));
  }

  /** Clears a recorded intent once its object was found. */
  public void fulfilled(String operation) {
    if (pending(operation)) {
      status().setPendingOperation(null);
    }
  }

  public boolean pending(String operation) {
    PendingOperation pending = status().getPendingOperation();
    return pending != null && operation.equals(pending.getOperation());
  }

  private void record(String operation, String token, List<String> excludedIds) {
    PendingOperation intent = new PendingOperation(operation, token, run.now().toString());
    intent.setExcludedIds(new ArrayList<>(excludedIds));
    status().setPendingOperation(intent);
    run.ops().waits().since(run.uid() + "|intent", token);
    run.writeStatusLocked();
  }

  private ConditionedStatus status() {
    return run.status();
  }
}
