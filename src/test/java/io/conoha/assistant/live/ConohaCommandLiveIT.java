package io.conoha.assistant.live;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.conoha.assistant.cli.Main;
import io.conoha.assistant.client.ConohaClient;
import io.conoha.assistant.client.Credentials;
import io.conoha.assistant.client.model.Flavor;
import io.conoha.assistant.client.model.Image;
import io.vertx.core.Vertx;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The seed's story as a user types it: {@code conoha check}, {@code flavors}, {@code server create --wait},
 * {@code servers}, {@code server stop --wait}, {@code server snapshot --wait}, {@code server delete --wait},
 * {@code image delete}, against the cloud the OS_* variables (or -Dlive.credentials) point at.
 */
class ConohaCommandLiveIT {
  private static final ObjectMapper JSON = new ObjectMapper();
  private static Vertx vertx;
  private static Credentials credentials;

  private record Run(int exitCode, String out, String err) {
    JsonNode json() {
      try {
        return JSON.readTree(out);
      } catch (Exception e) {
        throw new AssertionError("not JSON: " + out + "\nstderr: " + err, e);
      }
    }
  }

  @BeforeAll
  static void startVertx() {
    vertx = Vertx.vertx();
  }

  /** Per test, so a run without credentials reports each test as skipped, with the reason. */
  @BeforeEach
  void cloud() {
    credentials = LiveCloud.credentials();
  }

  @AfterAll
  static void close() {
    if (vertx != null) {
      vertx.close().toCompletionStage().toCompletableFuture().join();
    }
  }

  private static Run conoha(String... args) {
    List<String> full = new ArrayList<>(List.of("conoha"));
    String file = System.getProperty("live.credentials", "");
    if (!file.isBlank()) {
      full.addAll(List.of("--credentials", file));
    }
    full.addAll(List.of(args));
    PrintStream out = System.out;
    PrintStream err = System.err;
    ByteArrayOutputStream outBytes = new ByteArrayOutputStream();
    ByteArrayOutputStream errBytes = new ByteArrayOutputStream();
    try {
      System.setOut(new PrintStream(outBytes, true, StandardCharsets.UTF_8));
      System.setErr(new PrintStream(errBytes, true, StandardCharsets.UTF_8));
      int code = Main.run(full.toArray(String[]::new));
      Run run = new Run(code, outBytes.toString(StandardCharsets.UTF_8), errBytes.toString(StandardCharsets.UTF_8));
      out.println("live: conoha " + String.join(" ", args) + " -> " + code + (run.err().isBlank() ? "" : " " + run.err().trim()));
      return run;
    } finally {
      System.setOut(out);
      System.setErr(err);
    }
  }

  private static Run ok(String... args) {
    Run run = conoha(args);
    assertThat(run.exitCode()).as("conoha %s: %s", String.join(" ", args), run.err()).isZero();
    return run;
  }

  @Test
  void checkCreateStopSnapshotDeleteAsAUserTypesThem(@TempDir Path dir) throws Exception {
    try (ConohaClient client = LiveCloud.client(vertx, credentials); LiveCleanup cleanup = new LiveCleanup(client)) {
      Image image = LiveCloud.image(client);
      Flavor plan = LiveCloud.localDiskPlan(client, image);
      Path pass = Files.writeString(dir.resolve("root-password.txt"), LiveCloud.ADMIN_PASS + "\n");
      String nameTag = LiveCloud.tag("cli");

      assertThat(ok("check").out()).contains("compute_url").contains("volume_types");
      assertThat(ok("--output", "json", "flavors").json().findValuesAsText("name")).contains(plan.name());

      JsonNode created = ok("--output", "json", "server", "create", "--name-tag", nameTag, "--flavor", plan.name(),
          "--image", image.id(), "--admin-pass-file", pass.toString(), "--wait", "--poll-interval", "2s").json();
      String id = cleanup.server(created.path("id").asText());
      assertThat(created.path("status").asText()).isEqualTo("ACTIVE");
      assertThat(ok("--output", "json", "servers").json().findValuesAsText("id")).contains(id);

      assertThat(ok("--output", "json", "server", "stop", id, "--wait", "--poll-interval", "1s").json()
          .path("status").asText()).isEqualTo("SHUTOFF");
      JsonNode snapshot = ok("--output", "json", "server", "snapshot", id, "--image-name", LiveCloud.tag("cli-snapshot"),
          "--wait", "--poll-interval", "2s", "--timeout", "20m").json();
      String imageId = cleanup.image(snapshot.path("image_id").asText());
      assertThat(snapshot.path("status").asText()).isEqualTo("ACTIVE");

      ok("server", "delete", id, "--wait", "--poll-interval", "1s");
      ok("image", "delete", imageId);
    }
  }
}
