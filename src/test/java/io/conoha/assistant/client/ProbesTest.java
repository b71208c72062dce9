package io.conoha.assistant.client;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.conoha.assistant.client.WaitDeadlines.Stage;
import io.conoha.assistant.client.error.ConohaException;
import io.conoha.assistant.client.error.ConohaException.Kind;
import io.conoha.assistant.client.error.DeadlineExceededException;
import io.conoha.assistant.client.error.UnknownVolumeTypeException;
import io.conoha.assistant.client.model.Flavor;
import io.conoha.assistant.client.model.Server;
import io.conoha.assistant.client.model.ServerCreateRequest;
import io.conoha.assistant.client.model.ServerStatus;
import io.conoha.assistant.client.model.Volume;
import io.conoha.assistant.sim.CloudQuirks;
import io.conoha.assistant.sim.ConohaSimulator;
import io.conoha.assistant.sim.SimConfig;
import io.conoha.assistant.sim.SimTimings;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.vertx.core.Vertx;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.function.BiConsumer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Each capability probe against the simulator both ways: as ConoHa documents it, and with the quirk switched
 * on that a real cloud may have (stock Nova, a cloud that drops metadata, one that refuses a running resize).
 */
class ProbesTest {
  private static final String UBUNTU = "vmi-ubuntu-24.04-amd64";
  private static final String PASS = "Probe-Passw0rd!";
  private static final Map<String, String> TAGS = Map.of("instance_name_tag", "probe",
      "conoha-assistant:owner", "uid-1");
  private static final WaitDeadlines QUICK = WaitDeadlines.all(Duration.ofSeconds(20), Duration.ofMillis(20));
  private static Vertx vertx;

  @BeforeAll
  static void startVertx() {
    vertx = Vertx.vertx();
  }

  @AfterAll
  static void stopVertx() {
    vertx.close().toCompletionStage().toCompletableFuture().join();
  }

  private static void on(SimConfig config, BiConsumer<ConohaSimulator, ConohaClient> story) {
    try (ConohaSimulator sim = ConohaSimulator.start(config);
         ConohaClient client = ConohaClient.create(vertx, sim.credentials(), ClientSettings.defaults(),
             new SimpleMeterRegistry())) {
      story.accept(sim, client);
    }
  }

  private static SimConfig v3(CloudQuirks quirks) {
    return SimConfig.defaults(ApiGeneration.V3).withTimings(SimTimings.fast()).withQuirks(quirks);
  }

  private static SimConfig v2(CloudQuirks quirks) {
    return SimConfig.defaults(ApiGeneration.V2).withTimings(SimTimings.fast()).withQuirks(quirks);
  }

  /** A local-disk v2 server from an image. */
  private static String createLocal(ConohaClient client, Map<String, String> metadata) {
    Flavor plan = client.compute().findFlavor("g-c2m1d100");
    return client.compute().createServer(new ServerCreateRequest(plan.id(),
        client.images().findImage("vmi-ubuntu-22.04-amd64").id(), null, PASS, null, List.of(), null, metadata));
  }

  @Test
  void onConohaTheDocumentedBodyWithoutANameIsSentOnceAndTheAccountLearnsNoNameIsNeeded() {
    on(v2(CloudQuirks.conoha()), (sim, client) -> {
      assertThat(client.capabilities().nameRequired()).isEqualTo(Finding.UNKNOWN);
      createLocal(client, TAGS);

      assertThat(sim.ledger().count("servers.create")).isEqualTo(1);
      assertThat(client.capabilities().nameRequired()).isEqualTo(Finding.NO);
    });
  }

  @Test
  void onStockNovaTheRefusedCreateIsSentOnceMoreWithTheNameTagAndLaterCreatesSendItAtOnce() {
    on(v2(CloudQuirks.stockNova()), (sim, client) -> {
      String first = createLocal(client, TAGS);
      assertThat(sim.ledger().count("servers.create")).as("400, then the create with a name").isEqualTo(2);
      assertThat(client.capabilities().nameRequired()).isEqualTo(Finding.YES);
      assertThat(sim.ledger().state().servers()).singleElement()
          .satisfies(s -> assertThat(s.id()).isEqualTo(first));

      createLocal(client, Map.of("instance_name_tag", "second"));
      assertThat(sim.ledger().count("servers.create")).as("the name is sent at once now").isEqualTo(3);
      assertThat(sim.ledger().state().servers()).hasSize(2);
    });
  }

