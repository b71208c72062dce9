package io.conoha.assistant.operator.schedule;

import io.conoha.assistant.api.ConohaServerSpec;
import io.conoha.assistant.api.ServerState;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.Map;
import java.util.Optional;
import java.util.TreeSet;

/**
 * The state a ConohaServer should be in at an instant: the run-until annotation while it holds (Running), else the
 * schedule window holding then, else spec.state; and when that next changes. A pure function of the spec, the
 * annotations and the instant, so it is recomputed identically after a restart or by a new leader, and the
 * operator never writes the spec (GitOps-safe).
 *
 * @param state    the state to work toward now
 * @param source   what sets it: {@value #SPEC}, {@code window NAME}, or {@value #ANNOTATION_SOURCE}
 * @param runUntil the run-until annotation's time while it holds
 * @param next     the next change of the state (none within a week: none)
 */
public record EffectiveState(ServerState state, String source, Optional<Instant> runUntil, Optional<Change> next) {
  public static final String RUN_UNTIL = "conoha-assistant.io/run-until";
  public static final String SPEC = "spec.state";
  public static final String ANNOTATION_SOURCE = "annotation " + RUN_UNTIL;
  /** Edges are looked for this many days ahead: every weekly window recurs within it. */
  private static final int HORIZON_DAYS = 8;

  /** A coming change: at {@code at} the state becomes {@code state}, set by {@code source}. */
  public record Change(Instant at, ServerState state, String source) {}

  /** Whether a window (or the annotation), not spec.state, sets the state. */
  public boolean scheduled() {
    return !SPEC.equals(source);
  }

  /**
   * @throws InvalidSchedule for a schedule that cannot be followed or an annotation that is not an RFC 3339 time
   */
  public static EffectiveState of(ConohaServerSpec spec, Map<String, String> annotations, Instant now) {
    Optional<Schedule> schedule = spec.getSchedule() == null ? Optional.empty() : Optional.of(Schedule.of(spec.getSchedule()));
    Optional<Instant> until = runUntil(annotations);
    Resolver resolver = new Resolver(spec.getState(), schedule, until);
    Change current = resolver.at(now);
    TreeSet<Instant> edges = schedule.map(s -> s.edgesAfter(now, HORIZON_DAYS)).orElseGet(TreeSet::new);
    until.filter(now::isBefore).ifPresent(edges::add);
    Optional<Change> next = edges.stream().map(resolver::at).filter(c -> c.state() != current.state()).findFirst();
    return new EffectiveState(current.state(), current.source(), until.filter(now::isBefore), next);
  }

  private static Optional<Instant> runUntil(Map<String, String> annotations) {
    String value = annotations == null ? null : annotations.get(RUN_UNTIL);
    if (value == null || value.isBlank()) {
      return Optional.empty();
    }
    try {
      return Optional.of(OffsetDateTime.parse(value.trim()).toInstant());
    } catch (DateTimeParseException e) {
      throw new InvalidSchedule("annotation " + RUN_UNTIL + " '" + value + "' is not an RFC 3339 time such as"
          + " 2026-12-05T23:00:00+09:00");
    }
  }

  /** The state at any instant, with what sets it. */
  private record Resolver(ServerState specState, Optional<Schedule> schedule, Optional<Instant> until) {
    Change at(Instant t) {
      if (until.isPresent() && t.isBefore(until.get())) {
        return new Change(t, ServerState.Running, ANNOTATION_SOURCE);
      }
      return schedule.flatMap(s -> s.activeAt(t))
          .map(w -> new Change(t, w.state(), "window " + w.label()))
          .orElseGet(() -> new Change(t, specState, SPEC));
    }
  }
}
