package io.conoha.assistant.embedded;

import io.fabric8.kubernetes.api.model.NamespaceBuilder;
import io.fabric8.kubernetes.api.model.apiextensions.v1.CustomResourceDefinition;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.server.mock.KubernetesMockServer;
import io.fabric8.mockwebserver.Context;
import io.fabric8.mockwebserver.MockWebServer;
import java.io.InputStream;
import java.net.InetAddress;
import java.util.HashMap;

/**
 * An in-process Kubernetes API (Fabric8's mock server in CRUD mode) on 127.0.0.1, with this project's CRDs
 * installed: what the demo, the benchmark and the operator tests run against when there is no cluster.
 * Writes of custom resources are admitted like in a real API server (schema, CEL rules, defaults; see
 * {@link RealisticCrudDispatcher}); {@link #serveKubectl(int)} opens it to kubectl. It has no server-side apply, no
 * RBAC and no garbage collector.
 */
public final class EmbeddedKubernetes implements AutoCloseable {
  public static final String[] CRDS = {
    "/crds/conohaservers.conoha-assistant.io-v1.yml",
    "/crds/conohaimages.conoha-assistant.io-v1.yml"
  };

  private final KubernetesMockServer server;
  private final RealisticCrudDispatcher dispatcher;
  private final KubernetesClient client;
  private final MockWebServer http;
  private final Thread forgetRequests;
  private KubectlEndpoint kubectl;

  private EmbeddedKubernetes(KubernetesMockServer server, MockWebServer http, RealisticCrudDispatcher dispatcher) {
    this.server = server;
    this.dispatcher = dispatcher;
    this.client = server.createClient();
    this.http = http;
    this.forgetRequests = new Thread(() -> forgetRequests(http), "embedded-kubernetes-forget-requests");
    forgetRequests.setDaemon(true);
    forgetRequests.start();
  }

  /**
   * The mock web server keeps every request it served, body and all, for tests that take them one by one; nothing
   * here does, and at ten thousand resources they were most of the heap (jmap: 65 000 RecordedRequests). They are
   * taken and dropped as they come.
   */
  private static void forgetRequests(MockWebServer http) {
    try {
      while (!Thread.currentThread().isInterrupted()) {
        http.takeRequest();
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  /** The mock server logs every request through java.util.logging at INFO; held so the level sticks. */
  private static final java.util.logging.Logger MOCK_LOG = java.util.logging.Logger.getLogger("io.fabric8.mockwebserver");

  static {
    MOCK_LOG.setLevel(java.util.logging.Level.WARNING);
  }

  public static EmbeddedKubernetes start() {
    RealisticCrudDispatcher dispatcher = new RealisticCrudDispatcher();
    MockWebServer http = new MockWebServer();
    KubernetesMockServer server = new KubernetesMockServer(new Context(), http, new HashMap<>(), dispatcher, false);
    try {
      server.init(InetAddress.getLoopbackAddress(), 0);
    } catch (RuntimeException e) {
      throw new IllegalStateException("could not start the in-process Kubernetes API", e);
    }
    EmbeddedKubernetes k8s = new EmbeddedKubernetes(server, http, dispatcher);
    k8s.installCrds();
    return k8s;
  }

  private void installCrds() {
    for (String crd : CRDS) {
      try (InputStream in = EmbeddedKubernetes.class.getResourceAsStream(crd)) {
        if (in == null) {
          throw new IllegalStateException(crd + " is not on the classpath: build with Maven (the CRD generator runs"
              + " at process-classes)");
        }
        client.resource(client.getKubernetesSerialization().unmarshal(in, CustomResourceDefinition.class)).create();
      } catch (java.io.IOException e) {
        throw new IllegalStateException(e);
      }
    }
  }

  public void createNamespace(String name) {
    client.namespaces().resource(new NamespaceBuilder().withNewMetadata().withName(name).endMetadata().build()).create();
  }

  /** A client for the operator or a user; each call makes a new one. */
  public KubernetesClient newClient() {
    return server.createClient();
  }

  /**
   * Serves this API to kubectl and other clients that watch over HTTP, on {@code 127.0.0.1:port} (0: a free port);
   * returns its URL. The same store answers there and at {@link #url()}.
   */
  public synchronized String serveKubectl(int port) {
    if (kubectl == null) {
      kubectl = KubectlEndpoint.start(dispatcher, port);
    }
    return kubectl.url();
  }

  /**
   * Stores custom resources that break the CRD's schema or CEL rules instead of refusing them with 422, as a cluster
   * without CEL validation (Kubernetes before 1.25) would: for tests of what the operator checks itself.
   */
  public EmbeddedKubernetes admitInvalidObjects() {
    dispatcher.refuseInvalid(false);
    return this;
  }

  /** Requests this API server has answered (watch connections count once). */
  public long requests() {
    return dispatcher.requests();
  }

  /** The same, by method and resource. */
  public java.util.Map<String, Long> requestsByKind() {
    return dispatcher.requestsByKind();
  }

  /** The web server behind this API, for this package's tests. */
  MockWebServer http() {
    return http;
  }

  /** The dispatcher behind this API, for this package's tests of its store. */
  RealisticCrudDispatcher dispatcher() {
    return dispatcher;
  }

  public KubernetesClient client() {
    return client;
  }

  /** The API server URL, e.g. for a kubeconfig. */
  public String url() {
    return server.url("/");
  }

  @Override
  public void close() {
    if (kubectl != null) {
      kubectl.close();
    }
    client.close();
    server.destroy();
    forgetRequests.interrupt();
  }
}