  @Test
  void theNameRefusalIsRecognisedWhenNovaEchoesALongRequestBeforeIt() {
    on(v2(CloudQuirks.stockNova()), (sim, client) -> {
      Flavor plan = client.compute().findFlavor("g-c2m1d100");
      String userData = "#cloud-config\n" + "# padding\n".repeat(300);
      client.compute().createServer(new ServerCreateRequest(plan.id(),
          client.images().findImage("vmi-ubuntu-22.04-amd64").id(), null, PASS, null, List.of(), userData, TAGS));

      assertThat(client.capabilities().nameRequired()).isEqualTo(Finding.YES);
      assertThat(sim.ledger().state().servers()).hasSize(1);
    });
  }

  @Test
  void anyOtherBadRequestOfACreateIsNeverRepeated() {
    on(v2(CloudQuirks.stockNova()), (sim, client) -> {
      Flavor plan = client.compute().findFlavor("g-c2m1d100");
      assertThatThrownBy(() -> client.compute().createServer(new ServerCreateRequest(plan.id(), "no-such-image",
          null, PASS, null, List.of(), null, TAGS)))
          .isInstanceOfSatisfying(ConohaException.class, e -> assertThat(e.kind()).isEqualTo(Kind.BAD_REQUEST));
      // the first answer is the name refusal, the second (with the name) the real reason: nothing more
      assertThat(sim.ledger().count("servers.create")).isEqualTo(2);
      assertThat(sim.ledger().state().servers()).isEmpty();
    });
  }

  @Test
  void customMetadataIsReadBackOnceAfterTheFirstCreateAndFoundKeptOnConoha() {
    on(v2(CloudQuirks.conoha()), (sim, client) -> {
      createLocal(client, TAGS);
      createLocal(client, Map.of("instance_name_tag", "two", "conoha-assistant:owner", "uid-2"));

      assertThat(client.capabilities().customMetadataKept()).isEqualTo(Finding.YES);
      assertThat(sim.ledger().count("servers.get")).as("checked once per account").isEqualTo(1);
    });
  }

  @Test
  void aCloudThatDropsCustomMetadataIsFoundOutAndTheServerIsStillCreatedOnce() {
    on(v2(CloudQuirks.conoha().withDropUnknownMetadata(true)), (sim, client) -> {
      createLocal(client, TAGS);

      assertThat(client.capabilities().customMetadataKept()).isEqualTo(Finding.NO);
      assertThat(sim.ledger().count("servers.create")).isEqualTo(1);
      assertThat(sim.ledger().state().servers()).singleElement()
          .satisfies(s -> assertThat(s.metadata()).containsOnlyKeys("instance_name_tag"));
    });
  }

  @Test
  void aCreateWithOnlyTheNameTagTellsNothingAboutCustomKeys() {
    on(v2(CloudQuirks.conoha()), (sim, client) -> {
      createLocal(client, Map.of("instance_name_tag", "plain"));

      assertThat(client.capabilities().customMetadataKept()).isEqualTo(Finding.UNKNOWN);
      assertThat(sim.ledger().count("servers.get")).isZero();
    });
  }

  private static Volume bootVolume(ConohaClient client, String planName, String type) {
    Flavor plan = client.compute().findFlavor(planName);
    return client.volumes().createVolume(DiskStrategy.forFlavor(plan)
        .bootVolume(plan, client.images().findImage(UBUNTU).id(), null, type, "probe-boot", Map.of()));
  }

