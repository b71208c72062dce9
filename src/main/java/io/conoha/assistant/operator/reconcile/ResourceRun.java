package io.conoha.assistant.operator.reconcile;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.conoha.assistant.api.ConditionedStatus;
import io.conoha.assistant.api.PendingOperation;
import io.conoha.assistant.client.error.ConohaException;
import io.conoha.assistant.client.http.CallPriority;
import io.conoha.assistant.operator.OperatorContext;
import io.conoha.assistant.operator.Reasons;
import io.conoha.assistant.operator.account.Account;
import io.conoha.assistant.operator.account.AccountSnapshot;
import io.conoha.assistant.operator.account.Interest;
import io.conoha.assistant.operator.account.Listing;
import io.fabric8.kubernetes.client.CustomResource;
import io.fabric8.kubernetes.client.KubernetesClientException;
import io.javaoperatorsdk.operator.api.reconciler.Context;
import io.javaoperatorsdk.operator.api.reconciler.DeleteControl;
import io.javaoperatorsdk.operator.api.reconciler.UpdateControl;
import io.javaoperatorsdk.operator.processing.event.ResourceID;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.Optional;
import java.util.function.Function;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * One reconcile of one resource, the skeleton both kinds share: run the kind's step, turn failures into
 * conditions and events, write status only when it changed (JSON merge patch, cached by JOSDK so the next
 * reconcile sees it), and tell the account what to watch next.
 */
public abstract class ResourceRun<R extends CustomResource<?, S>, S extends ConditionedStatus> {
  private static final ObjectMapper MAPPER = new ObjectMapper().findAndRegisterModules();
  private static final org.slf4j.Logger LOG = org.slf4j.LoggerFactory.getLogger(ResourceRun.class);

  protected final R resource;
  protected final S status;
  protected final Context<R> ctx;
  protected final OperatorContext ops;
  protected final Instant now;
  protected Account account;
  /** Poll fast: this resource is mid-change. */
  protected boolean changing;
  protected final Set<Listing> listings = EnumSet.of(Listing.SERVERS);
  protected final Set<String> watchIds = new HashSet<>();
  private R latest;
  /**
   * The status as last written (or as this reconcile found it), copied as JSON when written: the object sent is
   * this run's own status, which later steps change, so comparing with it would hide those changes.
   */
  private ObjectNode written;
  private String readyReason = Reasons.PENDING;
  private String readyMessage = "";
  private boolean ready;
  private Duration retryAfter;
  private Instant wakeAt;
  private boolean released;
  private Account entered;
  private final CreateOnce intents = new CreateOnce(this);
  /** The rate-limit lane of this reconcile's ConoHa calls (urgent: the first steps of a fresh spec). */
  private CallPriority priority = CallPriority.BULK;

  protected ResourceRun(R resource, Context<R> ctx, OperatorContext ops) {
    this.resource = resource;
    this.latest = resource;
    this.written = resource.getStatus() == null ? null : MAPPER.valueToTree(resource.getStatus());
    this.ctx = ctx;
    this.ops = ops;
    this.now = ops.clock().instant();
    this.status = copyStatus(resource);
  }

  public final R resource() { return resource; }

  public final S status() { return status; }

  public final OperatorContext ops() { return ops; }

  public final Instant now() { return now; }

  public final Context<R> context() { return ctx; }

  /** Asks for a listing on the following polls without waiting for it. */
  public final void alsoList(Listing listing) {
    listings.add(listing);
  }

  /** The kind name used for account interests and metrics. */
  protected abstract String kind();

  /** The reconcile's work: one step toward the spec. Throws StepFailure or ConohaException to stop. */
  protected abstract void step();

  /** The reason to report when a lookup on ConoHa answers "not found" outside a known context. */
  protected abstract String defaultNotFoundReason();

  protected abstract void setPhaseFailed();

  /** A cleanup that finished: the resource stops watching its account, and its finalizer may go. */
  protected final void release() {
    released = true;
  }

  public final boolean released() {
    return released;
  }

