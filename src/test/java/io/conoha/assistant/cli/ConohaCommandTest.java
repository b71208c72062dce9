package io.conoha.assistant.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.conoha.assistant.cli.CliRunner.Run;
import io.conoha.assistant.client.testing.Bodies;
import io.conoha.assistant.client.testing.Fixtures;
import io.conoha.assistant.client.testing.KeystoneStub;
import io.conoha.assistant.client.testing.Recorded;
import io.conoha.assistant.client.testing.Reply;
import io.conoha.assistant.client.testing.StubCloud;
import io.vertx.core.Vertx;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** `conoha ...` end to end through Main.run against a stub ConoHa, credentials from an openrc file. */
class ConohaCommandTest {
  private static final String PASSWORD = "Acc0unt-Passw0rd!";
  private static final String ADMIN_PASS = "Root-Passw0rd-42!";
  private static final String COMPUTE = StubCloud.COMPUTE;
  private static final String VOLUMES = StubCloud.VOLUME + "/volumes";
  private static final String IMAGES = StubCloud.IMAGE + "/v2/images";
  private static final String UBUNTU = "0308079a-51a9-4910-b47d-2a3956a7b5fa";
  private static final String FAST_WAIT = "--poll-interval=20ms";

  private static Vertx vertx;
  private StubCloud cloud;
  private KeystoneStub keystone;
  private Path openrc;

  @BeforeAll
  static void startVertx() {
    vertx = Vertx.vertx();
  }

  @AfterAll
  static void stopVertx() throws Exception {
    vertx.close().toCompletionStage().toCompletableFuture().get(10, TimeUnit.SECONDS);
  }

  @BeforeEach
  void startCloud(@TempDir Path dir) throws Exception {
    cloud = StubCloud.start(vertx);
    keystone = KeystoneStub.v3(cloud, Clock.systemUTC()).password(PASSWORD);
    openrc = dir.resolve("openrc");
    Files.writeString(openrc, """
        export OS_AUTH_URL="%s"
        export OS_USER_ID=e49435d926a640d9ac15738e510fa909
        export OS_PASSWORD='%s'
        export OS_PROJECT_ID=%s
        export OS_REGION_NAME=c3j1
        """.formatted(cloud.url(StubCloud.IDENTITY_V3), PASSWORD, StubCloud.PROJECT));
  }

  @AfterEach
  void stopCloud() {
    cloud.close();
  }

  private Run conoha(String... args) {
    return CliRunner.conoha(openrc, args);
  }

  private static Run run(String... args) {
    return CliRunner.run(args);
  }

  @Test
  void checkAuthenticatesAndPrintsGenerationTokenExpiryAndEndpoints() {
    Run run = conoha("check");

    assertThat(run.exitCode()).isZero();
    assertThat(run.err()).isEmpty();
    assertThat(run.out())
        .containsPattern("generation +V3")
        .containsPattern("token_expires +20\\d\\d-")
        .contains(cloud.url(COMPUTE), cloud.url(StubCloud.VOLUME))
        .doesNotContain(PASSWORD, "token-1");
  }

  @Test
  void checkShowsWhatTheProbesKnowAndListsTheVolumeTypesOnce() {
    cloud.on("GET", StubCloud.VOLUME + "/types", Reply.ok(new JsonObject().put("volume_types", new JsonArray()
        .add(new JsonObject().put("id", "t1").put("name", "c3j1-ds02-boot"))
        .add(new JsonObject().put("id", "t2").put("name", "c3j1-as01-boot")))));

    Run run = conoha("check");

    assertThat(run.exitCode()).isZero();
    assertThat(run.out())
        .containsPattern("volume_types +c3j1-ds02-boot, c3j1-as01-boot")
        .containsPattern("name_required +unknown \\(learned at the first server create\\)")
        .containsPattern("custom_metadata +unknown")
        .containsPattern("resize_needs_stop +unknown");
    assertThat(cloud.count("GET", StubCloud.VOLUME + "/types")).isEqualTo(1);
  }

