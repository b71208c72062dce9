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
 * The Argo CD health check runs as Argo CD runs it, from Argo CD's own layout
 * (deploy/argocd/resource_customizations/conoha-assistant.io/&lt;Kind&gt;/health.lua, health_test.yaml, testdata/),
 * on the samples and on every condition reason the operator uses.
 */
@DisplayName("Argo CD health")
class ArgoCdHealthTest {
  static final String SAMPLES = ArgoCdHealthCopiesTest.CUSTOMIZATIONS;

  // The condition reasons the operator sets (decided for issue 7), by what they mean for the user.
  static final List<String> SERVER_SYNCED_USER_MUST_FIX = List.of("InvalidSpec", "SecretNotFound", "CredentialsInvalid",
      "FlavorNotFound", "ImageNotFound", "QuotaExceeded", "DeleteLocked", "DuplicateServers", "ImmutableFieldChanged", "SaveFailed",
      "OwnedByAnother", "VolumeError", "SaveTimedOut", "VolumeTimedOut", "BuildTimedOut", "TaskTimedOut");
  static final List<String> SERVER_SYNCED_TRANSIENT = List.of("ApiUnavailable", "RateLimited", "Waiting");
  static final List<String> SERVER_READY_USER_MUST_FIX = List.of("ServerError");
  static final List<String> SERVER_READY_TRANSIENT = List.of("Creating", "Starting", "Stopping", "Resizing", "Archiving",
      "Restoring", "Snapshotting", "Deleting", "Pending");
  static final List<String> IMAGE_SYNCED_USER_MUST_FIX = List.of("InvalidSpec", "SecretNotFound", "CredentialsInvalid",
      "SourceNotFound", "ImageNotFound", "QuotaExceeded", "DuplicateImages", "SaveFailed", "OwnedByAnother",
      "SourceUnavailable", "SaveTimedOut", "TaskTimedOut");
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
        script = ShipFiles.read(SAMPLES + name() + "/health.lua");
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
      JsonNode tests = ShipFiles.yamlDocuments(ShipFiles.read(SAMPLES + kind.name() + "/health_test.yaml")).get(0).get("tests");
      for (JsonNode t : tests) {
        String input = SAMPLES + kind.name() + "/" + t.get("inputPath").asText();
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
    return resource(kind, ready, synced, "2025-06-01T10:00:00Z");
  }

  /** As above, both conditions last changed at {@code since} (RFC 3339). */
  static JsonNode resource(Kind kind, String[] ready, String[] synced, String since) {
    ObjectNode o = ShipFiles.JSON.createObjectNode();
    o.put("apiVersion", "conoha-assistant.io/v1alpha1").put("kind", kind.name());
    o.putObject("metadata").put("name", "r").put("namespace", "ns").put("generation", 2);
    ObjectNode status = o.putObject("status").put("observedGeneration", 2);
    var conditions = status.putArray("conditions");
    for (String[] c : new String[][] {ready, synced}) {
      if (c != null) {
        conditions.addObject().put("type", c[0]).put("status", c[1]).put("reason", c[2]).put("message", "because")
            .put("observedGeneration", 2).put("lastTransitionTime", since);
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
      String justNow = java.time.Instant.now().minusSeconds(60).toString();
      String anHourAgo = java.time.Instant.now().minusSeconds(3600).toString();
      all.add(Arguments.of(Named.of("a " + kind + " with an unknown Synced reason for a minute is Progressing", kind),
          resource(kind, new String[] {"Ready", "False", "Pending"}, new String[] {"Synced", "False", "SomethingNew"}, justNow),
          "Progressing"));
      all.add(Arguments.of(Named.of("a " + kind + " with an unknown Synced reason for an hour is Degraded", kind),
          resource(kind, new String[] {"Ready", "False", "Pending"}, new String[] {"Synced", "False", "SomethingNew"}, anHourAgo),
          "Degraded"));
      all.add(Arguments.of(Named.of("a " + kind + " with an unknown Ready reason for a minute is Progressing", kind),
          resource(kind, new String[] {"Ready", "False", "SomethingNew"}, syncedTrue, justNow), "Progressing"));
      all.add(Arguments.of(Named.of("a " + kind + " with an unknown Ready reason for an hour is Degraded", kind),
          resource(kind, new String[] {"Ready", "False", "SomethingNew"}, syncedTrue, anHourAgo), "Degraded"));
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
  @DisplayName("being deleted is Progressing, unless a person must unblock it (Degraded)")
  void deletion(Kind kind, JsonNode object) {
    ObjectNode deleting = object.deepCopy();
    ((ObjectNode) deleting.get("metadata")).put("deletionTimestamp", "2025-06-01T12:00:00Z");
    String syncedReason = null;
    for (JsonNode c : deleting.at("/status/conditions")) {
      if (c.get("type").asText().equals("Synced") && c.get("status").asText().equals("False")) {
        syncedReason = c.get("reason").asText();
      }
    }
    boolean blocked = syncedReason != null && (SERVER_SYNCED_USER_MUST_FIX.contains(syncedReason)
        || IMAGE_SYNCED_USER_MUST_FIX.contains(syncedReason));
    assertThat(LuaHealth.run(kind.script(), deleting).status()).isEqualTo(blocked ? "Degraded" : "Progressing");
  }

  @ParameterizedTest(name = "{0} at rest as asked ({1}) is Suspended; Running is Healthy")
  @org.junit.jupiter.params.provider.CsvSource({"Archived, Suspended", "Stopped, Suspended", "Running, Healthy"})
  @DisplayName("a server put to sleep on purpose")
  void serverAtRest(String phase, String expected) {
    ObjectNode server = (ObjectNode) resource(Kind.ConohaServer, new String[] {"Ready", "True", "Available"},
        new String[] {"Synced", "True", "ReconcileSuccess"});
    ((ObjectNode) server.get("status")).put("phase", phase);
    assertThat(LuaHealth.run(Kind.ConohaServer.script(), server).status()).isEqualTo(expected);
  }

  @org.junit.jupiter.api.Test
  @DisplayName("every reason the operator sets (Reasons) is one the check knows: must-fix, failed or under way")
  void everyOperatorReasonIsClassified() throws Exception {
    String script = Kind.ConohaServer.script();
    java.util.Set<String> known = new java.util.TreeSet<>();
    java.util.regex.Matcher m = java.util.regex.Pattern.compile("(\\w+) = true").matcher(script);
    while (m.find()) {
      known.add(m.group(1));
    }
    for (java.lang.reflect.Field f : io.conoha.assistant.operator.Reasons.class.getFields()) {
      if (f.getType() == String.class) {
        assertThat(known).as("Reasons.%s is classified in health.lua", f.getName()).contains((String) f.get(null));
      }
    }
  }
}
