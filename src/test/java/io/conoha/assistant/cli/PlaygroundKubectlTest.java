package io.conoha.assistant.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.conoha.assistant.demo.LocalStack;
import io.conoha.assistant.demo.PlaygroundRun;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The playground as a user meets it: {@code conoha-assistant playground} started in some directory, then the real
 * kubectl against the kubeconfig it wrote, the way the README walks through it.
 */
class PlaygroundKubectlTest {
  private static final Path EXAMPLES = Path.of(System.getProperty("project.basedir", "."), "deploy", "examples");

  @Test
  void kubectlWorksAgainstThePlaygroundAsAgainstACluster(@TempDir Path dir) throws Exception {
    Path kubeconfig = dir.resolve("playground.kubeconfig");
    Path env = dir.resolve("playground.env");
    try (ChildJvm playground = ChildJvm.start(dir, "playground", "--kubeconfig", kubeconfig.toString(),
        "--env-file", env.toString(), "--time-scale", "0.02")) {
      playground.awaitLine("playground ready", Duration.ofSeconds(120));
      assertThat(playground.output()).contains("kubectl apply -f deploy/examples/server-v3.yaml", "kubectl get chs -w");
      assertThat(Files.readString(env)).contains("export KUBECONFIG=" + kubeconfig, "export CONOHA_SIM_V3=http://127.0.0.1:",
          "export CONOHA_SIM_V2=http://127.0.0.1:", "export CONOHA_METRICS=http://127.0.0.1:");
      Kubectl kubectl = new Kubectl(kubeconfig);

      assertThat(kubectl.run("get", "secrets").ok().out()).contains("conoha-v3", "conoha-v2");
      kubectl.run("apply", "-f", EXAMPLES.resolve("server-v3.yaml").toString(), "-f",
          EXAMPLES.resolve("server-v2.yaml").toString(), "-f", EXAMPLES.resolve("image-import.yaml").toString()).ok();
      Path watched = dir.resolve("watch.out");
      Process watch = kubectl.startPrintingTo(watched, "get", "chs", "web-v3", "-w");
      kubectl.run(150, "wait", "--for=condition=Ready", "chs/web-v3", "chs/web-v2", "chi/ubuntu-24-04",
          "--timeout=140s").ok();

      String table = kubectl.run("get", "chs").ok().out();
      assertThat(table.lines().findFirst().orElseThrow()).containsPattern(
          "NAME +STATE +PHASE +READY +FLAVOR +IPV4 +EFFECTIVE +NEXT +AGE");
      assertThat(table).containsPattern("web-v3 +Running +Running +True +g2l-t-c2m1 +\\d+\\.\\d+\\.\\d+\\.\\d+ +Running")
          .containsPattern("web-v2 +Running +Running +True +g-c2m1d100");
      assertThat(kubectl.run("get", "conoha").ok().out()).contains("conohaserver.conoha-assistant.io/web-v3",
          "conohaimage.conoha-assistant.io/ubuntu-24-04");
      assertThat(kubectl.run("get", "chs", "web-v3", "-o", "jsonpath={.status.phase}").ok().out()).isEqualTo("Running");
      assertThat(kubectl.run("get", "chs", "web-v3", "-o", "yaml").ok().out()).contains("kind: ConohaServer",
          "deletionPolicy: Delete", "type: Ready");

      kubectl.run("patch", "chs", "web-v3", "--type", "merge", "-p", "{\"spec\":{\"state\":\"Stopped\"}}").ok();
      awaitPhase(kubectl, "web-v3", "Stopped"); // kubectl wait --for=jsonpath needs kubectl 1.23; Debian's is 1.20
      kubectl.run("annotate", "chs", "web-v3", "team=web").ok();
      assertThat(kubectl.run("get", "chs", "web-v3", "-o", "jsonpath={.metadata.annotations.team}").ok().out())
          .isEqualTo("web");

      String described = kubectl.run("describe", "chs", "web-v3").ok().out();
      assertThat(described).contains("Flavor:", "g2l-t-c2m1", "Events:").containsPattern("Normal +ScheduledChange");
      assertThat(kubectl.run("explain", "conohaserver.spec").ok().out()).containsPattern("KIND: +ConohaServer")
          .contains("credentialsSecretRef", "flavor", "Running, Stopped, or Archived");

      Path bad = dir.resolve("bad.yaml");
      Files.writeString(bad, """
          apiVersion: conoha-assistant.io/v1alpha1
          kind: ConohaServer
          metadata:
            name: bad
          spec:
            credentialsSecretRef: {name: conoha-v3}
            flavor: g2l-t-c2m1
            image: vmi-ubuntu-24.04-amd64
            imageRef: {name: web-v3-snapshot}
            state: Paused
          """);
      Kubectl.Result invalid = kubectl.run("apply", "-f", bad.toString());
      assertThat(invalid.exit()).isNotZero();
      assertThat(invalid.err()).contains("is invalid", "spec.state", "Paused",
          "exactly one of image or imageRef must be set");
      Kubectl.Result serverSide = kubectl.run("apply", "--server-side", "-f", EXAMPLES.resolve("server-v3.yaml").toString());
      assertThat(serverSide.exit()).isNotZero();
      assertThat(serverSide.err()).contains("server-side apply is not supported");

      kubectl.run("create", "secret", "generic", "extra", "--from-literal=token=s3cret").ok();
      assertThat(kubectl.run("get", "secret", "extra", "-o", "jsonpath={.data.token}").ok().out())
          .isEqualTo(java.util.Base64.getEncoder().encodeToString("s3cret".getBytes(StandardCharsets.UTF_8)));

      // The finalizer holds the resource until the operator has deleted the server on ConoHa.
      kubectl.run(150, "delete", "chs", "web-v3", "--timeout=140s").ok();
      Kubectl.Result gone = kubectl.run("get", "chs", "web-v3");
      assertThat(gone.exit()).isNotZero();
      assertThat(gone.err()).contains("NotFound", "\"web-v3\" not found");

      watch.destroy();
      assertThat(Files.readString(watched)).containsPattern("web-v3 .*Running").containsPattern("web-v3 .*Stopped");

      int exit = playground.terminate(Duration.ofSeconds(60));
      assertThat(playground.output()).contains("playground stopping");
      assertThat(exit).isIn(0, 143);
      assertThat(kubeconfig).doesNotExist();
      assertThat(env).doesNotExist();
    }
  }

