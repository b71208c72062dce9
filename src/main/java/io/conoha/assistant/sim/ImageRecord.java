package io.conoha.assistant.sim;

import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * An image's mutable state inside the simulator; guarded by the {@link SimWorld} lock. While a save runs the
 * stored status is {@code saving}; what clients see (queued first, then saving with rising progress) is derived
 * from the clock, so no timer is needed for progress.
 */
final class ImageRecord {
  final String id;
  final String name;
  final String visibility;
  final String owner;
  final Instant created;
  final Map<String, String> properties = new LinkedHashMap<>();
  final int minDisk;
  final String sourceServerId;

  String status;
  Long sizeBytes;
  String checksum;
  String diskFormat;
  String containerFormat;
  Instant updated;
  Instant saveStarted;
  Duration saveDuration = Duration.ZERO;
  /** Bytes the running save will occupy; counted against the quota before it completes. */
  long pendingBytes;
  /** When the save began, in the {@link Scorebook}'s event order. */
  long saveEvent;
  /** Whether the source server was stopped when the save began (only then is its disk consistent). */
  boolean savedWhileStopped;
  /** The source server's owner tag when the save began: whose image it is when the save carried no tags (v3). */
  String sourceOwner;

  ImageRecord(String id, String name, String visibility, String owner, Instant created, int minDisk,
      String sourceServerId, String status) {
    this.id = id;
    this.name = name;
    this.visibility = visibility;
    this.owner = owner;
    this.created = created;
    this.updated = created;
    this.minDisk = minDisk;
    this.sourceServerId = sourceServerId;
    this.status = status;
  }

  boolean isPrivate() {
    return "private".equals(visibility);
  }

  boolean inProgress() {
    return "saving".equals(status);
  }

  private double fraction(Instant now) {
    long total = Math.max(1, saveDuration.toMillis());
    return Math.min(1.0, Duration.between(saveStarted, now).toMillis() / (double) total);
  }

  /** Glance's lower-case status: queued for the first tenth of a save, then saving. */
  String glanceStatus(Instant now) {
    if (inProgress()) {
      return fraction(now) < 0.1 ? "queued" : "saving";
    }
    return status;
  }

  /** 0..99 while saving, 100 when active, 0 otherwise. */
  int progress(Instant now) {
    if (inProgress()) {
      return (int) Math.min(99, Math.floor(fraction(now) * 100));
    }
    return "active".equals(status) ? 100 : 0;
  }

  /** The Nova image proxy's upper-case status. */
  String novaStatus() {
    return switch (status) {
      case "saving", "queued" -> "SAVING";
      case "active" -> "ACTIVE";
      case "killed" -> "ERROR";
      case "deleted", "pending_delete" -> "DELETED";
      default -> "UNKNOWN";
    };
  }

  SimImage snapshot(Instant now) {
    return new SimImage(id, name, glanceStatus(now), progress(now), visibility, sizeBytes == null ? 0 : sizeBytes,
        sourceServerId, properties);
  }
}
