package io.conoha.assistant.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import io.conoha.assistant.operator.ScaledClock;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;

/** A playground can run the operator on a fast calendar; by default schedules are read on the real clock. */
class OperatorCalendarOptionsTest {
  @Test
  void theRealClockUnlessAPlaygroundAsksForAnother() {
    OperatorCommand defaults = new OperatorCommand();
    new CommandLine(defaults).parseArgs();
    assertThat(defaults.calendar()).isEqualTo(Clock.systemUTC());

    OperatorCommand playground = new OperatorCommand();
    new CommandLine(playground).parseArgs("--calendar-start", "2026-12-04T17:59:00+09:00", "--calendar-speed", "3600");
    Clock calendar = playground.calendar();
    assertThat(calendar).isInstanceOfSatisfying(ScaledClock.class, c -> assertThat(c.scale()).isEqualTo(3600));
    assertThat(Duration.between(Instant.parse("2026-12-04T08:59:00Z"), calendar.instant()).toSeconds())
        .as("an hour a second from the start").isCloseTo(0, within(600L));
  }

  @Test
  void aSpeedThatIsNotPositiveIsRefused() {
    OperatorCommand bad = new OperatorCommand();
    new CommandLine(bad).parseArgs("--calendar-speed", "0");
    assertThatThrownBy(bad::calendar).hasMessageContaining("time scale must be a positive number, not 0.0");
  }
}