  @Test
  void theSmallPlansBootVolumeTypeComesFromTheAccountsListWhichIsReadOnce() {
    on(v3(CloudQuirks.conoha()), (sim, client) -> {
      Volume small = bootVolume(client, "g2l-t-c1m512", null);
      Volume large = bootVolume(client, "g2l-t-c2m1", null);

      assertThat(small.volumeType()).isEqualTo("c3j1-as01-boot");
      assertThat(small.sizeGB()).isEqualTo(30);
      assertThat(large.volumeType()).isEqualTo("c3j1-ds02-boot");
      assertThat(large.sizeGB()).isEqualTo(100);
      assertThat(sim.ledger().count("volumes.types")).isEqualTo(1);
      assertThat(client.capabilities().volumeTypes()).contains(List.of("c3j1-ds02-boot", "c3j1-as01-boot",
          "c3j1-ds02-add"));
    });
  }

  @Test
  void anAccountWithoutTheSmallPlansTypeGetsDs02BootAt30Gb() {
    on(v3(CloudQuirks.conoha().withVolumeTypes(List.of("c3j1-ds02-boot", "c3j1-ds02-add"))), (sim, client) -> {
      Volume small = bootVolume(client, "g2l-t-c1m512", null);

      assertThat(small.volumeType()).isEqualTo("c3j1-ds02-boot");
      assertThat(small.sizeGB()).isEqualTo(30);
      assertThat(client.waits(QUICK).untilVolumeAvailable(small.id()).isAvailable()).isTrue();
    });
  }

  @Test
  void anExplicitTypeWinsAndAnUnknownOneNamesTheOfferedTypesWithoutCreatingAnything() {
    on(v3(CloudQuirks.conoha()), (sim, client) -> {
      assertThat(bootVolume(client, "g2l-t-c1m512", "c3j1-ds02-boot").volumeType()).isEqualTo("c3j1-ds02-boot");

      assertThatThrownBy(() -> bootVolume(client, "g2l-t-c2m1", "c3j1-ds01-boot"))
          .isInstanceOfSatisfying(UnknownVolumeTypeException.class, e -> assertThat(e.getMessage())
              .contains("c3j1-ds01-boot").contains("c3j1-ds02-boot, c3j1-as01-boot, c3j1-ds02-add"));
      assertThat(sim.ledger().state().volumes()).hasSize(1);
    });
  }

  private static Server runningLocalServer(ConohaClient client) {
    return client.waits(QUICK).untilActive(createLocal(client, TAGS));
  }

  @Test
  void onConohaARunningServerIsResizedAsItIsAndTheAccountLearnsNoStopIsNeeded() {
    on(v2(CloudQuirks.conoha()), (sim, client) -> {
      Server server = runningLocalServer(client);
      Flavor bigger = client.compute().findFlavor("g-c3m2d100");

      Server resized = client.waits(QUICK).resizeKeepingPower(server.id(), bigger.id());

      assertThat(resized.status()).isEqualTo(ServerStatus.ACTIVE);
      assertThat(resized.flavorId()).isEqualTo(bigger.id());
      assertThat(sim.ledger().count("servers.action.os-stop")).isZero();
      assertThat(client.capabilities().resizeNeedsStop()).isEqualTo(Finding.NO);
    });
  }

  @Test
  void aCloudThatRefusesARunningResizeGetsTheServerStoppedFirstAndStartedAgainAndTheAccountRemembers() {
    on(v2(CloudQuirks.conoha().withRefuseRunningResize(true)), (sim, client) -> {
      Server server = runningLocalServer(client);
      Flavor bigger = client.compute().findFlavor("g-c3m2d100");

      Server resized = client.waits(QUICK).resizeKeepingPower(server.id(), bigger.id());

      assertThat(resized.status()).as("power state restored").isEqualTo(ServerStatus.ACTIVE);
      assertThat(resized.flavorId()).isEqualTo(bigger.id());
      assertThat(client.capabilities().resizeNeedsStop()).isEqualTo(Finding.YES);
      assertThat(sim.ledger().count("servers.action.resize")).as("refused, then accepted").isEqualTo(2);
      assertThat(sim.ledger().count("servers.action.os-stop")).isEqualTo(1);
      assertThat(sim.ledger().count("servers.action.os-start")).isEqualTo(1);

      Flavor biggest = client.compute().findFlavor("g-c4m4d100");
      client.waits(QUICK).resizeKeepingPower(server.id(), biggest.id());
      assertThat(sim.ledger().count("servers.action.resize")).as("stopped first this time: no refusal").isEqualTo(3);
    });
  }

