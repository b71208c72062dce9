package io.conoha.assistant.operator;

import static io.conoha.assistant.operator.Resources.V2_PLAN;
import static io.conoha.assistant.operator.Resources.server;
import static io.conoha.assistant.operator.ServerScenariosTest.phase;
import static io.conoha.assistant.operator.ServerScenariosTest.ready;
import static io.conoha.assistant.operator.ServerScenariosTest.synced;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.conoha.assistant.api.ConohaServer;
import io.conoha.assistant.api.DeletionPolicy;
import io.conoha.assistant.api.ServerPhase;
import io.conoha.assistant.api.ServerState;
import io.conoha.assistant.client.ApiGeneration;
import io.conoha.assistant.operator.reconcile.Deadlines;
import io.conoha.assistant.sim.ConohaSimulator;
import io.conoha.assistant.sim.SimConfig;
import io.conoha.assistant.sim.SimTimings;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/** Nothing waits forever in silence, and every dead end names its way out. */
class WaitsAndWayOutsScenariosTest {
  private static final String IMAGE = "vmi-ubuntu-22.04-amd64";

  private static void setState(Testbed bed, String name, ServerState state) {
    bed.editServer(name, s -> {
      s.getSpec().setState(state);
      return s;
    });
  }

  @Test
  void aSaveThatOutlastsItsDeadlineIsReportedAndTheArchiveStillCompletesWhenConohaFinishes() {
    SimConfig slow = SimConfig.defaults(ApiGeneration.V2).withTimings(Testbed.fastWithImageSave(Duration.ofSeconds(4)));
    try (Testbed bed = Testbed.start(slow, Testbed.fastSettings().withDeadlines(Deadlines.all(Duration.ofSeconds(1))))) {
      bed.apply(server("mc", V2_PLAN, IMAGE, ServerState.Running));
      bed.awaitServer("mc", "running", ServerScenariosTest::ready);

      setState(bed, "mc", ServerState.Archived);

      ConohaServer late = bed.awaitServer("mc", "SaveTimedOut", s -> "False/SaveTimedOut".equals(synced(s)));
      assertThat(late.getStatus().condition("Synced").orElseThrow().getMessage()).contains("quota");
      assertThat(bed.hasEvent("mc", "SaveTimedOut")).isTrue();
      assertThat(bed.sim.ledger().state().servers()).as("nothing is deleted while the save runs").hasSize(1);
      bed.awaitServer("mc", "archived once the save ends", s -> ready(s) && phase(s, ServerPhase.Archived));
    }
  }

  @Test
  void restoringFromAnArchiveImageDeletedOutsideIsImageNotFoundWithTheWayOut() {
    try (Testbed bed = Testbed.start(ApiGeneration.V2)) {
      bed.apply(server("mc", V2_PLAN, IMAGE, ServerState.Running));
      bed.awaitServer("mc", "running", ServerScenariosTest::ready);
      setState(bed, "mc", ServerState.Archived);
      String image = bed.awaitServer("mc", "archived", s -> ready(s) && phase(s, ServerPhase.Archived))
          .getStatus().getArchive().getImageId();
      bed.sim.admin().deleteImage(image);

      setState(bed, "mc", ServerState.Running);

      ConohaServer lost = bed.awaitServer("mc", "ImageNotFound", s -> "False/ImageNotFound".equals(synced(s)));
      assertThat(lost.getStatus().condition("Synced").orElseThrow().getMessage())
          .contains(image).contains("delete this resource and create it again");
      assertThat(bed.sim.ledger().count("servers.create")).as("only the first create").isEqualTo(1);
    }
  }

  @Test
  void aDeletionBlockedByAMissingSecretSaysSoAndRetainLetsItGo() {
    try (Testbed bed = Testbed.start(ApiGeneration.V2)) {
      ConohaServer orphan = server("mc", V2_PLAN, IMAGE, ServerState.Archived);
      orphan.getSpec().getCredentialsSecretRef().setName("gone");
      bed.apply(orphan);
      bed.awaitServer("mc", "SecretNotFound", s -> "False/SecretNotFound".equals(synced(s)));

      bed.deleteServer("mc");

      ConohaServer blocked = bed.awaitServer("mc", "blocked", s -> phase(s, ServerPhase.Deleting)
          && "False/SecretNotFound".equals(synced(s)));
      assertThat(blocked.getStatus().condition("Synced").orElseThrow().getMessage()).contains("deletionPolicy: Retain");
      bed.editServer("mc", s -> {
        s.getSpec().setDeletionPolicy(DeletionPolicy.Retain);
        return s;
      });
      bed.awaitServerGone("mc");
      assertThat(bed.hasEvent("mc", "Retained")).isTrue();
    }
  }

  @Test
  void anAccountWhoseLastResourceMovedToOtherCredentialsIsClosed() {
    try (Testbed bed = Testbed.start(ApiGeneration.V2);
        ConohaSimulator other = ConohaSimulator.start(SimConfig.defaults(ApiGeneration.V2).withTimings(SimTimings.fast()))) {
      bed.apply(server("mc", V2_PLAN, IMAGE, ServerState.Archived));
      bed.awaitServer("mc", "archived (nothing made)", s -> ready(s) && phase(s, ServerPhase.Archived));
      assertThat(bed.operator().openAccounts()).isEqualTo(1);

      bed.writeCredentials(Testbed.SECRET, other.credentialKeys());
      bed.editServer("mc", s -> {
        s.getSpec().setNameTag("moved");
        return s;
      });

      await("the old account closed").atMost(Testbed.WAIT).until(() -> bed.operator().openAccounts() == 1
          && other.ledger().count("servers.list") > 0);
      long before = bed.sim.ledger().count("servers.list");
      await().during(Duration.ofSeconds(2)).atMost(Duration.ofSeconds(4))
          .until(() -> bed.sim.ledger().count("servers.list") == before);
    }
  }

  @Test
  void aRateLimitedResourceWaitsAtLeastTheRetryAfterBeforeItsNextAttempt() {
    try (Testbed bed = Testbed.start(ApiGeneration.V2)) {
      bed.sim.faults().rateLimitNext("servers.create", 3, Duration.ofSeconds(3));
      bed.apply(server("mc", V2_PLAN, IMAGE, ServerState.Running));

      bed.awaitServer("mc", "RateLimited", s -> "False/RateLimited".equals(synced(s)));
      long attempts = bed.sim.ledger().count("servers.create");
      await().during(Duration.ofMillis(2500)).atMost(Duration.ofSeconds(3))
          .until(() -> bed.sim.ledger().count("servers.create") == attempts);
      bed.awaitServer("mc", "running after the limit", ServerScenariosTest::ready);
    }
  }
}
