package io.conoha.assistant.api;

import com.fasterxml.jackson.annotation.JsonPropertyDescription;
import io.fabric8.generator.annotation.Pattern;
import io.fabric8.generator.annotation.Required;
import io.fabric8.generator.annotation.Size;
import io.fabric8.generator.annotation.ValidationRule;
import java.util.ArrayList;
import java.util.List;

/** A weekly window in which the server should be in another state than spec.state. */
@ValidationRule(value = "self.from != self.to", message = "from and to must differ (a window of no length, or of a whole day, is ambiguous)")
public class ScheduleWindow {
  public static final String TIME = "^([01][0-9]|2[0-3]):[0-5][0-9]$";

  @JsonPropertyDescription("A name for events and status; default windows[INDEX].")
  @Pattern("^[A-Za-z0-9][A-Za-z0-9_.-]{0,62}$")
  private String name;

  @Required
  @Size(min = 1, max = 7)
  @JsonPropertyDescription("Days the window begins on: Mon, Tue, Wed, Thu, Fri, Sat, Sun.")
  private List<Weekday> days = new ArrayList<>();

  @Required
  @Pattern(TIME)
  @Size(min = 5, max = 5) // bounds the CEL rule's cost estimate
  @JsonPropertyDescription("Local start time HH:MM (in schedule.timeZone).")
  private String from;

  @Required
  @Pattern(TIME)
  @Size(min = 5, max = 5) // bounds the CEL rule's cost estimate
  @JsonPropertyDescription("Local end time HH:MM; earlier than from means the window ends the next day (crosses midnight).")
  private String to;

  @Required
  @JsonPropertyDescription("The state inside the window: Running, Stopped or Archived.")
  private ServerState state;

  public ScheduleWindow() {}

  public ScheduleWindow(String name, List<Weekday> days, String from, String to, ServerState state) {
    this.name = name;
    this.days = new ArrayList<>(days);
    this.from = from;
    this.to = to;
    this.state = state;
  }

  public String getName() { return name; }
  public void setName(String name) { this.name = name; }
  public List<Weekday> getDays() { return days; }
  public void setDays(List<Weekday> days) { this.days = days; }
  public String getFrom() { return from; }
  public void setFrom(String from) { this.from = from; }
  public String getTo() { return to; }
  public void setTo(String to) { this.to = to; }
  public ServerState getState() { return state; }
  public void setState(ServerState state) { this.state = state; }
}
