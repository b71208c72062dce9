package io.conoha.assistant.sim;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.conoha.assistant.cli.Main;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/** {@code conoha-assistant sim}: starts, prints an openrc block that eval accepts, runs until stopped. */
class SimCommandTest {
  /** {@code export NAME='value'} with the shell's {@code '\''} escape for quotes inside. */
  private static final Pattern EXPORT = Pattern.compile("export ([A-Z_]+)='((?:[^']|'\\\\'')*)'");

  /** A running {@code sim} command on a thread of its own, as a terminal would run it. */
  private static final class Running implements AutoCloseable {
    final StringWriter out = new StringWriter();
    final StringWriter err = new StringWriter();
    final AtomicInteger exit = new AtomicInteger(-1);
    final Thread thread;

    Running(String... args) {
      CommandLine cmd = new CommandLine(new Main()).setCaseInsensitiveEnumValuesAllowed(true)
          .setOut(new PrintWriter(out, true)).setErr(new PrintWriter(err, true));
      thread = new Thread(() -> exit.set(cmd.execute(args)), "sim-command");
      thread.start();
    }

    Map<String, String> awaitExports() {
      await().atMost(Duration.ofSeconds(15)).until(() -> out.toString().contains("OS_INTERFACE"));
      return exports(out.toString());
    }

    @Override
    public void close() throws InterruptedException {
      thread.interrupt();
      thread.join(10_000);
    }
  }

  @Test
  void printsAnOpenrcWhoseExportsAuthenticateAgainstTheRunningSimulator() throws Exception {
    Running sim = new Running("sim", "--port", "0", "--generation", "v3", "--timings", "fast");
    try (sim) {
      Map<String, String> env = sim.awaitExports();

      assertThat(env).containsKeys("OS_AUTH_URL", "OS_USERNAME", "OS_USER_ID", "OS_PASSWORD", "OS_PROJECT_ID",
          "OS_REGION_NAME", "OS_USER_DOMAIN_NAME", "OS_PROJECT_DOMAIN_NAME", "OS_IDENTITY_API_VERSION");
      assertThat(env.get("OS_AUTH_URL")).matches("http://127\\.0\\.0\\.1:\\d+/identity/v3");
      assertThat(env.get("OS_REGION_NAME")).isEqualTo("c3j1");
      for (String line : sim.out.toString().split("\n")) {
        assertThat(line).matches("#.*|" + EXPORT.pattern());
      }

      int status = authenticateV3(env);
      assertThat(status).isEqualTo(201);
    }
    assertThat(sim.exit.get()).isZero();
    assertThat(sim.thread.isAlive()).isFalse();
  }

  @Test
  void runsFromAConfigFileAndQuotesAwkwardPasswordsForTheShell() throws Exception {
    Path config = Path.of(SimCommandTest.class.getResource("/sim/example-config.json").toURI());
    Running sim = new Running("sim", "--config", config.toString());
    try (sim) {
      Map<String, String> env = sim.awaitExports();

      assertThat(env.get("OS_AUTH_URL")).endsWith("/identity/v2.0");
      assertThat(env.get("OS_PASSWORD")).isEqualTo("it's-Secret-42");
      assertThat(env.get("OS_TENANT_ID")).isEqualTo("0123456789abcdef0123456789abcdef");
      assertThat(env.get("OS_REGION_NAME")).isEqualTo("tyo1");
      try (SimHttp http = SimHttp.clientOnly()) {
        SimHttp.Resp token = http.post(env.get("OS_AUTH_URL") + "/tokens", Map.of("auth", Map.of(
            "passwordCredentials", Map.of("username", env.get("OS_USERNAME"), "password", env.get("OS_PASSWORD")),
            "tenantId", env.get("OS_TENANT_ID"))));
        assertThat(token.status()).isEqualTo(200);
      }
    }
    assertThat(sim.exit.get()).isZero();
  }

  @Test
  void aBrokenConfigFileIsReportedWithExitCode2(@TempDir Path dir) throws Exception {
    Path bad = dir.resolve("bad.json");
    Files.writeString(bad, "{\"generation\": \"v3\", \"tokenLifetme\": \"1h\"}");
    StringWriter err = new StringWriter();
    int exit = new CommandLine(new Main()).setErr(new PrintWriter(err, true)).execute("sim", "--config", bad.toString());
    assertThat(exit).isEqualTo(2);
    assertThat(err.toString()).contains("tokenLifetme");
    assertThat(Main.run("sim", "--timings", "sluggish")).isEqualTo(2);
  }

  private static int authenticateV3(Map<String, String> env) {
    try (SimHttp http = SimHttp.clientOnly()) {
      return http.post(env.get("OS_AUTH_URL") + "/auth/tokens", Map.of("auth", Map.of(
          "identity", Map.of("methods", List.of("password"), "password", Map.of("user", Map.of(
              "name", env.get("OS_USERNAME"), "domain", Map.of("name", env.get("OS_USER_DOMAIN_NAME")),
              "password", env.get("OS_PASSWORD")))),
          "scope", Map.of("project", Map.of("id", env.get("OS_PROJECT_ID")))))).status();
    }
  }

  static Map<String, String> exports(String text) {
    Map<String, String> env = new LinkedHashMap<>();
    Matcher m = EXPORT.matcher(text);
    while (m.find()) {
      env.put(m.group(1), m.group(2).replace("'\\''", "'"));
    }
    return env;
  }
}
