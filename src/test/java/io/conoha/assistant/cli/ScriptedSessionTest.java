package io.conoha.assistant.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.conoha.assistant.client.ApiGeneration;
import io.conoha.assistant.sim.ConohaSimulator;
import io.conoha.assistant.sim.SimConfig;
import io.conoha.assistant.sim.SimTimings;
import java.io.File;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Arrays;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A shell script drives `conoha` as a user's script would: each command is its own JVM (with the shipped logging
 * configuration), and ids travel from one command to the next through `-f value -c id` and a pipe.
 */
class ScriptedSessionTest {
  private static final String SCRIPT = """
      set -euo pipefail
      id=$(conoha server create --name-tag ci-web --flavor g2l-t-c2m1 --image vmi-ubuntu-24.04-amd64 \\
          --tag run=script --wait --poll-interval=50ms -f value -c id)
      echo "created $id"
      echo "status $(conoha server show "$id" -f value -c status --verbose)"
      conoha server list -f value -c id | xargs conoha server delete --wait --poll-interval=50ms -f value -c kind -c result
      """;

  @Test
  void idsPrintedWithFormatValueFeedTheNextCommandThroughAPipe(@TempDir Path dir) throws Exception {
    try (ConohaSimulator sim = ConohaSimulator.start(SimConfig.defaults(ApiGeneration.V3)
        .withTimings(SimTimings.fast()))) {
      Path openrc = dir.resolve("openrc");
      Files.writeString(openrc, sim.openrc());
      Path conoha = dir.resolve("conoha");
      Files.writeString(conoha, "#!/bin/sh\nexec '" + Path.of(System.getProperty("java.home"), "bin", "java")
          + "' -cp '" + shippedClasspath() + "' io.conoha.assistant.cli.Main conoha --credentials '"
          + openrc + "' \"$@\"\n");
      Files.setPosixFilePermissions(conoha, PosixFilePermissions.fromString("rwxr-xr-x"));
      ProcessBuilder bash = new ProcessBuilder("bash", "-c", SCRIPT).directory(dir.toFile())
          .redirectError(dir.resolve("stderr").toFile());
      bash.environment().put("PATH", dir + ":" + System.getenv("PATH"));
      bash.environment().keySet().removeIf(k -> k.startsWith("OS_"));

      Process process = bash.start();
      String out = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
      assertThat(process.waitFor(3, TimeUnit.MINUTES)).isTrue();
      String err = Files.readString(dir.resolve("stderr"));

      assertThat(process.exitValue()).as(err).isZero();
      String id = out.lines().findFirst().orElse("").replace("created ", "");
      assertThat(id).matches("[0-9a-f-]{36}");
      assertThat(out.lines().toList()).containsExactly("created " + id, "status ACTIVE", "server deleted",
          "volume deleted");
      assertThat(sim.ledger().state().servers()).isEmpty();
      assertThat(sim.ledger().state().volumes()).isEmpty();
      assertThat(err).as("--verbose logs on stderr").containsPattern("servers.get GET http://127\\.0\\.0\\.1:\\d+"
          + "/compute/v2\\.1/servers/" + id + " -> 200").doesNotContain("Sim-Passw0rd!");
      assertThat(err.lines().filter(l -> !l.contains(" DEBUG ") && !l.contains(" INFO ")).toList()).satisfiesExactly(
          l -> assertThat(l).matches("boot volume \\S+ \\(100 GB\\) created; waiting until it is available"),
          l -> assertThat(l).matches("waiting for server " + id + " to be deleted before deleting volume \\S+"));
      assertThat(sim.ledger().countsByOperation()).contains(Map.entry("servers.create", 1L),
          Map.entry("servers.delete", 1L), Map.entry("volumes.delete", 1L));
    }
  }

  /** The main classes and their dependencies, without test-classes (whose logback-test.xml would log to stdout). */
  private static String shippedClasspath() {
    String all = System.getProperty("surefire.test.class.path", System.getProperty("java.class.path"));
    return Arrays.stream(all.split(File.pathSeparator)).filter(e -> !e.endsWith("test-classes"))
        .collect(Collectors.joining(File.pathSeparator));
  }
}
