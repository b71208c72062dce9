package io.conoha.assistant.operator.schedule;

import static io.conoha.assistant.api.ServerState.Archived;
import static io.conoha.assistant.api.ServerState.Running;
import static io.conoha.assistant.api.ServerState.Stopped;
import static io.conoha.assistant.api.Weekday.*;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.conoha.assistant.api.ConohaServerSpec;
import io.conoha.assistant.api.ScheduleSpec;
import io.conoha.assistant.api.ScheduleWindow;
import io.conoha.assistant.api.ServerState;
import io.conoha.assistant.api.Weekday;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Table tests of the effective state: a spec, an instant (and annotations), and the state, what sets it and the
 * next change. Instants are written in UTC; the comments give the local time.
 */
class EffectiveStateTest {

  static ScheduleWindow window(String name, List<Weekday> days, String from, String to, ServerState state) {
    return new ScheduleWindow(name, days, from, to, state);
  }

  /** The README's weekend game server: archived, except Fri and Sat evenings into the night; stopped on workdays. */
  static ConohaServerSpec gameServer(String zone) {
    ConohaServerSpec spec = new ConohaServerSpec();
    spec.setState(Archived);
    spec.setSchedule(new ScheduleSpec(zone, List.of(
        window("weekend-nights", List.of(Fri, Sat), "18:00", "02:00", Running),
        window("workdays", List.of(Mon, Tue, Wed, Thu, Fri), "09:00", "18:00", Stopped))));
    return spec;
  }

