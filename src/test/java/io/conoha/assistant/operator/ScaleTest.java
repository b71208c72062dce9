package io.conoha.assistant.operator;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.conoha.assistant.api.ConohaServer;
import io.conoha.assistant.api.ServerState;
import io.conoha.assistant.client.ApiGeneration;
import io.micrometer.core.instrument.Counter;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/** Observe once: many servers on one account share each poll's single listing. */
class ScaleTest {
  private static final int SERVERS = 200;

  private static double polls(Testbed bed) {
    Counter ok = bed.registry().find("conoha_assistant.account.polls").tag("result", "success").counter();
    return ok == null ? 0 : ok.count();
  }

  @Test
  void twoHundredServersOnOneAccountCostOneServerListingPerPollNotTwoHundred() {
    try (Testbed bed = Testbed.start(ApiGeneration.V2)) {
      for (int i = 0; i < SERVERS; i++) {
        bed.apply(Resources.server(String.format("s%03d", i), Resources.V2_PLAN, "vmi-ubuntu-22.04-amd64", ServerState.Running));
      }
      await("all Ready").atMost(Duration.ofMinutes(2)).pollInterval(Duration.ofMillis(500))
          .until(() -> bed.client.resources(ConohaServer.class).inNamespace(Testbed.NS).list().getItems().stream()
              .filter(s -> s.getStatus() != null && s.getStatus().isReady()).count() == SERVERS);

      bed.sim.ledger().reset();
      double pollsBefore = polls(bed);
      await().pollDelay(Duration.ofSeconds(4)).until(() -> true);
      double polls = polls(bed) - pollsBefore;

      var counts = bed.sim.ledger().countsByOperation();
      long listings = counts.getOrDefault("servers.list", 0L);
      assertThat(polls).as("slow polls in 4 s (slow poll 1 s)").isBetween(2.0, 6.0);
      // A poll may straddle the window's edges, hence the one either way.
      assertThat(listings).as("one listing per poll for %d servers", SERVERS).isBetween((long) polls - 1, (long) polls + 1);
      assertThat(counts.values().stream().mapToLong(Long::longValue).sum()).as("nothing else while idle: %s", counts)
          .isEqualTo(listings);
      assertThat(bed.sim.ledger().state().servers()).hasSize(SERVERS);
      assertThat(bed.sim.ledger().authCount()).isZero();
    }
  }
}