  /** An empty status for a resource that has none yet. */
  protected abstract S newStatus();

  /** Runs the step and writes the outcome; the controls below turn it into JOSDK's answer. */
  public final ResourceRun<R, S> execute() {
    long began = System.nanoTime();
    String uid = resource.getMetadata().getUid();
    priority = fresh() ? CallPriority.URGENT : CallPriority.BULK;
    try {
      stepAndRecord(uid);
    } catch (AccountBusy busy) {
      // Nothing was observed or done: status stays as it is. The account wakes this resource when a place is free;
      // this later look is only a safety net, spread out (a fresh change's sooner).
      Duration base = priority == CallPriority.URGENT ? ops.settings().fastPoll() : ops.settings().slowPoll();
      retryAfter = base.plusMillis(java.util.concurrent.ThreadLocalRandom.current().nextLong(Math.max(1,
          base.toMillis())));
      return this;
    }
    if (LOG.isDebugEnabled()) {
      LOG.debug("{} {}: {} ms, phase {}, Ready {} {} ({})", kind(), displayName(), (System.nanoTime() - began) / 1_000_000,
          status.getPhaseName(), ready, readyReason, readyMessage);
    }
    return this;
  }

  /**
   * The spec of this generation is fresh: this process first saw it less than {@code freshWindow} ago. Its first
   * steps are what the user waits for, so they go ahead of follow-up and bulk work (within a bounded share, see
   * {@link io.conoha.assistant.client.http.TokenBucket} and the account's bulkhead). A mass change (a fleet
   * created or archived at once) is fresh only for that window too, so a user's change made later is not queued
   * behind it.
   */
  private boolean fresh() {
    Instant since = ops.waits().since(uid() + "|generation", Long.toString(generation()));
    if (generation() <= 1) {
      // A new resource is as old as it is, not as old as this process's first look at it: a thousand created at
      // once and seen over several seconds are not fresh for longer than one created alone.
      Instant firstSighting = since;
      since = parsed(resource.getMetadata().getCreationTimestamp()).filter(at -> at.isBefore(firstSighting))
          .orElse(firstSighting);
    }
    return Duration.between(since, now).compareTo(ops.settings().freshWindow()) < 0;
  }

  /** A reconcile that did not get into its account's bulkhead. */
  private static final class AccountBusy extends RuntimeException {
    AccountBusy() {
      super("account busy", null, false, false);
    }
  }

  private void stepAndRecord(String uid) {
    try {
      CallPriority.with(priority, this::step);
      setSynced(true, Reasons.RECONCILE_SUCCESS, "");
      ops.backoffs().reset(uid);
    } catch (StepFailure f) {
      fail(f);
    } catch (ConohaException e) {
      fail(ApiFailures.classify(e, defaultNotFoundReason()));
      // A 429's Retry-After holds for this resource's next attempt too, not only for the HTTP layer's retry.
      e.retryAfter().filter(d -> retryAfter == null || d.compareTo(retryAfter) > 0).ifPresent(d -> retryAfter = d);
    } finally {
      if (entered != null) {
        entered.leave(priority);
        entered = null;
      }
    }
    setReady();
    writeStatusIfChanged();
    if (released()) {
      ops.accounts().unregister(kind(), ResourceID.fromResource(resource));
      ops.metrics().forget(resource);
      ops.events().forget(resource);
      ops.actions().forget(uid);
      ops.waits().forget(uid);
      ops.backoffs().reset(uid);
    } else {
      registerInterest();
      ops.metrics().observe(kind(), latest, status);
    }
  }

  /**
   * Status was already written; account polls bring the next reconcile. The long reschedule is only a safety
   * net in case a poll notification is lost.
   */
  public final UpdateControl<R> updateControl() {
    Duration next = retryAfter != null ? retryAfter : safetyNet();
    if (wakeAt != null) {
      Duration untilEdge = io.conoha.assistant.operator.ScaledClock.wallDelay(ops.calendar(),
          Duration.between(ops.calendar().instant(), wakeAt));
      next = untilEdge.compareTo(next) < 0 ? max(untilEdge, MIN_WAKE) : next;
    }
    return UpdateControl.<R>noUpdate().rescheduleAfter(next);
  }