  static Stream<Arguments> tokyo() {
    // 2026-12-04 is a Friday. Asia/Tokyo is UTC+9, no DST.
    return Stream.of(
        Arguments.of("Fri 08:00: outside every window", "2026-12-03T23:00:00Z", Archived, "spec.state",
            "2026-12-04T00:00:00Z", Stopped, "window workdays"),
        Arguments.of("Fri 12:00: workdays", "2026-12-04T03:00:00Z", Stopped, "window workdays",
            "2026-12-04T09:00:00Z", Running, "window weekend-nights"),
        Arguments.of("Fri 18:00 exactly: the edge belongs to the window that begins", "2026-12-04T09:00:00Z", Running,
            "window weekend-nights", "2026-12-04T17:00:00Z", Archived, "spec.state"),
        Arguments.of("Sat 01:59: a window from Fri crosses midnight", "2026-12-04T16:59:00Z", Running,
            "window weekend-nights", "2026-12-04T17:00:00Z", Archived, "spec.state"),
        Arguments.of("Sat 02:00: ended", "2026-12-04T17:00:00Z", Archived, "spec.state",
            "2026-12-05T09:00:00Z", Running, "window weekend-nights"),
        Arguments.of("Sun 01:00: Saturday's window runs into Sunday", "2026-12-05T16:00:00Z", Running,
            "window weekend-nights", "2026-12-05T17:00:00Z", Archived, "spec.state"),
        Arguments.of("Sun 12:00: the next change is Monday's workday", "2026-12-06T03:00:00Z", Archived, "spec.state",
            "2026-12-07T00:00:00Z", Stopped, "window workdays"));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("tokyo")
  void weekendGameServerInTokyo(String row, String now, ServerState state, String source, String nextAt,
      ServerState nextState, String nextSource) {
    EffectiveState e = EffectiveState.of(gameServer("Asia/Tokyo"), Map.of(), Instant.parse(now));
    assertThat(e.state()).isEqualTo(state);
    assertThat(e.source()).isEqualTo(source);
    assertThat(e.next()).contains(new EffectiveState.Change(Instant.parse(nextAt), nextState, nextSource));
  }

  static Stream<Arguments> berlin() {
    // Europe/Berlin: CET (UTC+1) until 2026-03-29 02:00 → 03:00 CEST (UTC+2); back at 2026-10-25 03:00 → 02:00.
    return Stream.of(
        Arguments.of("Fri before spring forward: 18:00 CET is 17:00Z", "2026-03-27T12:00:00Z", "2026-03-27T17:00:00Z"),
        Arguments.of("Sat night window ends 02:00 CET, before the jump", "2026-03-28T20:00:00Z", "2026-03-29T01:00:00Z"),
        Arguments.of("Fri after spring forward: 18:00 CEST is 16:00Z", "2026-04-03T12:00:00Z", "2026-04-03T16:00:00Z"),
        Arguments.of("Sat night before fall back ends 02:00 CEST", "2026-10-24T20:00:00Z", "2026-10-25T00:00:00Z"),
        Arguments.of("Fri after fall back: 18:00 CET is 17:00Z again", "2026-10-30T12:00:00Z", "2026-10-30T17:00:00Z"));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("berlin")
  void windowsFollowTheWallClockAcrossDst(String row, String now, String nextAt) {
    EffectiveState e = EffectiveState.of(gameServer("Europe/Berlin"), Map.of(), Instant.parse(now));
    assertThat(e.next()).map(EffectiveState.Change::at).contains(Instant.parse(nextAt));
  }

  @Test
  void aWindowStartingInTheSkippedHourStartsWhenTheClockJumps() {
    ConohaServerSpec spec = new ConohaServerSpec();
    spec.setState(Archived);
    // 02:30 does not exist in Berlin on 2026-03-29: the clock goes from 01:59 CET to 03:00 CEST (01:00Z).
    spec.setSchedule(new ScheduleSpec("Europe/Berlin", List.of(window("maintenance", List.of(Sun), "02:30", "04:00", Running))));
    EffectiveState e = EffectiveState.of(spec, Map.of(), Instant.parse("2026-03-28T23:00:00Z"));
    assertThat(e.next()).contains(new EffectiveState.Change(Instant.parse("2026-03-29T01:00:00Z"), Running, "window maintenance"));
    assertThat(EffectiveState.of(spec, Map.of(), Instant.parse("2026-03-29T01:00:00Z")).state()).isEqualTo(Running);
    assertThat(EffectiveState.of(spec, Map.of(), Instant.parse("2026-03-29T02:00:00Z")).state()).isEqualTo(Archived);
  }

  @Test
  void aWindowInTheRepeatedHourBeginsTheFirstTimeAndLastsUntilItsEnd() {
    ConohaServerSpec spec = new ConohaServerSpec();
    spec.setState(Archived);
    // 02:30 happens twice in Berlin on 2026-10-25: first at 00:30Z (CEST), then at 01:30Z (CET).
    spec.setSchedule(new ScheduleSpec("Europe/Berlin", List.of(window(null, List.of(Sun), "02:30", "03:30", Running))));
    EffectiveState e = EffectiveState.of(spec, Map.of(), Instant.parse("2026-10-24T12:00:00Z"));
    assertThat(e.next()).contains(new EffectiveState.Change(Instant.parse("2026-10-25T00:30:00Z"), Running, "window windows[0]"));
    assertThat(EffectiveState.of(spec, Map.of(), Instant.parse("2026-10-25T02:00:00Z")).state()).isEqualTo(Running);
    assertThat(EffectiveState.of(spec, Map.of(), Instant.parse("2026-10-25T02:30:00Z")).state()).isEqualTo(Archived);
  }

  @Test
  void withoutScheduleSpecStateHoldsAndNothingChanges() {
    ConohaServerSpec spec = new ConohaServerSpec();
    spec.setState(Stopped);
    EffectiveState e = EffectiveState.of(spec, Map.of(), Instant.parse("2026-12-04T03:00:00Z"));
    assertThat(e.state()).isEqualTo(Stopped);
    assertThat(e.scheduled()).isFalse();
    assertThat(e.next()).isEmpty();
  }

  @Test
  void runUntilKeepsTheServerRunningWhateverTheScheduleSaysThenTheScheduleResumes() {
    // Sun 12:00 JST, archived by the schedule; woken until 15:00 JST.
    Map<String, String> annotations = Map.of(EffectiveState.RUN_UNTIL, "2026-12-06T15:00:00+09:00");
    EffectiveState e = EffectiveState.of(gameServer("Asia/Tokyo"), annotations, Instant.parse("2026-12-06T03:00:00Z"));
    assertThat(e.state()).isEqualTo(Running);
    assertThat(e.source()).isEqualTo(EffectiveState.ANNOTATION_SOURCE);
    assertThat(e.runUntil()).contains(Instant.parse("2026-12-06T06:00:00Z"));
    assertThat(e.next()).contains(new EffectiveState.Change(Instant.parse("2026-12-06T06:00:00Z"), Archived, "spec.state"));
  }

  @Test
  void runUntilOverridesAStoppedWindowAndEndsInsideIt() {
    Map<String, String> annotations = Map.of(EffectiveState.RUN_UNTIL, "2026-12-04T05:00:00Z");
    EffectiveState e = EffectiveState.of(gameServer("Asia/Tokyo"), annotations, Instant.parse("2026-12-04T03:00:00Z"));
    assertThat(e.state()).isEqualTo(Running);
    assertThat(e.next()).contains(new EffectiveState.Change(Instant.parse("2026-12-04T05:00:00Z"), Stopped, "window workdays"));
  }

  @Test
  void anExpiredRunUntilIsIgnored() {
    Map<String, String> annotations = Map.of(EffectiveState.RUN_UNTIL, "2026-12-06T02:00:00Z");
    EffectiveState e = EffectiveState.of(gameServer("Asia/Tokyo"), annotations, Instant.parse("2026-12-06T03:00:00Z"));
    assertThat(e.state()).isEqualTo(Archived);
    assertThat(e.runUntil()).isEmpty();
  }

  static Stream<Arguments> invalid() {
    return Stream.of(
        Arguments.of("unknown zone", new ScheduleSpec("Asia/Tokio", List.of()), "timeZone 'Asia/Tokio' is not an IANA"),
        Arguments.of("from equals to", new ScheduleSpec("UTC", List.of(window("night", List.of(Mon), "18:00", "18:00", Running))),
            "windows[0] (night): from and to are both 18:00"),
        Arguments.of("not a time", new ScheduleSpec("UTC", List.of(window(null, List.of(Mon), "25:00", "18:00", Running))),
            "windows[0].from '25:00' must be a local time HH:MM"),
        Arguments.of("no days", new ScheduleSpec("UTC", List.of(window(null, List.of(), "08:00", "18:00", Running))),
            "windows[0]: days must name at least one"),
        Arguments.of("the issue's example: Fri 18:00-19:00 is in both windows",
            new ScheduleSpec("Asia/Tokyo", List.of(
                window("weekend-nights", List.of(Fri, Sat), "18:00", "02:00", Running),
                window("workdays", List.of(Mon, Tue, Wed, Thu, Fri), "09:00", "19:00", Stopped))),
            "windows weekend-nights and workdays overlap on Fri at 18:00 but ask for Running and Stopped"),
        Arguments.of("overlap across midnight into Monday",
            new ScheduleSpec("UTC", List.of(
                window("sunday-night", List.of(Sun), "22:00", "06:00", Running),
                window("monday", List.of(Mon), "05:00", "09:00", Stopped))),
            "overlap on Mon at 05:00"));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("invalid")
  void invalidSchedulesAreRefusedNamingTheWindow(String row, ScheduleSpec schedule, String reason) {
    ConohaServerSpec spec = new ConohaServerSpec();
    spec.setSchedule(schedule);
    assertThatThrownBy(() -> EffectiveState.of(spec, Map.of(), Instant.parse("2026-12-04T03:00:00Z")))
        .isInstanceOf(InvalidSchedule.class).hasMessageContaining(reason);
  }

  @Test
  void overlappingWindowsThatAgreeAreFine() {
    ConohaServerSpec spec = new ConohaServerSpec();
    spec.setState(Archived);
    spec.setSchedule(new ScheduleSpec("UTC", List.of(
        window("a", List.of(Mon), "08:00", "12:00", Running), window("b", List.of(Mon), "10:00", "14:00", Running))));
    EffectiveState e = EffectiveState.of(spec, Map.of(), Instant.parse("2026-11-30T11:00:00Z"));
    assertThat(e.source()).isEqualTo("window a");
    assertThat(e.next()).contains(new EffectiveState.Change(Instant.parse("2026-11-30T14:00:00Z"), Archived, "spec.state"));
  }

  @Test
  void aBadRunUntilIsRefusedWithTheExpectedForm() {
    assertThatThrownBy(() -> EffectiveState.of(gameServer("UTC"), Map.of(EffectiveState.RUN_UNTIL, "tomorrow"),
        Instant.parse("2026-12-04T03:00:00Z")))
        .isInstanceOf(InvalidSchedule.class).hasMessageContaining("'tomorrow' is not an RFC 3339 time");
  }
}
