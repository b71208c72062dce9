package io.conoha.assistant.api;

/** Where the image is on its way to being available. */
public enum ImagePhase {
  Pending, Stopping, Saving, Available, Failed, Deleting
}
