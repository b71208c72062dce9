package io.conoha.assistant.bench;

import java.io.IOException;
import java.io.InputStream;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The real {@code operator} command in a JVM of its own, started from the built jar with the container's JVM flags
 * ({@code jvm.options} and the chart's default JAVA_TOOL_OPTIONS) and a memory ceiling like the chart's limit, pointed at this JVM's in-process Kubernetes
 * API through a kubeconfig. Measures what a user pays in their cluster: resident memory, heap after a full GC,
 * CPU time, threads and the time from start to the first 200 of /readyz.
 */
final class OperatorProcess implements AutoCloseable {
  static final String JVM_OPTIONS = "/io/conoha/assistant/jvm.options";
  /** The chart's default {@code jvmOptions} (JAVA_TOOL_OPTIONS of the pod): heap sizing and temporary files. */
  static final String CHART_JAVA_TOOL_OPTIONS = "-XX:MaxRAMPercentage=75 -XX:+ExitOnOutOfMemoryError -XX:-UsePerfData"
      + " -Djava.io.tmpdir=/tmp -Dvertx.cacheDirBase=/tmp/vertx-cache";
  private static final Pattern HEAP_USED = Pattern.compile("total \\d+K, used (\\d+)K");

  private final Process process;
  private final int port;
  private final Path log;
  private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
  private final long readyMillis;

  private OperatorProcess(Process process, int port, Path log, long readyMillis) {
    this.process = process;
    this.port = port;
    this.log = log;
    this.readyMillis = readyMillis;
  }

  /**
   * What the operator process is started with; {@code classData}: first train a class-data archive and start with
   * it, as the image does.
   */
  record Launch(Path jar, String memoryLimit, List<String> jvmOptions, List<String> operatorArgs, boolean classData) {
    Launch withJvmOption(String option) {
      List<String> flags = new ArrayList<>(jvmOptions);
      flags.add(option);
      return new Launch(jar, memoryLimit, flags, operatorArgs, classData);
    }
  }

  /**
   * Trains a class-data archive the way deploy/image/build.sh does: the operator started with the same flags and
   * stopped once ready, so its JVM writes the classes it loaded on the way ({@code -XX:ArchiveClassesAtExit}). A
   * start with {@code -XX:SharedArchiveFile} then maps them instead of loading and verifying them again.
   */
  static Path trainClassData(Launch launch, String kubernetesUrl, Duration timeout) throws IOException {
    Path archive = Files.createTempDirectory("bench-class-data").resolve("operator.jsa");
    try (OperatorProcess training = start(launch.withJvmOption("-XX:ArchiveClassesAtExit=" + archive), kubernetesUrl,
        timeout)) {
      // ready: the start-up's classes are loaded; closing it (SIGTERM) writes them
    }
    if (!Files.isRegularFile(archive)) {
      throw new IllegalStateException("bench: the training run of the operator wrote no class-data archive");
    }
    return archive;
  }

  /** Starts the process and waits (up to {@code timeout}) for /readyz to answer 200. */
  static OperatorProcess start(Launch launch, String kubernetesUrl, Duration timeout) throws IOException {
    if (!Files.isRegularFile(launch.jar())) {
      throw new IllegalStateException("bench: " + launch.jar() + " does not exist; build it with mvn -B package"
          + " -DskipTests (or name it with --operator-jar)");
    }
    Path kubeconfig = Files.createTempFile("bench-kubeconfig", ".yaml");
    Files.writeString(kubeconfig, kubeconfig(kubernetesUrl));
    Path log = Files.createTempFile("bench-operator", ".log");
    int port = freePort();
    List<String> command = new ArrayList<>();
    command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
    command.add("-XX:MaxRAM=" + launch.memoryLimit()); // the container's memory limit, as the JVM would see it
    command.addAll(launch.jvmOptions());
    command.addAll(List.of("-jar", launch.jar().toString(), "operator", "--kubeconfig", kubeconfig.toString(),
        "--no-leader-election", "--http-host", "127.0.0.1", "--http-port", Integer.toString(port)));
    command.addAll(launch.operatorArgs());
    ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile());
    builder.environment().put("JAVA_TOOL_OPTIONS", CHART_JAVA_TOOL_OPTIONS);
    long began = System.nanoTime();
    Process process = builder.start();
    OperatorProcess started = null;
    try {
      long ready = awaitReady(process, port, began, timeout, log);
      started = new OperatorProcess(process, port, log, ready);
      return started;
    } finally {
      if (started == null) {
        process.destroyForcibly();
      }
    }
  }

  /** The container's flags, one per line, comments and blank lines left out. */
  static List<String> containerJvmOptions() {
    try (InputStream in = OperatorProcess.class.getResourceAsStream(JVM_OPTIONS)) {
      if (in == null) {
        throw new IllegalStateException(JVM_OPTIONS + " is not on the classpath");
      }
      List<String> options = new ArrayList<>();
      for (String line : new String(in.readAllBytes(), StandardCharsets.UTF_8).split("\n")) {
        String option = line.replaceAll("#.*$", "").trim();
        if (!option.isEmpty()) {
          options.add(option);
        }
      }
      return options;
    } catch (IOException e) {
      throw new IllegalStateException(e);
    }
  }

  private static long awaitReady(Process process, int port, long began, Duration timeout, Path log)
      throws IOException {
    HttpClient client = HttpClient.newBuilder().connectTimeout(Duration.ofMillis(500)).build();
    HttpRequest readyz = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/readyz"))
        .timeout(Duration.ofSeconds(1)).build();
    long deadline = began + timeout.toNanos();
    while (System.nanoTime() < deadline) {
      if (!process.isAlive()) {
        throw new IllegalStateException("bench: the operator process exited with " + process.exitValue() + "; its log: "
            + tail(log));
      }
      try {
        if (client.send(readyz, HttpResponse.BodyHandlers.discarding()).statusCode() == 200) {
          return (System.nanoTime() - began) / 1_000_000;
        }
      } catch (IOException notListeningYet) {
        // the HTTP server is not up yet
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new IllegalStateException(e);
      }
      sleep(20);
    }
    throw new IllegalStateException("bench: the operator process was not ready within " + timeout.toSeconds()
        + " s; its log: " + tail(log));
  }

  /** Milliseconds from process start to the first 200 of /readyz. */
  long readyMillis() {
    return readyMillis;
  }

  long pid() {
    return process.pid();
  }

  /** The operator's /metrics text. */
  String scrape() {
    try {
      HttpRequest request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/metrics"))
          .timeout(Duration.ofSeconds(10)).build();
      return http.send(request, HttpResponse.BodyHandlers.ofString()).body();
    } catch (IOException e) {
      throw new IllegalStateException("bench: could not read the operator's /metrics: " + e.getMessage(), e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  /** Resident memory in MiB (Linux; -1 elsewhere). */
  long rssMiB() {
    return statusField("VmRSS:") >> 10;
  }

  long threads() {
    return statusField("Threads:");
  }

  /** User plus system CPU time so far, from /proc/PID/stat (clock ticks of 1/100 s). */
  double cpuSeconds() {
    try {
      String stat = Files.readString(Path.of("/proc", Long.toString(pid()), "stat"));
      String[] fields = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
      return (Long.parseLong(fields[11]) + Long.parseLong(fields[12])) / 100.0;
    } catch (IOException | RuntimeException e) {
      return -1;
    }
  }

  /** Heap in use right after a full GC, asked of the process with jcmd (GC.run, then GC.heap_info). */
  long heapAfterGcMiB() {
    jcmd("GC.run");
    String info = jcmd("GC.heap_info");
    Matcher m = HEAP_USED.matcher(info);
    long usedKiB = 0;
    boolean found = false;
    while (m.find()) {
      usedKiB += Long.parseLong(m.group(1));
      found = true;
    }
    return found ? usedKiB >> 10 : -1;
  }

  private String jcmd(String command) {
    Path jcmd = Path.of(System.getProperty("java.home"), "bin", "jcmd");
    try {
      Process p = new ProcessBuilder(jcmd.toString(), Long.toString(pid()), command).redirectErrorStream(true).start();
      String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
      p.waitFor(30, TimeUnit.SECONDS);
      return out;
    } catch (IOException e) {
      return "";
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return "";
    }
  }

  private long statusField(String field) {
    try {
      for (String line : Files.readAllLines(Path.of("/proc", Long.toString(pid()), "status"))) {
        if (line.startsWith(field)) {
          return Long.parseLong(line.replaceAll("\\D", ""));
        }
      }
    } catch (IOException | RuntimeException e) {
      // not Linux: reported as -1
    }
    return -1;
  }

  private static String kubeconfig(String url) {
    String server = url.endsWith("/") ? url.substring(0, url.length() - 1) : url;
    return """
        apiVersion: v1
        kind: Config
        clusters:
        - name: bench
          cluster:
            server: %s
        users:
        - name: bench
          user:
            token: bench
        contexts:
        - name: bench
          context:
            cluster: bench
            user: bench
        current-context: bench
        """.formatted(server);
  }

  private static int freePort() throws IOException {
    try (ServerSocket socket = new ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
      return socket.getLocalPort();
    }
  }

  private static String tail(Path log) {
    try {
      List<String> lines = Files.readAllLines(log);
      return String.join("\n", lines.subList(Math.max(0, lines.size() - 30), lines.size()));
    } catch (IOException e) {
      return "(unreadable: " + e.getMessage() + ")";
    }
  }

  private static void sleep(long millis) {
    try {
      Thread.sleep(millis);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  /** Stops the operator as Kubernetes would (SIGTERM, then SIGKILL after 20 s). */
  @Override
  public void close() {
    process.destroy();
    try {
      if (!process.waitFor(20, TimeUnit.SECONDS)) {
        process.destroyForcibly();
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      process.destroyForcibly();
    }
  }

  /** Where the operator's log went (kept for a look after a failed run). */
  Path log() {
    return log;
  }
}