  @Test
  void aStoppedServerStaysStoppedAfterAResize() {
    on(v2(CloudQuirks.conoha().withRefuseRunningResize(true)), (sim, client) -> {
      Server server = runningLocalServer(client);
      client.compute().stop(server.id(), false);
      client.waits(QUICK).untilStopped(server.id());

      Server resized = client.waits(QUICK).resizeKeepingPower(server.id(), client.compute().findFlavor("g-c3m2d100").id());

      assertThat(resized.status()).isEqualTo(ServerStatus.SHUTOFF);
      assertThat(client.capabilities().resizeNeedsStop()).as("nothing learned from a stopped server")
          .isEqualTo(Finding.UNKNOWN);
    });
  }

  @Test
  void aBuildPastItsDeadlineIsATypedTimeoutThatSaysWhatWasLastSeen() {
    on(SimConfig.defaults(ApiGeneration.V2).withTimings(SimTimings.realistic()), (sim, client) -> {
      String id = createLocal(client, Map.of("instance_name_tag", "slow"));
      WaitDeadlines deadlines = WaitDeadlines.defaults().withPollInterval(Duration.ofMillis(50));
      WaitDeadlines shortBuild = new WaitDeadlines(Duration.ofMillis(300), deadlines.power(), deadlines.resize(),
          deadlines.volumeCreate(), deadlines.imageSave(), deadlines.delete(), deadlines.pollInterval());

      assertThatThrownBy(() -> client.waits(shortBuild).untilActive(id))
          .isInstanceOfSatisfying(DeadlineExceededException.class, e -> {
            assertThat(e.kind()).isEqualTo(Kind.TIMEOUT);
            assertThat(e.stage()).isEqualTo(Stage.BUILD);
            assertThat(e.lastSeen()).startsWith("BUILD");
            assertThat(e.getMessage()).contains(id).contains("300 ms");
          });
    });
  }

  @Test
  void aSaveThatNeverFinishesOnAFullQuotaIsQuotaExceededAndOnAFreeOneATimeout() {
    on(v3(CloudQuirks.conoha()), (sim, client) -> {
      Volume boot = client.waits(QUICK).untilVolumeAvailable(bootVolume(client, "g2l-t-c2m1", null).id());
      Flavor plan = client.compute().findFlavor("g2l-t-c2m1");
      String server = client.compute().createServer(new ServerCreateRequest(plan.id(), null, boot.id(), PASS, null,
          List.of(), null, Map.of("instance_name_tag", "saver")));
      client.waits(QUICK).untilActive(server);
      client.compute().stop(server, false);
      client.waits(QUICK).untilStopped(server);
      sim.admin().setImageQuotaBytes(512L * 1024 * 1024);
      // straight to Cinder, past the client's own quota check: ConoHa accepts it and produces nothing
      String image = client.volumes().uploadImage(boot.id(), "never");
      WaitDeadlines shortSave = QUICK.withImageSave(Duration.ofMillis(400));

      assertThatThrownBy(() -> client.waits(shortSave).untilImageActive(image))
          .isInstanceOfSatisfying(DeadlineExceededException.class, e -> {
            assertThat(e.kind()).isEqualTo(Kind.QUOTA_EXCEEDED);
            assertThat(e.stage()).isEqualTo(Stage.IMAGE_SAVE);
            assertThat(e.getMessage()).contains("image storage is full");
          });

      sim.admin().setImageQuotaBytes(50L * 1024 * 1024 * 1024);
      assertThat(client.waits(shortSave).saveOverdue(image, "not visible yet").kind()).isEqualTo(Kind.TIMEOUT);
    });
  }

  @Test
  void checkLikeProbingListsTheVolumeTypesOnceAndAV2AccountWithoutVolumesToo() {
    on(v3(CloudQuirks.conoha()), (sim, client) -> {
      client.probe();
      Capabilities probed = client.probe();
      assertThat(probed.volumeTypes()).isPresent();
      assertThat(sim.ledger().count("volumes.types")).isEqualTo(1);
      assertThat(probed.nameRequired()).isEqualTo(Finding.UNKNOWN);
    });
  }
}