  private static final Duration MIN_WAKE = Duration.ofMillis(10);

  private static Duration max(Duration a, Duration b) {
    return a.compareTo(b) > 0 ? a : b;
  }

  /**
   * Reconcile again at {@code at} on the calendar ({@link OperatorContext#calendar()}) even if nothing changes: a
   * schedule's next edge. It is recomputed from the spec on every reconcile, so nothing is lost on a restart.
   */
  public final void wakeAt(Instant at) {
    wakeAt = at;
  }

  /**
   * Polls wake a resource when its ConoHa objects change; one that is mid-change also looks again after a few fast
   * polls, for steps that wait on time (a create's grace period) rather than on a change.
   */
  private Duration safetyNet() {
    return changing ? ops.settings().fastPoll().multipliedBy(4) : ops.settings().slowPoll().multipliedBy(5);
  }

  /** For cleanup: remove the finalizer once released, else look again after the next poll or backoff. */
  public final DeleteControl deleteControl() {
    if (released) {
      return DeleteControl.defaultDelete();
    }
    return DeleteControl.noFinalizerRemoval().rescheduleAfter(retryAfter != null ? retryAfter : ops.settings().fastPoll());
  }

  /** The account this resource uses (null when its credentials could not be read). */
  public final Account account() {
    return account;
  }

  // ---- outcome helpers for steps

  public final void ready(String message) {
    ready = true;
    readyReason = Reasons.AVAILABLE;
    readyMessage = message;
  }

  public final void notReady(String reason, String message) {
    ready = false;
    readyReason = reason;
    readyMessage = message;
  }

  /** Leaves the Ready condition as the last reconcile wrote it (nothing new is known). */
  public final void keepReadyAsIs() {
    status.condition(Conditions.READY).ifPresent(c -> {
      ready = "True".equals(c.getStatus());
      readyReason = c.getReason();
      readyMessage = c.getMessage();
    });
  }

  /** Not ready and mid-change: the account polls fast until this settles. */
  public final void progressing(String reason, String message) {
    notReady(reason, message);
    changing = true;
  }

  /** Whether the servers listing is older than this resource's last action, so it cannot show its effect yet. */
  public final boolean listingPredatesLastAction() {
    return ops.actions().listingPredatesLastAction(uid(), snapshot().serversAt());
  }

  /** The listing predates the last action: decide nothing, poll fast, keep Ready as it was. */
  public final void awaitListing() {
    changing = true;
    keepReadyAsIs();
  }

  /**
   * Keeps the deadline clock of a wait: a wait of {@code kind} starts it or keeps it running; any other step that
   * moves on ({@code movedOn}) ends it; a step that neither waits nor moves on (a failure, a lagging listing)
   * leaves it as it is, so a deadline is not reset by an error in between.
   */
  public final void timeWait(WaitKind kind, boolean movedOn) {
    String key = uid() + "|wait";
    if (kind != null) {
      ops.waits().since(key, kind.name());
    } else if (movedOn) {
      ops.waits().clear(key);
    }
  }

  /** How long this resource has been in its current wait, by kind (empty when not waiting). */
  public final java.util.Map<WaitKind, Duration> waited() {
    WaitClock clock = ops.waits();
    return clock.current(uid() + "|wait").map(s -> java.util.Map.of(WaitKind.valueOf(s.what()), clock.elapsed(s)))
        .orElse(java.util.Map.of());
  }

  public final void watch(String id) {
    if (id != null) {
      watchIds.add(id);
    }
  }

  public final String uid() {
    return resource.getMetadata().getUid();
  }

  public final long generation() {
    Long g = resource.getMetadata().getGeneration();
    return g == null ? 0 : g;
  }

  public final String displayName() {
    return resource.getMetadata().getNamespace() + "/" + resource.getMetadata().getName();
  }

