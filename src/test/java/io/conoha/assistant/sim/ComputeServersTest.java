package io.conoha.assistant.sim;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.conoha.assistant.client.ApiGeneration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/** Nova servers and flavors as ConoHa serves them (one v2 and one v3 simulator shared by the scenarios). */
class ComputeServersTest extends OnBothGenerations {
  private static final Pattern UUID = Pattern.compile("[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}");
  @Test
  void flavorsCarryConohasPlanNamesWithUuidIds() {
    Map<String, Integer> v2Disks = disks(v2.get(v2.compute("/flavors/detail")).json());
    assertThat(v2Disks).containsEntry("g-c1m512d30", 30).containsEntry("g-c2m1d100", 100)
        .containsEntry("g-c4m4d100", 100).containsEntry("g-c8m16d100", 100)
        .containsEntry("g-512mb", 20).containsEntry("g-1gb", 50).containsEntry("g-2gb", 50);

    JsonNode v3Flavors = v3.get(v3.compute("/flavors/detail")).json().path("flavors");
    assertThat(disks(v3.get(v3.compute("/flavors/detail")).json())).containsEntry("g2l-t-c1m512", 0)
        .containsEntry("g2l-t-c2m1", 0).containsEntry("g2l-t-c6m8", 0).containsEntry("g2w-t-c2m1", 0)
        .containsEntry("g2d-t-c1m2d30", 30).containsEntry("g2d-t-c6m16d240", 240);
    for (JsonNode f : v3Flavors) {
      assertThat(f.path("id").asText()).matches(UUID);
      assertThat(f.path("links").get(0).path("href").asText()).startsWith(v3.compute("/flavors/"));
    }
    JsonNode one = v3.get(v3.compute("/flavors/" + v3.flavorId("g2l-t-c2m1"))).json().path("flavor");
    assertThat(one.path("ram").asInt()).isEqualTo(1024);
    assertThat(one.path("vcpus").asInt()).isEqualTo(2);
  }

  @Test
  void aNewServerBuildsThenRunsNamedAfterItsAddressWithItsNameTag() {
    SimHttp.Resp created = v2.post(v2.compute("/servers"), Map.of("server", Map.of(
        "flavorRef", v2.flavorId("g-c2m1d100"), "imageRef", v2.imageId("vmi-ubuntu-24.04-amd64"),
        "adminPass", "Sim-Root-Pass1", "metadata", Map.of("instance_name_tag", "minecraft", "owner", "team-a"))));

    assertThat(created.status()).isEqualTo(202);
    JsonNode server = created.json().path("server");
    String id = server.path("id").asText();
    assertThat(id).matches(UUID);
    assertThat(server.path("adminPass").asText()).isEqualTo("Sim-Root-Pass1");
    assertThat(created.header("Location")).isEqualTo(v2.compute("/servers/" + id));
    assertThat(v2.server(id).path("status").asText()).isEqualTo("BUILD");
    assertThat(v2.server(id).path("OS-EXT-STS:vm_state").asText()).isEqualTo("building");

    v2.awaitServerStatus(id, "ACTIVE");
    JsonNode detail = v2.server(id);
    String ipv4 = ipv4(detail);
    assertThat(detail.path("name").asText()).isEqualTo(ipv4.replace('.', '-'));
    assertThat(detail.path("metadata").path("instance_name_tag").asText()).isEqualTo("minecraft");
    assertThat(detail.path("metadata").path("owner").asText()).isEqualTo("team-a");
    assertThat(detail.path("OS-EXT-STS:power_state").asInt()).isEqualTo(1);
    assertThat(detail.path("OS-EXT-STS:task_state").isNull()).isTrue();
    assertThat(detail.path("image").path("id").asText()).isEqualTo(v2.imageId("vmi-ubuntu-24.04-amd64"));
    assertThat(detail.path("flavor").path("id").asText()).isEqualTo(v2.flavorId("g-c2m1d100"));
    assertThat(detail.path("tenant_id").asText()).isEqualTo(v2.sim.config().tenantId());
    assertThat(detail.path("os-extended-volumes:volumes_attached").isArray()).isTrue();
    assertThat(detail.path("OS-SRV-USG:launched_at").asText()).isNotEmpty();
    assertThat(detail.path("links").get(1).path("rel").asText()).isEqualTo("bookmark");
  }

