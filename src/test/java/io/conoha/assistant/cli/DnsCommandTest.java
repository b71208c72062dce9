package io.conoha.assistant.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.conoha.assistant.client.ApiGeneration;
import io.conoha.assistant.sim.ConohaSimulator;
import io.conoha.assistant.sim.SimConfig;
import io.conoha.assistant.sim.SimDns;
import io.conoha.assistant.sim.SimTimings;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code conoha dns zones} and {@code conoha dns records ZONE} against the simulator. */
class DnsCommandTest {
  @TempDir
  Path dir;

  private CliRunner.Run conoha(ConohaSimulator sim, String... args) throws Exception {
    Path openrc = dir.resolve("openrc");
    Files.writeString(openrc, sim.openrc());
    return CliRunner.conoha(openrc, args);
  }

  @Test
  void listsZonesAndTheRecordsOfOneByName() throws Exception {
    try (ConohaSimulator sim = ConohaSimulator.start(SimConfig.defaults(ApiGeneration.V3).withTimings(SimTimings.fast()))) {
      sim.dns().addRecord(SimDns.SEED_ZONE, "mc.example.com.", "A", "203.0.113.10", "by hand");

      CliRunner.Run zones = conoha(sim, "dns", "zones");
      assertThat(zones.exitCode()).isZero();
      assertThat(zones.out()).contains("name").contains("example.com.");

      CliRunner.Run records = conoha(sim, "dns", "records", "example.com");
      assertThat(records.exitCode()).isZero();
      assertThat(records.out()).containsPattern("mc\\.example\\.com\\. +A +203\\.0\\.113\\.10").contains("by hand");

      CliRunner.Run json = conoha(sim, "--output", "json", "dns", "records", "example.com.");
      assertThat(json.out()).contains("\"data\"").contains("203.0.113.10");
    }
  }

  @Test
  void anUnknownZoneSaysWhichZonesThereAre() throws Exception {
    try (ConohaSimulator sim = ConohaSimulator.start(SimConfig.defaults(ApiGeneration.V2).withTimings(SimTimings.fast()))) {
      CliRunner.Run run = conoha(sim, "dns", "records", "example.net");
      assertThat(run.exitCode()).isNotZero();
      assertThat(run.err()).contains("no DNS zone example.net in this account (zones: [example.com.])");
    }
  }
}
