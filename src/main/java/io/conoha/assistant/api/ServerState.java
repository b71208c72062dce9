package io.conoha.assistant.api;

/** The power and existence state a user asks for. */
public enum ServerState {
  /** The server exists and runs. */
  Running,
  /** The server exists, powered off (still billed by ConoHa). */
  Stopped,
  /** The server is saved as an image and deleted, so it costs nothing but image storage. */
  Archived
}
