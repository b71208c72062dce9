package io.conoha.assistant.cli;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;

/** {@code conoha-assistant <command>} in a JVM of its own (the test classpath), its output collected. */
final class ChildJvm implements AutoCloseable {
  private final Process process;
  private final List<String> lines = new CopyOnWriteArrayList<>();
  private final Thread reader;

  private ChildJvm(Process process) {
    this.process = process;
    reader = new Thread(() -> {
      try (BufferedReader in = new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
        for (String line; (line = in.readLine()) != null; ) {
          lines.add(line);
        }
      } catch (IOException e) {
        lines.add("(output lost: " + e.getMessage() + ")");
      }
    }, "child-output");
    reader.setDaemon(true);
    reader.start();
  }

  static ChildJvm start(Path workingDirectory, String... args) throws IOException {
    List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
        "-Xmx512m", "-cp", System.getProperty("java.class.path"), Main.class.getName()));
    command.addAll(List.of(args));
    return new ChildJvm(new ProcessBuilder(command).directory(workingDirectory.toFile()).redirectErrorStream(true)
        .start());
  }

  /** Waits for a line of output containing {@code text}. */
  void awaitLine(String text, Duration timeout) throws InterruptedException {
    long deadline = System.nanoTime() + timeout.toNanos();
    while (lines.stream().noneMatch(l -> l.contains(text))) {
      if (!process.isAlive() || System.nanoTime() > deadline) {
        throw new AssertionError("no line \"" + text + "\" (" + (process.isAlive() ? "timed out" : "exited "
            + process.exitValue()) + "); output:\n" + output());
      }
      Thread.sleep(100);
    }
  }

  String output() {
    return String.join("\n", lines);
  }

  /** SIGTERM, as Ctrl-C or a process manager stops it; returns the exit code. */
  int terminate(Duration timeout) throws InterruptedException {
    process.toHandle().destroy(); // SIGTERM without closing our end of its output (Process.destroy would)
    if (!process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
      process.destroyForcibly();
      throw new AssertionError("did not stop within " + timeout.toSeconds() + "s after SIGTERM; output:\n" + output());
    }
    reader.join(5000); // the last lines
    return process.exitValue();
  }

  @Override
  public void close() {
    if (process.isAlive()) {
      process.destroyForcibly();
    }
  }
}
