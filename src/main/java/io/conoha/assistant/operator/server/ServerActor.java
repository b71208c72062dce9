package io.conoha.assistant.operator.server;

import io.conoha.assistant.api.ArchiveRecord;
import io.conoha.assistant.api.BootVolumeSpec;
import io.conoha.assistant.api.ConohaServerStatus;
import io.conoha.assistant.api.ServerPhase;
import io.conoha.assistant.client.ConohaClient;
import io.conoha.assistant.client.DiskStrategy;
import io.conoha.assistant.client.error.ConohaException;
import io.conoha.assistant.client.model.Image;
import io.conoha.assistant.client.model.Server;
import io.conoha.assistant.client.model.ServerCreateRequest;
import io.conoha.assistant.operator.Reasons;
import io.conoha.assistant.operator.Tags;
import io.conoha.assistant.operator.account.Listing;
import io.conoha.assistant.operator.reconcile.LostSaves;
import io.conoha.assistant.operator.reconcile.ResourceRun;
import io.conoha.assistant.operator.reconcile.SaveRefusals;
import io.conoha.assistant.operator.reconcile.StepFailure;
import io.conoha.assistant.operator.server.ServerStep.*;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Carries out the step {@link ServerDecider} chose: the ConoHa calls of exactly that step, then what it means for
 * status, conditions and events. Creates go through the run's create-once protocol.
 */
final class ServerActor {
  private static final DateTimeFormatter STAMP = DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss").withZone(ZoneOffset.UTC);

  private final ServerRun run;
  private final ConohaServerStatus status;

  ServerActor(ServerRun run) {
    this.run = run;
    this.status = run.status();
  }

  void act(ServerStep step) {
    if (step instanceof Wait w) {
      run.phase(w.phase());
      run.progressing(w.reason(), w.message());
    } else if (step instanceof Settled s) {
      settled(s);
    } else if (step instanceof AwaitListing) {
      run.awaitListing();
    } else if (step instanceof Fail f) {
      throw StepFailure.userMustFix(f.reason(), f.message());
    } else if (step instanceof Retry r) {
      throw StepFailure.transientFailure(r.reason(), r.message());
    } else if (step instanceof Adopt a) {
      adopt(a.server());
    } else if (step instanceof CreateBootVolume c) {
      createBootVolume(c);
    } else if (step instanceof CreateServer c) {
      createServer(c);
    } else if (step instanceof Start s) {
      start(s.server());
    } else if (step instanceof Stop s) {
      stop(s);
    } else if (step instanceof Resize r) {
      compute(() -> client().compute().resize(r.server().id(), r.flavor().id()));
      run.ops().events().normal(run.resource(), "Resizing", "resizing to plan " + r.flavor().name());
      resizing("resizing to plan " + r.flavor().name());
    } else if (step instanceof ConfirmResize c) {
      compute(() -> client().compute().confirmResize(c.server().id()));
      resizing("confirming the new plan");
    } else if (step instanceof SaveArchive s) {
      saveArchive(s.server());
    } else if (step instanceof DeleteArchivedServer d) {
      deleteArchivedServer(d.server(), d.saved());
    } else if (step instanceof DeleteBootVolume d) {
      ResourceRun.deleteIfPresent(() -> client().volumes().deleteVolume(d.volumeId()));
      run.acted();
      run.phase(ServerPhase.Archiving);
      run.progressing(Reasons.ARCHIVING, "deleting boot volume " + d.volumeId());
    } else if (step instanceof DiscardFailedSave d) {
      ResourceRun.deleteIfPresent(() -> client().images().deleteImage(d.imageId()));
      new ServerRecorder(run).dropPendingArchive(d.failure(), d.event());
    } else if (step instanceof PruneArchives p) {
      prune(p);
    } else {
      throw new IllegalStateException("bookkeeping is recorded, not acted: " + step);
    }
  }

  private void settled(Settled s) {
    run.phase(s.phase());
    run.ready(s.message());
    if (s.phase() == ServerPhase.Running || s.phase() == ServerPhase.Stopped) {
      Instant began = run.ops().actions().end(run.uid(), "restore");
      if (began != null) {
        run.ops().metrics().restored(Duration.between(began, run.now()));
      }
    }
  }

  private void adopt(Server server) {
    client().compute().updateMetadata(server.id(), Map.of(Tags.OWNER, run.uid(), Tags.RESOURCE, run.tagName()));
    run.ops().events().normal(run.resource(), "Adopted", "adopted existing server " + server.id());
    run.remember(server);
    run.acted();
    run.phase(ServerPhase.Pending);
    run.progressing(Reasons.PENDING, "adopted server " + server.id());
  }

  private void createBootVolume(CreateBootVolume c) {
    BootVolumeSpec spec = run.resource().getSpec().getBootVolume();
    beginCreate(c.imageId());
    run.creating("creating the boot volume");
    run.intents().create(ServerDecider.CREATE_BOOT_VOLUME, Listing.VOLUMES, token -> client().volumes()
            .createVolume(DiskStrategy.forFlavor(c.flavor()).bootVolume(c.flavor(), c.imageId(),
                spec == null ? null : spec.getSize(), spec == null ? null : spec.getType(), run.nameTag() + "-boot",
                run.tags(token))).id())
        .ifPresent(id -> {
          status.setBootVolumeId(id);
          run.watch(id);
        });
  }

