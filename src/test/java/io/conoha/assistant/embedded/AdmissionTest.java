package io.conoha.assistant.embedded;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.conoha.assistant.api.ConohaServer;
import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.fabric8.kubernetes.api.model.StatusCause;
import io.fabric8.kubernetes.api.model.apiextensions.v1.CustomResourceDefinition;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientException;
import io.fabric8.kubernetes.client.dsl.base.PatchContext;
import io.fabric8.kubernetes.client.dsl.base.PatchType;
import java.io.InputStream;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * A write the CRD does not allow is refused with 422 naming the field, as a real API server does: the OpenAPI
 * schema (project CRDs) and CEL rules, including a transition rule (oldSelf) of a CRD of the tests' own.
 */
class AdmissionTest {
  private static EmbeddedKubernetes k8s;
  private static KubernetesClient client;

  @BeforeAll
  static void start() throws Exception {
    k8s = EmbeddedKubernetes.start();
    client = k8s.client();
    try (InputStream in = AdmissionTest.class.getResourceAsStream("/embedded/widgets.test.conoha-assistant.io.yaml")) {
      client.resource(client.getKubernetesSerialization().unmarshal(in, CustomResourceDefinition.class)).create();
    }
  }

  @AfterAll
  static void stop() {
    k8s.close();
  }

  private static GenericKubernetesResource server(String name, Map<String, Object> spec) {
    GenericKubernetesResource server = new GenericKubernetesResource();
    server.setApiVersion("conoha-assistant.io/v1alpha1");
    server.setKind("ConohaServer");
    server.setMetadata(new io.fabric8.kubernetes.api.model.ObjectMetaBuilder().withName(name).withNamespace("default")
        .build());
    server.setAdditionalProperties(Map.of("spec", spec));
    return server;
  }

  private static List<StatusCause> refusal(GenericKubernetesResource object) {
    try {
      client.resource(object).create();
    } catch (KubernetesClientException e) {
      assertThat(e.getCode()).isEqualTo(422);
      return e.getStatus().getDetails().getCauses();
    }
    throw new AssertionError(object.getMetadata().getName() + " was admitted");
  }

  private static final Map<String, Object> VALID = Map.of("credentialsSecretRef", Map.of("name", "conoha-v3"),
      "flavor", "g2l-t-c2m1", "image", "vmi-ubuntu-24.04-amd64");

  @ParameterizedTest(name = "{0}: {2}")
  @CsvSource(delimiter = '|', textBlock = """
      state Paused         | {"state":"Paused"}                          | spec.state            | Paused
      boot volume of 0 GB  | {"bootVolume":{"size":0}}                   | spec.bootVolume.size  | minimum
      a name tag with '/'  | {"nameTag":"a/b"}                           | spec.nameTag          | pattern
      image and imageRef   | {"imageRef":{"name":"snap"}}                | spec                  | exactly one of image or imageRef must be set
      a flavor of 42       | {"flavor":42}                               | spec.flavor           | string
      """)
  void aServerTheCrdForbidsIsRefusedNamingTheField(String what, String change, String field, String message) {
    Map<String, Object> spec = new java.util.HashMap<>(VALID);
    spec.putAll(client.getKubernetesSerialization().unmarshal(change, Map.class));
    List<StatusCause> causes = refusal(server("bad-" + what.replaceAll("[^a-z0-9]", ""), spec));
    assertThat(causes).anySatisfy(c -> {
      assertThat(c.getField()).isEqualTo(field);
      assertThat(c.getMessage()).contains(message);
    });
  }

  @Test
  void aServerWithoutItsRequiredFieldsIsRefusedNamingEach() {
    assertThat(refusal(server("empty", Map.of("image", "x")))).extracting(StatusCause::getField)
        .contains("spec.credentialsSecretRef", "spec.flavor");
  }

  @Test
  void anAdmittedServerGetsTheSchemaDefaultsAndLosesUndeclaredFields() {
    Map<String, Object> spec = new java.util.HashMap<>(VALID);
    spec.put("colour", "green");
    client.resource(server("defaults", spec)).create();
    ConohaServer stored = client.resources(ConohaServer.class).inNamespace("default").withName("defaults").get();
    assertThat(stored.getSpec().getState()).hasToString("Running");
    assertThat(stored.getSpec().getDeletionPolicy()).hasToString("Delete");
    GenericKubernetesResource raw = client.genericKubernetesResources("conoha-assistant.io/v1alpha1", "ConohaServer")
        .inNamespace("default").withName("defaults").get();
    assertThat(((Map<?, ?>) raw.getAdditionalProperties().get("spec")).containsKey("colour")).isFalse();
  }

