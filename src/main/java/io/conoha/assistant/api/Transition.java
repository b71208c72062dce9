package io.conoha.assistant.api;

import com.fasterxml.jackson.annotation.JsonPropertyDescription;

/** The next scheduled change of the effective state. */
public class Transition {
  @JsonPropertyDescription("When (RFC 3339, UTC).")
  private String time;
  @JsonPropertyDescription("The effective state from then on.")
  private ServerState state;
  @JsonPropertyDescription("What causes it: a window's name, spec.state (leaving a window) or the run-until annotation.")
  private String window;

  public Transition() {}

  public Transition(String time, ServerState state, String window) {
    this.time = time;
    this.state = state;
    this.window = window;
  }

  public String getTime() { return time; }
  public void setTime(String time) { this.time = time; }
  public ServerState getState() { return state; }
  public void setState(ServerState state) { this.state = state; }
  public String getWindow() { return window; }
  public void setWindow(String window) { this.window = window; }
}
