package io.conoha.assistant.operator.schedule;

import io.conoha.assistant.api.ScheduleSpec;
import io.conoha.assistant.api.ScheduleWindow;
import io.conoha.assistant.api.ServerState;
import io.conoha.assistant.api.Weekday;
import java.time.DateTimeException;
import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.zone.ZoneOffsetTransition;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Pattern;

/**
 * A checked weekly schedule in one time zone: which window holds at an instant, and the instants its windows begin
 * and end. Pure: no clock, the instant is always given.
 *
 * <p>Windows are in local time, so they follow DST: a window from 18:00 is at 18:00 on the wall clock in winter and
 * in summer. A local time that DST skips (02:30 on a spring-forward night) counts as the moment the clock jumps
 * over it; a local time that happens twice (autumn) counts the first time. A window whose {@code to} is not after
 * its {@code from} ends the next day.
 */
public final class Schedule {
  private static final Pattern TIME = Pattern.compile(ScheduleWindow.TIME);
  private static final int DAY = 24 * 60;
  private static final int WEEK = 7 * DAY;

  /** One window, checked: its label names it in status, events and errors. */
  public record Window(String label, Set<DayOfWeek> days, LocalTime from, LocalTime to, ServerState state) {
    boolean crossesMidnight() {
      return !to.isAfter(from);
    }
  }

  private final ZoneId zone;
  private final List<Window> windows;

  private Schedule(ZoneId zone, List<Window> windows) {
    this.zone = zone;
    this.windows = windows;
  }

  /** Checks a schedule; a bad one is refused with a reason naming the window ({@link InvalidSchedule}). */
  public static Schedule of(ScheduleSpec spec) {
    ZoneId zone = zone(spec.getTimeZone());
    List<Window> windows = new ArrayList<>();
    List<ScheduleWindow> given = spec.getWindows() == null ? List.of() : spec.getWindows();
    for (int i = 0; i < given.size(); i++) {
      windows.add(window(i, given.get(i)));
    }
    refuseConflicts(windows);
    return new Schedule(zone, List.copyOf(windows));
  }

  public ZoneId zone() {
    return zone;
  }

  public List<Window> windows() {
    return windows;
  }

  /** The window holding at {@code t} (the first listed, when windows of the same state overlap). */
  public Optional<Window> activeAt(Instant t) {
    LocalDate today = t.atZone(zone).toLocalDate();
    for (Window w : windows) {
      for (LocalDate d = today.minusDays(1); !d.isAfter(today); d = d.plusDays(1)) {
        if (w.days().contains(d.getDayOfWeek()) && !t.isBefore(start(w, d)) && t.isBefore(end(w, d))) {
          return Optional.of(w);
        }
      }
    }
    return Optional.empty();
  }

  /** Every instant after {@code t}, within {@code days} days, at which some window begins or ends. */
  public TreeSet<Instant> edgesAfter(Instant t, int days) {
    TreeSet<Instant> edges = new TreeSet<>();
    LocalDate today = t.atZone(zone).toLocalDate();
    for (Window w : windows) {
      for (LocalDate d = today.minusDays(1); !d.isAfter(today.plusDays(days)); d = d.plusDays(1)) {
        if (w.days().contains(d.getDayOfWeek())) {
          for (Instant edge : List.of(start(w, d), end(w, d))) {
            if (edge.isAfter(t)) {
              edges.add(edge);
            }
          }
        }
      }
    }
    return edges;
  }

  private Instant start(Window w, LocalDate d) {
    return at(d, w.from());
  }

  private Instant end(Window w, LocalDate d) {
    return at(w.crossesMidnight() ? d.plusDays(1) : d, w.to());
  }

  /** The instant the wall clock in the zone first shows {@code time} on {@code date} (or jumps over it). */
  private Instant at(LocalDate date, LocalTime time) {
    LocalDateTime local = LocalDateTime.of(date, time);
    ZoneOffsetTransition transition = zone.getRules().getTransition(local);
    if (transition != null && transition.isGap()) {
      return transition.getInstant();
    }
    return ZonedDateTime.ofLocal(local, zone, null).toInstant();
  }

