package io.conoha.assistant.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import io.conoha.assistant.cli.CliRunner.Run;
import io.conoha.assistant.cli.conoha.Schemas;
import io.conoha.assistant.sim.SimServer;
import io.conoha.assistant.sim.SimVolume;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * A user at the `conoha` command line against the ConoHa simulator (v3, c3j1): what they type, the exit code,
 * what lands on stdout and on stderr, and what the account holds afterwards.
 */
class ConohaSimulatorSessionsTest extends OnASimulatedAccount {
  private static final ObjectMapper JSON = new ObjectMapper();

  private String panelServer(String nameTag, Map<String, String> metadata) {
    return sim.admin().createServer(nameTag, PLAN, UBUNTU, metadata);
  }

  private List<SimServer> servers() {
    return sim.ledger().state().servers();
  }

  private List<SimVolume> volumes() {
    return sim.ledger().state().volumes();
  }

  @Test
  void serverListShowsFlavorAndImageByNameAndShowFindsTheServerByItsNameTag() {
    String id = panelServer("web", Map.of());
    String bootVolume = servers().get(0).volumeIds().get(0);

    Run list = conoha("server", "list");
    Run show = conoha("server", "show", "web");

    assertThat(list.exitCode()).isZero();
    assertThat(list.err()).isEmpty();
    assertThat(list.outLines()).hasSize(2);
    assertThat(list.outLines().get(0)).matches("id +name_tag +status +task +flavor +image +ipv4");
    assertThat(list.outLines().get(1)).matches(id + " +web +ACTIVE +- +" + PLAN + " +" + UBUNTU + " +160\\.251\\..*");
    assertThat(show.exitCode()).isZero();
    assertThat(show.err()).isEmpty();
    assertThat(show.outLines().get(0)).matches("field +value");
    assertThat(show.out()).containsPattern("(?m)^id +" + id + "$").containsPattern("(?m)^flavor +" + PLAN + "$")
        .containsPattern("(?m)^flavor_id +\\S+$").containsPattern("(?m)^image +" + UBUNTU + "$")
        .containsPattern("(?m)^disk +volume$").containsPattern("(?m)^boot_volume_id +" + bootVolume + "$")
        .containsPattern("(?m)^metadata +instance_name_tag=web$");
  }

  @Test
  void aNameTwoServersShareIsRefusedListingBothAndAMissNamesTheNearest() {
    String first = panelServer("web", Map.of());
    String second = panelServer("web", Map.of());

    Run ambiguous = conoha("server", "show", "web");
    Run miss = conoha("server", "show", "wbe");
    Run byId = conoha("server", "show", second, "-f", "value", "-c", "id");

    assertThat(ambiguous.exitCode()).isEqualTo(1);
    assertThat(ambiguous.out()).isEmpty();
    assertThat(ambiguous.err().lines().toList()).singleElement().asString()
        .startsWith("conoha: servers.find: 2 servers are named \"web\": ")
        .contains(first + " (web, ACTIVE)", second + " (web, ACTIVE)").endsWith("; use an id");
    assertThat(miss.exitCode()).isEqualTo(1);
    assertThat(miss.err()).isEqualTo("conoha: servers.find: no server named or with id \"wbe\"; nearest: web"
        + System.lineSeparator());
    assertThat(byId.out()).isEqualTo(second + System.lineSeparator());
  }

  @Test
  void everyFormatPrintsTheSameColumnsUnderTheSameNames() throws Exception {
    String[] pick = {"flavor", "list", "-c", "name", "-c", "RAM_MB", "-c", "disk_gb"};

    Run table = conoha(concat(pick, "-f", "table"));
    Run json = conoha(concat(pick, "-f", "json"));
    Run yaml = conoha(concat(pick, "-f", "yaml"));
    Run value = conoha(concat(pick, "-f", "value"));

    assertThat(List.of(table, json, yaml, value)).allSatisfy(r -> {
      assertThat(r.exitCode()).isZero();
      assertThat(r.err()).isEmpty();
    });
    assertThat(table.outLines().get(0)).matches("name +ram_mb +disk_gb");
    assertThat(table.out()).containsPattern("(?m)^g2l-t-c2m1 +1024 +0$");
    List<Map<String, Object>> fromJson = JSON.readValue(json.out(), List.class);
    List<Map<String, Object>> fromYaml = new YAMLMapper().readValue(yaml.out(), List.class);
    assertThat(fromYaml).isEqualTo(fromJson);
    assertThat(fromJson).hasSize(table.outLines().size() - 1)
        .contains(Map.of("name", "g2l-t-c2m1", "ram_mb", 1024, "disk_gb", 0))
        .allSatisfy(row -> assertThat(row.keySet()).containsExactly("name", "ram_mb", "disk_gb"));
    assertThat(value.outLines()).contains("g2l-t-c2m1 1024 0", "g2d-t-c1m2d30 2048 30");
  }

