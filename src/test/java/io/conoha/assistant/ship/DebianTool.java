package io.conoha.assistant.ship;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Assumptions;

/**
 * A command-line tool from a Debian package that a test runs for real (promtool from {@code prometheus},
 * {@code lua5.1}). Without it a developer's run skips the test with the install line; in CI ({@code CI=true},
 * where .ci/run installs the packages) a missing tool fails it, so the check can never silently stop running.
 */
public record DebianTool(String command, String debianPackage) {
  public static final DebianTool PROMTOOL = new DebianTool("promtool", "prometheus");
  public static final DebianTool LUA51 = new DebianTool("lua5.1", "lua5.1");

  /** What one run printed and how it ended. */
  public record Result(int exitCode, String stdout, String stderr) {
    public String output() {
      return stdout + stderr;
    }
  }

  /** The tool's path, or the test is skipped (locally) or failed (CI) with how to install it. */
  public String path() {
    for (String dir : System.getenv().getOrDefault("PATH", "/usr/bin").split(File.pathSeparator)) {
      File f = new File(dir, command);
      if (f.canExecute()) {
        return f.getPath();
      }
    }
    String how = command + " is not installed: apt-get install -y --no-install-recommends " + debianPackage;
    if ("true".equals(System.getenv("CI"))) {
      throw new AssertionError(how + " (.ci/run installs it)");
    }
    Assumptions.abort(how);
    return null;
  }

  /** Runs the tool with these arguments (stdin from {@code input} when not null), at most 60 s. */
  public Result run(Path workDir, String input, String... args) throws IOException, InterruptedException {
    List<String> command = new ArrayList<>();
    command.add(path());
    command.addAll(List.of(args));
    ProcessBuilder pb = new ProcessBuilder(command).directory(workDir.toFile());
    Process p = pb.start();
    if (input != null) {
      p.getOutputStream().write(input.getBytes(StandardCharsets.UTF_8));
    }
    p.getOutputStream().close();
    var out = java.util.concurrent.CompletableFuture.supplyAsync(() -> read(p.getInputStream()));
    var err = java.util.concurrent.CompletableFuture.supplyAsync(() -> read(p.getErrorStream()));
    assertThat(p.waitFor(60, TimeUnit.SECONDS)).as("%s finished within 60 s", command).isTrue();
    return new Result(p.exitValue(), out.join(), err.join());
  }

  private static String read(java.io.InputStream in) {
    try {
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
  }
}
