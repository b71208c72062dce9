package io.conoha.assistant.embedded;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.fabric8.kubernetes.api.model.ConfigMapBuilder;
import io.fabric8.kubernetes.api.model.SecretBuilder;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.mockwebserver.crud.AttributeSet;
import io.fabric8.mockwebserver.http.MockResponse;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/** The in-process API's store answers a read of one object from its name index exactly as a full scan would. */
class IndexedObjectsTest {

  private static final List<String> PATHS = List.of(
      "/api/v1/namespaces/a/secrets/web",
      "/api/v1/namespaces/b/secrets/web",
      "/api/v1/namespaces/a/configmaps/web",
      "/api/v1/namespaces/b/configmaps/web",
      "/api/v1/namespaces/a/secrets/db",
      "/api/v1/namespaces/a/secrets/gone",
      "/api/v1/namespaces/c/secrets/web",
      "/apis/conoha-assistant.io/v1alpha1/namespaces/a/conohaservers/web");

  @Test
  @DisplayName("objects of one name in other namespaces and kinds, patched, replaced and deleted: each named read"
      + " gives what a scan of every stored object gives")
  void namedReadsAgreeWithAScan() {
    try (EmbeddedKubernetes k8s = EmbeddedKubernetes.start()) {
      KubernetesClient client = k8s.client();
      k8s.createNamespace("a");
      k8s.createNamespace("b");
      for (String ns : List.of("a", "b")) {
        client.secrets().inNamespace(ns).resource(secret("web", ns)).create();
        client.configMaps().inNamespace(ns).resource(new ConfigMapBuilder().withNewMetadata().withName("web")
            .withNamespace(ns).endMetadata().addToData("k", ns).build()).create();
      }
      client.secrets().inNamespace("a").resource(secret("db", "a")).create();
      client.secrets().inNamespace("a").resource(secret("gone", "a")).create();
      client.secrets().inNamespace("a").withName("web").edit(s -> new SecretBuilder(s).addToStringData("x", "1").build());
      client.configMaps().inNamespace("b").withName("web").edit(c -> new ConfigMapBuilder(c).addToData("k", "b2")
          .build());
      client.secrets().inNamespace("a").withName("gone").delete();

      RealisticCrudDispatcher dispatcher = k8s.dispatcher();
      for (String path : PATHS) {
        MockResponse indexed = dispatcher.handleGet(path);
        Optional<String> scanned = scan(dispatcher, path);
        assertThat(indexed.code()).as(path).isEqualTo(scanned.isPresent() ? 200 : 404);
        scanned.ifPresent(body -> assertThat(indexed.getBody().readUtf8()).as(path).isEqualTo(body));
      }
      assertThat(dispatcher.handleGet("/api/v1/namespaces/b/configmaps/web").getBody().readUtf8()).contains("b2");
      assertThat(dispatcher.handleGet("/api/v1/namespaces/a/secrets/gone").code()).isEqualTo(404);
    }
  }

  @Test
  @DisplayName("an object created by generateName (as events are) is stored and read back by the name it got")
  void generatedNamesAreIndexed() {
    try (EmbeddedKubernetes k8s = EmbeddedKubernetes.start()) {
      k8s.createNamespace("a");
      var created = k8s.client().secrets().inNamespace("a").resource(new SecretBuilder().withNewMetadata()
          .withGenerateName("web-").withNamespace("a").endMetadata().build()).create();
      assertThat(created.getMetadata().getName()).startsWith("web-");
      assertThat(k8s.client().secrets().inNamespace("a").withName(created.getMetadata().getName()).get()).isNotNull();
    }
  }

  @Test
  @DisplayName("a list still comes from the mock's scan, in the order objects were stored")
  void listsAreTheMocksOwn() {
    try (EmbeddedKubernetes k8s = EmbeddedKubernetes.start()) {
      k8s.createNamespace("a");
      for (String name : List.of("c", "a", "b")) {
        k8s.client().secrets().inNamespace("a").resource(secret(name, "a")).create();
      }
      assertThat(k8s.client().secrets().inNamespace("a").list().getItems())
          .extracting(s -> s.getMetadata().getName()).containsExactly("c", "a", "b");
    }
  }

  @Test
  @DisplayName("a change to the store that would pass the index by is refused, not silently unindexed")
  void changesOtherThanPutAndRemoveAreRefused() {
    try (EmbeddedKubernetes k8s = EmbeddedKubernetes.start()) {
      Map<AttributeSet, String> store = k8s.dispatcher().getMap();
      assertThatThrownBy(() -> store.computeIfAbsent(new AttributeSet(), k -> "{}"))
          .isInstanceOf(UnsupportedOperationException.class);
      assertThatThrownBy(() -> store.entrySet().clear()).isInstanceOf(UnsupportedOperationException.class);
    }
  }

  private static Optional<String> scan(RealisticCrudDispatcher dispatcher, String path) {
    AttributeSet query = dispatcher.getAttributeExtractor().fromPath(path);
    synchronized (dispatcher.getMap()) {
      return dispatcher.getMap().entrySet().stream().filter(e -> e.getKey().matches(query)).map(Map.Entry::getValue)
          .findFirst();
    }
  }

  private static io.fabric8.kubernetes.api.model.Secret secret(String name, String namespace) {
    return new SecretBuilder().withNewMetadata().withName(name).withNamespace(namespace).endMetadata()
        .addToStringData("v", name + "@" + namespace).build();
  }
}
