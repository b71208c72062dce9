package io.conoha.assistant.operator;

import static io.conoha.assistant.operator.Resources.UBUNTU;
import static io.conoha.assistant.operator.Resources.V3_PLAN;
import static io.conoha.assistant.operator.Resources.server;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.conoha.assistant.api.BootVolumeSpec;
import io.conoha.assistant.api.ConohaImage;
import io.conoha.assistant.api.ConohaServer;
import io.conoha.assistant.api.ImageSource;
import io.conoha.assistant.api.ResourceRef;
import io.conoha.assistant.api.SecretKeyRef;
import io.conoha.assistant.api.ServerState;
import io.conoha.assistant.client.ApiGeneration;
import io.conoha.assistant.sim.SimConfig;
import io.conoha.assistant.sim.SimTimings;
import io.fabric8.kubernetes.api.model.NamespaceBuilder;
import io.fabric8.kubernetes.api.model.SecretBuilder;
import io.fabric8.kubernetes.client.CustomResource;
import java.time.Duration;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Invalid and hostile specs and Secrets, all at once on one operator: each ends in its own condition reason and
 * event, no reconcile fails with an exception, and ConoHa sees no hot loop.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class BadInputCatalogTest {
  /** A bad input: the resource to apply and the Synced reason it must end in. */
  record Case(String name, String reason, CustomResource<?, ?> resource) {
    @Override
    public String toString() {
      return name + " -> " + reason;
    }
  }

  private Testbed bed;
  private final Map<String, Case> cases = new LinkedHashMap<>();

  @BeforeAll
  void applyEveryBadInput() {
    SimConfig config = SimConfig.defaults(ApiGeneration.V3).withTimings(SimTimings.fast()).withImageQuotaBytes(2L << 30);
    bed = Testbed.start(config);
    bed.kubernetes.admitInvalidObjects(); // the operator's own checks, as on a cluster that lets these through
    secrets();
    catalogue().forEach(c -> {
      cases.put(c.name(), c);
      bed.apply(c.resource());
    });
  }

  @AfterAll
  void stop() {
    bed.close();
  }

  private void secrets() {
    Map<String, String> good = bed.sim.credentialKeys();
    Map<String, String> noPassword = new HashMap<>(good);
    noPassword.remove("password");
    bed.writeCredentials("no-password", noPassword);
    Map<String, String> wrongPassword = new HashMap<>(good);
    wrongPassword.put("password", "not-the-password");
    bed.writeCredentials("wrong-password", wrongPassword);
    Map<String, String> badUrl = new HashMap<>(good);
    badUrl.put("identityUrl", "not a url");
    bed.writeCredentials("bad-url", badUrl);
    Map<String, String> v2Url = new HashMap<>(good);
    v2Url.put("identityUrl", good.get("identityUrl").replace("/v3", "/v2.0"));
    bed.writeCredentials("v2-url-on-v3", v2Url);
    bed.client.namespaces().resource(new NamespaceBuilder().withNewMetadata().withName("other").endMetadata().build()).create();
    bed.client.secrets().inNamespace("other").resource(new SecretBuilder().withNewMetadata().withName("elsewhere")
        .endMetadata().withStringData(good).build()).create();
    bed.client.secrets().inNamespace(Testbed.NS).resource(new SecretBuilder().withNewMetadata().withName("weak-pass")
        .endMetadata().withStringData(Map.of("password", "abc")).build()).create();
    bed.client.secrets().inNamespace(Testbed.NS).resource(new SecretBuilder().withNewMetadata().withName("huge-cloud-init")
        .endMetadata().withStringData(Map.of("user-data", "#cloud-config\n" + "x".repeat(20_000))).build()).create();
  }

  private static ConohaServer bad(String name, Consumer<ConohaServer> change) {
    ConohaServer s = server(name, V3_PLAN, UBUNTU, ServerState.Running);
    change.accept(s);
    return s;
  }

  private static ConohaImage badImage(String name, Consumer<ConohaImage> change) {
    ConohaImage i = Resources.importOf(name, UBUNTU);
    change.accept(i);
    return i;
  }

  private static Stream<Case> catalogue() {
    return Stream.of(
        new Case("unknown-plan", "FlavorNotFound", bad("unknown-plan", s -> s.getSpec().setFlavor("g2l-t-c99m999"))),
        new Case("unknown-image", "ImageNotFound", bad("unknown-image", s -> s.getSpec().setImage("vmi-beos-5"))),
        new Case("missing-secret", "SecretNotFound",
            bad("missing-secret", s -> s.getSpec().setCredentialsSecretRef(new ResourceRef("nope")))),
        new Case("missing-key", "CredentialsInvalid",
            bad("missing-key", s -> s.getSpec().setCredentialsSecretRef(new ResourceRef("no-password")))),
        new Case("wrong-password", "CredentialsInvalid",
            bad("wrong-password", s -> s.getSpec().setCredentialsSecretRef(new ResourceRef("wrong-password")))),
        new Case("bad-identity-url", "CredentialsInvalid",
            bad("bad-identity-url", s -> s.getSpec().setCredentialsSecretRef(new ResourceRef("bad-url")))),
        new Case("v2-url-against-v3", "CredentialsInvalid",
            bad("v2-url-against-v3", s -> s.getSpec().setCredentialsSecretRef(new ResourceRef("v2-url-on-v3")))),
        new Case("secret-in-another-namespace", "SecretNotFound",
            bad("secret-in-another-namespace", s -> s.getSpec().setCredentialsSecretRef(new ResourceRef("elsewhere")))),
        new Case("both-image-and-imageref", "InvalidSpec",
            bad("both-image-and-imageref", s -> s.getSpec().setImageRef(new ResourceRef("golden")))),
        new Case("neither-image-nor-imageref", "InvalidSpec", bad("neither-image-nor-imageref", s -> s.getSpec().setImage(null))),
        new Case("imageref-to-nothing", "ImageNotFound", bad("imageref-to-nothing", s -> {
          s.getSpec().setImage(null);
          s.getSpec().setImageRef(new ResourceRef("no-such-image"));
        })),
        new Case("odd-name-tag", "InvalidSpec", bad("odd-name-tag", s -> s.getSpec().setNameTag("web server!;rm -rf"))),
        new Case("dotted.name", "InvalidSpec", bad("dotted.name", s -> { })),
        new Case("weak-admin-password", "InvalidSpec", bad("weak-admin-password",
            s -> s.getSpec().setAdminPasswordSecretRef(new SecretKeyRef("weak-pass", "password")))),
        new Case("admin-password-key-missing", "SecretNotFound", bad("admin-password-key-missing",
            s -> s.getSpec().setAdminPasswordSecretRef(new SecretKeyRef("weak-pass", "root")))),
        new Case("huge-user-data", "InvalidSpec", bad("huge-user-data",
            s -> s.getSpec().setUserDataSecretRef(new SecretKeyRef("huge-cloud-init", "user-data")))),
        new Case("user-data-secret-missing", "SecretNotFound", bad("user-data-secret-missing",
            s -> s.getSpec().setUserDataSecretRef(new SecretKeyRef("no-cloud-init", "user-data")))),
        new Case("negative-archive-keep", "InvalidSpec", bad("negative-archive-keep", s -> s.getSpec().getArchive().setKeep(-1))),
        new Case("zero-size-boot-volume", "InvalidSpec", bad("zero-size-boot-volume", s -> {
          BootVolumeSpec v = new BootVolumeSpec();
          v.setSize(0);
          s.getSpec().setBootVolume(v);
        })),
        new Case("empty-security-group", "InvalidSpec", bad("empty-security-group", s -> s.getSpec().setSecurityGroups(List.of("default", " ")))),
        new Case("no-flavor", "InvalidSpec", bad("no-flavor", s -> s.getSpec().setFlavor(""))),
        new Case("archived-without-quota", "QuotaExceeded", bad("archived-without-quota", s -> {
          s.getSpec().setState(ServerState.Running);
        })),
        new Case("image-source-and-import", "InvalidSpec", badImage("image-source-and-import", i -> {
          ImageSource source = new ImageSource();
          source.setServerId("abc");
          i.getSpec().setSource(source);
        })),
        new Case("import-of-nothing", "ImageNotFound", badImage("import-of-nothing", i -> i.getSpec().getImportImage().setName("vmi-nope"))),
        new Case("snapshot-of-missing-server", "SourceNotFound", badImage("snapshot-of-missing-server", i -> {
          i.getSpec().setImportImage(null);
          ImageSource source = new ImageSource();
          source.setServerRef(new ResourceRef("ghost"));
          i.getSpec().setSource(source);
        })));
  }

  Stream<Case> cases() {
    return catalogue();
  }

  private String syncedReason(String name) {
    CustomResource<?, ?> r = cases.get(name).resource() instanceof ConohaServer ? bed.server(name) : bed.image(name);
    var status = r == null ? null : (io.conoha.assistant.api.ConditionedStatus) r.getStatus();
    return status == null ? null : status.condition("Synced").filter(c -> "False".equals(c.getStatus()))
        .map(c -> c.getReason()).orElse(null);
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("cases")
  void eachBadInputEndsInItsReasonAndAnEvent(Case c) {
    if (c.name().equals("archived-without-quota")) {
      bed.awaitServer(c.name(), "running first", ServerScenariosTest::ready);
      bed.editServer(c.name(), s -> { s.getSpec().setState(ServerState.Archived); return s; });
    }
    await(c.toString()).atMost(Testbed.WAIT).pollInterval(Duration.ofMillis(100)).ignoreExceptions()
        .until(() -> c.reason().equals(syncedReason(c.name())));
    await(c.name() + " event").atMost(Duration.ofSeconds(5)).until(() -> bed.hasEvent(c.name(), c.reason()));
  }

  @Test
  void noReconcileFailsWithAnExceptionAndConohaSeesNoHotLoop() {
    await("every case reported").atMost(Testbed.WAIT).pollInterval(Duration.ofMillis(200))
        .until(() -> cases.keySet().stream().filter(n -> !n.equals("archived-without-quota"))
            .allMatch(n -> syncedReason(n) != null));
    Map<String, Long> before = Map.copyOf(bed.sim.ledger().countsByOperation());
    long authBefore = bed.sim.ledger().authCount();
    await().pollDelay(Duration.ofSeconds(3)).until(() -> true);
    Map<String, Long> during = new java.util.TreeMap<>(bed.sim.ledger().countsByOperation());
    before.forEach((op, n) -> during.merge(op, -n, Long::sum));
    long calls = during.values().stream().mapToLong(Long::longValue).sum();
    assertThat(calls).as("ConoHa calls in 3 s with %d broken resources: %s", cases.size(), during).isLessThan(40);
    assertThat(bed.sim.ledger().authCount() - authBefore).as("auth attempts with a wrong password back off").isLessThan(6);
    assertThat(bed.scrape()).doesNotContainPattern("conoha_assistant_reconciliations_failure_total\\{[^}]*\\} [1-9]");
  }
}
