package io.conoha.assistant.sim;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.conoha.assistant.client.ApiGeneration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * The ledger's data-safety score: a server deleted without an active image saved while it was stopped and after it
 * last started is an unsaved deletion; one the user did not ask for is an unexpected one.
 */
class DeletionScoreTest {
  private static final String OWNER = "conoha-assistant:owner";

  @ParameterizedTest
  @EnumSource(ApiGeneration.class)
  void deletingARunningServerIsAnUnsavedDeletionNobodyAskedFor(ApiGeneration generation) {
    try (SimHttp http = SimHttp.fast(generation)) {
      http.login();
      String id = runningServer(http, "uid-web");

      assertThat(http.delete(http.compute("/servers/" + id)).status()).isEqualTo(204);

      Ledger ledger = http.sim.ledger();
      assertThat(ledger.serverDeletions()).singleElement().satisfies(d -> {
        assertThat(d.serverId()).isEqualTo(id);
        assertThat(d.owner()).isEqualTo("uid-web");
        assertThat(d.saved()).isFalse();
        assertThat(d.savedImageId()).isNull();
        assertThat(d.userAsked()).isFalse();
        assertThat(d.via()).isEqualTo("api");
        assertThat(d.at()).isNotNull();
      });
      assertThat(ledger.unsavedDeletions()).isEqualTo(1);
      assertThat(ledger.unexpectedUnsavedDeletions()).isEqualTo(1);
    }
  }

  @ParameterizedTest
  @EnumSource(ApiGeneration.class)
  void stopSaveAndDeleteOnceTheImageIsActiveIsASavedDeletion(ApiGeneration generation) {
    try (SimHttp http = SimHttp.fast(generation)) {
      http.login();
      String id = runningServer(http, "uid-web");
      stop(http, id);
      String image = saveAndAwaitActive(http, id);

      http.delete(http.compute("/servers/" + id));

      Ledger ledger = http.sim.ledger();
      assertThat(ledger.serverDeletions()).singleElement().satisfies(d -> {
        assertThat(d.saved()).isTrue();
        assertThat(d.savedImageId()).isEqualTo(image);
      });
      assertThat(ledger.unsavedDeletions()).isZero();
      assertThat(ledger.unexpectedUnsavedDeletions()).isZero();
    }
  }

  @ParameterizedTest
  @EnumSource(ApiGeneration.class)
  void aStartAfterTheSaveMakesTheOldImageNoLongerCount(ApiGeneration generation) {
    try (SimHttp http = SimHttp.fast(generation)) {
      http.login();
      String id = runningServer(http, "uid-web");
      stop(http, id);
      saveAndAwaitActive(http, id);
      http.action(id, Map.of("os-start", Map.of()));
      http.awaitServerStatus(id, "ACTIVE");
      stop(http, id); // stopped again, but written to since the save

      http.delete(http.compute("/servers/" + id));

      assertThat(http.sim.ledger().serverDeletions()).singleElement()
          .satisfies(d -> assertThat(d.saved()).isFalse());
      assertThat(http.sim.ledger().unexpectedUnsavedDeletions()).isEqualTo(1);
    }
  }

  @Test
  void aSaveStillRunningOrFailedDoesNotCount() {
    try (SimHttp http = SimHttp.fast(ApiGeneration.V3)) {
      http.login();
      String id = runningServer(http, "uid-web");
      stop(http, id);
      http.sim.admin().failNextImageSave();
      String failed = startSave(http, id, "broken");
      http.awaitGlanceStatus(failed, "killed");

      http.sim.admin().deleteServer(id);

      assertThat(http.sim.ledger().serverDeletions()).singleElement().satisfies(d -> {
        assertThat(d.saved()).isFalse();
        assertThat(d.via()).isEqualTo("admin");
      });
    }
  }

  @ParameterizedTest
  @EnumSource(ApiGeneration.class)
  void anExpectedOwnerAndTheControlPanelMakeDeletionsUserAsked(ApiGeneration generation) {
    try (SimHttp http = SimHttp.fast(generation)) {
      http.login();
      String expected = runningServer(http, "uid-gone");
      String panel = runningServer(http, "uid-other");
      String untagged = runningServer(http, null);
      assertThat(http.post(http.admin("/expected-deletions"), Map.of("owner", "uid-gone")).status()).isEqualTo(204);

      http.delete(http.compute("/servers/" + expected));
      assertThat(http.delete(http.admin("/servers/" + panel)).status()).isEqualTo(204);
      http.delete(http.compute("/servers/" + untagged));

      Ledger ledger = http.sim.ledger();
      assertThat(ledger.serverDeletions()).extracting(ServerDeletion::serverId, ServerDeletion::userAsked,
          ServerDeletion::via).containsExactly(
              org.assertj.core.groups.Tuple.tuple(expected, true, "api"),
              org.assertj.core.groups.Tuple.tuple(panel, true, "admin"),
              org.assertj.core.groups.Tuple.tuple(untagged, false, "api"));
      assertThat(ledger.unsavedDeletions()).isEqualTo(3);
      assertThat(ledger.unexpectedUnsavedDeletions()).isEqualTo(1);
    }
  }

