package io.conoha.assistant.cli;

import io.conoha.assistant.metrics.OperatorHttpServer;
import io.conoha.assistant.metrics.ProcessMetrics;
import io.conoha.assistant.operator.ConohaOperator;
import io.conoha.assistant.operator.OperatorSettings;
import io.conoha.assistant.operator.reconcile.Deadlines;
import io.fabric8.kubernetes.client.Config;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientBuilder;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import java.io.IOException;
import java.net.InetAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.stream.Collectors;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * The production process. Kubernetes access comes from {@code --kubeconfig}, else the usual kubeconfig or the
 * in-cluster service account; every option also reads an environment variable, so a Deployment sets them with
 * {@code env}.
 */
@Command(name = "operator", mixinStandardHelpOptions = true,
    description = "Run the operator against the current Kubernetes cluster.")
public final class OperatorCommand implements Callable<Integer> {
  @Option(names = "--kubeconfig", description = "Kubeconfig file (default: $KUBECONFIG, ~/.kube/config, or in-cluster).")
  Path kubeconfig;

  @Option(names = "--namespaces", split = ",", defaultValue = "${env:CONOHA_ASSISTANT_NAMESPACES:-}",
      description = "Namespaces to watch, comma separated; empty watches all (env CONOHA_ASSISTANT_NAMESPACES).")
  String[] namespaces;

  @Option(names = "--leader-election", negatable = true, defaultValue = "${env:CONOHA_ASSISTANT_LEADER_ELECTION:-true}",
      fallbackValue = "true", description = "Elect a leader on a Lease so replicas are safe (default true).")
  boolean leaderElection;

  @Option(names = "--lease-name", defaultValue = "${env:CONOHA_ASSISTANT_LEASE_NAME:-conoha-assistant-leader}",
      description = "Name of the leader Lease (one per install; default conoha-assistant-leader).")
  String leaseName;

  @Option(names = "--lease-namespace", defaultValue = "${env:CONOHA_ASSISTANT_LEASE_NAMESPACE:-${env:POD_NAMESPACE:-default}}",
      description = "Namespace of the leader Lease (default: $POD_NAMESPACE).")
  String leaseNamespace;

  @Option(names = "--http-port", defaultValue = "${env:CONOHA_ASSISTANT_HTTP_PORT:-8080}",
      description = "Port of /metrics, /healthz and /readyz (default 8080).")
  int httpPort;

  @Option(names = "--http-host", defaultValue = "${env:CONOHA_ASSISTANT_HTTP_HOST:-0.0.0.0}",
      description = "Address the HTTP port binds (default 0.0.0.0: Kubernetes probes come from outside the pod).")
  String httpHost;

  @Option(names = "--log-format", defaultValue = "${env:CONOHA_ASSISTANT_LOG_FORMAT:-text}",
      description = "text or json (default text).")
  LogFormat logFormat;

  @Option(names = "--fast-poll", defaultValue = "${env:CONOHA_ASSISTANT_FAST_POLL:-5s}", converter = DurationConverter.class,
      description = "Poll interval of an account while a resource is changing (default 5s).")
  Duration fastPoll;

  @Option(names = "--slow-poll", defaultValue = "${env:CONOHA_ASSISTANT_SLOW_POLL:-60s}", converter = DurationConverter.class,
      description = "Poll interval when everything is settled (default 60s).")
  Duration slowPoll;

  @Option(names = "--rate-limit", defaultValue = "${env:CONOHA_ASSISTANT_RATE_LIMIT:-10}",
      description = "ConoHa requests per second per account (default 10).")
  double rateLimit;

  @Option(names = "--request-timeout", defaultValue = "${env:CONOHA_ASSISTANT_REQUEST_TIMEOUT:-60s}",
      converter = DurationConverter.class, description = "Timeout of one ConoHa request (default 60s).")
  Duration requestTimeout;

  @Option(names = "--create-grace", defaultValue = "${env:CONOHA_ASSISTANT_CREATE_GRACE:-60s}",
      converter = DurationConverter.class,
      description = "How long an unanswered create may take to appear before it is tried again (default 60s).")
  Duration createGrace;

  @Option(names = "--save-deadline", defaultValue = "${env:CONOHA_ASSISTANT_SAVE_DEADLINE:-3h}",
      converter = DurationConverter.class,
      description = "How long an image save may take before the resource reports SaveTimedOut (default 3h).")
  Duration saveDeadline;

  @Option(names = "--volume-deadline", defaultValue = "${env:CONOHA_ASSISTANT_VOLUME_DEADLINE:-30m}",
      converter = DurationConverter.class,
      description = "How long a boot volume may take to be created or deleted before VolumeTimedOut (default 30m).")
  Duration volumeDeadline;

