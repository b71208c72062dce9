package io.conoha.assistant.api;

import com.fasterxml.jackson.annotation.JsonPropertyDescription;
import io.fabric8.generator.annotation.Default;
import io.fabric8.generator.annotation.Size;
import java.util.ArrayList;
import java.util.List;

/** Weekly windows that override spec.state; outside every window spec.state holds. */
public class ScheduleSpec {
  @Default("UTC")
  @JsonPropertyDescription("IANA time zone the windows are in, e.g. Asia/Tokyo or Europe/Berlin (DST is followed). Default UTC.")
  private String timeZone = "UTC";

  @Size(max = 32)
  @JsonPropertyDescription("The windows. Windows that overlap must ask for the same state.")
  private List<ScheduleWindow> windows = new ArrayList<>();

  public ScheduleSpec() {}

  public ScheduleSpec(String timeZone, List<ScheduleWindow> windows) {
    this.timeZone = timeZone;
    this.windows = new ArrayList<>(windows);
  }

  public String getTimeZone() { return timeZone; }
  public void setTimeZone(String timeZone) { this.timeZone = timeZone; }
  public List<ScheduleWindow> getWindows() { return windows; }
  public void setWindows(List<ScheduleWindow> windows) { this.windows = windows; }
}