  @Test
  void showingOneObjectPrintsEveryColumnOfItsKindInEveryFormat() throws Exception {
    panelServer("web", Map.of("role", "front"));

    Map<String, Object> json = JSON.readValue(conoha("server", "show", "web", "-f", "json").out(), Map.class);
    Map<String, Object> yaml = new YAMLMapper().readValue(conoha("server", "show", "web", "-f", "yaml").out(), Map.class);
    List<String> table = conoha("server", "show", "web").outLines().stream().skip(1)
        .map(l -> l.split(" +")[0]).filter(f -> !f.isEmpty()).toList();
    List<String> value = conoha("server", "show", "web", "-f", "value").outLines();

    assertThat(json.keySet()).containsExactlyElementsOf(Schemas.SERVER.names());
    assertThat(yaml).isEqualTo(json);
    assertThat(table).containsExactlyElementsOf(Schemas.SERVER.names());
    assertThat(value).hasSize(Schemas.SERVER.names().size());
    assertThat(json.get("metadata")).isEqualTo(Map.of("instance_name_tag", "web", "role", "front"));
    assertThat(json.get("ipv4")).asList().singleElement().asString().startsWith("160.251.");
  }

  @Test
  void anUnknownColumnIsAUsageErrorNamingTheColumnsAndNothingIsDeleted() {
    panelServer("web", Map.of());

    Run run = conoha("server", "delete", "web", "-c", "nope");

    assertThat(run.exitCode()).isEqualTo(2);
    assertThat(run.out()).isEmpty();
    assertThat(run.err()).isEqualTo("conoha: unknown column \"nope\"; deletion columns are: kind, id, name, reason, "
        + "result" + System.lineSeparator());
    assertThat(sim.ledger().count("servers.delete")).isZero();
    assertThat(servers()).hasSize(1);
  }

  @Test
  void serverDeleteOnAV3ServerDeletesItsBootVolumeOnceTheServerIsGoneAndWaitCoversBoth() {
    String id = panelServer("web", Map.of());
    String boot = servers().get(0).volumeIds().get(0);

    Run run = conoha("server", "delete", "web", "--wait", FAST);

    assertThat(run.exitCode()).isZero();
    assertThat(run.outLines()).hasSize(3);
    assertThat(run.outLines().get(0)).matches("kind +id +name +reason +result");
    assertThat(run.outLines().get(1)).matches("server +" + id + " +web +requested +deleted");
    assertThat(run.outLines().get(2)).matches("volume +" + boot + " +- +boot volume of server web +deleted");
    assertThat(run.err()).isEqualTo("waiting for server " + id + " to be deleted before deleting volume " + boot
        + System.lineSeparator());
    assertThat(servers()).isEmpty();
    assertThat(volumes()).isEmpty();
  }

  @Test
  void withoutWaitTheServerIsStillAwaitedButTheBootVolumeIsOnlyAskedToGo() {
    panelServer("web", Map.of());
    String boot = servers().get(0).volumeIds().get(0);

    Run run = conoha("server", "delete", "web", "-f", "value", "-c", "kind", "-c", "result", FAST);

    assertThat(run.exitCode()).isZero();
    assertThat(run.outLines()).containsExactly("server deleted", "volume deleting");
    assertThat(sim.ledger().count("volumes.delete")).isEqualTo(1);
    await().atMost(Duration.ofSeconds(10)).until(() -> sim.ledger().state().volume(boot).isEmpty());
  }

  @Test
  void aLocalDiskServerIsDeletedAloneAndWithoutWaitTheCommandDoesNotWait() {
    String id = sim.admin().createServer("db", "g2d-t-c1m2d30", UBUNTU, Map.of());
    String gone = panelServer("web", Map.of());
    sim.admin().deleteServer(gone);

    Run run = conoha("server", "delete", "db", "-f", "value", "-c", "kind", "-c", "id", "-c", "result");

    assertThat(run.exitCode()).isZero();
    assertThat(run.err()).isEmpty();
    assertThat(run.outLines()).containsExactly("server " + id + " deleting");
    assertThat(volumes()).hasSize(1).allSatisfy(v -> assertThat(v.status()).isEqualTo("available"));
  }

