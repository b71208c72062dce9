package io.conoha.assistant.cli;

import static org.assertj.core.api.Assertions.assertThat;

import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.util.ContextInitializer;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;
import org.slf4j.MDC;

/** `--log-format json`: one JSON object per line, naming the resource a reconcile concerns. */
class LogFormatTest {

  @Test
  void jsonLinesCarryTheResourceFromTheReconcileContext() throws Exception {
    PrintStream original = System.err;
    ByteArrayOutputStream captured = new ByteArrayOutputStream();
    LoggerContext context = (LoggerContext) LoggerFactory.getILoggerFactory();
    try {
      System.setErr(new PrintStream(captured, true, StandardCharsets.UTF_8));
      LogFormat.json.apply();
      MDC.put("resource.name", "minecraft");
      MDC.put("resource.namespace", "games");
      LoggerFactory.getLogger("io.conoha.assistant.test").warn("server {} is running", "abc");
    } finally {
      MDC.clear();
      System.setErr(original);
      context.reset();
      new ContextInitializer(context).autoConfig();
    }
    String line = captured.toString(StandardCharsets.UTF_8).lines().filter(l -> l.contains("is running"))
        .findFirst().orElseThrow();
    JsonNode json = new ObjectMapper().readTree(line);
    assertThat(json.path("level").asText()).isEqualTo("WARN");
    assertThat(json.path("mdc").path("resource.name").asText()).isEqualTo("minecraft");
    assertThat(json.path("mdc").path("resource.namespace").asText()).isEqualTo("games");
    assertThat(json.path("formattedMessage").asText()).isEqualTo("server abc is running");
  }
}
