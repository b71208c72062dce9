package io.conoha.assistant.operator.chaos;

import io.conoha.assistant.api.DeletionPolicy;
import io.conoha.assistant.api.ServerState;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * One incarnation of a resource the driver created (deleting and re-creating a name gives a new one, with a new
 * UID and so a new owner tag), with what its status ever named: the checks after the run compare ConoHa with it.
 */
final class Live {
  enum Kind { SERVER, IMAGE }

  final Kind kind;
  final String name;
  /** 1 for the first resource of this name, 2 after it was deleted and created again, ... */
  final int incarnation;
  final String uid;
  final DeletionPolicy policy;
  /** The image name a snapshot saves under; null for servers and imports. */
  final String imageName;
  final boolean imported;
  /** True when the spec is broken on purpose: it must end in a user-must-fix reason, never a billed object. */
  final boolean broken;
  volatile ServerState desired;
  /** The server named in spec.serverId, if the resource adopts one. */
  volatile String adopted;
  volatile boolean deleted;
  /** When the user deleted it (the simulator's clock is the system clock too). */
  volatile java.time.Instant deletedAt;
  /** Server, volume and image ids its status named at any sampled moment. */
  final Set<String> recorded = ConcurrentHashMap.newKeySet();
  /** Images its status showed Available (snapshots): a Retain backup, which must survive everything. */
  final Set<String> seenAvailable = ConcurrentHashMap.newKeySet();

  private Live(Kind kind, String name, int incarnation, String uid, DeletionPolicy policy, String imageName,
      boolean imported, boolean broken, ServerState desired) {
    this.kind = kind;
    this.name = name;
    this.incarnation = incarnation;
    this.uid = uid;
    this.policy = policy;
    this.imageName = imageName;
    this.imported = imported;
    this.broken = broken;
    this.desired = desired;
  }

  static Live server(String name, int incarnation, String uid, DeletionPolicy policy, ServerState desired,
      boolean broken) {
    return new Live(Kind.SERVER, name, incarnation, uid, policy, null, false, broken, desired);
  }

  static Live image(String name, int incarnation, String uid, DeletionPolicy policy, String imageName,
      boolean imported) {
    return new Live(Kind.IMAGE, name, incarnation, uid, policy, imageName, imported, false, null);
  }

  /** "s0#2": the name and which incarnation of it, for messages. */
  @Override
  public String toString() {
    return name + "#" + incarnation;
  }
}
