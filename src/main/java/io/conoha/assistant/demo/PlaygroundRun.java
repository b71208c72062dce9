package io.conoha.assistant.demo;

import io.conoha.assistant.client.ApiGeneration;
import io.conoha.assistant.sim.ConohaSimulator;
import io.fabric8.kubernetes.api.model.Secret;
import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The playground: the {@link LocalStack} opened to kubectl. Starts it, creates the Secrets {@code conoha-v3} and
 * {@code conoha-v2} (the examples' credentials, pointed at the simulators) in {@code default}, writes a kubeconfig
 * and an env file, prints a guide and {@code playground ready} once everything answers, and runs until closed.
 */
public final class PlaygroundRun implements AutoCloseable {
  public static final String NAMESPACE = "default";
  /** First line of every file the playground writes; only such files are overwritten and removed again. */
  static final String MARKER = "# written by conoha-assistant playground; removed when it stops";

  /** What to run; {@code envFile} may be null, {@code apiPort} 0 picks a free port. */
  public record Options(LocalStack.Options stack, Path kubeconfig, Path envFile, int apiPort, Duration readyTimeout) {}

  private final Options options;
  private final PrintStream out;
  private final List<Path> written = new ArrayList<>();
  private LocalStack stack;
  private String apiUrl;

  public PlaygroundRun(Options options, PrintStream out) {
    this.options = options;
    this.out = out;
  }

  /** Starts everything and returns once it all answers (the guide and "playground ready" are printed). */
  public void start() {
    refuseToOverwrite(options.kubeconfig());
    if (options.envFile() != null) {
      refuseToOverwrite(options.envFile());
    }
    stack = LocalStack.start(options.stack());
    apiUrl = stack.kubernetes().serveKubectl(options.apiPort());
    stack.kubernetes().createNamespace(NAMESPACE);
    ExampleManifests.bundled().stream().filter(Secret.class::isInstance).forEach(s -> stack.apply(s, NAMESPACE));
    write(options.kubeconfig(), kubeconfig());
    if (options.envFile() != null) {
      write(options.envFile(), envFile());
    }
    guide();
    awaitAnswers();
    out.println("playground ready");
    out.flush();
  }

  public String apiUrl() {
    return apiUrl;
  }

  public LocalStack stack() {
    return stack;
  }

  private static void refuseToOverwrite(Path file) {
    try {
      if (Files.exists(file) && !Files.readString(file).startsWith(MARKER)) {
        throw new IllegalArgumentException(file + " exists and was not written by the playground: choose another"
            + " file (--kubeconfig / --env-file) or remove it");
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private void write(Path file, String text) {
    try {
      Path parent = file.toAbsolutePath().getParent();
      if (parent != null) {
        Files.createDirectories(parent);
      }
      Files.writeString(file, MARKER + "\n" + text);
      written.add(file);
    } catch (IOException e) {
      throw new UncheckedIOException("could not write " + file + ": " + e.getMessage(), e);
    }
  }

  private String kubeconfig() {
    return """
        apiVersion: v1
        kind: Config
        clusters:
          - name: conoha-playground
            cluster:
              server: %s
        users:
          - name: conoha-playground
            user: {}
        contexts:
          - name: conoha-playground
            context:
              cluster: conoha-playground
              user: conoha-playground
              namespace: %s
        current-context: conoha-playground
        """.formatted(apiUrl, NAMESPACE);
  }

  private String envFile() {
    StringBuilder env = new StringBuilder();
    env.append("export KUBECONFIG=").append(options.kubeconfig().toAbsolutePath()).append('\n');
    env.append("export CONOHA_SIM_V3=").append(stack.simulator(ApiGeneration.V3).baseUrl()).append('\n');
    env.append("export CONOHA_SIM_V2=").append(stack.simulator(ApiGeneration.V2).baseUrl()).append('\n');
    stack.metricsPort().ifPresent(p -> env.append("export CONOHA_METRICS=http://127.0.0.1:").append(p)
        .append("/metrics\n"));
    return env.toString();
  }

  private void guide() {
    ConohaSimulator v3 = stack.simulator(ApiGeneration.V3);
    ConohaSimulator v2 = stack.simulator(ApiGeneration.V2);
    Path kubeconfig = options.kubeconfig().toAbsolutePath();
    out.printf("ConoHa Assistant playground%n");
    out.printf("  ConoHa simulators  v3 %s, v2 %s (admin API under /admin)%n", v3.baseUrl(), v2.baseUrl());
    out.printf("  Kubernetes API     %s (in-process; CRDs installed; Secrets conoha-v3, conoha-v2 in %s)%n",
        apiUrl, NAMESPACE);
    if (stack.metricsPort().isPresent()) {
      out.printf("  Operator           in this process; metrics http://127.0.0.1:%d/metrics%n",
          stack.metricsPort().getAsInt());
    } else {
      out.printf("  Operator           not started (--no-operator); run it yourself, e.g.:%n");
      out.printf("                       java -jar target/conoha-assistant.jar operator --kubeconfig %s"
          + " --http-port 8081%n", kubeconfig);
    }
    out.printf("  kubeconfig         %s%s%n", kubeconfig,
        options.envFile() == null ? "" : "   (source " + options.envFile().toAbsolutePath() + ")");
    out.printf("%nTry (from the repository root):%n");
    out.printf("  export KUBECONFIG=%s%n", kubeconfig);
    out.printf("  kubectl apply -f deploy/examples/server-v3.yaml%n");
    out.printf("  kubectl get chs -w%n");
    out.printf("  kubectl wait --for=condition=Ready chs/web-v3 --timeout=120s%n");
    out.printf("  kubectl explain conohaserver.spec   |   kubectl get conoha   |   kubectl describe chs web-v3%n");
    out.printf("Ctrl-C stops everything.%n%n");
  }

  /** The Kubernetes API, both simulators and (when it runs here) the operator must answer. */
  private void awaitAnswers() {
    HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
    long deadline = System.nanoTime() + options.readyTimeout().toNanos();
    List<String> urls = List.of(apiUrl + "/version", stack.simulator(ApiGeneration.V3).baseUrl() + "/",
        stack.simulator(ApiGeneration.V2).baseUrl() + "/");
    Optional<String> waitingFor;
    while ((waitingFor = notAnswering(http, urls)).isPresent()) {
      if (System.nanoTime() > deadline) {
        throw new IllegalStateException("the playground did not come up within "
            + options.readyTimeout().toSeconds() + "s: " + waitingFor.get() + " does not answer");
      }
      try {
        Thread.sleep(100);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new IllegalStateException("interrupted while starting", e);
      }
    }
  }

  private Optional<String> notAnswering(HttpClient http, List<String> urls) {
    for (String url : urls) {
      try {
        http.send(HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(2)).build(),
            HttpResponse.BodyHandlers.discarding());
      } catch (IOException e) {
        return Optional.of(url);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        return Optional.of(url);
      }
    }
    return stack.operatorReady() ? Optional.empty() : Optional.of("the operator");
  }

  /** Stops everything and removes the files it wrote. */
  @Override
  public void close() {
    if (stack != null) {
      stack.close();
    }
    for (Path file : written) {
      try {
        Files.deleteIfExists(file);
      } catch (IOException e) {
        // best effort: a file left behind is overwritten by the next playground
      }
    }
  }
}