  @Test
  void flavorsPrintATableOrJsonWithTheSameColumnsAndTheOldOutputOptionStillWorks() {
    cloud.on("GET", COMPUTE + "/flavors/detail", Reply.ok(Bodies.v3Flavors()));

    Run table = conoha("flavor", "list");
    Run json = conoha("flavors", "--output", "json");

    assertThat(table.outLines().get(0)).isEqualTo("id     name           vcpus  ram_mb  disk_gb  boots_from");
    assertThat(table.out()).containsPattern("f-1g +g2l-t-c2m1 +2 +1024 +0 +volume")
        .containsPattern("f-d30 +g2d-t-c1m2d30 +1 +2048 +30 +local disk");
    assertThat(new JsonArray(json.out())).hasSize(4);
    assertThat(new JsonArray(json.out()).getJsonObject(1).getMap()).containsEntry("name", "g2l-t-c2m1")
        .containsEntry("ram_mb", 1024).containsEntry("disk_gb", 0).containsOnlyKeys(
            "id", "name", "vcpus", "ram_mb", "disk_gb", "boots_from");
  }

  @Test
  void serverCreateOnADiskZeroPlanMakesTheBootVolumeWaitsForItThenCreatesTheServerAndWaitsForActive(
      @TempDir Path dir) throws Exception {
    Path adminPass = dir.resolve("admin-pass");
    Files.writeString(adminPass, ADMIN_PASS + "\n");
    cloud.on("GET", COMPUTE + "/flavors/detail", Reply.ok(Bodies.v3Flavors()));
    cloud.on("GET", IMAGES + "/" + UBUNTU,
        Reply.ok(Fixtures.json("glance_images_list.json").getJsonArray("images").getJsonObject(0)));
    cloud.on("POST", VOLUMES, Reply.json(202, Bodies.wrap("volume", Bodies.volume("vol-1", "creating", 100, true))));
    cloud.on("GET", VOLUMES + "/vol-1", Reply.ok(Bodies.wrap("volume", Bodies.volume("vol-1", "creating", 100, true))),
        Reply.ok(Bodies.wrap("volume", Bodies.volume("vol-1", "available", 100, true))));
    cloud.on("POST", COMPUTE + "/servers", Reply.json(202, Fixtures.text("server_create.json")));
    cloud.on("GET", IMAGES, Reply.json(200, Fixtures.text("glance_images_list.json")));
    cloud.on("GET", VOLUMES + "/detail", Reply.ok(Bodies.list("volumes", Bodies.volume("vol-1", "in-use", 100, true))));
    String serverId = "1fa4677b-4d53-47d2-a3ed-6793d7479e75";
    cloud.on("GET", COMPUTE + "/servers/" + serverId,
        Reply.ok(Bodies.wrap("server", Bodies.server(serverId, "BUILD"))),
        Reply.ok(Bodies.wrap("server", Bodies.volumeBackedServer(serverId, "ACTIVE", "vol-1")
            .put("addresses", new JsonObject().put("ext", new JsonArray()
                .add(new JsonObject().put("addr", "133.130.1.2").put("version", 4)))))));

    Run run = conoha("server", "create", "--name-tag", "web", "--flavor", "g2l-t-c2m1", "--image", UBUNTU,
        "--admin-pass-file", adminPass.toString(), "--key-name", "my-key", "--tag", "run=ci-7", "--wait", FAST_WAIT,
        "-f", "json");

    assertThat(run.err()).isEqualTo("boot volume vol-1 (100 GB) created; waiting until it is available"
        + System.lineSeparator());
    assertThat(run.exitCode()).isZero();
    JsonObject result = new JsonObject(run.out());
    assertThat(result.getString("id")).isEqualTo(serverId);
    assertThat(result.getString("boot_volume_id")).isEqualTo("vol-1");
    assertThat(result.getString("status")).isEqualTo("ACTIVE");
    assertThat(result.getString("flavor")).isEqualTo("g2l-t-c2m1");
    assertThat(result.getJsonArray("ipv4")).containsExactly("133.130.1.2");
    JsonObject volume = cloud.requests("POST", VOLUMES).get(0).json().getJsonObject("volume");
    assertThat(volume.getInteger("size")).isEqualTo(100);
    assertThat(volume.getString("volume_type")).isEqualTo("c3j1-ds02-boot");
    assertThat(volume.getString("imageRef")).isEqualTo(UBUNTU);
    assertThat(volume.getJsonObject("metadata").getMap()).containsExactly(java.util.Map.entry("run", "ci-7"));
    Recorded create = cloud.requests("POST", COMPUTE + "/servers").get(0);
    assertThat(create.receivedNanos()).as("the server is created once the volume is available")
        .isGreaterThan(cloud.requests("GET", VOLUMES + "/vol-1").get(1).receivedNanos());
    JsonObject server = create.json().getJsonObject("server");
    assertThat(server.getJsonArray("block_device_mapping_v2").getJsonObject(0).getString("uuid")).isEqualTo("vol-1");
    assertThat(server.getString("adminPass")).isEqualTo(ADMIN_PASS);
    assertThat(server.getJsonObject("metadata").getMap()).containsEntry("instance_name_tag", "web")
        .containsEntry("run", "ci-7");
    assertThat(run.out()).doesNotContain(ADMIN_PASS);
  }