  @Test
  void aServerThatCannotBeDeletedKeepsItsBootVolumeAndTheCommandSaysWhatIsLeft() {
    String id = panelServer("web", Map.of());
    String boot = servers().get(0).volumeIds().get(0);
    sim.faults().failNext("servers.delete", 409, 1);

    Run run = conoha("server", "delete", "web", "--wait", FAST, "-f", "value", "-c", "kind", "-c", "result");

    assertThat(run.exitCode()).isEqualTo(1);
    assertThat(run.outLines()).hasSize(2);
    assertThat(run.outLines().get(0)).startsWith("server failed: servers.delete: HTTP 409");
    assertThat(run.outLines().get(1)).isEqualTo("volume not deleted: server " + id + " was not deleted; "
        + "conoha volume delete " + boot + " once it is gone");
    assertThat(run.err().lines().toList()).singleElement().asString()
        .startsWith("conoha: 2 of 2 not deleted; server " + id + ": failed: servers.delete: HTTP 409");
    assertThat(servers()).hasSize(1);
    assertThat(volumes()).hasSize(1);
  }

  @Test
  void volumesAreFoundByAUniqueNameAndASharedNameListsTheCandidates() {
    String[] create = {"server", "create", "--flavor", PLAN, "--image", UBUNTU, "--wait", FAST, "-f", "value",
        "-c", "boot_volume_id", "--name-tag"};
    String first = conoha(concat(create, "web")).out().strip();
    String second = conoha(concat(create, "web")).out().strip();
    String db = conoha(concat(create, "db")).out().strip();

    Run unique = conoha("volume", "show", "db-boot", "-f", "value", "-c", "id");
    Run shared = conoha("volume", "show", "web-boot");

    assertThat(unique.out()).isEqualTo(db + System.lineSeparator());
    assertThat(shared.exitCode()).isEqualTo(1);
    assertThat(shared.err().lines().toList()).singleElement().asString()
        .startsWith("conoha: volumes.find: 2 volumes are named \"web-boot\": ")
        .contains(first + " (in-use, 100 GB)", second + " (in-use, 100 GB)");
  }

  @Test
  void keepBootVolumeKeepsItAndSaysItStaysBilled() throws Exception {
    String id = panelServer("web", Map.of());
    String boot = servers().get(0).volumeIds().get(0);

    Run run = conoha("server", "delete", id, "--keep-boot-volume", "--wait", FAST, "-f", "json");

    assertThat(run.exitCode()).isZero();
    List<Map<String, Object>> rows = JSON.readValue(run.out(), List.class);
    assertThat(rows).extracting(r -> r.get("kind") + " " + r.get("result"))
        .containsExactly("server deleted", "volume kept, still billed");
    assertThat(run.err()).isEqualTo("boot volume " + boot + " (100 GB) stays and is still billed; delete it with: "
        + "conoha volume delete " + boot + System.lineSeparator());
    assertThat(servers()).isEmpty();
    assertThat(volumes()).singleElement().satisfies(v -> assertThat(v.status()).isEqualTo("available"));
  }

  @Test
  void volumeListShowAndDeleteAndAnAttachedVolumeIsRefusedWithTheWayOut() {
    String id = panelServer("web", Map.of());
    String boot = servers().get(0).volumeIds().get(0);

    Run list = conoha("volume", "list");
    Run show = conoha("volume", "show", boot, "-f", "value", "-c", "server", "-c", "server_id", "-c", "image");
    Run refused = conoha("volume", "delete", boot);

    assertThat(list.exitCode()).isZero();
    assertThat(list.outLines().get(0)).matches("id +name +status +size_gb +type +bootable +server +image");
    assertThat(list.outLines().get(1)).matches(boot + " +- +in-use +100 +c3j1-ds02-boot +true +web +" + UBUNTU);
    assertThat(show.outLines()).containsExactly("web", id, UBUNTU);
    assertThat(refused.exitCode()).isEqualTo(1);
    assertThat(refused.out()).isEmpty();
    assertThat(refused.err()).isEqualTo("conoha: volume " + boot + " is attached to server " + id + " (web); nothing "
        + "was deleted. Delete the server and this volume together with: conoha server delete " + id
        + System.lineSeparator());
    assertThat(sim.ledger().count("volumes.delete")).isZero();

    sim.admin().deleteServer(id);
    Run delete = conoha("volume", "delete", boot, "--wait", FAST, "-f", "value", "-c", "result");

    assertThat(delete.exitCode()).isZero();
    assertThat(delete.out()).isEqualTo("deleted" + System.lineSeparator());
    assertThat(delete.err()).isEmpty();
    assertThat(volumes()).isEmpty();
  }

