package io.conoha.assistant.sim;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.conoha.assistant.client.ApiGeneration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Glance v2 (both generations) and the Nova image proxy (v2): lists, filters, paging, quota, deletes. */
class ImageServiceTest {

  @Test
  void glanceListsConohasPublicImagesAndFiltersByNameVisibilityAndStatus() {
    try (SimHttp http = SimHttp.fast(ApiGeneration.V3)) {
      http.login();
      String saved = http.sim.admin().createPrivateImage("my-save", Map.of("purpose", "test"));

      List<String> publicNames = names(http.get(http.image("/v2/images?visibility=public")).json());
      assertThat(publicNames).contains("vmi-ubuntu-24.04-amd64", "vmi-ubuntu-22.04-amd64", "vmi-debian-12-amd64",
          "vmi-rockylinux-9-amd64").doesNotContain("my-save");
      assertThat(names(http.get(http.image("/v2/images?visibility=private")).json())).containsExactly("my-save");
      assertThat(names(http.get(http.image("/v2/images?name=vmi-debian-12-amd64")).json()))
          .containsExactly("vmi-debian-12-amd64");
      assertThat(names(http.get(http.image("/v2/images?status=active&visibility=private")).json()))
          .containsExactly("my-save");
      assertThat(names(http.get(http.image("/v2/images?status=saving")).json())).isEmpty();
      assertThat(names(http.get(http.image("/v2/images?sort_key=name&sort_dir=asc")).json()))
          .isSorted().startsWith("my-save");

      JsonNode image = http.get(http.image("/v2/images/" + saved)).json();
      assertThat(image.path("status").asText()).isEqualTo("active");
      assertThat(image.path("visibility").asText()).isEqualTo("private");
      assertThat(image.path("purpose").asText()).isEqualTo("test");
      assertThat(image.path("owner").asText()).isEqualTo(http.sim.config().tenantId());
      assertThat(image.path("self").asText()).isEqualTo("/v2/images/" + saved);
      assertThat(image.path("file").asText()).isEqualTo("/v2/images/" + saved + "/file");
    }
  }

  @Test
  void glancePagesWithLimitMarkerAndARelativeNextLink() {
    try (SimHttp http = SimHttp.fast(ApiGeneration.V2)) {
      http.login();
      for (int i = 0; i < 30; i++) {
        http.sim.admin().createPrivateImage("bulk-" + i, Map.of());
      }
      JsonNode first = http.get(http.image("/v2/images")).json();
      assertThat(first.path("images").size()).isEqualTo(25); // Glance's default page
      assertThat(first.path("next").asText()).startsWith("/v2/images?limit=25&marker=");

      List<String> all = new ArrayList<>();
      String next = "/v2/images?limit=7";
      while (next != null) {
        JsonNode page = http.get(http.image(next)).json();
        page.path("images").forEach(i -> all.add(i.path("id").asText()));
        next = page.has("next") ? page.path("next").asText() : null;
      }
      assertThat(all).doesNotHaveDuplicates().hasSize(30 + 10);
      assertThat(http.get(http.image("/v2/images?marker=nope")).status()).isEqualTo(400);
    }
  }

  @Test
  void getAndDeleteAnswerGlancesOwnShapes() {
    try (SimHttp http = SimHttp.fast(ApiGeneration.V3)) {
      http.login();
      String saved = http.sim.admin().createPrivateImage("doomed", Map.of());

      assertThat(http.delete(http.image("/v2/images/" + saved)).status()).isEqualTo(204);
      SimHttp.Resp gone = http.get(http.image("/v2/images/" + saved));
      assertThat(gone.status()).isEqualTo(404);
      assertThat(gone.json().path("code").asText()).isEqualTo("404 Not Found");
      assertThat(gone.json().path("title").asText()).isEqualTo("Not Found");
      assertThat(gone.json().path("message").asText()).startsWith("No image found with ID " + saved);
      assertThat(http.delete(http.image("/v2/images/" + saved)).status()).isEqualTo(404);

      SimHttp.Resp publicOne = http.delete(http.image("/v2/images/" + http.imageId("vmi-debian-12-amd64")));
      assertThat(publicOne.status()).isEqualTo(403);
      assertThat(publicOne.json().path("title").asText()).isEqualTo("Forbidden");
    }
  }

  @Test
  void quotaIsConohas50GBUnderTheGenerationsKeyAndTotalSumsPrivateImages() {
    try (SimHttp v2 = SimHttp.fast(ApiGeneration.V2); SimHttp v3 = SimHttp.fast(ApiGeneration.V3)) {
      v2.login();
      v3.login();
      assertThat(v2.get(v2.image("/v2/quota")).json().path("quota").path("tyo1_image_size").asText())
          .isEqualTo("50GB");
      assertThat(v3.get(v3.image("/v2/quota")).json().path("quota").path("image_size").asText()).isEqualTo("50GB");
      assertThat(v3.get(v3.image("/v2/images/total")).json().path("images").path("size").asLong()).isZero();

      v3.sim.admin().createPrivateImage("a", Map.of());
      v3.sim.admin().createPrivateImage("b", Map.of());
      assertThat(v3.get(v3.image("/v2/images/total")).json().path("images").path("size").asLong())
          .isEqualTo(2 * v3.sim.config().savedImageBytes());

      assertThat(v3.put(v3.image("/v2/quota"), Map.of("quota", Map.of("image_size", "550GB"))).status())
          .isEqualTo(200);
      assertThat(v3.get(v3.image("/v2/quota")).json().path("quota").path("image_size").asText()).isEqualTo("550GB");
      assertThat(v3.put(v3.image("/v2/quota"), Map.of("quota", Map.of("image_size", "100GB"))).status())
          .isEqualTo(400);
      v3.sim.admin().setImageQuotaBytes(10L * 1024 * 1024 * 1024);
      assertThat(v3.get(v3.image("/v2/quota")).json().path("quota").path("image_size").asText()).isEqualTo("10GB");
    }
  }