  private static void awaitPhase(Kubectl kubectl, String server, String phase) throws InterruptedException {
    long deadline = System.nanoTime() + Duration.ofSeconds(140).toNanos();
    while (!kubectl.run("get", "chs", server, "-o", "jsonpath={.status.phase}").ok().out().equals(phase)) {
      if (System.nanoTime() > deadline) {
        throw new AssertionError(server + " did not reach phase " + phase);
      }
      Thread.sleep(250);
    }
  }

  @Test
  void withNoOperatorTheOperatorRunsInAProcessOfItsOwn(@TempDir Path dir) throws Exception {
    Path kubeconfig = dir.resolve("kubeconfig");
    Path env = dir.resolve("env");
    ByteArrayOutputStream guide = new ByteArrayOutputStream();
    try (PlaygroundRun playground = new PlaygroundRun(new PlaygroundRun.Options(
        new LocalStack.Options(0.02, Optional.empty(), false, 0), kubeconfig, env, 0, Duration.ofSeconds(60)),
        new PrintStream(guide, true, StandardCharsets.UTF_8))) {
      playground.start();
      assertThat(guide.toString(StandardCharsets.UTF_8)).contains("--no-operator", "operator --kubeconfig " + kubeconfig,
          "playground ready");
      assertThat(Files.readString(env)).contains("CONOHA_SIM_V3").doesNotContain("CONOHA_METRICS");

      try (ChildJvm operator = ChildJvm.start(dir, "operator", "--kubeconfig", kubeconfig.toString(),
          "--leader-election=false", "--http-host", "127.0.0.1", "--http-port", "0", "--fast-poll", "500ms")) {
        Kubectl kubectl = new Kubectl(kubeconfig);
        kubectl.run("apply", "-f", EXAMPLES.resolve("server-v3.yaml").toString()).ok();
        kubectl.run(150, "wait", "--for=condition=Ready", "chs/web-v3", "--timeout=140s").ok();
        assertThat(kubectl.run("get", "chs", "web-v3", "-o", "jsonpath={.status.phase}").ok().out()).isEqualTo("Running");
        assertThat(operator.terminate(Duration.ofSeconds(60))).isIn(0, 143);
      }
    }
  }
}
