package io.conoha.assistant.sim;

import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** A server's mutable state inside the simulator; guarded by the {@link SimWorld} lock. */
final class ServerRecord {
  static final String NAME_TAG = "instance_name_tag";

  final String id;
  final String name;
  final Instant created;
  final String ipv4;
  final String ipv6;
  final String mac;
  final String hostId;
  final String instanceName;
  final String imageId;
  final String keyName;
  final List<String> securityGroups;
  final List<String> volumeIds = new ArrayList<>();
  final Map<String, String> metadata = new LinkedHashMap<>();

  SeedCatalog.Flavor flavor;
  /** The flavor before a resize, until it is confirmed or reverted. */
  SeedCatalog.Flavor previousFlavor;
  /** active or stopped: where confirmResize returns to. */
  String vmStateBeforeResize;
  String vmState;
  String taskState;
  int powerState;
  Instant updated;
  Instant launchedAt;
  String faultMessage;
  /** Bumped by every state change so that a timer of an older transition knows it is stale. */
  int epoch;
  /** When the server last began to run, in the {@link Scorebook}'s event order; saves before it are stale. */
  long lastStartEvent;

  ServerRecord(String id, String ipv4, String ipv6, String mac, String hostId, String instanceName, Instant created,
      SeedCatalog.Flavor flavor, String imageId, String keyName, List<String> securityGroups) {
    this.id = id;
    this.ipv4 = ipv4;
    this.name = ipv4.replace('.', '-'); // ConoHa names servers after their address
    this.ipv6 = ipv6;
    this.mac = mac;
    this.hostId = hostId;
    this.instanceName = instanceName;
    this.created = created;
    this.updated = created;
    this.flavor = flavor;
    this.imageId = imageId;
    this.keyName = keyName;
    this.securityGroups = List.copyOf(securityGroups);
  }

  /** Nova derives the status from vm_state and task_state; so do we. */
  String status() {
    String task = taskState == null ? "" : taskState;
    return switch (vmState) {
      case "building" -> "BUILD";
      case "active" -> task.startsWith("reboot") ? (task.contains("hard") ? "HARD_REBOOT" : "REBOOT")
          : task.startsWith("resize") ? "RESIZE" : "ACTIVE";
      case "stopped" -> task.startsWith("resize") ? "RESIZE" : "SHUTOFF";
      case "resized" -> "VERIFY_RESIZE";
      case "error" -> "ERROR";
      default -> "UNKNOWN";
    };
  }

  /** Moves to a settled vm_state with its power state, clearing any task. */
  void settle(String newVmState, Instant now) {
    vmState = newVmState;
    taskState = null;
    powerState = switch (newVmState) {
      case "active" -> 1;
      case "stopped" -> 4;
      case "resized" -> "stopped".equals(vmStateBeforeResize) ? 4 : 1;
      default -> 0;
    };
    if ("active".equals(newVmState) && launchedAt == null) {
      launchedAt = now;
    }
    updated = now;
    epoch++;
  }

  void startTask(String task, Instant now) {
    taskState = task;
    updated = now;
    epoch++;
  }

  String nameTag() {
    return metadata.getOrDefault(NAME_TAG, name);
  }

  boolean isVolumeBacked() {
    return imageId == null;
  }

  SimServer snapshot() {
    return new SimServer(id, nameTag(), status(), flavor.id(), flavor.name(), imageId, volumeIds, metadata,
        List.of(ipv4), created);
  }
}