  @Test
  void theNovaImageProxySpeaksUpperCaseWithSizeMinDiskAndMetadata() {
    try (SimHttp http = SimHttp.fast(ApiGeneration.V2)) {
      http.login();
      String saved = http.sim.admin().createPrivateImage("Temporary", Map.of("instance_uuid", "abc", "os_type", "lin"));

      JsonNode list = http.get(http.compute("/images")).json().path("images");
      assertThat(names(http.get(http.compute("/images")).json())).contains("Temporary", "vmi-ubuntu-20.04-amd64-30gb");
      assertThat(list.get(0).fieldNames()).toIterable().containsExactlyInAnyOrder("id", "name", "links");

      JsonNode image = http.get(http.compute("/images/" + saved)).json().path("image");
      assertThat(image.path("status").asText()).isEqualTo("ACTIVE");
      assertThat(image.path("progress").asInt()).isEqualTo(100);
      assertThat(image.path("OS-EXT-IMG-SIZE:size").asLong()).isEqualTo(http.sim.config().savedImageBytes());
      assertThat(image.path("metadata").path("os_type").asText()).isEqualTo("lin");
      assertThat(image.has("minDisk")).isTrue();
      assertThat(image.path("server").path("id").asText()).isEqualTo("abc");
      assertThat(image.path("links").get(2).path("rel").asText()).isEqualTo("alternate");

      JsonNode detail = http.get(http.compute("/images/detail?name=vmi-ubuntu-20.04-amd64-30gb")).json();
      assertThat(detail.path("images").get(0).path("minDisk").asInt()).isEqualTo(30);

      SimHttp.Resp missing = http.get(http.compute("/images/00000000-0000-0000-0000-000000000000"));
      assertThat(missing.status()).isEqualTo(404);
      assertThat(missing.json().path("itemNotFound").path("message").asText()).isEqualTo("Image not found.");
      assertThat(http.delete(http.compute("/images/" + saved)).status()).isEqualTo(204);
      assertThat(http.get(http.compute("/images/" + saved)).status()).isEqualTo(404);
    }
  }

  @Test
  void aV2SaveOverTheImageQuotaIsRefusedWith403AndLeavesNoImage() {
    try (SimHttp http = SimHttp.fast(ApiGeneration.V2)) {
      http.login();
      String id = http.sim.admin().createServer("full", "g-c2m1d100", "vmi-ubuntu-24.04-amd64", Map.of());
      http.sim.admin().setServerStatus(id, "SHUTOFF");
      http.sim.admin().setImageQuotaBytes(http.sim.config().savedImageBytes() - 1);

      SimHttp.Resp r = http.action(id, Map.of("createImage", Map.of("name", "does-not-fit")));

      assertThat(r.status()).isEqualTo(403);
      assertThat(r.json().path("forbidden").path("message").asText()).startsWith("Quota exceeded for image storage");
      assertThat(http.sim.ledger().state().privateImages()).isEmpty();
      assertThat(http.serverStatus(id)).isEqualTo("SHUTOFF");
      assertThat(http.server(id).path("OS-EXT-STS:task_state").isNull()).isTrue();
    }
  }

  @Test
  void aFailedSaveEndsKilledInGlanceAndErrorInNova() {
    try (SimHttp http = SimHttp.fast(ApiGeneration.V2)) {
      http.login();
      String id = http.sim.admin().createServer("flaky", "g-c2m1d100", "vmi-ubuntu-24.04-amd64", Map.of());
      http.sim.admin().setServerStatus(id, "SHUTOFF");
      http.sim.admin().failNextImageSave();

      String location = http.action(id, Map.of("createImage", Map.of("name", "broken"))).header("Location");
      String imageId = location.substring(location.lastIndexOf('/') + 1);

      http.awaitGlanceStatus(imageId, "killed");
      assertThat(http.get(location).json().path("image").path("status").asText()).isEqualTo("ERROR");
      assertThat(http.get(http.image("/v2/images/total")).json().path("images").path("size").asLong()).isZero();
      assertThat(http.server(id).path("OS-EXT-STS:task_state").isNull()).isTrue();
    }
  }

  private static List<String> names(JsonNode body) {
    List<String> names = new ArrayList<>();
    body.path("images").forEach(i -> names.add(i.path("name").asText()));
    return names;
  }
}
