package io.conoha.assistant.operator;

import static io.conoha.assistant.operator.Resources.UBUNTU;
import static io.conoha.assistant.operator.Resources.V2_PLAN;
import static io.conoha.assistant.operator.Resources.V3_PLAN;
import static io.conoha.assistant.operator.Resources.server;
import static io.conoha.assistant.operator.ServerScenariosTest.phase;
import static io.conoha.assistant.operator.ServerScenariosTest.ready;
import static org.assertj.core.api.Assertions.assertThat;

import io.conoha.assistant.api.ConohaServer;
import io.conoha.assistant.api.DnsSpec;
import io.conoha.assistant.api.DnsWhileArchived;
import io.conoha.assistant.api.ServerPhase;
import io.conoha.assistant.api.ServerState;
import io.conoha.assistant.client.ApiGeneration;
import io.conoha.assistant.sim.SimDns;
import java.util.List;
import org.junit.jupiter.api.Test;

/** spec.dns as a user lives it: a name that follows the server through archive and restore, and never steals. */
class DnsScenariosTest {
  static final String ZONE = SimDns.SEED_ZONE;
  static final String FQDN = "mc." + ZONE;

  static ConohaServer withDns(ConohaServer server, DnsWhileArchived whileArchived) {
    server.getSpec().setDns(new DnsSpec(ZONE, "mc", 60, whileArchived));
    return server;
  }

  static List<SimDns.Record> records(Testbed bed, String type) {
    return bed.sim.dns().records(ZONE).stream().filter(r -> r.name().equals(FQDN) && r.type().equals(type)).toList();
  }

  static void setState(Testbed bed, ServerState state) {
    bed.editServer("mc", s -> {
      s.getSpec().setState(state);
      return s;
    });
  }

  static String ipv4(ConohaServer s) {
    return s.getStatus().getAddresses().getIpv4().get(0);
  }

  @Test
  void theNameFollowsTheServerThroughArchiveAndRestoreInTheSameRecord() {
    try (Testbed bed = Testbed.start(ApiGeneration.V3)) {
      bed.apply(withDns(server("mc", V3_PLAN, UBUNTU, ServerState.Running), DnsWhileArchived.Keep));
      ConohaServer running = bed.awaitServer("mc", "running with its A record", s -> ready(s)
          && phase(s, ServerPhase.Running) && s.getStatus().getDns() != null && !s.getStatus().getDns().getRecordIds().isEmpty());
      String firstIp = ipv4(running);
      SimDns.Record a = records(bed, "A").get(0);
      assertThat(a.data()).isEqualTo(firstIp);
      assertThat(a.ttl()).isEqualTo(60);
      assertThat(a.description()).contains("owner=" + running.getMetadata().getUid()).contains("default.mc");
      assertThat(running.getStatus().getDns().getFqdn()).isEqualTo(FQDN);
      if (!running.getStatus().getAddresses().getIpv6().isEmpty()) {
        assertThat(records(bed, "AAAA")).singleElement().satisfies(r ->
            assertThat(r.data()).isEqualTo(running.getStatus().getAddresses().getIpv6().get(0)));
      }
      assertThat(bed.hasEvent("mc", "DnsUpdated")).isTrue();

      setState(bed, ServerState.Archived);
      bed.awaitServer("mc", "archived", s -> ready(s) && phase(s, ServerPhase.Archived));
      assertThat(records(bed, "A")).as("whileArchived Keep").singleElement()
          .satisfies(r -> assertThat(r.data()).isEqualTo(firstIp));

      setState(bed, ServerState.Running);
      ConohaServer restored = bed.awaitServer("mc", "restored, the record moved", s -> ready(s)
          && phase(s, ServerPhase.Running) && s.getStatus().getDns().getAddresses().contains(ipv4(s)));
      assertThat(ipv4(restored)).isNotEqualTo(firstIp);
      assertThat(records(bed, "A")).singleElement().satisfies(r -> {
        assertThat(r.id()).as("the same record, updated in place").isEqualTo(a.id());
        assertThat(r.data()).isEqualTo(ipv4(restored));
      });

      bed.deleteServer("mc");
      bed.awaitServerGone("mc");
      assertThat(bed.sim.dns().records(ZONE)).as("deletionPolicy Delete removes what it made").isEmpty();
    }
  }

  @Test
  void whileArchivedRemoveTakesTheRecordAwayAndRestoringPutsItBack() {
    try (Testbed bed = Testbed.start(ApiGeneration.V2)) {
      bed.apply(withDns(server("mc", V2_PLAN, UBUNTU, ServerState.Running), DnsWhileArchived.Remove));
      bed.awaitServer("mc", "running with its record", s -> ready(s) && s.getStatus().getDns() != null
          && !s.getStatus().getDns().getRecordIds().isEmpty());

      setState(bed, ServerState.Archived);
      bed.awaitServer("mc", "archived without records", s -> ready(s) && phase(s, ServerPhase.Archived)
          && s.getStatus().getDns().getRecordIds().isEmpty());
      assertThat(bed.sim.dns().records(ZONE)).isEmpty();

      setState(bed, ServerState.Running);
      ConohaServer back = bed.awaitServer("mc", "running with a record again", s -> ready(s)
          && phase(s, ServerPhase.Running) && s.getStatus().getDns().getAddresses().contains(ipv4(s)));
      assertThat(records(bed, "A")).singleElement().satisfies(r -> assertThat(r.data()).isEqualTo(ipv4(back)));
    }
  }

  @Test
  void aRecordMadeByHandIsNeverTouchedAndTheConflictIsReported() {
    try (Testbed bed = Testbed.start(ApiGeneration.V2)) {
      SimDns.Record foreign = bed.sim.dns().addRecord(ZONE, FQDN, "A", "198.51.100.7", "the old game server");
      bed.apply(withDns(server("mc", V2_PLAN, UBUNTU, ServerState.Running), DnsWhileArchived.Keep));

      ConohaServer refused = bed.awaitServer("mc", "running, DNS refused", s -> s.getStatus() != null
          && phase(s, ServerPhase.Running) && "False/DnsRecordConflict".equals(ServerScenariosTest.synced(s)));
      assertThat(refused.getStatus().getConditions()).anySatisfy(c -> assertThat(c.getMessage())
          .contains("[A 198.51.100.7] of " + FQDN + " were not made by this resource"));
      assertThat(bed.sim.dns().records(ZONE)).containsExactly(foreign);

      bed.deleteServer("mc");
      bed.awaitServerGone("mc");
      assertThat(bed.sim.dns().records(ZONE)).as("still untouched after the delete").containsExactly(foreign);
    }
  }

  @Test
  void aZoneThatIsNotInTheAccountIsNamedWithTheZonesThereAre() {
    try (Testbed bed = Testbed.start(ApiGeneration.V2)) {
      ConohaServer mc = server("mc", V2_PLAN, UBUNTU, ServerState.Running);
      mc.getSpec().setDns(new DnsSpec("example.net.", "mc", 60, DnsWhileArchived.Keep));
      bed.apply(mc);
      ConohaServer refused = bed.awaitServer("mc", "DnsZoneNotFound",
          s -> "False/DnsZoneNotFound".equals(ServerScenariosTest.synced(s)));
      assertThat(refused.getStatus().getConditions()).anySatisfy(c -> assertThat(c.getMessage())
          .contains("DNS zone example.net. is not in this ConoHa account (zones: [example.com.])"));
    }
  }
}
