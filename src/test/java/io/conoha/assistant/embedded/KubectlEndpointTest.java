package io.conoha.assistant.embedded;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.conoha.assistant.api.ConohaServer;
import io.conoha.assistant.api.ServerState;
import io.fabric8.kubernetes.api.model.ObjectMetaBuilder;
import java.io.BufferedReader;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/** What kubectl relies on, over plain HTTP: discovery, Tables, and watches that catch up from a resourceVersion. */
class KubectlEndpointTest {
  private static final String SERVERS = "/apis/conoha-assistant.io/v1alpha1/namespaces/default/conohaservers";
  private final HttpClient http = HttpClient.newHttpClient();

  private JsonNode get(String url, String accept) throws Exception {
    HttpResponse<String> response = http.send(HttpRequest.newBuilder(URI.create(url)).header("Accept", accept).build(),
        HttpResponse.BodyHandlers.ofString());
    assertThat(response.statusCode()).as(url).isEqualTo(200);
    return Json.read(response.body());
  }

  private static ConohaServer server(String name) {
    ConohaServer s = new ConohaServer();
    s.setMetadata(new ObjectMetaBuilder().withName(name).withNamespace("default").build());
    s.setSpec(EmbeddedKubernetesTest.validSpec());
    return s;
  }

  @Test
  void discoveryNamesTheShortNamesAndCategoriesOfTheCrds() throws Exception {
    try (EmbeddedKubernetes k8s = EmbeddedKubernetes.start()) {
      String url = k8s.serveKubectl(0);
      JsonNode list = get(url + "/apis/conoha-assistant.io/v1alpha1", "application/json");
      assertThat(list.path("resources").findValuesAsText("name")).contains("conohaservers", "conohaservers/status",
          "conohaimages");
      assertThat(list.toString()).contains("\"shortNames\":[\"chs\"]", "\"categories\":[\"conoha\"]");
      assertThat(get(url + "/apis", "application/json").toString()).contains("conoha-assistant.io/v1alpha1");
    }
  }

  @Test
  void aTableFollowsThePrinterColumns() throws Exception {
    try (EmbeddedKubernetes k8s = EmbeddedKubernetes.start()) {
      String url = k8s.serveKubectl(0);
      k8s.client().resource(server("web")).create();
      JsonNode table = get(url + SERVERS, "application/json;as=Table;v=v1;g=meta.k8s.io,application/json");
      assertThat(table.path("columnDefinitions").findValuesAsText("name"))
          .containsExactly("Name", "State", "Phase", "Ready", "Flavor", "IPv4", "Effective", "Next", "Age");
      assertThat(table.path("rows").get(0).path("cells").get(4).asText()).isEqualTo("g2l-t-c2m1");
      assertThat(table.path("rows").get(0).path("cells").get(1).asText()).isEqualTo("Running"); // the default
    }
  }

  @Test
  void aWatchFromAListsResourceVersionGetsWhatChangedSince() throws Exception {
    try (EmbeddedKubernetes k8s = EmbeddedKubernetes.start()) {
      String url = k8s.serveKubectl(0);
      k8s.client().resource(server("web")).create();
      String listed = get(url + SERVERS, "application/json").path("metadata").path("resourceVersion").asText();
      SpecEdits.edit(k8s.client().resources(ConohaServer.class).inNamespace("default").withName("web"), s -> {
        s.getSpec().setState(ServerState.Stopped);
        return s;
      });
      HttpResponse<InputStream> watch = http.send(HttpRequest.newBuilder(URI.create(url + SERVERS
          + "?watch=true&resourceVersion=" + listed + "&timeoutSeconds=5")).timeout(Duration.ofSeconds(10)).build(),
          HttpResponse.BodyHandlers.ofInputStream());
      try (BufferedReader events = new BufferedReader(new InputStreamReader(watch.body(), StandardCharsets.UTF_8))) {
        JsonNode event = Json.read(events.readLine());
        assertThat(event.path("type").asText()).isEqualTo("MODIFIED");
        assertThat(event.path("object").path("spec").path("state").asText()).isEqualTo("Stopped");
      }
    }
  }
}
