package io.conoha.assistant.sim;

import static org.assertj.core.api.Assertions.assertThat;

import io.conoha.assistant.client.ApiGeneration;
import io.vertx.core.Vertx;
import org.junit.jupiter.api.Test;

/** Several simulators in one JVM on one Vert.x instance, as the benchmark runs them beside the operator. */
class SharedVertxTest {

  @Test
  void simulatorsShareAVertxInstanceEachOnItsOwnPortAndCloseIndependently() throws Exception {
    Vertx vertx = Vertx.vertx();
    try (SimHttp client = SimHttp.clientOnly()) {
      ConohaSimulator v2 = ConohaSimulator.start(vertx, SimConfig.defaults(ApiGeneration.V2));
      ConohaSimulator v3 = ConohaSimulator.startAsync(vertx, SimConfig.defaults(ApiGeneration.V3))
          .toCompletionStage().toCompletableFuture().get();
      assertThat(v2.port()).isNotEqualTo(v3.port());
      assertThat(client.get(v2.baseUrl() + "/compute/").status()).isEqualTo(200);
      assertThat(client.get(v3.baseUrl() + "/compute/").status()).isEqualTo(200);

      v2.close();
      assertThat(client.get(v3.baseUrl() + "/compute/").status()).isEqualTo(200);
      v3.closeAsync().toCompletionStage().toCompletableFuture().get();
      assertThat(vertx.setTimer(1, id -> { })).isNotNegative(); // the shared instance is still open
    } finally {
      vertx.close().toCompletionStage().toCompletableFuture().get();
    }
  }
}
