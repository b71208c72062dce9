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
  public Account forCredentials(Credentials credentials) {
    return byCredentials.computeIfAbsent(credentials, c -> accounts.computeIfAbsent(c.fingerprint(), key ->
        new Account(key, ConohaClient.create(vertx, c, clientSettings, registry), pollSettings, scheduler,
            this::dispatch, observer, clock)));
  }

  /** Binds a resource to an account's polls (and releases it from the account it used before, if another). */
  public void register(Account account, Interest interest) {
    String resourceKey = interest.key();
    String before = accountOfResource.put(resourceKey, account.key());
    if (before != null && !before.equals(account.key())) {
      Account old = accounts.get(before);
      if (old != null) {
        old.unregister(interest.kind(), interest.resource());
      }
    }
    account.register(interest);
  }

  public void unregister(String kind, ResourceID resource) {
    String before = accountOfResource.remove(Interest.key(kind, resource));
    if (before != null && accounts.containsKey(before)) {
      accounts.get(before).unregister(kind, resource);
    }
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