  /**
   * Writes status now with an optimistic lock: if our cached copy is stale (another reconcile moved on), the
   * write fails with 409 and the caller does nothing (the create-once intent depends on this).
   */
  final void writeStatusLocked() {
    setReady();
    // This reconcile got as far as a create: Synced as its closing write would say, so that write may be skipped.
    setSynced(true, Reasons.RECONCILE_SUCCESS, "");
    status.setLastSyncTime(now.toString());
    R copy = withStatus(status);
    copy.getMetadata().setResourceVersion(latest.getMetadata().getResourceVersion());
    try {
      ops.metrics().statusWritten(kind(), "intent");
      latest = ctx.resourceOperations().jsonMergePatchPrimaryStatus(copy);
      written = MAPPER.valueToTree(status);
    } catch (KubernetesClientException e) {
      if (e.getCode() == 409) {
        throw StepFailure.transientFailure(Reasons.WAITING, "resource changed meanwhile; trying again");
      }
      throw e;
    }
  }

  /** Poll fast: this resource is mid-change. */
  final void markChanging() {
    changing = true;
  }

  /** The create-once protocol for this resource's creates (server, boot volume, image save). */
  public final CreateOnce intents() {
    return intents;
  }

  /**
   * Reads the credentials Secret (in this namespace only) and binds this resource to that account, within the
   * account's bulkhead: when too many of its reconciles are calling ConoHa already (a slow or hung API), this one
   * waits its turn instead of holding a shared reconcile thread.
   */
  public final Account connect(String secretName) {
    Account next = ops.accounts().forCredentials(ops.secrets().credentials(resource.getMetadata().getNamespace(), secretName));
    if (!next.tryEnter(priority, kind(), ResourceID.fromResource(resource))) {
      throw new AccountBusy();
    }
    entered = next;
    account = next;
    return account;
  }

  /**
   * The account's latest listings once they hold what this resource needs. False (and Pending) while the first
   * poll of a listing is still to come. A failed last poll surfaces as its classified failure, so nothing is
   * decided from stale data.
   */
  public final boolean observed(Listing... needed) {
    listings.addAll(Arrays.asList(needed));
    RuntimeException error = account.lastError().orElse(null);
    if (error instanceof ConohaException e) {
      throw e;
    } else if (error != null) {
      throw StepFailure.transientFailure(Reasons.API_UNAVAILABLE, error.getMessage());
    }
    for (Listing l : needed) {
      if (account.snapshot().fetchedAt(l) == null) {
        progressing(Reasons.PENDING, "waiting for the account's " + l.name().toLowerCase() + " listing");
        return false;
      }
    }
    return true;
  }

  public final AccountSnapshot snapshot() {
    return account.snapshot();
  }

  /**
   * An object the account's listing may not show yet (a new one, or listing lag): listed, else read from its own
   * URL. Empty only on a 404: a failed lookup is never taken as "absent".
   */
  public final <T> Optional<T> listedOrFetched(Optional<T> listed, java.util.function.Supplier<T> fetch) {
    if (listed.isPresent()) {
      return listed;
    }
    try {
      return Optional.of(fetch.get());
    } catch (ConohaException e) {
      if (e.kind() == ConohaException.Kind.NOT_FOUND) {
        return Optional.empty();
      }
      throw e;
    }
  }

  /**
   * A power action (start, stop, resize) that ConoHa refuses with 409 is already under way or just done: the next
   * listing shows it, so it is not an error.
   */
  public static void tolerateConflict(Runnable call) {
    try {
      call.run();
    } catch (ConohaException e) {
      if (e.kind() != ConohaException.Kind.CONFLICT) {
        throw e;
      }
    }
  }

  /** Deletes on ConoHa, taking "already gone" as success. */
  public static void deleteIfPresent(Runnable delete) {
    try {
      delete.run();
    } catch (ConohaException e) {
      if (e.kind() != ConohaException.Kind.NOT_FOUND) {
        throw e;
      }
    }
  }

  // ---- internals

