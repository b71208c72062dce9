package io.conoha.assistant.operator.account;

import io.conoha.assistant.client.ClientSettings;
import io.conoha.assistant.client.ConohaClient;
import io.conoha.assistant.client.Credentials;
import io.javaoperatorsdk.operator.processing.event.ResourceID;
import io.micrometer.core.instrument.MeterRegistry;
import io.vertx.core.Vertx;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.function.Consumer;

/**
 * The ConoHa accounts in use, one per distinct credentials (a rotated password is a new account; the old one
 * stops polling when its last resource moves away). Owns the poll threads.
 */
public final class Accounts implements AutoCloseable {
  private final Vertx vertx;
  private final ClientSettings clientSettings;
  private final Account.PollSettings pollSettings;
  private final MeterRegistry registry;
  private final Account.PollObserver observer;
  private final Clock clock;
  private final ScheduledExecutorService scheduler;
  private final Map<String, Account> accounts = new ConcurrentHashMap<>();
  private final Map<Credentials, Account> byCredentials = new ConcurrentHashMap<>();
  private final Map<String, String> accountOfResource = new ConcurrentHashMap<>();
  private final Map<String, List<Consumer<Interest>>> listeners = new ConcurrentHashMap<>();

  public Accounts(Vertx vertx, ClientSettings clientSettings, Account.PollSettings pollSettings, MeterRegistry registry,
      Account.PollObserver observer, Clock clock) {
    this.vertx = vertx;
    this.clientSettings = clientSettings;
    this.pollSettings = pollSettings;
    this.registry = registry;
    this.observer = observer;
    this.clock = clock;
    this.scheduler = Executors.newScheduledThreadPool(2, r -> {
      Thread t = new Thread(r, "conoha-account-poll");
      t.setDaemon(true);
      return t;
    });
  }

  /**
   * The account of these credentials. Keyed by the credentials themselves: their fingerprint (a slow password
   * derivation, safe to log) is computed once per account, not on every reconcile.
   */
  public synchronized Account forCredentials(Credentials credentials) {
    Account known = byCredentials.get(credentials);
    if (known != null && !known.closed()) {
      return known;
    }
    Account account = accounts.computeIfAbsent(credentials.fingerprint(), key ->
        new Account(key, ConohaClient.create(vertx, credentials, clientSettings, registry), pollSettings, scheduler,
            this::dispatch, observer, clock));
    byCredentials.put(credentials, account);
    return account;
  }

  /**
   * Binds a resource to an account's polls, and releases it from the account it used before (a rotated
   * password): an account whose last resource left is closed, so nothing of old credentials stays behind.
   */
  public synchronized void register(Account account, Interest interest) {
    if (account.closed()) {
      return; // closed while the reconcile ran; its next reconcile binds to the open one
    }
    String before = accountOfResource.put(interest.key(), account.key());
    if (before != null && !before.equals(account.key())) {
      leave(before, interest.kind(), interest.resource());
    }
    account.register(interest);
  }

  public synchronized void unregister(String kind, ResourceID resource) {
    String before = accountOfResource.remove(Interest.key(kind, resource));
    if (before != null) {
      leave(before, kind, resource);
    }
  }

  private void leave(String accountKey, String kind, ResourceID resource) {
    Account old = accounts.get(accountKey);
    if (old == null) {
      return;
    }
    old.unregister(kind, resource);
    if (old.interestCount() == 0 && !accountOfResource.containsValue(accountKey)) {
      accounts.remove(accountKey);
      byCredentials.values().removeIf(a -> a == old);
      old.close();
    }
  }

  /** Accounts open now (for tests and the bench: closed ones hold no client, token or poll). */
  public synchronized int openAccounts() {
    return accounts.size();
  }

  void listen(String kind, Consumer<Interest> listener) {
    listeners.computeIfAbsent(kind, k -> new java.util.concurrent.CopyOnWriteArrayList<>()).add(listener);
  }

  private void dispatch(Interest interest) {
    listeners.getOrDefault(interest.kind(), List.of()).forEach(l -> l.accept(interest));
  }

  /** Healthy when the last poll of every account in use worked. */
  public boolean healthy() {
    return accounts.values().stream().filter(a -> a.interestCount() > 0).allMatch(Account::healthy);
  }

  @Override
  public void close() {
    scheduler.shutdownNow();
    accounts.values().forEach(Account::close);
    accounts.clear();
    byCredentials.clear();
  }
}
