package io.conoha.assistant.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/** The README's first command, run the way the README runs it (faster simulator timings). */
class DemoCommandTest {

  @Test
  void theDemoAppliesTheExamplesWalksAServerThroughItsLifeAndExitsZero() {
    PrintStream original = System.out;
    ByteArrayOutputStream captured = new ByteArrayOutputStream();
    int exit;
    try (PrintStream out = new PrintStream(captured, true, StandardCharsets.UTF_8)) {
      System.setOut(out);
      exit = Main.run("demo", "--examples", "deploy/examples", "--time-scale", "0.02", "--step-timeout", "90s");
    } finally {
      System.setOut(original);
    }
    String output = captured.toString(StandardCharsets.UTF_8);
    System.out.println(output);

    assertThat(exit).isZero();
    assertThat(output).contains("TIME", "KIND", "PHASE", "PROGRESS", "IPV4", "READY");
    for (String phase : new String[] {"Creating", "Running", "Stopped", "Snapshotting", "Archiving", "Archived", "Restoring"}) {
      assertThat(output).as("web-v3 went through " + phase).containsPattern("Server +web-v3 +" + phase);
    }
    assertThat(output).containsPattern("Image +web-v3-demo-snapshot +Saving +\\d+%")
        .containsPattern("Image +web-v3-demo-snapshot +Available +100%")
        .containsPattern("Server +web-v2 +Running +\\d+\\.\\d+\\.\\d+\\.\\d+ +True")
        .contains("ConoHa API calls", "servers.create", "volumes.action.os-volume_upload_image");
  }
}
