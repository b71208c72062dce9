package io.conoha.assistant.client;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import io.conoha.assistant.client.model.ServerCreateRequest;
import io.conoha.assistant.client.testing.Bodies;
import io.conoha.assistant.client.testing.LogCapture;
import io.conoha.assistant.client.testing.Reply;
import io.conoha.assistant.client.testing.StubCloud;
import io.conoha.assistant.client.testing.StubCloudTest;
import io.micrometer.core.instrument.Meter;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import io.vertx.core.json.JsonObject;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class SecrecyAndMetricsTest extends StubCloudTest {
  private static final String ADMIN_PASS = "Root-Passw0rd-42!";
  private static final String USER_DATA = "#cloud-config\nchpasswd: {list: 'root:User-Data-Secret-7'}\n";
  private static final String USER_DATA_B64 = Base64.getEncoder().encodeToString(USER_DATA.getBytes(StandardCharsets.UTF_8));

  /**
   * Nova echoes invalid input, Keystone may be handed a wrong password, tokens travel on every call: none of
   * it may reach a log line, an exception message or a meter tag.
   */
  @Test
  void noPasswordTokenAdminPassOrUserDataLeaksIntoLogsExceptionsOrMeterTags() {
    cloud.on("POST", StubCloud.COMPUTE + "/servers", r -> Reply.json(400, new JsonObject().put("badRequest",
        new JsonObject().put("code", 400).put("message", "Invalid input for field/attribute adminPass. Value: "
            + r.json().getJsonObject("server").getString("adminPass") + ", user_data "
            + r.json().getJsonObject("server").getString("user_data") + " token " + r.token()))));
    cloud.on("GET", StubCloud.COMPUTE + "/flavors/detail", r -> r.token().equals("token-1")
        ? Reply.json(401, "{\"error\":{\"message\":\"token " + r.token() + " expired\"}}")
        : Reply.ok(Bodies.v3Flavors()));
    List<String> messages = new ArrayList<>();

    try (LogCapture logs = LogCapture.client()) {
      client().compute().listFlavors();
      messages.add(catchThrowable(() -> client().compute().createServer(new ServerCreateRequest("f-1g", "img", null,
          ADMIN_PASS, null, List.of(), USER_DATA, Map.of("instance_name_tag", "web")))).getMessage());
      Map<String, String> wrong = v3Keys();
      wrong.put("password", "Wrong-" + PASSWORD);
      messages.add(catchThrowable(() -> client(Credentials.fromMap(wrong), FAST).identity().token()).getMessage());

      assertThat(logs.lines()).isNotEmpty();
      assertThat(logs.lines()).allSatisfy(this::containsNoSecret);
    }
    assertThat(messages).allSatisfy(this::containsNoSecret);
    assertThat(messages.get(0)).contains("Invalid input for field/attribute adminPass. Value: ***");
    for (Meter meter : meters.getMeters()) {
      meter.getId().getTags().forEach(tag -> containsNoSecret(tag.getValue()));
    }
    assertThat(client().toString() + client().credentials()).doesNotContain(PASSWORD);
  }

  private void containsNoSecret(String text) {
    assertThat(text).doesNotContain(PASSWORD, ADMIN_PASS, USER_DATA, USER_DATA_B64, "User-Data-Secret-7",
        "token-1", "token-2");
  }

  @Test
  void meterNamesAndTagsAreWhatPrometheusScrapes() {
    meters = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
    cloud.on("GET", StubCloud.COMPUTE + "/flavors/detail", Reply.ok(Bodies.v3Flavors()));
    cloud.on("GET", StubCloud.COMPUTE + "/servers/gone", Reply.json(404, "{\"itemNotFound\":{\"message\":\"gone\"}}"));

    client().compute().listFlavors();
    catchThrowable(() -> client().compute().getServer("gone"));

    String scrape = ((PrometheusMeterRegistry) meters).scrape();
    assertThat(scrape)
        .contains("conoha_assistant_api_requests_total{api=\"compute\",operation=\"flavors.list\",status=\"200\"} 1.0")
        .contains("conoha_assistant_api_requests_total{api=\"compute\",operation=\"servers.get\",status=\"404\"} 1.0")
        .contains("conoha_assistant_api_requests_total{api=\"identity\",operation=\"identity.tokens\",status=\"201\"} 1.0")
        .contains("conoha_assistant_api_request_duration_seconds_bucket{api=\"compute\",operation=\"flavors.list\",le=")
        .contains("conoha_assistant_api_errors_total{api=\"compute\",kind=\"not_found\",operation=\"servers.get\"} 1.0")
        .contains("conoha_assistant_auth_requests_total{result=\"success\"} 1.0");
  }
}
