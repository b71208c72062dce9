package io.conoha.assistant.client;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.conoha.assistant.client.error.ConohaException;
import io.conoha.assistant.client.error.ConohaException.Kind;
import io.conoha.assistant.client.model.Image;
import io.conoha.assistant.client.model.ImageQuery;
import io.conoha.assistant.client.model.ImageQuota;
import io.conoha.assistant.client.model.ImageStatus;
import io.conoha.assistant.client.testing.Bodies;
import io.conoha.assistant.client.testing.Fixtures;
import io.conoha.assistant.client.testing.KeystoneStub;
import io.conoha.assistant.client.testing.Recorded;
import io.conoha.assistant.client.testing.Reply;
import io.conoha.assistant.client.testing.StubCloud;
import io.conoha.assistant.client.testing.StubCloudTest;
import io.vertx.core.json.JsonObject;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ImageTest extends StubCloudTest {
  private static final String IMAGES = StubCloud.IMAGE + "/v2/images";
  private static final String ID_A = "11111111-1111-1111-1111-111111111111";
  private static final String ID_B = "22222222-2222-2222-2222-222222222222";
  private static final long GIB = 1024L * 1024 * 1024;

  @Test
  void listingFollowsGlancesNextLinkAndKeepsTheFilters() {
    cloud.on("GET", IMAGES, r -> r.query().containsKey("marker")
        ? Reply.ok(Bodies.list("images", Bodies.image(ID_B, "b", "saving", "private")))
        : Reply.ok(Bodies.list("images", Bodies.image(ID_A, "a", "active", "private"))
            .put("next", "/v2/images?marker=" + ID_A + "&visibility=private")));

    List<Image> images = client().images().listImages(new ImageQuery(null, "private", "ACTIVE"));

    assertThat(images).extracting(Image::id).containsExactly(ID_A, ID_B);
    assertThat(images).extracting(Image::status).containsExactly(ImageStatus.ACTIVE, ImageStatus.SAVING);
    List<Recorded> pages = cloud.requests("GET", IMAGES);
    assertThat(pages.get(0).query()).containsEntry("visibility", "private").containsEntry("status", "active")
        .doesNotContainKey("name");
    assertThat(pages.get(1).query()).containsEntry("visibility", "private").containsEntry("marker", ID_A);
  }

  @Test
  void findImageTriesTheIdFirst() {
    cloud.on("GET", IMAGES + "/" + ID_A, Reply.json(200, Fixtures.text("image_detail_glance.json")));

    assertThat(client().images().findImage(ID_A).name()).isEqualTo("smoke-curl-snap");
    assertThat(cloud.count("GET", IMAGES)).isZero();
  }

  @Test
  void findImageFallsBackToTheExactName() {
    cloud.on("GET", IMAGES, Reply.json(200, Fixtures.text("glance_images_list.json")));

    assertThat(client().images().findImage("fake-tiny-image").id()).isEqualTo("0308079a-51a9-4910-b47d-2a3956a7b5fa");
    assertThat(cloud.requests("GET", IMAGES).get(0).query()).containsEntry("name", "fake-tiny-image");
  }

  @Test
  void aNameSharedByTwoImagesIsAConflictListingTheirIds() {
    cloud.on("GET", IMAGES, Reply.ok(Bodies.list("images",
        Bodies.image(ID_A, "nightly", "active", "private"), Bodies.image(ID_B, "nightly", "active", "private"))));

    assertThatThrownBy(() -> client().images().findImage("nightly"))
        .isInstanceOfSatisfying(ConohaException.class, e -> assertThat(e.kind()).isEqualTo(Kind.CONFLICT))
        .hasMessage("images.find: 2 images are named \"nightly\" (" + ID_A + ", " + ID_B + "); use an id");
  }

  @Test
  void anUnknownImageIsNotFoundWithTheNearestNames() {
    cloud.on("GET", IMAGES, r -> r.query().containsKey("name")
        ? Reply.ok(Bodies.list("images"))
        : Reply.ok(Bodies.list("images", Bodies.image(ID_A, "vmi-ubuntu-24.04-amd64", "active", "public"),
            Bodies.image(ID_B, "vmi-debian-12-amd64", "active", "public"))));

    assertThatThrownBy(() -> client().images().findImage("vmi-ubuntu-24.04"))
        .isInstanceOfSatisfying(ConohaException.class, e -> assertThat(e.kind()).isEqualTo(Kind.NOT_FOUND))
        .hasMessage("images.find: no image named or with id \"vmi-ubuntu-24.04\"; nearest: vmi-ubuntu-24.04-amd64, "
            + "vmi-debian-12-amd64");
  }

  @Test
  void aMissingImageByIdReportsGlancesMessage() {
    cloud.on("GET", IMAGES + "/" + ID_A, Reply.json(404, Fixtures.text("error_404_glance.json")));

    assertThatThrownBy(() -> client().images().getImage(ID_A))
        .hasMessage("images.get: HTTP 404 Not Found: No image found with ID 00000000-0000-0000-0000-000000000000");
  }

  @Test
  void theV3QuotaIsImageSizeAndTheUsageComesFromTotal() {
    cloud.on("GET", StubCloud.IMAGE + "/v2/quota", Reply.ok(new JsonObject().put("quota",
        new JsonObject().put("image_size", "50GB"))));
    cloud.on("GET", IMAGES + "/total", Reply.ok(new JsonObject().put("images",
        new JsonObject().put("size", 40 * GIB))));

    ImageQuota quota = client().images().quota();

    assertThat(quota.limitBytes()).isEqualTo(50 * GIB);
    assertThat(quota.usedBytes()).isEqualTo(40 * GIB);
    assertThat(quota.freeBytes()).isEqualTo(10 * GIB);
  }

  @Test
  void theV2QuotaKeyCarriesTheRegion() {
    cloud.on("GET", StubCloud.IMAGE + "/v2/quota", Reply.ok(new JsonObject().put("quota",
        new JsonObject().put("sin1_image_size", "50GB").put("tyo1_image_size", "550GB"))));
    cloud.on("GET", IMAGES + "/total", Reply.ok(new JsonObject().put("images", new JsonObject().put("size", 0))));
    Map<String, String> keys = v3Keys();
    keys.put("region", "tyo1");
    keys.put("imageUrl", cloud.url(StubCloud.IMAGE + "/v2"));

    assertThat(client(Credentials.fromMap(keys), FAST).images().quota().limitBytes()).isEqualTo(550 * GIB);
  }

  @Test
  void deletingAnImageSendsADelete() {
    cloud.on("DELETE", IMAGES + "/" + ID_A, Reply.status(204));

    client().images().deleteImage(ID_A);

    assertThat(cloud.count("DELETE", IMAGES + "/" + ID_A)).isEqualTo(1);
  }

  @Test
  void anAccountWithoutGlanceInItsCatalogUsesTheComputeImageProxy() {
    KeystoneStub.v2(cloud, clock).password(PASSWORD).withoutImageService();
    cloud.on("GET", StubCloud.COMPUTE_V2 + "/images/detail", Reply.json(200, Fixtures.text("nova_proxy_images_detail.json")));
    cloud.on("GET", StubCloud.COMPUTE_V2 + "/images/d4cdb46c-281a-4e36-809e-5d10d21f447a",
        Reply.json(200, Fixtures.text("image_detail_nova_proxy.json")));
    Credentials v2 = Credentials.fromMap(Map.of("identityUrl", cloud.url(StubCloud.IDENTITY_V2), "username", "u",
        "password", PASSWORD, "tenantId", StubCloud.PROJECT, "region", KeystoneStub.REGION_V2));
    ImageService images = client(v2, FAST).images();

    assertThat(images.listImages(ImageQuery.all())).extracting(Image::status).containsExactly(ImageStatus.ACTIVE);
    assertThat(images.getImage("d4cdb46c-281a-4e36-809e-5d10d21f447a").progress()).isEqualTo(25);
    assertThatThrownBy(images::quota).hasMessageContaining("needs Glance");
  }
}
