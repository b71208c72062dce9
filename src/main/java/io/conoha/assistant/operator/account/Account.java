package io.conoha.assistant.operator.account;

import io.conoha.assistant.client.ApiGeneration;
import io.conoha.assistant.client.ConohaClient;
import io.conoha.assistant.client.model.ImageQuery;
import io.javaoperatorsdk.operator.processing.event.ResourceID;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One ConoHa account as the operator sees it. All resources of the account share one client (one token,
 * one rate limit) and one poll: a poll lists servers (and images, volumes when someone needs them) once,
 * however many resources there are. It polls fast while any resource is mid-change and slowly when all are
 * settled, then wakes only the resources whose ConoHa objects changed (a resource waiting on time, such as a
 * grace period, reschedules itself).
 */
public final class Account {
  private static final Logger LOG = LoggerFactory.getLogger(Account.class);

  private final String key;
  private final ConohaClient client;
  private final PollSettings settings;
  private final ScheduledExecutorService scheduler;
  private final Consumer<Interest> notifier;
  private final PollObserver observer;
  private final Clock clock;
  private final Catalog catalog;
  /**
   * This account's own poll thread (a bulkhead): a listing that hangs or crawls holds up only this account. The
   * shared scheduler only keeps time and hands the poll over.
   */
  private final java.util.concurrent.ExecutorService poller;

  private final Map<String, Interest> interests = new ConcurrentHashMap<>();
  /** How many interests are mid-change, kept with the map so the poll interval is not a scan of every resource. */
  private final java.util.concurrent.atomic.AtomicInteger changingCount = new java.util.concurrent.atomic.AtomicInteger();
  private final Map<String, Integer> fingerprints = new ConcurrentHashMap<>();
  private volatile AccountSnapshot snapshot = AccountSnapshot.EMPTY;
  private volatile RuntimeException lastError;
  private int consecutiveFailures;
  private ScheduledFuture<?> nextPoll;
  private Instant nextPollAt;
  private boolean pollRunning;
  private boolean pollRequestedWhileRunning;
  private volatile boolean closed;
  /**
   * Reconciles of this account's resources that may call ConoHa at once. The rest wait their turn outside the
   * shared reconcile pool, so an account whose API hangs cannot take every reconcile thread from the others.
   */
  private final Bulkhead callers = new Bulkhead(MAX_CALLERS, URGENT_ONLY, MAX_URGENT);
  private final WaitingLine waiting = new WaitingLine();
  static final int MAX_CALLERS = 12; // a quarter of JOSDK's 50 reconcile threads
  /** Places bulk reconciles may not take, so a user's fresh change never waits for a slot behind bulk work. */
  static final int URGENT_ONLY = 2;
  /** Places urgent reconciles may hold at most, so a flood of fresh changes leaves bulk work half the places. */
  static final int MAX_URGENT = 6;

  /** How often to poll, and how long plan and image names stay resolved. */
  public record PollSettings(Duration fast, Duration slow, Duration catalogTtl) {}

  /** Sees every poll (metrics). */
  public interface PollObserver {
    void polled(Account account, boolean success);
  }

  Account(String key, ConohaClient client, PollSettings settings, ScheduledExecutorService scheduler,
      Consumer<Interest> notifier, PollObserver observer, Clock clock) {
    this.key = key;
    this.client = client;
    this.settings = settings;
    this.scheduler = scheduler;
    this.notifier = notifier;
    this.observer = observer;
    this.clock = clock;
    this.catalog = new Catalog(client, settings.catalogTtl(), clock);
    this.poller = Executors.newSingleThreadExecutor(r -> {
      Thread t = new Thread(r, "conoha-poll-" + key.substring(0, Math.min(8, key.length())));
      t.setDaemon(true);
      return t;
    });
  }

  /** Cached plan and image resolution for this account. */
  public Catalog catalog() { return catalog; }

  public String key() { return key; }

  public ConohaClient client() { return client; }

  public AccountSnapshot snapshot() { return snapshot; }

  /** The error of the last poll, if it failed. */
  public Optional<RuntimeException> lastError() { return Optional.ofNullable(lastError); }

  public boolean healthy() { return lastError == null; }

  /**
   * A reconcile may call ConoHa for this account (false: its lane is full; try later). Urgent reconciles (a fresh
   * change) have places of their own; bulk ones share the rest.
   */
  public boolean tryEnter(io.conoha.assistant.client.http.CallPriority priority, String kind, ResourceID resource) {
    if (callers.tryEnter(priority)) {
      return true;
    }
    waiting.add(priority, new Interest(kind, resource, Set.of(), false, Set.of(), ""));
    return false;
  }

  /**
   * Frees a place and wakes the resource that has waited longest for one (urgent first), so a resource turned away
   * is reconciled again when there is room, not by polling for it: ten thousand resources retrying every second
   * would cost more than the work they wait for.
   */
  public void leave(io.conoha.assistant.client.http.CallPriority priority) {
    callers.leave(priority);
    waiting.next().ifPresent(notifier);
  }

  public int interestCount() { return interests.size(); }

  /**
   * Records what a resource needs from the next polls. A resource that starts changing, or needs a listing
   * this account has not fetched yet, brings the next poll forward.
   */
  public void register(Interest interest) {
    Interest previous = interests.put(interest.key(), interest);
    changingCount.addAndGet((interest.changing() ? 1 : 0) - (previous != null && previous.changing() ? 1 : 0));
    boolean missingListing = interest.listings().stream().anyMatch(l -> snapshot.fetchedAt(l) == null);
    if (missingListing && lastError == null) {
      fingerprints.remove(interest.key()); // so the poll that brings the listing wakes it
      requestPoll(Duration.ZERO);
    } else if (missingListing) {
      // The listing failed (wrong password, outage): the poll's own backoff decides when to try again, not the
      // resources' retries, so a broken account is not asked (or authenticated against) more often.
      fingerprints.remove(interest.key());
      requestPoll(interval());
    } else if (interest.changing() && (previous == null || !previous.changing())) {
      requestPoll(settings.fast());
    } else {
      requestPoll(interval());
    }
  }

