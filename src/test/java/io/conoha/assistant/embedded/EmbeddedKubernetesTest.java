package io.conoha.assistant.embedded;

import static org.assertj.core.api.Assertions.assertThat;

import io.conoha.assistant.api.ConohaServer;
import io.conoha.assistant.api.ConohaServerSpec;
import io.conoha.assistant.api.ConohaServerStatus;
import io.conoha.assistant.api.PendingOperation;
import io.fabric8.kubernetes.api.model.ConditionBuilder;
import io.fabric8.kubernetes.api.model.ObjectMetaBuilder;
import io.fabric8.kubernetes.client.KubernetesClient;
import org.junit.jupiter.api.Test;

/** The in-process API server behaves like a real one where the operator relies on it. */
class EmbeddedKubernetesTest {

  private static ConohaServer created(KubernetesClient client) {
    ConohaServer s = new ConohaServer();
    s.setMetadata(new ObjectMetaBuilder().withName("x").withNamespace("default").build());
    s.setSpec(validSpec());
    return client.resource(s).create();
  }

  /** The API server admits only what the CRD allows. */
  static ConohaServerSpec validSpec() {
    ConohaServerSpec spec = new ConohaServerSpec();
    spec.setCredentialsSecretRef(new io.conoha.assistant.api.ResourceRef("conoha-v3"));
    spec.setFlavor("g2l-t-c2m1");
    spec.setImage("vmi-ubuntu-24.04-amd64");
    return spec;
  }

  @Test
  void servedRequestsAreNotKept() throws InterruptedException {
    try (EmbeddedKubernetes k8s = EmbeddedKubernetes.start()) {
      for (int i = 0; i < 50; i++) {
        k8s.client().namespaces().withName("default").get();
      }
      Thread.sleep(500);
      assertThat(k8s.http().takeRequest(1, java.util.concurrent.TimeUnit.MILLISECONDS))
          .as("the mock web server's queue of served requests (a heap leak at ten thousand resources) is drained")
          .isNull();
    }
  }

  @Test
  void aStatusMergePatchReplacesListsAndNullRemovesAField() {
    try (EmbeddedKubernetes k8s = EmbeddedKubernetes.start()) {
      ConohaServer s = created(k8s.client());
      s.setStatus(new ConohaServerStatus());
      s.getStatus().getConditions().add(new ConditionBuilder().withType("Ready").withStatus("False").build());
      s.getStatus().setPendingOperation(new PendingOperation("CreateServer", "t", "now"));
      s.getMetadata().setResourceVersion(null);
      k8s.client().resource(s).patchStatus();

      s.getStatus().getConditions().clear();
      s.getStatus().getConditions().add(new ConditionBuilder().withType("Ready").withStatus("True").build());
      s.getStatus().setPendingOperation(null);
      ConohaServer after = k8s.client().resource(s).patchStatus();

      assertThat(after.getStatus().getConditions()).singleElement().satisfies(c -> assertThat(c.getStatus()).isEqualTo("True"));
      assertThat(after.getStatus().getPendingOperation()).isNull();
    }
  }

  @Test
  void aStaleResourceVersionInAMergePatchIsAConflict() {
    try (EmbeddedKubernetes k8s = EmbeddedKubernetes.start()) {
      ConohaServer s = created(k8s.client());
      s.setStatus(new ConohaServerStatus());
      k8s.client().resource(s).patchStatus();
      s.getStatus().setServerId("stale");
      try {
        k8s.client().resource(s).patchStatus();
        throw new AssertionError("a stale resourceVersion must be refused");
      } catch (io.fabric8.kubernetes.client.KubernetesClientException e) {
        assertThat(e.getCode()).isEqualTo(409);
      }
    }
  }

  @Test
  void removingTheLastFinalizerOfADeletingObjectAnswersTheObject() {
    try (EmbeddedKubernetes k8s = EmbeddedKubernetes.start()) {
      ConohaServer s = created(k8s.client());
      s.getMetadata().getFinalizers().add("conoha-assistant.io/finalizer");
      s = k8s.client().resource(s).update();
      k8s.client().resource(s).delete();
      ConohaServer deleting = k8s.client().resource(s).get();

      ConohaServer answer = k8s.client().resource(deleting).edit(r -> {
        r.getMetadata().getFinalizers().clear();
        return r;
      });

      assertThat(answer).isNotNull();
      assertThat(answer.getMetadata().getName()).isEqualTo("x");
      assertThat(k8s.client().resource(s).get()).isNull();
    }
  }
}