  @Test
  void imageListShowAndDeleteByNameWithPropertiesUnderTheirOwnHeading() {
    String id = sim.admin().createPrivateImage("nightly", Map.of("os_type", "linux"));

    Run list = conoha("image", "list", "--visibility", "private");
    Run show = conoha("image", "show", "nightly");
    Run delete = conoha("image", "delete", "nightly");

    assertThat(list.outLines().get(0)).matches("id +name +status +size_gb +min_disk_gb +visibility +created");
    assertThat(list.outLines()).hasSize(2);
    assertThat(list.outLines().get(1)).startsWith(id).contains("nightly", "ACTIVE", "private");
    assertThat(show.out()).containsPattern("(?m)^properties +os_type=linux$").containsPattern("(?m)^size_gb +\\d");
    assertThat(delete.exitCode()).isZero();
    assertThat(delete.outLines().get(1)).matches("image +" + id + " +nightly +requested +deleted");
    assertThat(sim.ledger().state().image(id)).isEmpty();
  }

  @Test
  void theOldSpellingsPrintWhatTheNewOnesPrint() {
    panelServer("web", Map.of());

    assertThat(conoha("servers").out()).isEqualTo(conoha("server", "list").out());
    assertThat(conoha("volumes").out()).isEqualTo(conoha("volume", "list").out());
    assertThat(conoha("flavors").out()).isEqualTo(conoha("flavor", "list").out());
    assertThat(conoha("images", "--visibility", "public").out())
        .isEqualTo(conoha("image", "list", "--visibility", "public").out()).contains(UBUNTU);
  }

  @Test
  void startAndStopFindTheServerByNameAndPrintIt() {
    panelServer("web", Map.of());

    Run stop = conoha("server", "stop", "web", "--wait", FAST, "-f", "value", "-c", "status");
    Run start = conoha("server", "start", "web", "--wait", FAST, "-f", "value", "-c", "status", "-c", "task");

    assertThat(stop.exitCode()).isZero();
    assertThat(stop.out()).isEqualTo("SHUTOFF" + System.lineSeparator());
    assertThat(start.outLines()).containsExactly("ACTIVE", "");
  }

  @Test
  void aWaitThatRunsOutOfTimeFailsWithOneLine() {
    String id = panelServer("web", Map.of());
    sim.admin().setServerStatus(id, "ERROR");

    Run run = conoha("server", "start", "web", "--wait", "--timeout", "200ms", FAST);

    assertThat(run.exitCode()).isEqualTo(1);
    assertThat(run.out()).isEmpty();
    assertThat(run.err().lines().toList()).singleElement().asString().startsWith("conoha: ");
  }

  @Test
  void snapshotOfARunningServerIsRefusedAndOfAStoppedOneSavesItsBootVolume() {
    String id = panelServer("web", Map.of());

    Run refused = conoha("server", "snapshot", "web", "--image-name", "web-archive");
    conoha("server", "stop", "web", "--wait", FAST);
    Run saved = conoha("server", "snapshot", "web", "--image-name", "web-archive", "--wait", FAST);

    assertThat(refused.exitCode()).isEqualTo(1);
    assertThat(refused.err()).isEqualTo("conoha: server " + id + " is ACTIVE; ConoHa saves only stopped servers "
        + "(conoha server stop " + id + " --wait)" + System.lineSeparator());
    assertThat(saved.exitCode()).isZero();
    assertThat(saved.out()).containsPattern("(?m)^image_name +web-archive$").containsPattern("(?m)^status +ACTIVE$");
    assertThat(sim.ledger().count("volumes.action.os-volume_upload_image")).isEqualTo(1);
  }

  private static String[] concat(String[] first, String... more) {
    String[] all = java.util.Arrays.copyOf(first, first.length + more.length);
    System.arraycopy(more, 0, all, first.length, more.length);
    return all;
  }
}
