package io.conoha.assistant.ship;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.jar.JarFile;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The container image deploy/image/build.sh builds (an OCI archive), inspected with skopeo and started for real:
 * unpacked with umoci and run in a chroot inside new mount and PID namespaces (deploy/image/chroot-run.sh) with
 * a read-only root, as user 65532, against an in-process Kubernetes API. Building the base takes minutes, so this
 * runs from deploy/image/test.sh (-Dimage.archive=...), not in every `mvn verify`.
 */
@DisplayName("The container image")
class ContainerImageIT {
  static Path archive;
  static JsonNode config;

  @BeforeAll
  static void image() throws Exception {
    String path = System.getProperty("image.archive");
    Assumptions.assumeTrue(path != null && !path.isBlank(),
        "no -Dimage.archive: deploy/image/test.sh builds the image and runs this test");
    archive = Path.of(path);
    assertThat(archive).exists();
    config = ShipFiles.JSON.readTree(run("skopeo", "inspect", "--config", "oci-archive:" + archive));
  }

  static String run(String... command) throws Exception {
    Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
    String out = new String(p.getInputStream().readAllBytes());
    assertThat(p.waitFor(120, TimeUnit.SECONDS)).isTrue();
    assertThat(p.exitValue()).as("%s: %s", String.join(" ", command), out).isZero();
    return out;
  }

  @Test
  @DisplayName("runs as 65532, enters `operator`, carries the OCI labels, and is the chart's default image")
  void inspect() throws Exception {
    JsonNode c = config.get("config");
    assertThat(c.get("User").asText()).isEqualTo("65532:65532");
    List<String> entrypoint = new ArrayList<>();
    c.get("Entrypoint").forEach(e -> entrypoint.add(e.asText()));
    assertThat(entrypoint).containsExactly("java", "@/app/jvm.options",
        "-XX:SharedArchiveFile=/app/operator.jsa", "-jar", "/app/conoha-assistant-operator.jar", "operator");
    String version = ShipFiles.yamlDocuments(ShipFiles.read(Chart.DIR + "/Chart.yaml")).get(0).get("appVersion").asText();
    assertThat(c.at("/Labels/org.opencontainers.image.version").asText()).isEqualTo(version);
    assertThat(c.at("/Labels/org.opencontainers.image.source").asText()).startsWith("https://github.com/");
    assertThat(c.at("/Labels/org.opencontainers.image.title").asText()).isEqualTo("conoha-assistant");
    String image = ShipFiles.single(Chart.objects(Chart.DEFAULTS), io.fabric8.kubernetes.api.model.apps.Deployment.class)
        .getSpec().getTemplate().getSpec().getContainers().get(0).getImage();
    JsonNode index = ShipFiles.JSON.readTree(run("skopeo", "inspect", "oci-archive:" + archive));
    assertThat(image).as("the chart's default image").endsWith(":" + version);
    assertThat(archive.getFileName().toString()).isEqualTo("conoha-assistant-" + version + ".oci.tar");
    assertThat(index.get("Layers")).hasSize(2);
  }

  @Test
  @DisplayName("unpacked and started in a read-only chroot as 65532, it reconciles a server, serves /metrics and maps its class data")
  void runs(@TempDir Path dir) throws Exception {
    Path layout = dir.resolve("layout");
    run("skopeo", "copy", "--quiet", "oci-archive:" + archive, "oci:" + layout + ":run");
    Path bundle = dir.resolve("bundle");
    run("umoci", "unpack", "--image", layout + ":run", bundle.toString());
    Path rootfs = bundle.resolve("rootfs");
    try (JarFile jar = new JarFile(rootfs.resolve("app/conoha-assistant-operator.jar").toFile())) {
      for (String prefix : OperatorJarIT.LEFT_OUT) {
        assertThat(jar.stream()).as(prefix).noneMatch(e -> e.getName().startsWith(prefix));
      }
    }
    JsonNode process = ShipFiles.JSON.readTree(Files.readString(bundle.resolve("config.json"))).get("process");
    String user = process.at("/user/uid").asInt() + ":" + process.at("/user/gid").asInt();
    assertThat(user).isEqualTo("65532:65532");
    OperatorProcess.Outcome outcome = OperatorProcess.runLifecycle(dir, (kubeconfig, port) -> {
      List<String> command = new ArrayList<>(List.of("unshare", "--mount", "--pid", "--fork", "--kill-child=SIGTERM",
          "--propagation", "private", "sh", ShipFiles.path("deploy/image/chroot-run.sh").toString(), rootfs.toString(),
          user, kubeconfig.toString(), "--", "env", "-i"));
      process.get("env").forEach(e -> command.add(e.asText()));
      process.get("args").forEach(a -> command.add(a.asText()));
      command.addAll(List.of("--kubeconfig", "/tmp/kubeconfig", "--http-host", "127.0.0.1", "--http-port",
          String.valueOf(port), "--no-leader-election", "--fast-poll", "100ms", "--slow-poll", "1s"));
      return command;
    });
    assertThat(outcome.metrics()).contains("conoha_assistant_resources{kind=\"ConohaServer\",phase=\"Running\"} 1.0");
    assertThat(outcome.log()).doesNotContain("NoClassDefFoundError").doesNotContain("Read-only file system");

    // -Xshare:on: the JVM fails to start unless it maps the trained class-data archive (a JVM or jar other than the
    // training run's, or a jar whose mtime changed, would be refused; the entrypoint's default would fall back).
    Path anyKubeconfig = Files.writeString(dir.resolve("unused-kubeconfig"), "");
    run("unshare", "--mount", "--pid", "--fork", "--kill-child=SIGTERM", "--propagation", "private", "sh",
        ShipFiles.path("deploy/image/chroot-run.sh").toString(), rootfs.toString(), user, anyKubeconfig.toString(), "--",
        "java", "@/app/jvm.options", "-XX:SharedArchiveFile=/app/operator.jsa", "-Xshare:on", "-jar",
        "/app/conoha-assistant-operator.jar", "operator", "--help");
  }
}
