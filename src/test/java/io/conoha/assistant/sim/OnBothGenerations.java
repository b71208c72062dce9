package io.conoha.assistant.sim;

import io.conoha.assistant.client.ApiGeneration;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.TestInstance;

/** Scenarios sharing one fast v2 and one fast v3 simulator, each logged in; scenarios make their own servers. */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
abstract class OnBothGenerations {
  SimHttp v2;
  SimHttp v3;

  @BeforeAll
  void startSimulators() {
    v2 = SimHttp.fast(ApiGeneration.V2);
    v2.login();
    v3 = SimHttp.fast(ApiGeneration.V3);
    v3.login();
  }

  @AfterAll
  void stopSimulators() {
    v2.close();
    v3.close();
  }
}