  private void fail(StepFailure f) {
    setSynced(false, f.reason(), f.getMessage());
    if (f.userMustFix()) {
      // Nothing moves until the user acts: no reason to keep the account polling fast.
      changing = false;
      if (Reasons.SERVER_ERROR.equals(f.reason()) || Reasons.SAVE_FAILED.equals(f.reason())) {
        setPhaseFailed();
      }
      ops.events().warning(resource, f.reason(), f.getMessage());
      if (ready || readyReason.equals(Reasons.PENDING)) {
        notReady(f.reason(), f.getMessage());
      }
    }
    retryAfter = Reasons.FIXED_IN_A_SECRET.contains(f.reason()) ? ops.backoffs().nextForSecret(uid())
        : ops.backoffs().next(uid(), f.userMustFix());
  }

  private void setSynced(boolean ok, String reason, String message) {
    Conditions.set(status.getConditions(), Conditions.SYNCED, ok, reason, message, generation(), now);
  }

  private void setReady() {
    Conditions.set(status.getConditions(), Conditions.READY, ready, readyReason, readyMessage, generation(), now);
    status.setObservedGeneration(generation());
  }

  private void writeStatusIfChanged() {
    if (sameIgnoringSyncTime(latest.getStatus(), status) || progressOnly() || recountOnly()) {
      return;
    }
    status.setLastSyncTime(now.toString());
    ops.metrics().statusWritten(kind(), String.valueOf(status.getPhaseName()) + (ready ? "" : "/" + readyReason));
    latest = ctx.resourceOperations().jsonMergePatchPrimaryStatus(withStatus(status));
    written = MAPPER.valueToTree(status);
  }

  /**
   * Fields of status that a later reconcile finds again on ConoHa by the owner tag (the ids of what it created,
   * addresses), so a change of them alone need not be written at once.
   */
  protected Set<String> recoverableFields() {
    return Set.of();
  }

  /**
   * Fields of status that each reconcile recounts from what status last showed (usage), so a change of them alone
   * may wait for the next write like progress does: the next reconcile counts again from the written baseline.
   */
  protected Set<String> recountedFields() {
    return Set.of();
  }

  /**
   * How old the progress a status shows may get before it is written: four fast polls (the safety-net interval, so
   * the next reconcile comes within it), and at least {@link #PROGRESS_STALENESS}.
   */
  private Duration progressInterval() {
    Duration polls = ops.settings().fastPoll().multipliedBy(4);
    return polls.compareTo(PROGRESS_STALENESS) > 0 ? polls : PROGRESS_STALENESS;
  }

  static final Duration PROGRESS_STALENESS = Duration.ofSeconds(10);

  /**
   * A mid-change status whose only news is progress is not written if the last write is younger than
   * {@link #progressInterval}: a later reconcile writes it, or something that matters. What always goes at once: an
   * intent (before a create), a new observed generation, Ready or Synced turning, a failure, a settled state, and
   * every field not recomputed from ConoHa (archives, image and plan ids). Progress is the phase, condition reasons
   * and messages, a fulfilled intent, {@link #recoverableFields} that status did not hold yet and
   * {@link #recountedFields}. A new resource's
   * first status, while it only says Pending, waits the same way (counted from its creation). This is what keeps a
   * create at two intents and one closing write.
   */
  /** How long a change of {@link #recountedFields} alone may wait for a write, however settled the resource is. */
  static final Duration RECOUNT_STALENESS = Duration.ofHours(1);

  /**
   * The only news is a recount (usage) and the last write is younger than {@link #RECOUNT_STALENESS}: not written.
   * A settled resource is reconciled every slow poll; writing its minute-grained usage each time would make ten
   * thousand idle servers a steady stream of status writes. The next write of anything carries the counts, and the
   * usage metrics show this reconcile's counts (see OperatorMetrics#observe).
   */
  private boolean recountOnly() {
    Set<String> recounted = recountedFields();
    Optional<Instant> lastWrite = neverWritten() ? Optional.empty() : parsed(written.path("lastSyncTime").asText());
    if (recounted.isEmpty() || lastWrite.isEmpty() || !lastWrite.get().plus(RECOUNT_STALENESS).isAfter(now)) {
      return false;
    }
    ObjectNode before = written.deepCopy();
    ObjectNode after = MAPPER.valueToTree(status);
    for (ObjectNode tree : List.of(before, after)) {
      tree.remove("lastSyncTime");
      tree.remove(recounted);
    }
    return before.equals(after);
  }

