package io.conoha.assistant.client.model;

import java.util.Locale;

/** Nova server statuses (https://docs.openstack.org/api-guide/compute/server_concepts.html). */
public enum ServerStatus {
  ACTIVE, BUILD, DELETED, ERROR, HARD_REBOOT, MIGRATING, PASSWORD, PAUSED, REBOOT, REBUILD, RESCUE, RESIZE,
  REVERT_RESIZE, SHELVED, SHELVED_OFFLOADED, SHUTOFF, SOFT_DELETED, SUSPENDED, VERIFY_RESIZE, UNKNOWN;

  public static ServerStatus parse(String raw) {
    if (raw == null) {
      return UNKNOWN;
    }
    try {
      return valueOf(raw.trim().toUpperCase(Locale.ROOT));
    } catch (IllegalArgumentException e) {
      return UNKNOWN;
    }
  }

  /** A status that will change by itself (the operator should look again soon). */
  public boolean isTransitional() {
    return switch (this) {
      case BUILD, HARD_REBOOT, MIGRATING, PASSWORD, REBOOT, REBUILD, RESIZE, REVERT_RESIZE -> true;
      default -> false;
    };
  }
}
