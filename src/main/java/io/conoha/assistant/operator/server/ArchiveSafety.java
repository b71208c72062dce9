package io.conoha.assistant.operator.server;

import io.conoha.assistant.api.ArchiveRecord;
import io.conoha.assistant.client.model.Image;
import io.conoha.assistant.client.model.ImageStatus;
import io.conoha.assistant.client.model.Server;
import io.conoha.assistant.client.model.ServerStatus;
import java.util.Optional;

/**
 * The archive safety rule, in one place: a server is deleted for an archive only when an image of it, saved
 * while it was stopped and after its last start, is {@code active}.
 *
 * <ul>
 *   <li>"saved while stopped": a save is started only on a SHUTOFF server without a task, and the pending archive
 *       records the server it was saved from;</li>
 *   <li>"after its last start": the operator never starts a server while a pending archive exists (a taken-back
 *       Archived waits for the save, keeps the image as an archive and only then starts), and the server must
 *       still be SHUTOFF without a task now, so no start by anyone can have come between save and delete;</li>
 *   <li>"active": the image itself, looked up by id (never a listing's silence), is active.</li>
 * </ul>
 * {@link ServerDecider} decides the delete only when this holds, and {@link ServerActor} checks it again right
 * before the call.
 */
final class ArchiveSafety {
  private ArchiveSafety() {}

  static boolean mayDelete(Server server, ArchiveRecord pending, Optional<Image> image) {
    return pending != null && pending.getImageId() != null
        && server.id().equals(pending.getServerId())
        && server.status() == ServerStatus.SHUTOFF && server.taskState() == null
        && image.isPresent() && image.get().id().equals(pending.getImageId())
        && image.get().status() == ImageStatus.ACTIVE;
  }
}
