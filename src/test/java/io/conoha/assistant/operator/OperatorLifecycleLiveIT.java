package io.conoha.assistant.operator;

import static io.conoha.assistant.operator.ServerScenariosTest.phase;
import static io.conoha.assistant.operator.ServerScenariosTest.ready;
import static org.assertj.core.api.Assertions.assertThat;

import io.conoha.assistant.api.ConohaServer;
import io.conoha.assistant.api.ServerPhase;
import io.conoha.assistant.api.ServerState;
import io.conoha.assistant.client.ConohaClient;
import io.conoha.assistant.client.Credentials;
import io.conoha.assistant.client.WaitDeadlines;
import io.conoha.assistant.client.model.Flavor;
import io.conoha.assistant.client.model.Image;
import io.conoha.assistant.client.model.ServerStatus;
import io.conoha.assistant.live.LiveCleanup;
import io.conoha.assistant.live.LiveCloud;
import io.vertx.core.Vertx;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/**
 * The operator's lifecycle for a local-disk plan against a real cloud: the real operator and the in-process
 * Kubernetes API (the scenario tests' test bed) with the cloud's credentials in the Secret. Create, stop,
 * archive (stop, save, delete), restore from the archive, delete; everything it made is cleaned up.
 */
class OperatorLifecycleLiveIT {
  private static final WaitDeadlines GONE = WaitDeadlines.all(Duration.ofMinutes(5), Duration.ofSeconds(1));

  private static void setState(Testbed bed, String name, ServerState state) {
    bed.editServer(name, s -> {
      s.getSpec().setState(state);
      return s;
    });
  }

  @Test
  void createStopArchiveRestoreDeleteOnALocalDiskPlan() {
    Credentials credentials = LiveCloud.credentials();
    Vertx vertx = Vertx.vertx();
    OperatorSettings settings = OperatorSettings.defaults().withPolls(Duration.ofSeconds(1), Duration.ofSeconds(5))
        .withRequestTimeout(Duration.ofSeconds(60));
    try (ConohaClient client = LiveCloud.client(vertx, credentials); LiveCleanup cleanup = new LiveCleanup(client);
         Testbed bed = Testbed.againstCloud(credentials.toKeys(), settings)) {
      Image image = LiveCloud.image(client);
      Flavor plan = LiveCloud.localDiskPlan(client, image);
      String name = LiveCloud.tag("op");
      bed.apply(Resources.server(name, plan.name(), image.id(), ServerState.Running));

      ConohaServer running = bed.awaitServer(name, "running", s -> ready(s) && phase(s, ServerPhase.Running));
      String firstId = cleanup.server(running.getStatus().getServerId());
      assertThat(client.compute().getServer(firstId).status()).isEqualTo(ServerStatus.ACTIVE);
      System.out.println("live: operator created " + firstId);

      setState(bed, name, ServerState.Stopped);
      bed.awaitServer(name, "stopped", s -> ready(s) && phase(s, ServerPhase.Stopped));
      assertThat(client.compute().getServer(firstId).status()).isEqualTo(ServerStatus.SHUTOFF);

      setState(bed, name, ServerState.Archived);
      ConohaServer archived = bed.awaitServer(name, "archived", s -> ready(s) && phase(s, ServerPhase.Archived));
      String archiveImage = cleanup.image(archived.getStatus().getArchive().getImageId());
      assertThat(client.images().getImage(archiveImage).name()).startsWith(name);
      client.waits(GONE).untilServerGone(firstId); // the archived server is deleted

      setState(bed, name, ServerState.Running);
      ConohaServer restored = bed.awaitServer(name, "restored", s -> ready(s) && phase(s, ServerPhase.Running));
      String secondId = cleanup.server(restored.getStatus().getServerId());
      assertThat(secondId).isNotEqualTo(firstId);
      assertThat(client.compute().getServer(secondId).imageId()).isEqualTo(archiveImage);

      bed.deleteServer(name);
      bed.awaitServerGone(name);
      client.waits(GONE).untilServerGone(secondId); // deleting the resource deletes the server
    } finally {
      vertx.close().toCompletionStage().toCompletableFuture().join();
    }
  }
}