  public void unregister(String kind, ResourceID resource) {
    String id = Interest.key(kind, resource);
    Interest removed = interests.remove(id);
    if (removed != null && removed.changing()) {
      changingCount.decrementAndGet();
    }
    fingerprints.remove(id);
  }

  /** Polls as soon as possible (coalesced with a poll already due). */
  public void pollSoon() {
    requestPoll(Duration.ZERO);
  }

  private synchronized void requestPoll(Duration delay) {
    if (closed) {
      return;
    }
    if (pollRunning) {
      pollRequestedWhileRunning |= delay.isZero();
      return;
    }
    Instant at = clock.instant().plus(delay);
    if (nextPoll != null && !nextPoll.isDone() && !nextPollAt.isAfter(at)) {
      return;
    }
    if (nextPoll != null) {
      nextPoll.cancel(false);
    }
    nextPollAt = at;
    nextPoll = scheduler.schedule(this::handOverPoll, delay.toMillis(), TimeUnit.MILLISECONDS);
  }

  private Duration interval() {
    boolean changing = changingCount.get() > 0;
    Duration base = changing ? settings.fast() : settings.slow();
    if (consecutiveFailures == 0) {
      return base;
    }
    // Back off on failures, but never slower than the slow poll: an outage should not become a hot loop. Refused
    // credentials back off up to ten slow polls: asking again with a wrong password helps nobody (and a cloud may
    // lock the user); fixed credentials are a new account, polled at once.
    long factor = 1L << Math.min(consecutiveFailures, 10);
    Duration backoff = settings.fast().multipliedBy(factor);
    Duration ceiling = credentialsRefused() ? settings.slow().multipliedBy(10) : settings.slow();
    return backoff.compareTo(ceiling) > 0 ? ceiling : backoff;
  }

  /** Runs on the shared scheduler: marks the poll as running (so no second one is scheduled) and hands it over. */
  private void handOverPoll() {
    synchronized (this) {
      pollRunning = true;
      pollRequestedWhileRunning = false;
    }
    try {
      poller.execute(this::poll);
    } catch (java.util.concurrent.RejectedExecutionException closedMeanwhile) {
      synchronized (this) {
        pollRunning = false;
      }
    }
  }

  private boolean credentialsRefused() {
    return lastError instanceof io.conoha.assistant.client.error.ConohaException e
        && (e.kind() == io.conoha.assistant.client.error.ConohaException.Kind.UNAUTHORIZED
            || e.kind() == io.conoha.assistant.client.error.ConohaException.Kind.FORBIDDEN);
  }

  private void poll() {
    try {
      fetch();
    } finally {
      boolean again;
      synchronized (this) {
        pollRunning = false;
        again = pollRequestedWhileRunning;
        nextPoll = null;
      }
      if (!interests.isEmpty()) {
        requestPoll(again ? Duration.ZERO : interval());
      }
    }
  }

  private void fetch() {
    Set<Listing> needed = neededListings();
    if (needed.isEmpty()) {
      return;
    }
    boolean wasHealthy = lastError == null;
    try {
      AccountSnapshot next = snapshot;
      for (Listing listing : needed) {
        Instant at = clock.instant();
        next = next.with(listing, list(listing), at);
      }
      snapshot = next;
      LOG.debug("Polled account {}: {}", key, needed);
      lastError = null;
      consecutiveFailures = 0;
      observer.polled(this, true);
      notifyChanged(!wasHealthy);
    } catch (RuntimeException e) {
      lastError = e;
      consecutiveFailures++;
      observer.polled(this, false);
      LOG.warn("Listing ConoHa account {} failed ({} in a row): {}", key, consecutiveFailures, e.getMessage());
      if (wasHealthy) {
        notifyAll(interests.values());
      }
    }
  }

  private Set<Listing> neededListings() {
    Set<Listing> needed = EnumSet.noneOf(Listing.class);
    interests.values().forEach(i -> needed.addAll(i.listings()));
    return needed;
  }

  private List<?> list(Listing listing) {
    return switch (listing) {
      case SERVERS -> client.compute().listServers();
      // v2's compute image proxy reports a save's progress; Glance (v3) only its status.
      case IMAGES -> (client.generation() == ApiGeneration.V2 ? client.computeImages() : client.images())
          .listImages(ImageQuery.all());
      case VOLUMES -> client.volumes().listVolumes();
    };
  }

  private void notifyChanged(boolean everyone) {
    AccountSnapshot current = snapshot;
    for (Map.Entry<String, Interest> e : interests.entrySet()) {
      Interest interest = e.getValue();
      int fp = current.fingerprint(interest.objectIds(), io.conoha.assistant.operator.Tags.OWNER, interest.ownerUid());
      Integer before = fingerprints.put(e.getKey(), fp);
      if (everyone || before == null || before != fp) {
        notifier.accept(interest);
      }
    }
  }

  private void notifyAll(Iterable<Interest> all) {
    all.forEach(notifier);
  }

  synchronized void close() {
    closed = true;
    if (nextPoll != null) {
      nextPoll.cancel(false);
    }
    interests.clear();
    changingCount.set(0);
    poller.shutdownNow();
    client.close();
  }

  boolean closed() {
    return closed;
  }
}
