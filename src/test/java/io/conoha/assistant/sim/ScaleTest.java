package io.conoha.assistant.sim;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.conoha.assistant.client.ApiGeneration;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The benchmark's load: a thousand servers in one simulator, listed in one page, quickly. */
class ScaleTest {

  @Test
  void aThousandServersListInOneFullPageWithinASecond() {
    try (SimHttp http = SimHttp.fast(ApiGeneration.V3)) {
      http.login();
      for (int i = 0; i < 1000; i++) {
        http.sim.admin().createServer("bench-" + i, "g2d-t-c1m2d30", "vmi-ubuntu-24.04-amd64", Map.of());
      }
      http.get(http.compute("/servers/detail?limit=10")); // warm up the code path

      long started = System.nanoTime();
      SimHttp.Resp r = http.get(http.compute("/servers/detail"));
      long millis = (System.nanoTime() - started) / 1_000_000;

      JsonNode body = r.json();
      assertThat(body.path("servers").size()).isEqualTo(1000);
      assertThat(body.path("servers_links").get(0).path("href").asText()).contains("marker=");
      assertThat(millis).as("a 1000-server detail list took %d ms", millis).isLessThan(1000);
      String next = body.path("servers_links").get(0).path("href").asText();
      assertThat(http.get(next).json().path("servers").size()).isZero();
      assertThat(http.sim.ledger().state().servers()).hasSize(1000);
    }
  }
}