  // ---- checks (the CRD's CEL rules check most of these too; not every API server enforces them)

  private static ZoneId zone(String name) {
    if (name == null || name.isBlank()) {
      return ZoneId.of("UTC");
    }
    try {
      return ZoneId.of(name);
    } catch (DateTimeException e) {
      throw new InvalidSchedule("spec.schedule.timeZone '" + name + "' is not an IANA time zone (such as Asia/Tokyo,"
          + " Europe/Berlin or UTC)");
    }
  }

  private static Window window(int index, ScheduleWindow w) {
    String label = w.getName() == null || w.getName().isBlank() ? "windows[" + index + "]" : w.getName();
    String where = "spec.schedule.windows[" + index + "]" + (label.startsWith("windows[") ? "" : " (" + label + ")");
    if (w.getDays() == null || w.getDays().isEmpty()) {
      throw new InvalidSchedule(where + ": days must name at least one of Mon, Tue, Wed, Thu, Fri, Sat, Sun");
    }
    if (w.getState() == null) {
      throw new InvalidSchedule(where + ": state must be Running, Stopped or Archived");
    }
    LocalTime from = time(where + ".from", w.getFrom());
    LocalTime to = time(where + ".to", w.getTo());
    if (from.equals(to)) {
      throw new InvalidSchedule(where + ": from and to are both " + w.getFrom() + "; a window needs a length");
    }
    Set<DayOfWeek> days = EnumSet.noneOf(DayOfWeek.class);
    for (Weekday day : w.getDays()) {
      if (day == null) {
        throw new InvalidSchedule(where + ": days must name days as Mon, Tue, Wed, Thu, Fri, Sat, Sun");
      }
      days.add(day.day());
    }
    return new Window(label, days, from, to, w.getState());
  }

  private static LocalTime time(String where, String value) {
    if (value == null || !TIME.matcher(value).matches()) {
      throw new InvalidSchedule(where + " '" + value + "' must be a local time HH:MM, such as 18:00");
    }
    return LocalTime.parse(value);
  }

  /** Windows that overlap (in local time, on any day of the week) must ask for the same state. */
  private static void refuseConflicts(List<Window> windows) {
    for (int i = 0; i < windows.size(); i++) {
      for (int j = i + 1; j < windows.size(); j++) {
        Window a = windows.get(i);
        Window b = windows.get(j);
        if (a.state() != b.state()) {
          firstSharedMinute(a, b).ifPresent(minute -> {
            throw new InvalidSchedule("spec.schedule windows " + a.label() + " and " + b.label() + " overlap on "
                + DayOfWeek.of(minute / DAY + 1).getDisplayName(java.time.format.TextStyle.SHORT, java.util.Locale.ENGLISH)
                + " at " + LocalTime.of(minute % DAY / 60, minute % 60) + " but ask for " + a.state() + " and "
                + b.state() + "; make them not overlap, or ask for the same state");
          });
        }
      }
    }
  }

  /** The first minute of the week (Mon 00:00 = 0) both windows cover. */
  private static Optional<Integer> firstSharedMinute(Window a, Window b) {
    boolean[] covered = weekMinutes(a);
    boolean[] other = weekMinutes(b);
    for (int m = 0; m < WEEK; m++) {
      if (covered[m] && other[m]) {
        return Optional.of(m);
      }
    }
    return Optional.empty();
  }

  private static boolean[] weekMinutes(Window w) {
    boolean[] covered = new boolean[WEEK];
    int from = w.from().getHour() * 60 + w.from().getMinute();
    int to = w.to().getHour() * 60 + w.to().getMinute();
    int length = w.crossesMidnight() ? DAY - from + to : to - from;
    for (DayOfWeek day : w.days()) {
      int start = (day.getValue() - 1) * DAY + from;
      for (int m = 0; m < length; m++) {
        covered[(start + m) % WEEK] = true;
      }
    }
    return covered;
  }
}
