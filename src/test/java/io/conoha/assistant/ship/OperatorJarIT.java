package io.conoha.assistant.ship;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.List;
import java.util.jar.JarFile;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** target/conoha-assistant-operator.jar, the container image's jar, as `mvn verify` packages it. */
@DisplayName("The operator-only jar")
class OperatorJarIT {
  static final Path JAR = ShipFiles.path("target/conoha-assistant-operator.jar");

  /** Class folders the operator never loads: simulator, demo, benchmark, ConoHa CLI, Fabric8's mock server. */
  static final List<String> LEFT_OUT = List.of("io/conoha/assistant/sim/", "io/conoha/assistant/demo/",
      "io/conoha/assistant/bench/", "io/conoha/assistant/embedded/", "io/conoha/assistant/cli/conoha/",
      "io/fabric8/mockwebserver/", "io/fabric8/kubernetes/client/server/mock/");

  @Test
  @DisplayName("carries no simulator, demo, bench, CLI or mock server classes, and starts OperatorMain")
  void contents() throws Exception {
    try (JarFile jar = new JarFile(JAR.toFile())) {
      List<String> names = jar.stream().map(e -> e.getName()).toList();
      assertThat(names).contains("io/conoha/assistant/cli/OperatorCommand.class",
          "io/conoha/assistant/operator/ConohaOperator.class");
      for (String prefix : LEFT_OUT) {
        assertThat(names).as(prefix).noneMatch(n -> n.startsWith(prefix));
      }
      assertThat(names).doesNotContain("io/conoha/assistant/cli/Main.class", "io/conoha/assistant/cli/DemoCommand.class");
      assertThat(jar.getManifest().getMainAttributes().getValue("Main-Class")).isEqualTo("io.conoha.assistant.cli.OperatorMain");
    }
  }

  @Test
  @DisplayName("run as its own process, it reconciles a server to Running, serves /metrics and stops on SIGTERM")
  void runsTheOperator(@TempDir Path dir) throws Exception {
    OperatorProcess.Outcome outcome = OperatorProcess.runLifecycle(dir, (kubeconfig, port) -> OperatorProcess.javaJar(JAR,
        "operator", "--kubeconfig", kubeconfig.toString(), "--http-host", "127.0.0.1", "--http-port", String.valueOf(port),
        "--no-leader-election", "--fast-poll", "100ms", "--slow-poll", "1s"));
    assertThat(outcome.metrics()).contains("conoha_assistant_resources{kind=\"ConohaServer\",phase=\"Running\"} 1.0")
        .contains("jvm_memory_used_bytes");
    assertThat(outcome.log()).doesNotContain("NoClassDefFoundError").doesNotContain("ClassNotFoundException");
    assertThat(outcome.exitCode()).as(outcome.log()).isIn(0, 143);
  }
}