  @Test
  void aServerWithoutANameTagIsTaggedWithItsRequestedNameOrElseItsAddress() {
    String named = v3.createServer("g2d-t-c1m2d30", "vmi-debian-12-amd64", Map.of("name", "web-1"));
    String unnamed = v3.createServer("g2d-t-c1m2d30", "vmi-debian-12-amd64", Map.of());

    assertThat(v3.server(named).path("metadata").path("instance_name_tag").asText()).isEqualTo("web-1");
    assertThat(v3.server(unnamed).path("metadata").path("instance_name_tag").asText())
        .isEqualTo(v3.server(unnamed).path("name").asText());
  }

  @Test
  void metadataCanBeReadMergedReplacedAndEditedItemByItem() {
    String id = v2.createServer("g-c1m512d30", "vmi-debian-12-amd64", Map.of("metadata", Map.of("a", "1")));
    String url = v2.compute("/servers/" + id + "/metadata");

    SimHttp.Resp merged = v2.post(url, Map.of("metadata", Map.of("b", "2")));
    assertThat(merged.status()).isEqualTo(200);
    assertThat(merged.json().path("metadata").path("a").asText()).isEqualTo("1");
    assertThat(merged.json().path("metadata").path("b").asText()).isEqualTo("2");

    assertThat(v2.put(url + "/IsDeleteLocked", Map.of("meta", Map.of("IsDeleteLocked", "True"))).status())
        .isEqualTo(200);
    assertThat(v2.get(url + "/IsDeleteLocked").json().path("meta").path("IsDeleteLocked").asText()).isEqualTo("True");
    assertThat(v2.delete(url + "/b").status()).isEqualTo(204);
    assertThat(v2.get(url + "/b").status()).isEqualTo(404);

    SimHttp.Resp replaced = v2.put(url, Map.of("metadata", Map.of("only", "this")));
    assertThat(replaced.json().path("metadata").size()).isEqualTo(1);
    assertThat(v2.get(url).json().path("metadata").fieldNames()).toIterable().containsExactly("only");
  }

  @Test
  void metadataKeysAndValuesFollowNovasRules() {
    String id = v3.createServer("g2d-t-c1m2d30", "vmi-debian-12-amd64", Map.of());
    String url = v3.compute("/servers/" + id + "/metadata");

    SimHttp.Resp badKey = v3.post(url, Map.of("metadata", Map.of("bad/key", "x")));
    SimHttp.Resp longValue = v3.post(url, Map.of("metadata", Map.of("ok", "v".repeat(256))));
    SimHttp.Resp fine = v3.post(url, Map.of("metadata", Map.of("a-b_c:d.e f", "v".repeat(255))));

    assertThat(badKey.status()).isEqualTo(400);
    assertThat(badKey.json().path("badRequest").path("message").asText()).contains("bad/key");
    assertThat(longValue.status()).isEqualTo(400);
    assertThat(fine.status()).isEqualTo(200);
    SimHttp.Resp atCreate = v3.post(v3.compute("/servers"), Map.of("server", Map.of(
        "flavorRef", v3.flavorId("g2d-t-c1m2d30"), "imageRef", v3.imageId("vmi-debian-12-amd64"),
        "metadata", Map.of("k", "v".repeat(300)))));
    assertThat(atCreate.status()).isEqualTo(400);
  }

