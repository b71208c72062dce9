package io.conoha.assistant.sim;

import static org.assertj.core.api.Assertions.assertThat;

import io.conoha.assistant.client.ApiGeneration;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** What a real cloud answers to bad server creates: 400 badRequest with Nova's message, nothing created. */
class CreateValidationTest extends OnBothGenerations {
  /** A valid v2 create body with some fields changed (null removes a field). */
  private Map<String, Object> v2Server(Map<String, Object> changes) {
    Map<String, Object> server = new HashMap<>();
    server.put("flavorRef", v2.flavorId("g-c2m1d100"));
    server.put("imageRef", v2.imageId("vmi-ubuntu-24.04-amd64"));
    changes.forEach((k, v) -> {
      if (v == null) {
        server.remove(k);
      } else {
        server.put(k, v);
      }
    });
    return Map.of("server", server);
  }

  private SimHttp.Resp createV2(Map<String, Object> changes) {
    return v2.post(v2.compute("/servers"), v2Server(changes));
  }

  private static String badRequestMessage(SimHttp.Resp r) {
    assertThat(r.status()).as(r.body()).isEqualTo(400);
    assertThat(r.json().path("badRequest").path("code").asInt()).isEqualTo(400);
    return r.json().path("badRequest").path("message").asText();
  }

  @Test
  void invalidJsonIsAMalformedRequestBody() {
    int servers = v2.sim.ledger().state().servers().size();
    SimHttp.Resp r = v2.postRaw(v2.compute("/servers"), "{\"server\": {\"flavorRef\": ");
    assertThat(badRequestMessage(r)).isEqualTo("Malformed request body");
    assertThat(v2.sim.ledger().state().servers()).hasSize(servers);
  }

  @Test
  void aMissingServerObjectOrFlavorRefIsASchemaError() {
    assertThat(badRequestMessage(v2.post(v2.compute("/servers"), Map.of("srv", Map.of()))))
        .contains("'server' is a required property");
    assertThat(badRequestMessage(createV2(new HashMap<>(Map.of("flavorRef", "")))))
        .contains("flavorRef");
  }

  @Test
  void unknownFlavorsAndImagesAreBadRequests() {
    assertThat(badRequestMessage(createV2(Map.of("flavorRef", "no-such-flavor"))))
        .isEqualTo("Flavor no-such-flavor could not be found.");
    assertThat(badRequestMessage(createV2(Map.of("imageRef", "00000000-0000-0000-0000-00000000abcd"))))
        .isEqualTo("Can not find requested image");
  }

  @Test
  void adminPassMustFollowConohasRulesAndIsNeverEchoedInErrors() {
    for (String bad : List.of("Short1!", "alllowercase123", "ALLUPPERCASE123", "NoDigitsOrSymbols",
        "Has Space 123", "A1b" + "x".repeat(68))) {
      String message = badRequestMessage(createV2(Map.of("adminPass", bad)));
      assertThat(message).startsWith("Invalid adminPass").doesNotContain(bad);
    }
    SimHttp.Resp ok = createV2(Map.of("adminPass", "Conoha-Pass9"));
    assertThat(ok.status()).isEqualTo(202);
    assertThat(ok.json().path("server").path("adminPass").asText()).isEqualTo("Conoha-Pass9");
  }

  @Test
  void v3AdminPassNeedsADigitAndASymbol() {
    String volume = v3.createBootVolume("vmi-ubuntu-24.04-amd64");
    Map<String, Object> server = new HashMap<>(Map.of("flavorRef", v3.flavorId("g2l-t-c2m1"),
        "block_device_mapping_v2", List.of(Map.of("uuid", volume)), "adminPass", "NoSymbolPass123"));
    assertThat(badRequestMessage(v3.post(v3.compute("/servers"), Map.of("server", server))))
        .contains("digits and symbols");
    server.put("adminPass", "With-Symbol-123");
    assertThat(v3.post(v3.compute("/servers"), Map.of("server", server)).status()).isEqualTo(202);
  }

  @Test
  void userDataMustBeBase64OfAtMost16KiBStartingWithACloudInitHeader() {
    assertThat(badRequestMessage(createV2(Map.of("user_data", "not base64 !!!"))))
        .isEqualTo("User data needs to be valid base 64.");
    String tooBig = "#cloud-config\n" + "a".repeat(16 * 1024);
    assertThat(badRequestMessage(createV2(Map.of("user_data", b64(tooBig))))).contains("too large");
    assertThat(badRequestMessage(createV2(Map.of("user_data", b64("echo hello"))))).contains("#cloud-config");

    String justFits = "#cloud-config\n" + "a".repeat(16 * 1024 - "#cloud-config\n".length());
    assertThat(createV2(Map.of("user_data", b64(justFits))).status()).isEqualTo(202);
    assertThat(createV2(Map.of("user_data", b64("#!/bin/sh\necho hi\n"))).status()).isEqualTo(202);
  }

  @Test
  void aDiskZeroPlanWithoutABootVolumeIsRefused() {
    SimHttp.Resp r = v3.post(v3.compute("/servers"), Map.of("server", Map.of(
        "flavorRef", v3.flavorId("g2l-t-c2m1"), "imageRef", v3.imageId("vmi-ubuntu-24.04-amd64"))));
    assertThat(badRequestMessage(r)).isEqualTo("Only volume-backed servers are allowed for flavors with zero disk.");
  }

  @Test
  void aPlanWhoseDiskIsSmallerThanTheImageIsRefused() {
    SimHttp.Resp r = createV2(Map.of("flavorRef", v2.flavorId("g-c1m512d30"),
        "imageRef", v2.imageId("vmi-ubuntu-20.04-amd64-100gb")));
    assertThat(badRequestMessage(r)).startsWith("Flavor's disk is too small for requested image.");
    assertThat(createV2(Map.of("flavorRef", v2.flavorId("g-c1m512d30"),
        "imageRef", v2.imageId("vmi-ubuntu-20.04-amd64-30gb"))).status()).isEqualTo(202);
  }

  @Test
  void securityGroupsMustBeConohasPredefinedOnes() {
    assertThat(createV2(Map.of("security_groups", List.of(Map.of("name", "default"),
        Map.of("name", "gncs-ipv4-all")))).status()).isEqualTo(202);
    assertThat(badRequestMessage(createV2(Map.of("security_groups", List.of(Map.of("name", "IPv4v6-SSH"))))))
        .contains("IPv4v6-SSH");
  }

  @Test
  void tooManyMetadataItemsExceedTheQuota() {
    Map<String, String> metadata = new HashMap<>();
    for (int i = 0; i < 128; i++) {
      metadata.put("k" + i, "v");
    }
    SimHttp.Resp r = createV2(Map.of("metadata", metadata));
    assertThat(r.status()).isEqualTo(403);
    assertThat(r.json().path("forbidden").path("message").asText()).contains("metadata_items");
  }

  @Test
  void aFailedCreateLeavesNothingBehindAndIsStillCounted() {
    long before = v2.sim.ledger().count("servers.create");
    int servers = v2.sim.ledger().state().servers().size();
    createV2(Map.of("flavorRef", "nope"));
    assertThat(v2.sim.ledger().count("servers.create")).isEqualTo(before + 1);
    assertThat(v2.sim.ledger().state().servers()).hasSize(servers);
  }

  private static String b64(String text) {
    return Base64.getEncoder().encodeToString(text.getBytes(StandardCharsets.UTF_8));
  }
}
