package io.conoha.assistant.cli;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/** The real kubectl binary, run against one kubeconfig; every call is bounded in time. */
final class Kubectl {
  /** What one kubectl call printed and returned. */
  record Result(int exit, String out, String err) {
    Result ok() {
      if (exit != 0) {
        throw new AssertionError("kubectl failed (" + exit + "): " + err + out);
      }
      return this;
    }
  }

  private final Path kubeconfig;

  Kubectl(Path kubeconfig) {
    this.kubeconfig = kubeconfig;
  }

  static String binary() {
    String found = System.getenv("KUBECTL");
    if (found != null) {
      return found;
    }
    for (String dir : System.getenv().getOrDefault("PATH", "/usr/bin").split(":")) {
      if (Path.of(dir, "kubectl").toFile().canExecute()) {
        return Path.of(dir, "kubectl").toString();
      }
    }
    throw new AssertionError("kubectl is not installed: install it (Debian: apt-get install kubernetes-client;"
        + " .ci/run does) or set KUBECTL");
  }

  Result run(String... args) {
    return run(60, args);
  }

  Result run(int timeoutSeconds, String... args) {
    try {
      Process process = start(args);
      if (!process.waitFor(timeoutSeconds, TimeUnit.SECONDS)) {
        process.destroyForcibly();
        throw new AssertionError("kubectl " + String.join(" ", args) + " did not finish in " + timeoutSeconds + "s");
      }
      return new Result(process.exitValue(), new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8),
          new String(process.getErrorStream().readAllBytes(), StandardCharsets.UTF_8));
    } catch (IOException e) {
      throw new AssertionError("could not run kubectl: " + e.getMessage(), e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new AssertionError(e);
    }
  }

  /** A kubectl left running (a watch), printing into {@code output}. */
  Process startPrintingTo(Path output, String... args) throws IOException {
    ProcessBuilder builder = builder(args);
    return builder.redirectOutput(output.toFile()).redirectErrorStream(true).start();
  }

  private Process start(String... args) throws IOException {
    return builder(args).start();
  }

  private ProcessBuilder builder(String... args) {
    List<String> command = new ArrayList<>(List.of(binary(), "--kubeconfig", kubeconfig.toString()));
    command.addAll(List.of(args));
    ProcessBuilder builder = new ProcessBuilder(command);
    builder.environment().remove("KUBECONFIG");
    builder.environment().put("HOME", kubeconfig.getParent().toString()); // a discovery cache of its own
    return builder;
  }
}
