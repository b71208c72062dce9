package io.conoha.assistant.ship;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/** The Dockerfile (no Docker engine here: its content is checked). */
@DisplayName("Dockerfile")
class DockerfileTest {
  static final String DOCKERFILE = ShipFiles.read("Dockerfile");

  static List<String> instructions(String name) {
    return DOCKERFILE.lines().map(String::strip).filter(l -> l.toUpperCase().startsWith(name + " ")).toList();
  }

  @Test
  @DisplayName("builds on a JRE 17 base pinned to a release (or digest), never a floating or latest tag")
  void pinnedBase() {
    List<String> from = instructions("FROM");
    assertThat(from).hasSize(1);
    String image = from.get(0).split("\\s+")[1];
    assertThat(image).doesNotEndWith(":latest").contains(":");
    Matcher m = Pattern.compile(":(17\\.\\d+\\.\\d+[._]\\d+[^@]*?)(@sha256:[0-9a-f]{64})?$").matcher(image);
    assertThat(m.find()).as("%s has a full 17.x.y release tag", image).isTrue();
    assertThat(image).containsIgnoringCase("jre");
  }

  @Test
  @DisplayName("runs as the numeric non-root user the chart and deploy/ use (65532)")
  void nonRootUser() {
    List<String> users = instructions("USER");
    assertThat(users).isNotEmpty();
    String user = users.get(users.size() - 1).split("\\s+")[1];
    assertThat(user).matches("\\d+(:\\d+)?");
    long uid = Long.parseLong(user.split(":")[0]);
    assertThat(uid).isPositive();
    Long chartUid = HelmChartTest.operatorPod(Chart.DEFAULTS).getSecurityContext().getRunAsUser();
    assertThat(uid).isEqualTo(chartUid);
  }

  @Test
  @DisplayName("copies the jar and jvm.options to /app/ and runs `java @/app/jvm.options -jar /app/conoha-assistant.jar operator`")
  void jarAndEntrypoint() {
    assertThat(instructions("COPY")).hasSize(2);
    assertThat(instructions("COPY").get(0)).contains("target/conoha-assistant.jar").endsWith("/app/conoha-assistant.jar");
    assertThat(instructions("ENTRYPOINT")).singleElement().asString()
        .endsWith("[\"java\", \"@/app/jvm.options\", \"-jar\", \"/app/conoha-assistant.jar\", \"operator\"]");
  }

  @Test
  @DisplayName("runs with the JVM flags file that bench --operator-process measures")
  void jvmFlagsAreTheBenchedOnes() {
    assertThat(instructions("COPY").get(1))
        .contains("src/main/resources" + io.conoha.assistant.bench.BenchRun.JVM_OPTIONS_RESOURCE)
        .endsWith("/app/jvm.options");
    assertThat(io.conoha.assistant.bench.BenchRun.containerJvmOptions()).contains("-XX:+UseSerialGC");
  }

  @Test
  @DisplayName("sizes the heap from the container limit")
  void containerAwareJvm() {
    assertThat(instructions("ENV")).anyMatch(l -> l.contains("JAVA_TOOL_OPTIONS") && l.contains("-XX:MaxRAMPercentage="));
  }

  @Test
  @DisplayName(".dockerignore sends only the jar and the JVM flags file to the build")
  void dockerignore() {
    List<String> lines = ShipFiles.read(".dockerignore").lines().map(String::strip)
        .filter(l -> !l.isEmpty() && !l.startsWith("#")).toList();
    assertThat(lines).containsExactly("*", "!target/conoha-assistant.jar",
        "!src/main/resources" + io.conoha.assistant.bench.BenchRun.JVM_OPTIONS_RESOURCE);
  }
}
