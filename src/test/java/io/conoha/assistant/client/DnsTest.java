package io.conoha.assistant.client;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.conoha.assistant.client.error.ConohaException;
import io.conoha.assistant.client.model.DnsRecord;
import io.conoha.assistant.client.model.DnsZone;
import io.conoha.assistant.sim.ConohaSimulator;
import io.conoha.assistant.sim.SimConfig;
import io.conoha.assistant.sim.SimDns;
import io.conoha.assistant.sim.SimTimings;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.vertx.core.Vertx;
import java.util.function.BiConsumer;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** ConoHa DNS through the client against the simulator, on both API generations: zones, records, errors, faults. */
class DnsTest {

  private static void withClient(ApiGeneration generation, BiConsumer<ConohaSimulator, ConohaClient> story) {
    Vertx vertx = Vertx.vertx();
    try (ConohaSimulator sim = ConohaSimulator.start(SimConfig.defaults(generation).withTimings(SimTimings.fast()));
         ConohaClient client = ConohaClient.create(vertx, sim.credentials(), ClientSettings.defaults(), new SimpleMeterRegistry())) {
      story.accept(sim, client);
    } finally {
      vertx.close().toCompletionStage().toCompletableFuture().join();
    }
  }

  private static DnsZone zone(ConohaClient client) {
    return client.dns().listZones().stream().filter(z -> z.name().equals(SimDns.SEED_ZONE)).findFirst().orElseThrow();
  }

  @ParameterizedTest
  @EnumSource(ApiGeneration.class)
  void aRecordIsCreatedFoundUpdatedInPlaceAndDeleted(ApiGeneration generation) {
    withClient(generation, (sim, client) -> {
      assertThat(client.identity().endpoints().dns()).as("from the token's catalog, type dns").endsWith("/dns");
      DnsZone zone = zone(client);

      DnsRecord made = client.dns().createRecord(zone.id(),
          new DnsRecord(null, "mc.example.com.", "A", "203.0.113.10", 60, "owner=abc"));
      assertThat(made.id()).isNotBlank();
      assertThat(client.dns().listRecords(zone.id())).singleElement().satisfies(r -> {
        assertThat(r.named("MC.example.com.")).isTrue();
        assertThat(r.description()).isEqualTo("owner=abc");
      });

      DnsRecord moved = client.dns().updateRecord(zone.id(), made.id(), "203.0.113.20", 120);
      assertThat(moved.id()).isEqualTo(made.id());
      assertThat(moved.data()).isEqualTo("203.0.113.20");
      assertThat(moved.description()).as("kept by an update").isEqualTo("owner=abc");

      client.dns().deleteRecord(zone.id(), made.id());
      assertThat(client.dns().listRecords(zone.id())).isEmpty();
      assertThat(sim.dns().records(SimDns.SEED_ZONE)).isEmpty();
    });
  }

  @ParameterizedTest
  @EnumSource(ApiGeneration.class)
  void badRecordsAreRefusedAsDesignateDoes(ApiGeneration generation) {
    withClient(generation, (sim, client) -> {
      DnsZone zone = zone(client);
      assertThatThrownBy(() -> client.dns().createRecord(zone.id(),
          new DnsRecord(null, "mc.example.org.", "A", "203.0.113.10", 60, null)))
          .isInstanceOfSatisfying(ConohaException.class, e -> assertThat(e.kind()).isEqualTo(ConohaException.Kind.BAD_REQUEST));
      assertThatThrownBy(() -> client.dns().createRecord(zone.id(),
          new DnsRecord(null, "mc.example.com.", "AAAA", "203.0.113.10", 60, null)))
          .isInstanceOfSatisfying(ConohaException.class, e -> assertThat(e.getMessage()).contains("not an IPv6 address"));
      client.dns().createRecord(zone.id(), new DnsRecord(null, "mc.example.com.", "A", "203.0.113.10", 60, null));
      assertThatThrownBy(() -> client.dns().createRecord(zone.id(),
          new DnsRecord(null, "mc.example.com.", "A", "203.0.113.10", 60, null)))
          .isInstanceOfSatisfying(ConohaException.class, e -> assertThat(e.kind()).isEqualTo(ConohaException.Kind.CONFLICT));
      assertThatThrownBy(() -> client.dns().listRecords("no-such-zone"))
          .isInstanceOfSatisfying(ConohaException.class, e -> assertThat(e.kind()).isEqualTo(ConohaException.Kind.NOT_FOUND));
    });
  }

  @ParameterizedTest
  @EnumSource(ApiGeneration.class)
  void faultsReachDnsLikeEveryOtherService(ApiGeneration generation) {
    withClient(generation, (sim, client) -> {
      DnsZone zone = zone(client);
      sim.faults().failNext("dns.records.list", 503, 1);
      assertThat(client.dns().listRecords(zone.id())).as("a GET is retried after a 503").isEmpty();
      sim.faults().failNext("dns.records.create", 503, 1);
      assertThatThrownBy(() -> client.dns().createRecord(zone.id(),
          new DnsRecord(null, "mc.example.com.", "A", "203.0.113.10", 60, null)))
          .as("a create is never retried").isInstanceOfSatisfying(ConohaException.class,
              e -> assertThat(e.kind()).isEqualTo(ConohaException.Kind.SERVER_ERROR));
      assertThat(sim.ledger().count("dns.records.create")).isEqualTo(1);
    });
  }
}
