package io.conoha.assistant.operator;

import io.conoha.assistant.client.ClientSettings;
import io.conoha.assistant.metrics.JosdkMetrics;
import io.conoha.assistant.metrics.OperatorMetrics;
import io.conoha.assistant.operator.account.Account;
import io.conoha.assistant.operator.account.Accounts;
import io.conoha.assistant.operator.image.ConohaImageReconciler;
import io.conoha.assistant.operator.server.ConohaServerReconciler;
import io.conoha.assistant.operator.reconcile.ActionMemory;
import io.conoha.assistant.operator.reconcile.Backoffs;
import io.conoha.assistant.operator.reconcile.EventRecorder;
import io.conoha.assistant.operator.reconcile.SecretReader;
import io.conoha.assistant.operator.reconcile.WaitClock;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.extended.leaderelection.LeaderCallbacks;
import io.javaoperatorsdk.operator.Operator;
import io.javaoperatorsdk.operator.api.config.LeaderElectionConfiguration;
import io.javaoperatorsdk.operator.api.config.LeaderElectionConfigurationBuilder;
import io.javaoperatorsdk.operator.api.config.ControllerConfigurationOverrider;
import io.micrometer.core.instrument.MeterRegistry;
import io.vertx.core.Vertx;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The operator: both controllers on one JOSDK {@link Operator}, sharing ConoHa accounts and metrics.
 * Status is patched with JSON merge patches (no server-side apply), the same against a real API server and
 * the in-process one of tests, demo and bench.
 */
public final class ConohaOperator implements AutoCloseable {
  private static final Logger LOG = LoggerFactory.getLogger(ConohaOperator.class);
  public static final String DEFAULT_LEASE_NAME = "conoha-assistant-leader";

  /** Leader election on a Lease; {@code exitOnLoss} is what production wants (JOSDK's default). */
  public record Leadership(String leaseName, String leaseNamespace, String identity, boolean exitOnLoss,
      Duration leaseDuration, Duration renewDeadline, Duration retryPeriod) {

    /** JOSDK's timings: a new leader within about 15 s of a crash. */
    public static Leadership of(String leaseName, String leaseNamespace, String identity) {
      return new Leadership(leaseName, leaseNamespace, identity, true, Duration.ofSeconds(15), Duration.ofSeconds(10),
          Duration.ofSeconds(2));
    }
  }

  private final Operator operator;
  private final Accounts accounts;
  private final OperatorMetrics metrics;
  private final Vertx vertx;
  private final boolean electing;
  private volatile boolean started;
  private volatile boolean leader;

  public ConohaOperator(KubernetesClient kubernetes, OperatorSettings settings, MeterRegistry registry,
      Optional<Leadership> leadership) {
    this(kubernetes, settings, registry, leadership, Clock.systemUTC());
  }

  /** @param calendar the clock schedules are read on (a {@link ScaledClock} to watch them faster, or in tests) */
  public ConohaOperator(KubernetesClient kubernetes, OperatorSettings settings, MeterRegistry registry,
      Optional<Leadership> leadership, Clock calendar) {
    Clock clock = Clock.systemUTC();
    JosdkMetrics.installFilters(registry);
    this.vertx = Vertx.vertx();
    this.electing = leadership.isPresent();
    this.metrics = new OperatorMetrics(registry, clock);
    ClientSettings defaults = ClientSettings.defaults();
    ClientSettings client = new ClientSettings(defaults.connectTimeout(), settings.requestTimeout(),
        settings.rateLimit(), Math.max(1, (int) Math.ceil(settings.rateLimit() * 2)), defaults.maxRetries(),
        defaults.retryBaseDelay(), defaults.retryMaxDelay(), defaults.tokenRefreshMargin());
    this.accounts = new Accounts(vertx, client,
        new Account.PollSettings(settings.fastPoll(), settings.slowPoll(), settings.catalogTtl()), registry,
        (account, ok) -> metrics.polled(ok), clock);
    OperatorContext ops = new OperatorContext(accounts, new SecretReader(kubernetes, clock), new EventRecorder(kubernetes, clock),
        settings, metrics, new Backoffs(settings.fastPoll(), settings.slowPoll()), new ActionMemory(),
        new WaitClock(clock), clock, calendar);
    this.operator = new Operator(o -> {
      o.withKubernetesClient(kubernetes)
          .withUseSSAToPatchPrimaryResource(false)
          .withCloseClientOnStop(false)
          .withMetrics(JosdkMetrics.create(registry))
          .withReconciliationTerminationTimeout(Duration.ofSeconds(30))
          .withStopOnInformerErrorDuringStartup(false);
      leadership.ifPresent(l -> o.withLeaderElectionConfiguration(leaderElection(l)));
    });
    Consumer<ControllerConfigurationOverrider<?>> namespaces = c -> {
      if (!settings.namespaces().isEmpty()) {
        c.settingNamespaces(settings.namespaces());
      }
    };
    operator.register(new ConohaServerReconciler(ops), namespaces::accept);
    operator.register(new ConohaImageReconciler(ops), namespaces::accept);
    JosdkMetrics.registerFailureCounters(registry, List.of("conohaserver", "conohaimage"));
    if (leadership.isEmpty()) {
      metrics.setLeader(true);
    }
  }

  private LeaderElectionConfiguration leaderElection(Leadership l) {
    var builder = LeaderElectionConfigurationBuilder.aLeaderElectionConfiguration(l.leaseName())
        .withLeaseNamespace(l.leaseNamespace())
        .withIdentity(l.identity())
        .withLeaseDuration(l.leaseDuration())
        .withRenewDeadline(l.renewDeadline())
        .withRetryPeriod(l.retryPeriod())
        .withLeaderCallbacks(new LeaderCallbacks(() -> leading(true), () -> leading(false), who -> { }));
    // JOSDK exits the process when leadership is lost (production); only in-process replicas stay alive.
    return l.exitOnLoss() ? builder.build() : builder.buildForTest(false);
  }

  private void leading(boolean leader) {
    LOG.info(leader ? "Became the leader: reconciling" : "Lost the leadership");
    this.leader = leader;
    metrics.setLeader(leader);
  }

  public void start() {
    operator.start();
    started = true;
  }

  /**
   * Started and every event source (informers and ConoHa account polls) healthy. A standby replica waiting for
   * the lease is ready too: otherwise a rollout of two replicas would never finish.
   */
  public boolean ready() {
    if (!started) {
      return false;
    }
    return (electing && !leader) || operator.getRuntimeInfo().allEventSourcesAreHealthy();
  }

  /** Whether this process reconciles now (always, without leader election). */
  /** ConoHa accounts with an open client and poll (one per credentials in use). */
  public int openAccounts() {
    return accounts.openAccounts();
  }

  public boolean leading() {
    return !electing || leader;
  }

  /** Stops reconciling (in-flight steps finish, up to the termination timeout) and closes ConoHa clients. */
  @Override
  public void close() {
    started = false;
    try {
      operator.stop();
    } finally {
      accounts.close();
      vertx.close();
    }
  }
}