  /**
   * Every write sets lastSyncTime; a status without one (the empty status Fabric8 gives a new resource) was never
   * written.
   */
  private boolean neverWritten() {
    return written == null || !written.path("lastSyncTime").isTextual();
  }

  /** An RFC 3339 time from status or metadata; empty when absent or unreadable (then nothing is deferred). */
  private static Optional<Instant> parsed(String text) {
    if (text == null) {
      return Optional.empty();
    }
    try {
      return Optional.of(Instant.parse(text));
    } catch (java.time.format.DateTimeParseException e) {
      return Optional.empty();
    }
  }

  private boolean progressOnly() {
    if (!changing) {
      return false;
    }
    boolean neverWritten = neverWritten();
    Optional<Instant> lastWrite = parsed(neverWritten ? resource.getMetadata().getCreationTimestamp()
        : written.path("lastSyncTime").asText());
    if (lastWrite.isEmpty() || !lastWrite.get().plus(progressInterval()).isAfter(now)) {
      return false;
    }
    if (neverWritten) {
      return Reasons.PENDING.equals(readyReason) && status.getPendingOperation() == null
          && status.condition(Conditions.SYNCED).map(c -> "True".equals(c.getStatus())).orElse(false);
    }
    boolean intentCleared = status.getPendingOperation() == null;
    ObjectNode before = written.deepCopy();
    // Only a recoverable field that was empty may wait: the observer looks an object up by tag only while its id is
    // absent from status, so a stale id replaced by a new one must be written at once.
    Set<String> foundAgain = new HashSet<>();
    recoverableFields().stream().filter(f -> before.path(f).isMissingNode() || before.path(f).isNull())
        .forEach(foundAgain::add);
    foundAgain.addAll(recountedFields());
    return essentials(before, foundAgain, intentCleared)
        .equals(essentials(MAPPER.valueToTree(status), foundAgain, intentCleared));
  }

  private static JsonNode essentials(ObjectNode tree, Set<String> foundAgain, boolean dropIntent) {
    tree.remove("lastSyncTime");
    tree.remove("phase");
    tree.remove(foundAgain);
    if (dropIntent) {
      tree.remove("pendingOperation");
    }
    JsonNode conditions = tree.get("conditions");
    if (conditions != null && conditions.isArray()) {
      var reduced = MAPPER.createArrayNode();
      conditions.forEach(c -> reduced.add(MAPPER.createObjectNode().put("type", c.path("type").asText())
          .put("status", c.path("status").asText())));
      tree.set("conditions", reduced);
    }
    return tree;
  }

  private void registerInterest() {
    if (account != null) {
      ops.accounts().register(account, new Interest(kind(), ResourceID.fromResource(resource), Set.copyOf(listings),
          changing, Set.copyOf(watchIds), uid()));
    }
  }

  private R withStatus(S newStatus) {
    R copy = ctx.getClient().getKubernetesSerialization().clone(latest);
    copy.setStatus(newStatus);
    copy.getMetadata().setResourceVersion(null);
    copy.getMetadata().setManagedFields(null);
    return copy;
  }

  private S copyStatus(R r) {
    S copy = ctx.getClient().getKubernetesSerialization().clone(r).getStatus();
    return copy != null ? copy : newStatus();
  }

  private static boolean sameIgnoringSyncTime(Object a, Object b) {
    if (a == null || b == null) {
      return a == b;
    }
    JsonNode x = MAPPER.valueToTree(a);
    JsonNode y = MAPPER.valueToTree(b);
    ((ObjectNode) x).remove("lastSyncTime");
    ((ObjectNode) y).remove("lastSyncTime");
    return x.equals(y);
  }
}