  @Option(names = "--build-deadline", defaultValue = "${env:CONOHA_ASSISTANT_BUILD_DEADLINE:-30m}",
      converter = DurationConverter.class,
      description = "How long a server may stay in BUILD before BuildTimedOut (default 30m).")
  Duration buildDeadline;

  @Option(names = "--task-deadline", defaultValue = "${env:CONOHA_ASSISTANT_TASK_DEADLINE:-30m}",
      converter = DurationConverter.class,
      description = "How long a server may stay busy (stopping, starting, resizing) before TaskTimedOut (default 30m).")
  Duration taskDeadline;

  @Option(names = "--calendar-start", paramLabel = "RFC3339",
      description = "For playgrounds and demos only: read schedules on a calendar that starts at this time"
          + " (e.g. 2026-12-04T17:59:00+09:00) instead of the real one. Default: the real clock.")
  java.time.OffsetDateTime calendarStart;

  @Option(names = "--calendar-speed", defaultValue = "1",
      description = "For playgrounds and demos only: how many times faster than real time that calendar runs"
          + " (e.g. 3600: an hour a second). Waits, deadlines and polls stay in real time.")
  double calendarSpeed;

  /** The clock schedules are read on: the real one unless a playground asked for another. */
  java.time.Clock calendar() {
    if (calendarStart == null && calendarSpeed == 1) {
      return java.time.Clock.systemUTC();
    }
    java.time.Instant start = calendarStart == null ? java.time.Instant.now() : calendarStart.toInstant();
    return new io.conoha.assistant.operator.ScaledClock(java.time.Clock.systemUTC(), start, calendarSpeed);
  }

  @Override
  public Integer call() throws InterruptedException, IOException {
    logFormat.apply();
    Process process = startHttp();
    CountDownLatch stopped = new CountDownLatch(1);
    Runtime.getRuntime().addShutdownHook(new Thread(() -> {
      process.close();
      stopped.countDown();
    }, "shutdown"));
    process.startOperator();
    stopped.await();
    return 0;
  }

  /** A running operator process: health and metrics first, then the controllers. */
  public final class Process implements AutoCloseable {
    private final KubernetesClient kubernetes;
    private final ConohaOperator operator;
    private final OperatorHttpServer http;
    private final ProcessMetrics.Binding processMetrics;

    private Process() throws IOException {
      PrometheusMeterRegistry registry = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
      kubernetes = kubeconfig == null ? new KubernetesClientBuilder().build()
          : new KubernetesClientBuilder().withConfig(Config.fromKubeconfig(Files.readString(kubeconfig))).build();
      operator = new ConohaOperator(kubernetes, settings(), registry, leadership(), calendar());
      processMetrics = ProcessMetrics.bindTo(registry); // after the operator's filters
      http = OperatorHttpServer.start(httpHost, httpPort, registry, () -> true, operator::ready);
    }

    public void startOperator() {
      operator.start();
    }

    public int httpPort() {
      return http.port();
    }

    public ConohaOperator operator() {
      return operator;
    }

    /** Graceful: in-flight reconcile steps finish (up to the termination timeout) before the clients close. */
    @Override
    public void close() {
      try {
        operator.close();
      } finally {
        http.close();
        kubernetes.close();
        processMetrics.close();
      }
    }
  }

  /** Starts the HTTP endpoints (not ready yet) and builds the operator without starting it. */
  public Process startHttp() throws IOException {
    return new Process();
  }

  OperatorSettings settings() {
    Set<String> watched = namespaces == null ? Set.of()
        : Arrays.stream(namespaces).map(String::trim).filter(s -> !s.isEmpty()).collect(Collectors.toSet());
    return OperatorSettings.defaults().withPolls(fastPoll, slowPoll).withNamespaces(watched).withRateLimit(rateLimit)
        .withRequestTimeout(requestTimeout).withCreateGrace(createGrace)
        .withDeadlines(new Deadlines(saveDeadline, volumeDeadline, buildDeadline, taskDeadline));
  }

  private Optional<ConohaOperator.Leadership> leadership() {
    if (!leaderElection) {
      return Optional.empty();
    }
    return Optional.of(ConohaOperator.Leadership.of(leaseName, leaseNamespace, identity()));
  }

  private static String identity() {
    String host = System.getenv("HOSTNAME");
    if (host != null && !host.isBlank()) {
      return host;
    }
    try {
      return InetAddress.getLocalHost().getHostName();
    } catch (IOException e) {
      return "conoha-assistant-" + ProcessHandle.current().pid();
    }
  }
}