  @Test
  void serverListsPageWithLimitMarkerAndServersLinksNewestFirst() {
    SimHttp http = SimHttp.fast(ApiGeneration.V2);
    try (http) {
      http.login();
      List<String> created = new ArrayList<>();
      for (int i = 0; i < 5; i++) {
        created.add(http.sim.admin().createServer("paged-" + i, "g-c1m512d30", "vmi-debian-12-amd64", Map.of()));
      }
      List<String> seen = new ArrayList<>();
      String next = http.compute("/servers/detail?limit=2");
      int pages = 0;
      while (next != null) {
        JsonNode page = http.get(next).json();
        page.path("servers").forEach(s -> seen.add(s.path("id").asText()));
        JsonNode links = page.path("servers_links");
        next = links.isEmpty() ? null : links.get(0).path("href").asText();
        pages++;
      }
      assertThat(pages).isEqualTo(3);
      java.util.Collections.reverse(created);
      assertThat(seen).containsExactlyElementsOf(created);

      JsonNode summary = http.get(http.compute("/servers")).json().path("servers").get(0);
      assertThat(summary.fieldNames()).toIterable().containsExactlyInAnyOrder("id", "name", "links");
      assertThat(http.get(http.compute("/servers?marker=nope")).status()).isEqualTo(400);
      assertThat(http.get(http.compute("/servers/detail?status=ACTIVE")).json().path("servers").size()).isEqualTo(5);
      assertThat(http.get(http.compute("/servers/detail?status=SHUTOFF")).json().path("servers").size()).isZero();
    }
  }

  @Test
  void aRecreatedServerGetsANewAddress() {
    String first = v2.createServer("g-c1m512d30", "vmi-debian-12-amd64", Map.of());
    v2.awaitServerStatus(first, "ACTIVE");
    String firstIp = ipv4(v2.server(first));
    assertThat(v2.delete(v2.compute("/servers/" + first)).status()).isEqualTo(204);

    String second = v2.createServer("g-c1m512d30", "vmi-debian-12-amd64", Map.of());
    v2.awaitServerStatus(second, "ACTIVE");
    assertThat(ipv4(v2.server(second))).isNotEqualTo(firstIp);
  }

  @Test
  void aDeletedServerGoesThroughDeletingAndThenAnswersNovas404() {
    String id = v3.createServer("g2d-t-c1m2d30", "vmi-debian-12-amd64", Map.of());
    assertThat(v3.delete(v3.compute("/servers/" + id)).status()).isEqualTo(204);
    assertThat(v3.server(id).path("OS-EXT-STS:task_state").asText()).isEqualTo("deleting");

    org.awaitility.Awaitility.await().until(() -> v3.get(v3.compute("/servers/" + id)).status() == 404);
    JsonNode fault = v3.get(v3.compute("/servers/" + id)).json();
    assertThat(fault.path("itemNotFound").path("code").asInt()).isEqualTo(404);
    assertThat(fault.path("itemNotFound").path("message").asText())
        .isEqualTo("Instance " + id + " could not be found.");
    assertThat(v3.delete(v3.compute("/servers/" + id)).status()).isEqualTo(404);
  }

  @Test
  void theV2PathCarriesTheTenantAndRefusesAnotherOne() {
    String other = v2.compute("/servers").replace(v2.sim.config().tenantId(), "0000000000000000000000000000ffff");
    SimHttp.Resp r = v2.get(other);
    assertThat(r.status()).isEqualTo(400);
    assertThat(r.json().path("badRequest").path("message").asText()).contains("doesn't match");
    assertThat(v3.compute("/servers")).endsWith("/compute/v2.1/servers");
  }

  private static String ipv4(JsonNode server) {
    for (JsonNode network : iterable(server.path("addresses"))) {
      for (JsonNode address : network) {
        if (address.path("version").asInt() == 4) {
          return address.path("addr").asText();
        }
      }
    }
    throw new AssertionError("no IPv4 address in " + server.path("addresses"));
  }

  private static Iterable<JsonNode> iterable(JsonNode object) {
    List<JsonNode> values = new ArrayList<>();
    object.elements().forEachRemaining(values::add);
    return values;
  }

  private static Map<String, Integer> disks(JsonNode flavors) {
    Map<String, Integer> out = new HashMap<>();
    flavors.path("flavors").forEach(f -> out.put(f.path("name").asText(), f.path("disk").asInt()));
    return out;
  }
}
