package io.conoha.assistant.ship;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Named;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The Argo CD health check (deploy/argocd/health.lua, one script for both kinds) runs as Argo CD runs them, on the samples under
 * src/test/resources/ship/health/ (Argo CD's health_test.yaml format) and on every condition reason the operator
 * uses.
 */
@DisplayName("Argo CD health")
class ArgoCdHealthTest {
  static final String SAMPLES = "src/test/resources/ship/health/";

  // The condition reasons the operator sets (decided for issue 7), by what they mean for the user.
  static final List<String> SERVER_SYNCED_USER_MUST_FIX = List.of("InvalidSpec", "SecretNotFound", "CredentialsInvalid",
      "FlavorNotFound", "ImageNotFound", "QuotaExceeded", "DeleteLocked", "DuplicateServers", "ImmutableFieldChanged", "SaveFailed");
  static final List<String> SERVER_SYNCED_TRANSIENT = List.of("ApiUnavailable", "RateLimited", "Waiting");
  static final List<String> SERVER_READY_USER_MUST_FIX = List.of("ServerError");
  static final List<String> SERVER_READY_TRANSIENT = List.of("Creating", "Starting", "Stopping", "Resizing", "Archiving",
      "Restoring", "Snapshotting", "Deleting", "Pending");
  static final List<String> IMAGE_SYNCED_USER_MUST_FIX = List.of("InvalidSpec", "SecretNotFound", "CredentialsInvalid",
      "SourceNotFound", "ImageNotFound", "QuotaExceeded", "DuplicateImages", "SaveFailed");
  static final List<String> IMAGE_SYNCED_TRANSIENT = List.of("ApiUnavailable", "RateLimited", "SourceBusy", "InUse", "Waiting");
  static final List<String> IMAGE_READY_USER_MUST_FIX = List.of("SaveFailed", "SourceNotFound");
  static final List<String> IMAGE_READY_TRANSIENT = List.of("Pending", "Stopping", "Saving", "Deleting", "InUse");

  enum Kind {
    ConohaServer("conohaserver"), ConohaImage("conohaimage");

    final String dir;

    Kind(String dir) {
      this.dir = dir;
    }

    private String script;
    private OpenApiValidator schema;

    synchronized String script() {
      if (script == null) {
        script = ShipFiles.read(ArgoCdHealthCopiesTest.SOURCE_DIR + "health.lua");
      }
      return script;
    }

    synchronized OpenApiValidator schema() {
      if (schema == null) {
        schema = OpenApiValidator.forCrd("crds/" + dir + "s.conoha-assistant.io-v1.yml", "v1alpha1");
      }
      return schema;
    }
  }

  static Stream<Arguments> samples() {
    List<Arguments> all = new ArrayList<>();
    for (Kind kind : Kind.values()) {
      JsonNode tests = ShipFiles.yamlDocuments(ShipFiles.read(SAMPLES + kind.dir + "/health_test.yaml")).get(0).get("tests");
      for (JsonNode t : tests) {
        String input = SAMPLES + kind.dir + "/" + t.get("inputPath").asText();
        String text = ShipFiles.read(input);
        String scenario = text.startsWith("# ") ? text.substring(2, text.indexOf('\n')) : input;
        all.add(Arguments.of(Named.of(scenario, kind), ShipFiles.yamlDocuments(text).get(0),
            new LuaHealth.Health(t.at("/healthStatus/status").asText(), t.at("/healthStatus/message").asText()), input));
      }
    }
    return all.stream();
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("samples")
  @DisplayName("sample")
  void sample(Kind kind, JsonNode object, LuaHealth.Health expected, String input) {
    assertThat(object.get("kind").asText()).as(input).isEqualTo(kind.name());
    assertThat(kind.schema().validate(object)).as("%s is a valid %s", input, kind).isEmpty();
    assertThat(LuaHealth.run(kind.script(), object)).as(input).isEqualTo(expected);
  }

  @ParameterizedTest(name = "{0}")
  @EnumSource(Kind.class)
  @DisplayName("at least ten samples per kind, covering each health status the checks return")
  void enoughSamples(Kind kind) {
    List<String> statuses = samples().filter(a -> a.get()[0] instanceof Named<?> n && n.getPayload() == kind)
        .map(a -> ((LuaHealth.Health) a.get()[2]).status()).toList();
    assertThat(statuses).hasSizeGreaterThanOrEqualTo(10).contains("Healthy", "Progressing", "Degraded");
  }

  /** A resource at generation 2, observed, with the given Ready and Synced conditions (null = absent). */
  static JsonNode resource(Kind kind, String[] ready, String[] synced) {
    ObjectNode o = ShipFiles.JSON.createObjectNode();
    o.put("apiVersion", "conoha-assistant.io/v1alpha1").put("kind", kind.name());
    o.putObject("metadata").put("name", "r").put("namespace", "ns").put("generation", 2);
    ObjectNode status = o.putObject("status").put("observedGeneration", 2);
    var conditions = status.putArray("conditions");
    for (String[] c : new String[][] {ready, synced}) {
      if (c != null) {
        conditions.addObject().put("type", c[0]).put("status", c[1]).put("reason", c[2]).put("message", "because")
            .put("observedGeneration", 2).put("lastTransitionTime", "2025-06-01T10:00:00Z");
      }
    }
    return o;
  }

  static Stream<Arguments> reasons() {
    List<Arguments> all = new ArrayList<>();
    String[] readyTrue = {"Ready", "True", "Available"};
    String[] syncedTrue = {"Synced", "True", "ReconcileSuccess"};
    for (Kind kind : Kind.values()) {
      boolean server = kind == Kind.ConohaServer;
      for (String r : server ? SERVER_SYNCED_USER_MUST_FIX : IMAGE_SYNCED_USER_MUST_FIX) {
        all.add(Arguments.of(Named.of("a " + kind + " whose Synced reason is " + r + " is Degraded", kind),
            resource(kind, new String[] {"Ready", "False", "Pending"}, new String[] {"Synced", "False", r}), "Degraded"));
        all.add(Arguments.of(Named.of("a Ready " + kind + " whose Synced reason is " + r + " is still Degraded", kind),
            resource(kind, readyTrue, new String[] {"Synced", "False", r}), "Degraded"));
      }
      for (String r : server ? SERVER_SYNCED_TRANSIENT : IMAGE_SYNCED_TRANSIENT) {
        all.add(Arguments.of(Named.of("a not-Ready " + kind + " whose Synced reason is " + r + " is Progressing", kind),
            resource(kind, new String[] {"Ready", "False", "Pending"}, new String[] {"Synced", "False", r}), "Progressing"));
        all.add(Arguments.of(Named.of("a Ready " + kind + " whose Synced reason is " + r + " stays Healthy", kind),
            resource(kind, readyTrue, new String[] {"Synced", "False", r}), "Healthy"));
      }
      for (String r : server ? SERVER_READY_USER_MUST_FIX : IMAGE_READY_USER_MUST_FIX) {
        all.add(Arguments.of(Named.of("a " + kind + " whose Ready reason is " + r + " is Degraded", kind),
            resource(kind, new String[] {"Ready", "False", r}, syncedTrue), "Degraded"));
      }
      for (String r : server ? SERVER_READY_TRANSIENT : IMAGE_READY_TRANSIENT) {
        all.add(Arguments.of(Named.of("a " + kind + " whose Ready reason is " + r + " is Progressing", kind),
            resource(kind, new String[] {"Ready", "False", r}, syncedTrue), "Progressing"));
      }
      all.add(Arguments.of(Named.of("a " + kind + " with Ready=True and Synced=True is Healthy", kind),
          resource(kind, readyTrue, syncedTrue), "Healthy"));
      all.add(Arguments.of(Named.of("a " + kind + " with Ready=Unknown is Progressing", kind),
          resource(kind, new String[] {"Ready", "Unknown", "Pending"}, syncedTrue), "Progressing"));
      all.add(Arguments.of(Named.of("a " + kind + " with only Synced=True is Progressing", kind),
          resource(kind, null, syncedTrue), "Progressing"));
    }
    return all.stream();
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("reasons")
  @DisplayName("reason")
  void reason(Kind kind, JsonNode object, String expectedStatus) {
    LuaHealth.Health health = LuaHealth.run(kind.script(), object);
    assertThat(health.status()).as("%s", health).isEqualTo(expectedStatus);
    assertThat(health.message()).isNotBlank();
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("reasons")
  @DisplayName("being deleted is Progressing whatever the conditions say")
  void deletionWins(Kind kind, JsonNode object) {
    ObjectNode deleting = object.deepCopy();
    ((ObjectNode) deleting.get("metadata")).put("deletionTimestamp", "2025-06-01T12:00:00Z");
    assertThat(LuaHealth.run(kind.script(), deleting).status()).isEqualTo("Progressing");
  }
}