  private void createServer(CreateServer c) {
    var spec = run.resource().getSpec();
    beginCreate(c.imageId());
    status.setFlavorId(c.flavor().id());
    run.creating("creating the server");
    run.intents().create(ServerDecider.CREATE_SERVER, Listing.SERVERS, token -> client().compute().createServer(
            new ServerCreateRequest(c.flavor().id(), c.volumeId() == null ? c.imageId() : null, c.volumeId(),
                c.inputs().adminPass(), spec.getKeyName(), spec.getSecurityGroups(), c.inputs().userData(),
                run.tags(token))))
        .ifPresent(id -> {
          status.setServerId(id);
          status.setServerCreatedAt(run.now().toString());
          run.watch(id);
          // A plain create speaks through status (phase Creating, then Ready); an event would cost one more
          // Kubernetes request per server. A restore is worth one: it names the archive it came from.
          if (status.getArchive() != null) {
            run.ops().events().normal(run.resource(), "Restoring", "created server " + id
                + " from archive image " + status.getArchive().getImageName());
          }
        });
  }

  private void beginCreate(String imageId) {
    if (status.getArchive() != null) {
      run.ops().actions().begin(run.uid(), "restore", run.now());
    } else {
      status.setImageId(imageId);
    }
  }

  private void start(Server server) {
    if (status.getPendingArchive() != null) {
      // ServerDecider never starts a server while a save for an archive is pending (ArchiveSafety depends on it).
      throw new IllegalStateException("refusing to start server " + server.id() + " while an archive is pending");
    }
    compute(() -> client().compute().start(server.id()));
    run.acted();
    run.phase(ServerPhase.Starting);
    run.progressing(Reasons.STARTING, "starting server " + server.id());
  }

  private void stop(Stop s) {
    compute(() -> client().compute().stop(s.server().id(), false));
    run.acted();
    if (s.archiving()) {
      run.ops().actions().begin(run.uid(), "archive", run.now());
      run.ops().events().normal(run.resource(), "Archiving", "stopping server " + s.server().id() + " to save it");
      run.phase(ServerPhase.Archiving);
      run.progressing(Reasons.ARCHIVING, "stopping the server before saving it");
    } else {
      run.phase(ServerPhase.Stopping);
      run.progressing(Reasons.STOPPING, "stopping server " + s.server().id());
    }
  }

  private void saveArchive(Server server) {
    run.ops().actions().begin(run.uid(), "archive", run.now());
    ArchiveRecord pending = new ArchiveRecord(null, run.nameTag() + "-archive-" + STAMP.format(run.now()), null);
    pending.setServerId(server.id());
    status.setPendingArchive(pending);
    run.phase(ServerPhase.Archiving);
    run.progressing(Reasons.ARCHIVING, "saving image " + pending.getImageName());
    try {
      run.intents().create(ServerDecider.SAVE_IMAGE, Listing.IMAGES, LostSaves.existing(run.snapshot(), pending.getImageName()),
              token -> DiskStrategy.forServer(server).startSave(client(), server, pending.getImageName(),
                  Map.of(Tags.OWNER, run.uid(), Tags.INTENT, token)))
          .ifPresent(id -> {
            pending.setImageId(id);
            run.watch(id);
            run.ops().events().normal(run.resource(), "Saving", "saving server " + server.id() + " as image "
                + pending.getImageName());
          });
    } catch (ConohaException e) {
      status.setPendingArchive(null);
      throw SaveRefusals.classify(e, "server " + server.id());
    }
    run.acted();
  }

  /**
   * The one place a server is deleted for an archive. The decision was taken from the view; right before the
   * call the server and the image are read again from their own URLs and the safety rule checked once more, and
   * the control panel's delete lock honoured.
   */
  private void deleteArchivedServer(Server seen, ArchiveRecord saved) {
    Server server = client().compute().getServer(seen.id());
    Optional<Image> image = run.imageById(saved.getImageId());
    if (ServerDecider.deleteLocked(server)) {
      throw StepFailure.userMustFix(Reasons.DELETE_LOCKED, ServerDecider.deleteLockedFailure(server, false).message());
    }
    if (!ArchiveSafety.mayDelete(server, saved, image)) {
      throw StepFailure.transientFailure(Reasons.WAITING, "server " + server.id() + " or image "
          + saved.getImageName() + " changed since they were listed; looking again before deleting anything");
    }
    client().compute().deleteServer(server.id());
    run.acted();
    run.phase(ServerPhase.Archiving);
    run.progressing(Reasons.ARCHIVING, "image " + saved.getImageName() + " saved; deleting the server");
  }

  private void prune(PruneArchives p) {
    for (ArchiveRecord old : p.drop()) {
      ResourceRun.deleteIfPresent(() -> client().images().deleteImage(old.getImageId()));
      run.ops().events().normal(run.resource(), "PrunedArchive", "deleted old archive image " + old.getImageName());
    }
    status.setArchive(p.keep().isEmpty() ? null : p.keep().get(0));
    status.setPreviousArchives(new ArrayList<>(p.keep().size() > 1 ? p.keep().subList(1, p.keep().size()) : List.of()));
    run.progressing(Reasons.RESTORING, "pruned " + p.drop().size() + " old archive image(s)");
  }

  private void resizing(String message) {
    run.acted();
    run.phase(ServerPhase.Resizing);
    run.progressing(Reasons.RESIZING, message);
  }

  private void compute(Runnable call) {
    ResourceRun.tolerateConflict(call);
    run.acted();
  }


  private ConohaClient client() {
    return run.account().client();
  }
}
