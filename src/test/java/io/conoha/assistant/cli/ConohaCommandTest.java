package io.conoha.assistant.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.conoha.assistant.client.testing.Bodies;
import io.conoha.assistant.client.testing.Fixtures;
import io.conoha.assistant.client.testing.KeystoneStub;
import io.conoha.assistant.client.testing.Recorded;
import io.conoha.assistant.client.testing.Reply;
import io.conoha.assistant.client.testing.StubCloud;
import io.vertx.core.Vertx;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
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

  private record Run(int exitCode, String out, String err) {}

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
    String[] full = new String[args.length + 3];
    full[0] = "conoha";
    full[1] = "--credentials";
    full[2] = openrc.toString();
    System.arraycopy(args, 0, full, 3, args.length);
    return run(full);
  }

  private static Run run(String... args) {
    PrintStream out = System.out;
    PrintStream err = System.err;
    ByteArrayOutputStream outBytes = new ByteArrayOutputStream();
    ByteArrayOutputStream errBytes = new ByteArrayOutputStream();
    try {
      System.setOut(new PrintStream(outBytes, true, StandardCharsets.UTF_8));
      System.setErr(new PrintStream(errBytes, true, StandardCharsets.UTF_8));
      int code = Main.run(args);
      return new Run(code, outBytes.toString(StandardCharsets.UTF_8), errBytes.toString(StandardCharsets.UTF_8));
    } finally {
      System.setOut(out);
      System.setErr(err);
    }
  }

  @Test
  void checkAuthenticatesAndPrintsGenerationTokenExpiryAndEndpoints() {
    Run run = conoha("check");

    assertThat(run.exitCode()).isZero();
    assertThat(run.err()).isEmpty();
    assertThat(run.out())
        .containsPattern("API generation +V3")
        .containsPattern("Token expires +20\\d\\d-")
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
        .containsPattern("Volume types +c3j1-ds02-boot, c3j1-as01-boot")
        .containsPattern("Name required +unknown \\(learned at the first server create\\)")
        .containsPattern("Custom metadata +unknown")
        .containsPattern("Resize needs stop +unknown");
    assertThat(cloud.count("GET", StubCloud.VOLUME + "/types")).isEqualTo(1);
  }

  @Test
  void flavorsPrintATableOrJson() {
    cloud.on("GET", COMPUTE + "/flavors/detail", Reply.ok(Bodies.v3Flavors()));

    Run table = conoha("flavors");
    Run json = conoha("flavors", "--output", "json");

    assertThat(table.out()).containsPattern("g2l-t-c2m1 +f-1g +2 +1024 +0 +volume")
        .containsPattern("g2d-t-c1m2d30 +f-d30 +1 +2048 +30 +local disk");
    assertThat(new JsonArray(json.out())).hasSize(4);
    assertThat(new JsonArray(json.out()).getJsonObject(1).getString("name")).isEqualTo("g2l-t-c2m1");
  }

  @Test
  void serversImagesAndVolumesAreListed() {
    cloud.on("GET", COMPUTE + "/servers/detail", Reply.json(200, Fixtures.text("servers_detail.json")));
    cloud.on("GET", IMAGES, Reply.json(200, Fixtures.text("glance_images_list.json")));
    cloud.on("GET", VOLUMES + "/detail", Reply.ok(Bodies.list("volumes", Bodies.volume("v1", "in-use", 100, true))));

    assertThat(conoha("servers").out()).containsPattern("1fa4677b-4d53-47d2-a3ed-6793d7479e75 +smoke-curl +ACTIVE");
    assertThat(conoha("images", "--visibility", "public").out()).containsPattern(UBUNTU + " +fake-tiny-image +ACTIVE");
    assertThat(cloud.requests("GET", IMAGES).get(0).query()).containsEntry("visibility", "public");
    assertThat(conoha("volumes").out()).containsPattern("v1 +vol-v1 +in-use +100 +c3j1-ds02-boot +true");
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
    String serverId = "1fa4677b-4d53-47d2-a3ed-6793d7479e75";
    cloud.on("GET", COMPUTE + "/servers/" + serverId,
        Reply.ok(Bodies.wrap("server", Bodies.server(serverId, "BUILD"))),
        Reply.ok(Bodies.wrap("server", Bodies.volumeBackedServer(serverId, "ACTIVE", "vol-1")
            .put("addresses", new JsonObject().put("ext", new JsonArray()
                .add(new JsonObject().put("addr", "133.130.1.2").put("version", 4)))))));

    Run run = conoha("server", "create", "--name-tag", "web", "--flavor", "g2l-t-c2m1", "--image", UBUNTU,
        "--admin-pass-file", adminPass.toString(), "--key-name", "my-key", "--wait", FAST_WAIT, "--output", "json");

    assertThat(run.err()).isEmpty();
    assertThat(run.exitCode()).isZero();
    JsonObject result = new JsonObject(run.out());
    assertThat(result.getString("serverId")).isEqualTo(serverId);
    assertThat(result.getString("bootVolumeId")).isEqualTo("vol-1");
    assertThat(result.getString("status")).isEqualTo("ACTIVE");
    assertThat(result.getJsonArray("ipv4")).containsExactly("133.130.1.2");
    JsonObject volume = cloud.requests("POST", VOLUMES).get(0).json().getJsonObject("volume");
    assertThat(volume.getInteger("size")).isEqualTo(100);
    assertThat(volume.getString("volume_type")).isEqualTo("c3j1-ds02-boot");
    assertThat(volume.getString("imageRef")).isEqualTo(UBUNTU);
    Recorded create = cloud.requests("POST", COMPUTE + "/servers").get(0);
    assertThat(create.receivedNanos()).as("the server is created once the volume is available")
        .isGreaterThan(cloud.requests("GET", VOLUMES + "/vol-1").get(1).receivedNanos());
    JsonObject server = create.json().getJsonObject("server");
    assertThat(server.getJsonArray("block_device_mapping_v2").getJsonObject(0).getString("uuid")).isEqualTo("vol-1");
    assertThat(server.getString("adminPass")).isEqualTo(ADMIN_PASS);
    assertThat(server.getJsonObject("metadata").getString("instance_name_tag")).isEqualTo("web");
    assertThat(run.out()).doesNotContain(ADMIN_PASS);
  }

  @Test
  void serverStopWaitsUntilShutoff() {
    cloud.on("POST", COMPUTE + "/servers/s1/action", Reply.status(202));
    cloud.on("GET", COMPUTE + "/servers/s1", Reply.ok(Bodies.wrap("server", Bodies.server("s1", "ACTIVE")
            .put("OS-EXT-STS:task_state", "powering-off"))),
        Reply.ok(Bodies.wrap("server", Bodies.server("s1", "SHUTOFF"))));

    Run run = conoha("server", "stop", "s1", "--wait", FAST_WAIT);

    assertThat(run.exitCode()).isZero();
    assertThat(run.out()).containsPattern("Status +SHUTOFF");
    assertThat(cloud.requests("POST", COMPUTE + "/servers/s1/action").get(0).body()).isEqualTo("{\"os-stop\":null}");
    assertThat(cloud.count("GET", COMPUTE + "/servers/s1")).isEqualTo(2);
  }

  @Test
  void aWaitThatRunsOutOfTimeFailsWithOneLine() {
    cloud.on("POST", COMPUTE + "/servers/s1/action", Reply.status(202));
    cloud.on("GET", COMPUTE + "/servers/s1", Reply.ok(Bodies.wrap("server", Bodies.server("s1", "SHUTOFF"))));

    Run run = conoha("server", "start", "s1", "--wait", "--timeout", "200ms", FAST_WAIT);

    assertThat(run.exitCode()).isEqualTo(1);
    assertThat(run.err()).isEqualTo("conoha: timed out after 200 ms waiting for server s1 to be ACTIVE "
        + "(last seen: SHUTOFF)" + System.lineSeparator());
  }

  @Test
  void snapshotOfAStoppedVolumeBackedServerChecksTheQuotaUploadsAndWaitsForTheImage() {
    cloud.on("GET", COMPUTE + "/servers/s1", Reply.ok(Bodies.wrap("server", Bodies.volumeBackedServer("s1", "SHUTOFF", "vol-1"))));
    cloud.on("GET", VOLUMES + "/vol-1", Reply.ok(Bodies.wrap("volume", Bodies.volume("vol-1", "in-use", 100, true))));
    cloud.on("GET", StubCloud.IMAGE + "/v2/quota", Reply.ok(new JsonObject().put("quota", new JsonObject().put("image_size", "550GB"))));
    cloud.on("GET", IMAGES + "/total", Reply.ok(new JsonObject().put("images", new JsonObject().put("size", 0))));
    cloud.on("POST", VOLUMES + "/vol-1/action", Reply.json(202, new JsonObject().put("os-volume_upload_image",
        new JsonObject().put("image_id", "img-9"))));
    cloud.on("GET", IMAGES + "/img-9", Reply.ok(Bodies.image("img-9", "web-archive", "queued", "private")),
        Reply.ok(Bodies.image("img-9", "web-archive", "active", "private")));

    Run run = conoha("server", "snapshot", "s1", "--image-name", "web-archive", "--wait", FAST_WAIT);

    assertThat(run.exitCode()).isZero();
    assertThat(run.out()).containsPattern("Image +img-9").containsPattern("Status +ACTIVE");
  }

  @Test
  void snapshotOfARunningServerIsRefusedBecauseConohaSavesOnlyStoppedOnes() {
    cloud.on("GET", COMPUTE + "/servers/s1", Reply.ok(Bodies.wrap("server", Bodies.server("s1", "ACTIVE"))));

    Run run = conoha("server", "snapshot", "s1", "--image-name", "x");

    assertThat(run.exitCode()).isEqualTo(1);
    assertThat(run.err()).startsWith("conoha: IllegalStateException: server s1 is ACTIVE; ConoHa saves only stopped "
        + "servers (conoha server stop s1 --wait)");
    assertThat(cloud.count("POST", COMPUTE + "/servers/s1/action")).isZero();
  }

  @Test
  void imageShowAndDeleteFindTheImageByName() {
    cloud.on("GET", IMAGES, Reply.json(200, Fixtures.text("glance_images_list.json")));
    cloud.on("DELETE", IMAGES + "/" + UBUNTU, Reply.status(204));

    Run show = conoha("image", "show", "fake-tiny-image", "--output", "json");
    Run delete = conoha("image", "delete", "fake-tiny-image");

    assertThat(new JsonObject(show.out()).getString("id")).isEqualTo(UBUNTU);
    assertThat(delete.exitCode()).isZero();
    assertThat(delete.out()).containsPattern("deleted +image " + UBUNTU);
    assertThat(cloud.count("DELETE", IMAGES + "/" + UBUNTU)).isEqualTo(1);
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