  @Test
  void theAdminEndpointShowsTheScoreAndRefusesAnExpectationWithoutOwner() {
    try (SimHttp http = SimHttp.fast(ApiGeneration.V2)) {
      http.login();
      String id = runningServer(http, "uid-web");
      http.delete(http.compute("/servers/" + id));

      JsonNode ledger = http.get(http.admin("/ledger")).json();
      assertThat(ledger.path("unsavedDeletions").asLong()).isEqualTo(1);
      assertThat(ledger.path("unexpectedUnsavedDeletions").asLong()).isEqualTo(1);
      JsonNode deletion = ledger.path("serverDeletions").get(0);
      assertThat(deletion.path("serverId").asText()).isEqualTo(id);
      assertThat(deletion.path("owner").asText()).isEqualTo("uid-web");
      assertThat(deletion.path("saved").asBoolean()).isFalse();
      assertThat(deletion.path("userAsked").asBoolean()).isFalse();
      assertThat(deletion.path("at").asText()).endsWith("Z");

      assertThat(http.post(http.admin("/expected-deletions"), Map.of()).status()).isEqualTo(400);
      assertThat(http.post(http.admin("/reset"), Map.of()).json().path("unsavedDeletions").asLong()).isZero();
    }
  }

  @Test
  void rewritingAnOwnerTagIsRecordedButTaggingAFreeServerIsNot() {
    try (SimHttp http = SimHttp.fast(ApiGeneration.V2)) {
      http.login();
      String owned = runningServer(http, "uid-first");
      String free = runningServer(http, null);

      http.post(http.compute("/servers/" + free + "/metadata"), Map.of("metadata", Map.of(OWNER, "uid-adopter")));
      http.post(http.compute("/servers/" + owned + "/metadata"), Map.of("metadata", Map.of(OWNER, "uid-thief")));
      http.post(http.compute("/servers/" + owned + "/metadata"), Map.of("metadata", Map.of(OWNER, "uid-thief")));

      assertThat(http.sim.ledger().ownerChanges()).singleElement().satisfies(c -> {
        assertThat(c.serverId()).isEqualTo(owned);
        assertThat(c.from()).isEqualTo("uid-first");
        assertThat(c.to()).isEqualTo("uid-thief");
      });
      assertThat(http.get(http.admin("/ledger")).json().path("ownerChanges").size()).isEqualTo(1);
    }
  }

  @ParameterizedTest
  @EnumSource(ApiGeneration.class)
  void billedObjectsAreListedByOwnerWithImagesSavedFromTheOwnersServer(ApiGeneration generation) {
    try (SimHttp http = SimHttp.fast(generation)) {
      http.login();
      String id = runningServer(http, "uid-web");
      runningServer(http, null);
      stop(http, id);
      String image = saveAndAwaitActive(http, id);

      Map<String, OwnedObjects> owned = http.sim.ledger().ownedObjects();

      assertThat(owned).containsOnlyKeys("uid-web");
      OwnedObjects web = owned.get("uid-web");
      assertThat(web.servers()).containsExactly(id);
      assertThat(web.images()).containsExactly(image);
      assertThat(web.volumes()).hasSize(generation == ApiGeneration.V3 ? 1 : 0);
      assertThat(http.get(http.admin("/ledger")).json().path("ownedObjects").path("uid-web").path("images")
          .get(0).asText()).isEqualTo(image);
    }
  }

  /** An ACTIVE server tagged with {@code owner} (untagged when null); on v3 it boots from a tagged volume. */
  private static String runningServer(SimHttp http, String owner) {
    Map<String, String> tags = owner == null ? Map.of() : Map.of(OWNER, owner);
    String id;
    if (http.v2()) {
      id = http.createServer("g-c1m512d30", "vmi-debian-12-amd64", Map.of("metadata", tags));
    } else {
      SimHttp.Resp volume = http.post(http.volume("/volumes"), Map.of("volume", Map.of("size", 100,
          "volume_type", "c3j1-ds02-boot", "imageRef", http.imageId("vmi-debian-12-amd64"), "metadata", tags)));
      String volumeId = volume.json().path("volume").path("id").asText();
      http.awaitVolumeStatus(volumeId, "available");
      id = http.post(http.compute("/servers"), Map.of("server", Map.of("flavorRef", http.flavorId("g2l-t-c2m1"),
          "block_device_mapping_v2", List.of(Map.of("uuid", volumeId)), "metadata", tags)))
          .json().path("server").path("id").asText();
    }
    http.awaitServerStatus(id, "ACTIVE");
    return id;
  }

  private static void stop(SimHttp http, String id) {
    http.action(id, Map.of("os-stop", Map.of()));
    http.awaitServerStatus(id, "SHUTOFF");
  }

  private static String saveAndAwaitActive(SimHttp http, String id) {
    String image = startSave(http, id, "saved");
    http.awaitGlanceStatus(image, "active");
    http.awaitServerStatus(id, "SHUTOFF");
    if (!http.v2()) {
      http.awaitVolumeStatus(http.server(id).path("os-extended-volumes:volumes_attached").get(0).path("id").asText(),
          "in-use");
    }
    return image;
  }

  /** v2 createImage; v3 os-volume_upload_image of the boot volume. Returns the image id. */
  private static String startSave(SimHttp http, String id, String name) {
    if (http.v2()) {
      String location = http.action(id, Map.of("createImage", Map.of("name", name))).header("Location");
      return location.substring(location.lastIndexOf('/') + 1);
    }
    String volumeId = http.server(id).path("os-extended-volumes:volumes_attached").get(0).path("id").asText();
    return http.post(http.volume("/volumes/" + volumeId + "/action"),
        Map.of("os-volume_upload_image", Map.of("image_name", name))).json()
        .path("os-volume_upload_image").path("image_id").asText();
  }
}