  @Test
  void serverDeleteTakesTheBootVolumeAlongAndSaysThatAnAttachedDataVolumeStaysBilled() {
    cloud.on("GET", COMPUTE + "/servers/detail", Reply.ok(Bodies.list("servers", Bodies.server("s1", "ACTIVE")
        .put("os-extended-volumes:volumes_attached", new JsonArray().add(new JsonObject().put("id", "boot"))
            .add(new JsonObject().put("id", "data"))))));
    cloud.on("GET", VOLUMES + "/detail", Reply.ok(Bodies.list("volumes", Bodies.volume("data", "in-use", 200, false),
        Bodies.volume("boot", "in-use", 100, true))));
    cloud.on("DELETE", COMPUTE + "/servers/s1", Reply.status(204));
    cloud.on("GET", COMPUTE + "/servers/s1", Reply.status(404));
    cloud.on("GET", VOLUMES + "/boot", Reply.ok(Bodies.wrap("volume", Bodies.volume("boot", "available", 100, true))));
    cloud.on("DELETE", VOLUMES + "/boot", Reply.status(202));

    Run run = conoha("server", "delete", "s1", FAST_WAIT, "-f", "value", "-c", "kind", "-c", "id", "-c", "result");

    assertThat(run.exitCode()).as(run.err()).isZero();
    assertThat(run.outLines()).containsExactly("server s1 deleted", "volume boot deleting",
        "volume data kept, still billed");
    assertThat(run.err().lines().toList()).containsExactly(
        "volume data (attached data) is detached and stays, still billed; delete it with: conoha volume delete data",
        "waiting for server s1 to be deleted before deleting volume boot");
    assertThat(cloud.count("DELETE", VOLUMES + "/boot")).isEqualTo(1);
    assertThat(cloud.count("DELETE", VOLUMES + "/data")).isZero();
  }

  @Test
  void aFailedCallExitsNonZeroWithOneClearLineAndNothingOnStdout() {
    cloud.on("GET", IMAGES, Reply.ok(Bodies.list("images", Bodies.image(UBUNTU, "vmi-ubuntu-24.04-amd64", "active", "public"))));

    Run run = conoha("image", "show", "vmi-ubuntu-24.04");

    assertThat(run.exitCode()).isEqualTo(1);
    assertThat(run.out()).isEmpty();
    assertThat(run.err().lines().toList()).containsExactly(
        "conoha: images.find: no image named or with id \"vmi-ubuntu-24.04\"; nearest: vmi-ubuntu-24.04-amd64");
  }

  @Test
  void incompleteCredentialsNameTheMissingKey(@TempDir Path dir) throws Exception {
    Path broken = dir.resolve("broken-openrc");
    Files.writeString(broken, "export OS_AUTH_URL=" + cloud.url(StubCloud.IDENTITY_V3) + "\nexport OS_USER_ID=u\n"
        + "export OS_PROJECT_ID=p\n");

    Run run = run("conoha", "check", "--credentials", broken.toString());

    assertThat(run.exitCode()).isEqualTo(3);
    assertThat(run.err().lines().toList()).singleElement().asString()
        .startsWith("conoha: credentials: password (OS_PASSWORD) is missing in ");
  }

  @Test
  void aWrongPasswordIsOneLineWithoutThePassword() throws Exception {
    Files.writeString(openrc, Files.readString(openrc).replace(PASSWORD, "Wrong-Passw0rd!"));

    Run run = conoha("check");

    assertThat(run.exitCode()).isEqualTo(1);
    assertThat(run.err().lines().toList()).singleElement().asString()
        .startsWith("conoha: identity.tokens: HTTP 401 Unauthorized").doesNotContain("Wrong-Passw0rd!");
  }

  @Test
  void helpWorksOnEveryLevel() {
    Run run = run("conoha", "server", "create", "--help");

    assertThat(run.exitCode()).isZero();
    assertThat(run.out()).contains("--name-tag", "--boot-volume-size", "--poll-interval=DURATION");
  }

  @Test
  void withoutASubcommandTheUsageIsShownAndTheExitCodeIsTwo() {
    Run run = run("conoha");

    assertThat(run.exitCode()).isEqualTo(2);
    assertThat(run.err()).contains("check", "flavors", "server", "image");
    assertThat(run.out()).isEmpty();
  }
}