  @Test
  void aMergePatchIsCheckedOnTheObjectItProduces() {
    client.resource(server("patched", VALID)).create();
    var servers = client.genericKubernetesResources("conoha-assistant.io/v1alpha1", "ConohaServer").inNamespace("default");
    assertThatThrownBy(() -> servers.withName("patched").patch(PatchContext.of(PatchType.JSON_MERGE),
        "{\"spec\":{\"imageRef\":{\"name\":\"snap\"}}}"))
        .isInstanceOfSatisfying(KubernetesClientException.class, e -> assertThat(e.getCode()).isEqualTo(422));
    servers.withName("patched").patch(PatchContext.of(PatchType.JSON_MERGE), "{\"spec\":{\"state\":\"Stopped\"}}");
    assertThat(servers.withName("patched").get().getAdditionalProperties().get("spec").toString()).contains("Stopped");
  }

  @Test
  void anApiServerToldToAdmitInvalidObjectsStoresThemWithTheirDefaults() {
    try (EmbeddedKubernetes lenient = EmbeddedKubernetes.start().admitInvalidObjects()) {
      Map<String, Object> spec = new java.util.HashMap<>(VALID);
      spec.put("imageRef", Map.of("name", "snap"));
      lenient.client().resource(server("both", spec)).create();
      ConohaServer stored = lenient.client().resources(ConohaServer.class).inNamespace("default").withName("both").get();
      assertThat(stored.getSpec().getImageRef().getName()).isEqualTo("snap");
      assertThat(stored.getSpec().getState()).hasToString("Running");
    }
  }

  private static GenericKubernetesResource widget(String name, Map<String, Object> spec) {
    GenericKubernetesResource widget = new GenericKubernetesResource();
    widget.setApiVersion("test.conoha-assistant.io/v1");
    widget.setKind("Widget");
    widget.setMetadata(new io.fabric8.kubernetes.api.model.ObjectMetaBuilder().withName(name).withNamespace("default")
        .build());
    widget.setAdditionalProperties(Map.of("spec", spec));
    return widget;
  }

  @Test
  void aTransitionRuleComparesTheUpdateWithTheStoredObject() {
    var widgets = client.genericKubernetesResources("test.conoha-assistant.io/v1", "Widget").inNamespace("default");
    client.resource(widget("w1", Map.of("size", 3))).create(); // no oldSelf on create: the rule is skipped
    assertThatThrownBy(() -> widgets.withName("w1").patch(PatchContext.of(PatchType.JSON_MERGE),
        "{\"spec\":{\"size\":4}}"))
        .isInstanceOfSatisfying(KubernetesClientException.class, e -> {
          assertThat(e.getCode()).isEqualTo(422);
          assertThat(e.getStatus().getDetails().getCauses()).singleElement().satisfies(c -> {
            assertThat(c.getField()).isEqualTo("spec");
            assertThat(c.getMessage()).contains("size is immutable");
          });
        });
    widgets.withName("w1").patch(PatchContext.of(PatchType.JSON_MERGE), "{\"spec\":{\"colour\":\"green\"}}");
    assertThat(widgets.withName("w1").get().getAdditionalProperties().get("spec").toString()).contains("green");
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource(delimiter = '|', textBlock = """
      a red widget of 11     | 11 | red  | spec.colour | red widgets are at most 10 big
      an upper-case colour   | 2  | BLUE | spec.colour | colour must be lower case
      """)
  void ruleMessagesAndFieldPathsComeFromTheCrd(String what, int size, String colour, String field, String message) {
    List<StatusCause> causes = refusal(widget("w-" + size + colour.toLowerCase(), Map.of("size", size, "colour", colour)));
    assertThat(causes).singleElement().satisfies(c -> {
      assertThat(c.getField()).isEqualTo(field);
      assertThat(c.getMessage()).contains(message);
    });
  }

  @Test
  void aRuleThisApiCannotCompileIsNotHeldAgainstTheObject() {
    client.resource(widget("w3", Map.of("size", 3, "label", "tiny"))).create();
    assertThat(client.genericKubernetesResources("test.conoha-assistant.io/v1", "Widget").inNamespace("default")
        .withName("w3").get()).isNotNull();
  }

  @Test
  void aStatusWriteCannotChangeTheSpec() {
    client.resource(widget("w2", Map.of("size", 3))).create();
    var widgets = client.genericKubernetesResources("test.conoha-assistant.io/v1", "Widget").inNamespace("default");
    widgets.withName("w2").subresource("status").patch(PatchContext.of(PatchType.JSON_MERGE),
        "{\"spec\":{\"size\":9},\"status\":{\"phase\":\"Ready\"}}");
    GenericKubernetesResource stored = widgets.withName("w2").get();
    assertThat(stored.getAdditionalProperties().get("spec").toString()).contains("size=3");
    assertThat(stored.getAdditionalProperties().get("status").toString()).contains("Ready");
  }
}
