package io.conoha.assistant.operator;

import static io.conoha.assistant.api.Weekday.Fri;
import static io.conoha.assistant.api.Weekday.Sat;
import static io.conoha.assistant.api.Weekday.Sun;
import static io.conoha.assistant.operator.Resources.UBUNTU;
import static io.conoha.assistant.operator.Resources.V2_PLAN;
import static io.conoha.assistant.operator.Resources.server;
import static io.conoha.assistant.operator.ServerScenariosTest.phase;
import static io.conoha.assistant.operator.ServerScenariosTest.ready;
import static org.assertj.core.api.Assertions.assertThat;

import io.conoha.assistant.api.ConohaServer;
import io.conoha.assistant.api.ScheduleSpec;
import io.conoha.assistant.api.ScheduleWindow;
import io.conoha.assistant.api.ServerPhase;
import io.conoha.assistant.api.ServerState;
import io.conoha.assistant.api.Weekday;
import io.conoha.assistant.client.ApiGeneration;
import io.conoha.assistant.operator.schedule.EffectiveState;
import io.conoha.assistant.sim.SimConfig;
import io.conoha.assistant.sim.SimTimings;
import io.fabric8.kubernetes.api.model.Event;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Schedules and run-until against the real operator and the simulator, on a calendar the test sets just before
 * an edge (the calendar then runs at the wall clock's pace, so the operator must wake by itself at the edge).
 */
class ScheduleScenariosTest {
  /** 2026-12-04 is a Friday; Asia/Tokyo is UTC+9. */
  static final Instant FRI_1800_TOKYO = Instant.parse("2026-12-04T09:00:00Z");
  static final Duration LEAD = Duration.ofSeconds(8);

  static Testbed bedAt(ScaledClock calendar) {
    return Testbed.start(SimConfig.defaults(ApiGeneration.V2).withTimings(SimTimings.fast()), calendar);
  }

  static void setCalendar(ScaledClock calendar, Instant to) {
    calendar.advance(Duration.between(calendar.instant(), to));
  }

  static ConohaServer weekendGameServer(String name) {
    ConohaServer mc = server(name, V2_PLAN, UBUNTU, ServerState.Archived);
    mc.getSpec().setSchedule(new ScheduleSpec("Asia/Tokyo", List.of(
        new ScheduleWindow("weekend-nights", List.of(Fri, Sat), "18:00", "02:00", ServerState.Running))));
    return mc;
  }

  static boolean effective(ConohaServer s, ServerState state) {
    return s.getStatus() != null && s.getStatus().getEffectiveState() == state;
  }

  static List<String> scheduledChanges(Testbed bed, String name) {
    return bed.events(name).stream().filter(e -> "ScheduledChange".equals(e.getReason())).map(Event::getMessage).toList();
  }

  @Test
  void theWeekendGameServerRunsFromItsWindowsEdgeAndIsArchivedAfterMidnight() {
    ScaledClock calendar = ScaledClock.startingAt(FRI_1800_TOKYO.minus(Duration.ofMinutes(1)));
    try (Testbed bed = bedAt(calendar)) {
      setCalendar(calendar, FRI_1800_TOKYO.minus(LEAD));
      bed.apply(weekendGameServer("mc"));

      ConohaServer waiting = bed.awaitServer("mc", "archived, waiting for Friday evening",
          s -> ready(s) && phase(s, ServerPhase.Archived) && s.getStatus().getNextTransition() != null);
      assertThat(waiting.getStatus().getEffectiveState()).isEqualTo(ServerState.Archived);
      assertThat(waiting.getStatus().getEffectiveStateSource()).isEqualTo(EffectiveState.SPEC);
      assertThat(waiting.getStatus().getNextTransition().getTime()).isEqualTo(FRI_1800_TOKYO.toString());
      assertThat(waiting.getStatus().getNextTransition().getState()).isEqualTo(ServerState.Running);
      assertThat(waiting.getStatus().getNextTransition().getWindow()).isEqualTo("window weekend-nights");
      assertThat(bed.sim.ledger().state().servers()).as("nothing billed before the window").isEmpty();

      ConohaServer running = bed.awaitServer("mc", "running from 18:00 without any spec change",
          s -> ready(s) && phase(s, ServerPhase.Running));
      assertThat(calendar.instant()).isAfterOrEqualTo(FRI_1800_TOKYO);
      assertThat(running.getSpec().getState()).as("the spec is never written").isEqualTo(ServerState.Archived);
      assertThat(running.getStatus().getEffectiveStateSource()).isEqualTo("window weekend-nights");
      assertThat(running.getStatus().getNextTransition().getTime()).isEqualTo("2026-12-04T17:00:00Z");
      assertThat(scheduledChanges(bed, "mc")).singleElement().asString()
          .contains("window weekend-nights asks for Running");

      // Saturday 02:00 in Tokyo: the window that began on Friday ends after midnight.
      setCalendar(calendar, Instant.parse("2026-12-04T17:00:00Z").minus(Duration.ofSeconds(2)));
      ConohaServer archived = bed.awaitServer("mc", "archived after 02:00",
          s -> ready(s) && phase(s, ServerPhase.Archived) && s.getStatus().getArchive() != null);
      assertThat(archived.getStatus().getEffectiveStateSource()).isEqualTo(EffectiveState.SPEC);
      assertThat(bed.sim.ledger().state().servers()).isEmpty();
      assertThat(scheduledChanges(bed, "mc")).hasSize(2).last().asString()
          .contains("spec.state asks for Archived (was Running from window weekend-nights)");
      assertThat(archived.getStatus().getUsage().getBilledSeconds()).isPositive();
    }
  }

  @Test
  void aSettledServersUsageIsCountedEachReconcileButWrittenOnlyWithOtherNewsOrHourly() {
    ScaledClock calendar = ScaledClock.startingAt(Instant.parse("2026-12-06T03:00:00Z"));
    try (Testbed bed = bedAt(calendar)) {
      bed.apply(server("idle", V2_PLAN, UBUNTU, ServerState.Running));
      bed.awaitServer("idle", "running", s -> ready(s) && phase(s, ServerPhase.Running));
      String settled = awaitStatusStill(bed, "idle");

      calendar.advance(Duration.ofMinutes(10));
      org.awaitility.Awaitility.await("usage counted").atMost(Testbed.WAIT)
          .until(() -> billedSecondsGauge(bed, "idle") >= 600);
      assertThat(bed.server("idle").getMetadata().getResourceVersion())
          .as("ten idle minutes counted, not written: no status write per reconcile for a recount alone")
          .isEqualTo(settled);

      bed.editServer("idle", s -> {
        s.getSpec().setState(ServerState.Stopped);
        return s;
      });
      ConohaServer stopped = bed.awaitServer("idle", "stopped", s -> ready(s) && phase(s, ServerPhase.Stopped));
      assertThat(stopped.getStatus().getUsage().getBilledSeconds()).as("the next write carries the count")
          .isGreaterThanOrEqualTo(600);
    }
  }

  /** Waits until the resource's status has not been written for three seconds; its resourceVersion then. */
  private static String awaitStatusStill(Testbed bed, String name) {
    String[] last = {bed.server(name).getMetadata().getResourceVersion()};
    long[] since = {System.nanoTime()};
    org.awaitility.Awaitility.await("status settled").atMost(Testbed.WAIT).pollInterval(Duration.ofMillis(200))
        .until(() -> {
          String now = bed.server(name).getMetadata().getResourceVersion();
          if (!now.equals(last[0])) {
            last[0] = now;
            since[0] = System.nanoTime();
          }
          return System.nanoTime() - since[0] > Duration.ofSeconds(3).toNanos();
        });
    return last[0];
  }

  private static double billedSecondsGauge(Testbed bed, String name) {
    java.util.regex.Matcher m = java.util.regex.Pattern.compile(
        "conoha_assistant_server_billed_seconds\\{[^}]*resource_name=\"" + name + "\"[^}]*} ([0-9.E+]+)")
        .matcher(bed.scrape());
    return m.find() ? Double.parseDouble(m.group(1)) : 0;
  }

  @Test
  void anEdgePassedWhileTheOperatorWasDownIsFollowedWhenItComesBack() {
    ScaledClock calendar = ScaledClock.startingAt(FRI_1800_TOKYO.minus(Duration.ofHours(1)));
    try (Testbed bed = bedAt(calendar)) {
      bed.apply(weekendGameServer("mc"));
      bed.awaitServer("mc", "archived", s -> ready(s) && phase(s, ServerPhase.Archived)
          && s.getStatus().getNextTransition() != null);

      bed.stopOperator();
      setCalendar(calendar, FRI_1800_TOKYO.plus(Duration.ofMinutes(5)));
      bed.startOperator();

      ConohaServer running = bed.awaitServer("mc", "running after the restart", s -> ready(s) && phase(s, ServerPhase.Running));
      assertThat(running.getStatus().getEffectiveState()).isEqualTo(ServerState.Running);
      assertThat(scheduledChanges(bed, "mc")).singleElement().asString().contains("window weekend-nights");
    }
  }

  @Test
  void aWindowInTheHourDstSkipsStartsWhenTheClocksJump() {
    // America/New_York, 2026-03-08: 02:00 EST becomes 03:00 EDT (07:00Z); a window from 02:30 starts then.
    Instant jump = Instant.parse("2026-03-08T07:00:00Z");
    ScaledClock calendar = ScaledClock.startingAt(jump.minus(Duration.ofMinutes(1)));
    try (Testbed bed = bedAt(calendar)) {
      setCalendar(calendar, jump.minus(LEAD));
      ConohaServer box = server("box", V2_PLAN, UBUNTU, ServerState.Archived);
      box.getSpec().setSchedule(new ScheduleSpec("America/New_York", List.of(
          new ScheduleWindow("night-jobs", List.of(Sun), "02:30", "05:00", ServerState.Running))));
      bed.apply(box);

      ConohaServer waiting = bed.awaitServer("box", "waiting", s -> s.getStatus() != null
          && s.getStatus().getNextTransition() != null);
      assertThat(waiting.getStatus().getNextTransition().getTime()).isEqualTo(jump.toString());
      bed.awaitServer("box", "running from 03:00 EDT", s -> ready(s) && phase(s, ServerPhase.Running));
      assertThat(calendar.instant()).isAfterOrEqualTo(jump);
    }
  }

  @Test
  void runUntilWakesAnArchivedServerWithoutTouchingGitAndIsIgnoredOnceExpired() {
    ScaledClock calendar = ScaledClock.startingAt(Instant.parse("2026-12-06T03:00:00Z"));
    try (Testbed bed = bedAt(calendar)) {
      bed.apply(weekendGameServer("mc"));
      bed.awaitServer("mc", "archived on Sunday noon", s -> ready(s) && phase(s, ServerPhase.Archived));

      Instant until = calendar.instant().plus(Duration.ofSeconds(20));
      bed.editServer("mc", s -> {
        s.getMetadata().setAnnotations(Map.of(EffectiveState.RUN_UNTIL, until.toString()));
        return s;
      });
      ConohaServer woken = bed.awaitServer("mc", "running until the annotation's time",
          s -> ready(s) && phase(s, ServerPhase.Running));
      assertThat(woken.getStatus().getEffectiveStateSource()).isEqualTo(EffectiveState.ANNOTATION_SOURCE);
      assertThat(woken.getStatus().getRunUntil()).isEqualTo(until.toString());
      assertThat(woken.getStatus().getNextTransition().getTime()).isEqualTo(until.toString());

      setCalendar(calendar, until.minus(Duration.ofSeconds(1)));
      ConohaServer expired = bed.awaitServer("mc", "archived again once it expired",
          s -> ready(s) && phase(s, ServerPhase.Archived) && s.getStatus().getArchive() != null);
      assertThat(expired.getMetadata().getAnnotations()).as("the operator does not remove it")
          .containsEntry(EffectiveState.RUN_UNTIL, until.toString());
      assertThat(expired.getStatus().getRunUntil()).isNull();
    }
  }

  @Test
  void aScheduleThatCannotBeFollowedIsInvalidSpecNamingTheWindowsAndCreatesNothing() {
    try (Testbed bed = Testbed.start(ApiGeneration.V2)) {
      ConohaServer mc = server("mc", V2_PLAN, UBUNTU, ServerState.Archived);
      mc.getSpec().setSchedule(new ScheduleSpec("Asia/Tokyo", List.of(
          new ScheduleWindow("weekend-nights", List.of(Fri, Sat), "18:00", "02:00", ServerState.Running),
          new ScheduleWindow("workdays", List.<Weekday>of(Weekday.Mon, Weekday.Fri), "09:00", "19:00", ServerState.Stopped))));
      bed.apply(mc);
      ConohaServer refused = bed.awaitServer("mc", "InvalidSpec", s -> "False/InvalidSpec".equals(ServerScenariosTest.synced(s)));
      assertThat(refused.getStatus().getConditions()).anySatisfy(c -> assertThat(c.getMessage())
          .contains("weekend-nights and workdays overlap on Fri at 18:00"));
      assertThat(bed.sim.ledger().state().servers()).isEmpty();
    }
  }
}
