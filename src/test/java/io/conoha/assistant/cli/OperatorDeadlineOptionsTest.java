package io.conoha.assistant.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.conoha.assistant.operator.reconcile.Deadlines;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;

/** Every wait's deadline is the operator's to set, and the defaults are the documented ones. */
class OperatorDeadlineOptionsTest {
  @Test
  void deadlinesDefaultAsDocumentedAndFollowTheirOptions() {
    OperatorCommand defaults = new OperatorCommand();
    new CommandLine(defaults).parseArgs();
    assertThat(defaults.settings().deadlines()).isEqualTo(Deadlines.defaults());

    OperatorCommand set = new OperatorCommand();
    new CommandLine(set).parseArgs("--save-deadline", "90m", "--volume-deadline", "5m", "--build-deadline", "10m",
        "--task-deadline", "2m");
    assertThat(set.settings().deadlines()).isEqualTo(new Deadlines(Duration.ofMinutes(90), Duration.ofMinutes(5),
        Duration.ofMinutes(10), Duration.ofMinutes(2)));
  }
}
