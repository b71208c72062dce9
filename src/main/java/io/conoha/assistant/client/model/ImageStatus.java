package io.conoha.assistant.client.model;

import java.util.Locale;

/**
 * Image statuses, normalised: the Nova image proxy (v2) speaks upper-case (SAVING, ACTIVE, ERROR),
 * Glance speaks lower-case (queued, saving, active, killed, ...).
 */
public enum ImageStatus {
  QUEUED, SAVING, UPLOADING, IMPORTING, ACTIVE, KILLED, DELETED, PENDING_DELETE, DEACTIVATED, UNKNOWN;

  public static ImageStatus parse(String raw) {
    if (raw == null) {
      return UNKNOWN;
    }
    String s = raw.trim().toUpperCase(Locale.ROOT);
    if (s.equals("ERROR")) {
      return KILLED; // Nova's name for Glance's killed
    }
    try {
      return valueOf(s);
    } catch (IllegalArgumentException e) {
      return UNKNOWN;
    }
  }

  /** The save is still running. */
  public boolean isInProgress() {
    return this == QUEUED || this == SAVING || this == UPLOADING || this == IMPORTING;
  }

  /** The save failed or the image is going away. */
  public boolean isFailed() {
    return this == KILLED || this == DELETED || this == PENDING_DELETE;
  }
}
