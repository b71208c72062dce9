package io.conoha.assistant.cli;

import io.conoha.assistant.cli.CliRunner.Run;
import io.conoha.assistant.client.ApiGeneration;
import io.conoha.assistant.sim.ConohaSimulator;
import io.conoha.assistant.sim.SimConfig;
import io.conoha.assistant.sim.SimTimings;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.io.TempDir;

/** Tests of `conoha` on a fresh simulated v3 account (fast timings) each, reached through an openrc file. */
abstract class OnASimulatedAccount {
  static final String UBUNTU = "vmi-ubuntu-24.04-amd64";
  /** A v3 disk-0 plan: its servers boot from a volume. */
  static final String PLAN = "g2l-t-c2m1";
  static final String FAST = "--poll-interval=20ms";

  ConohaSimulator sim;
  private Path openrc;

  @BeforeEach
  void startSimulator(@TempDir Path dir) throws Exception {
    sim = ConohaSimulator.start(SimConfig.defaults(ApiGeneration.V3).withTimings(SimTimings.fast()));
    openrc = Files.writeString(dir.resolve("openrc"), sim.openrc());
  }

  @AfterEach
  void stopSimulator() {
    sim.close();
  }

  /** {@code conoha --credentials OPENRC ARGS...} in this JVM. */
  Run conoha(String... args) {
    return CliRunner.conoha(openrc, args);
  }
}
