package io.conoha.assistant.sim;

import java.time.Instant;

/**
 * One server deletion as the {@link Ledger} scores it. {@code owner} is the server's
 * {@code conoha-assistant:owner} metadata at that moment (null when it had none); {@code saved} says whether an
 * {@code active} image of the server existed that was saved while the server was stopped and after its last start
 * ({@code savedImageId} names it); {@code userAsked} whether the deletion was expected: made in the control panel
 * ({@code via} {@code "admin"}) or of an owner announced with {@link SimAdmin#expectDeletion(String)}. {@code via}
 * is {@code "api"} for Nova's {@code DELETE /servers/{id}}.
 */
public record ServerDeletion(String serverId, String owner, Instant at, boolean saved, String savedImageId,
    boolean userAsked, String via) {

  /** Data lost: nothing saved the server's disk as it last ran. */
  public boolean unsaved() {
    return !saved;
  }

  /** Data lost without the user asking for it: what must never happen. */
  public boolean unexpectedUnsaved() {
    return !saved && !userAsked;
  }
}
