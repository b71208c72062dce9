package io.conoha.assistant.api;

/** Where the server is on its way to the desired state. */
public enum ServerPhase {
  Pending, Creating, Running, Stopping, Stopped, Starting, Resizing, Snapshotting, Archiving, Archived,
  Restoring, Deleting, Failed
}
