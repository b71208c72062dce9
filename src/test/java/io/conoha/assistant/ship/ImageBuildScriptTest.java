package io.conoha.assistant.ship;

import static org.assertj.core.api.Assertions.assertThat;

import io.conoha.assistant.bench.BenchRun;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/**
 * The image that deploy/image/build.sh makes runs the operator with the JVM flags {@code bench --operator-process}
 * measures. (Building the image takes minutes and root, so ContainerImageIT, run by deploy/image/test.sh, checks
 * the built image; this checks the script on every build.)
 */
class ImageBuildScriptTest {
  private static final String SCRIPT = ShipFiles.read("deploy/image/build.sh");

  @Test
  @DisplayName("installs jvm.options from the file the bench reads and passes it to java first")
  void jvmOptionsAreTheBenchedOnes() {
    assertThat(SCRIPT).contains("jvm_options=src/main/resources" + BenchRun.JVM_OPTIONS_RESOURCE)
        .contains("install -o 0 -g 0 -m 0444 \"$jvm_options\" \"$root/app/jvm.options\"")
        .contains("--config.entrypoint java --config.entrypoint @/app/jvm.options \\\n"
            + "  --config.entrypoint -XX:SharedArchiveFile=/app/operator.jsa \\\n  --config.entrypoint -jar");
    assertThat(BenchRun.containerJvmOptions()).contains("-XX:+UseSerialGC", "-XX:TieredStopAtLevel=1");
  }

  @Test
  @DisplayName("sets the chart's default JAVA_TOOL_OPTIONS, the ones the bench starts the operator with")
  void javaToolOptionsAreTheCharts() {
    assertThat(SCRIPT).contains("java_tool_options='" + BenchRun.CHART_JAVA_TOOL_OPTIONS + "'")
        .contains("--config.env \"JAVA_TOOL_OPTIONS=$java_tool_options\"");
  }

  @Test
  @DisplayName("trains the class-data archive with the image's JVM, jar and flags, as bench --operator-process does")
  void classDataIsTrainedInTheImage() {
    assertThat(SCRIPT).contains("train_class_data \"$root\"")
        .contains("exec chroot \"$1\" /usr/bin/env JAVA_TOOL_OPTIONS=\"$2\" java -XX:MaxRAM=512m @/app/jvm.options")
        .contains("-XX:ArchiveClassesAtExit=/app/operator.jsa -jar /app/conoha-assistant-operator.jar operator");
  }
}
