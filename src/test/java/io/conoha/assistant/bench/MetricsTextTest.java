package io.conoha.assistant.bench;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.junit.jupiter.api.Test;

/** The bench reads the operator's figures from its /metrics text. */
class MetricsTextTest {
  private static final String TEXT = """
      # HELP conoha_assistant_resources Resources by phase
      # TYPE conoha_assistant_resources gauge
      conoha_assistant_resources{kind="ConohaServer",phase="Running"} 998.0
      conoha_assistant_resources{kind="ConohaServer",phase="Creating"} 2.0
      conoha_assistant_resources{kind="ConohaImage",phase="Running"} 5.0
      conoha_assistant_resources_ready{kind="ConohaServer"} 998.0
      conoha_assistant_account_polls_total{result="success"} 17.0
      conoha_assistant_account_polls_total{result="failure"} 2.0
      conoha_assistant_api_ratelimit_wait_seconds_max{priority="urgent"} 0.25
      conoha_assistant_api_ratelimit_wait_seconds_max{subpriority="urgent"} 9.0
      up 1
      """;

  @Test
  void aSampleIsFoundByItsNameAndLabelsAndSummedOverTheRest() {
    assertThat(MetricsText.sum(TEXT, "conoha_assistant_resources", Map.of("kind", "ConohaServer", "phase", "Running")))
        .isEqualTo(998.0);
    assertThat(MetricsText.sum(TEXT, "conoha_assistant_resources", Map.of("kind", "ConohaServer"))).isEqualTo(1000.0);
    assertThat(MetricsText.sum(TEXT, "conoha_assistant_resources_ready", Map.of("kind", "ConohaServer")))
        .as("a name is not taken for a longer one").isEqualTo(998.0);
    assertThat(MetricsText.sum(TEXT, "conoha_assistant_account_polls_total", Map.of("result", "success")))
        .isEqualTo(17.0);
    assertThat(MetricsText.sum(TEXT, "conoha_assistant_api_ratelimit_wait_seconds_max", Map.of("priority", "urgent")))
        .as("a label is not taken for one that ends like it").isEqualTo(0.25);
    assertThat(MetricsText.sum(TEXT, "up", Map.of())).isEqualTo(1.0);
    assertThat(MetricsText.sum(TEXT, "missing", Map.of())).isZero();
  }
}
