package io.conoha.assistant.operator.server;

import static org.assertj.core.api.Assertions.assertThat;

import io.conoha.assistant.api.ArchiveRecord;
import io.conoha.assistant.api.ConohaServerSpec;
import io.conoha.assistant.api.ConohaServerStatus;
import io.conoha.assistant.api.PendingOperation;
import io.conoha.assistant.api.ResourceRef;
import io.conoha.assistant.api.ServerState;
import io.conoha.assistant.client.ApiGeneration;
import io.conoha.assistant.client.model.Flavor;
import io.conoha.assistant.client.model.Image;
import io.conoha.assistant.client.model.ImageStatus;
import io.conoha.assistant.client.model.Server;
import io.conoha.assistant.client.model.ServerStatus;
import io.conoha.assistant.client.model.Volume;
import io.conoha.assistant.operator.Reasons;
import io.conoha.assistant.operator.Tags;
import io.conoha.assistant.operator.reconcile.Deadlines;
import io.conoha.assistant.operator.reconcile.Resolved;
import io.conoha.assistant.operator.reconcile.StepFailure;
import io.conoha.assistant.operator.reconcile.WaitKind;
import io.conoha.assistant.operator.server.ServerStep.*;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.UnaryOperator;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Table tests of the pure decision: a view as the observer would gather it, and the one step it must give. No
 * simulator, no Kubernetes: each row runs in microseconds.
 */
class ServerDeciderTest {
  static final String UID = "uid-1";
  static final Flavor LOCAL = new Flavor("f-local", "g-c2m1d100", 2, 1024, 100);
  static final Flavor DISK0 = new Flavor("f-disk0", "g2l-t-c2m1", 2, 1024, 0);
  static final Flavor BIGGER = new Flavor("f-big", "g-c4m4d100", 4, 4096, 100);

  static Server server(ServerStatus status, String task, Map<String, String> metadata) {
    return new Server("srv-1", "srv", status, task, LOCAL.id(), "img-base", metadata, List.of("203.0.113.5"),
        List.of(), List.of(), Instant.EPOCH, Instant.EPOCH);
  }

  static Server mine(ServerStatus status) {
    return server(status, null, Map.of(Tags.OWNER, UID));
  }

  static Image image(String id, ImageStatus status) {
    return new Image(id, "srv-archive", status, null, 1L << 30, 100, "private", Instant.EPOCH, Map.of());
  }

  static ArchiveRecord pending(String imageId) {
    return pendingFrom(imageId, "srv-1");
  }

  static ArchiveRecord pendingFrom(String imageId, String serverId) {
    ArchiveRecord r = new ArchiveRecord(imageId, "srv-archive", null);
    r.setServerId(serverId);
    return r;
  }

  /** A view of a Running local-disk server resource with nothing observed yet; rows change what they need. */
  static final class View {
    ConohaServerSpec spec = new ConohaServerSpec();
    ConohaServerStatus status = new ConohaServerStatus();
    Optional<Server> server = Optional.empty();
    List<String> tagged = List.of();
    Optional<Server> adoptTarget = Optional.empty();
    Optional<Volume> bootVolume = Optional.empty();
    Map<String, Optional<Image>> images = new HashMap<>();
    Optional<Image> lostSave = Optional.empty();
    Optional<String> heldBy = Optional.empty();
    Resolved<Flavor> flavor = Resolved.of(LOCAL);
    Resolved<String> specImageId = Resolved.of("img-base");
    Resolved<BootInputs> inputs = Resolved.of(new BootInputs(null, null));
    boolean awaitingListing;
    boolean lostAnswerSettled = true;
    Map<WaitKind, Duration> waited = Map.of();
    List<Server> candidates = List.of();
    boolean conservative;
    /** The effective state when a schedule or the run-until annotation sets it; null: spec.state. */
    ServerState scheduled;

    View() {
      spec.setCredentialsSecretRef(new ResourceRef("conoha"));
      spec.setFlavor(LOCAL.name());
      spec.setImage("vmi-ubuntu");
      spec.setState(ServerState.Running);
    }

    View state(ServerState s) { spec.setState(s); return this; }
    View scheduled(ServerState s) { scheduled = s; return this; }
    View server(Server s) { server = Optional.of(s); status.setServerId(s.id()); return this; }
    View pending(ArchiveRecord r) { status.setPendingArchive(r); return this; }
    View archive(ArchiveRecord r) { status.setArchive(r); return this; }
    View image(Image i) { images.put(i.id(), Optional.of(i)); return this; }
    View with(UnaryOperator<View> change) { return change.apply(this); }

    ServerView build() {
      return new ServerView(UID, 1, spec, scheduled != null ? scheduled : spec.getState(), status, ApiGeneration.V2,
          server, tagged, adoptTarget, bootVolume,
          bootVolume.map(v -> List.of(v.id())).orElse(List.of()), images, lostSave, heldBy, flavor, specImageId,
          inputs, awaitingListing, lostAnswerSettled, waited, Deadlines.all(Duration.ofMinutes(30)), candidates,
          conservative);
    }
  }

  static View view() {
    return new View();
  }

  static Arguments row(String scenario, View view, Class<? extends ServerStep> expected) {
    return Arguments.of(scenario, view, expected);
  }

  static Stream<Arguments> rows() {
    return Stream.of(
        // creating
        row("nothing exists: create the server", view(), CreateServer.class),
        row("a disk-0 plan first makes its boot volume", view().with(v -> { v.flavor = Resolved.of(DISK0); return v; }),
            CreateBootVolume.class),
        row("a bad user data Secret creates nothing billed", view().with(v -> {
          v.flavor = Resolved.of(DISK0);
          v.inputs = Resolved.failed(StepFailure.userMustFix(Reasons.INVALID_SPEC, "user data"));
          return v;
        }), Fail.class),
        row("an unanswered create is looked for before creating again", view().with(v -> {
          v.status.setPendingOperation(new PendingOperation(ServerDecider.CREATE_SERVER, "t", "x"));
          v.lostAnswerSettled = false;
          return v;
        }), Wait.class),
        row("where tags are dropped, one untagged server with the name tag is a lost create's result", view().with(v -> {
          v.status.setPendingOperation(new PendingOperation(ServerDecider.CREATE_SERVER, "t", "x"));
          v.conservative = true;
          v.candidates = List.of(server(ServerStatus.ACTIVE, null, Map.of()));
          return v;
        }), Adopt.class),
        row("where tags are dropped, an uncertain create is never repeated", view().with(v -> {
          v.status.setPendingOperation(new PendingOperation(ServerDecider.CREATE_SERVER, "t", "x"));
          v.conservative = true;
          return v;
        }), Fail.class),
        row("two tagged servers stop everything", view().with(v -> { v.tagged = List.of("a", "b"); return v; }), Fail.class),
        row("a listing older than the last action decides nothing", view().server(mine(ServerStatus.ACTIVE))
            .with(v -> { v.awaitingListing = true; return v; }), AwaitListing.class),
        // adoption
        row("a free server named by spec.serverId is adopted", view().with(v -> {
          v.spec.setServerId("srv-1");
          v.adoptTarget = Optional.of(server(ServerStatus.ACTIVE, null, Map.of()));
          return v;
        }), Adopt.class),
        row("a server owned by another resource is never adopted", view().with(v -> {
          v.spec.setServerId("srv-1");
          v.adoptTarget = Optional.of(server(ServerStatus.ACTIVE, null, Map.of(Tags.OWNER, "other")));
          return v;
        }), Fail.class),
        row("a server in status that another resource owns is left alone",
            view().server(server(ServerStatus.ACTIVE, null, Map.of(Tags.OWNER, "other"))), Fail.class),
        // power
        row("running as asked", view().server(mine(ServerStatus.ACTIVE)), Settled.class),
        row("Stopped stops", view().server(mine(ServerStatus.ACTIVE)).state(ServerState.Stopped), Stop.class),
        row("Running starts", view().server(mine(ServerStatus.SHUTOFF)), Start.class),
        row("a new plan resizes", view().server(mine(ServerStatus.ACTIVE)).with(v -> {
          v.flavor = Resolved.of(BIGGER);
          return v;
        }), Resize.class),
        row("a busy server is waited for", view().server(server(ServerStatus.ACTIVE, "powering-off", Map.of(Tags.OWNER, UID))),
            Wait.class),
        row("a task past its deadline is reported", view().server(server(ServerStatus.ACTIVE, "powering-off",
            Map.of(Tags.OWNER, UID))).with(v -> { v.waited = Map.of(WaitKind.SERVER_TASK, Duration.ofHours(1)); return v; }),
            Fail.class),
        row("held by a snapshot: left alone", view().server(mine(ServerStatus.SHUTOFF)).with(v -> {
          v.heldBy = Optional.of("snap");
          return v;
        }), Wait.class),
        // archiving
        row("Archived stops a running server first", view().server(mine(ServerStatus.ACTIVE)).state(ServerState.Archived),
            Stop.class),
        row("Archived saves a stopped server", view().server(mine(ServerStatus.SHUTOFF)).state(ServerState.Archived),
            SaveArchive.class),
        row("a delete-locked server is not archived", view().state(ServerState.Archived)
            .server(server(ServerStatus.SHUTOFF, null, Map.of(Tags.OWNER, UID, Tags.DELETE_LOCK, "True"))), Fail.class),
        row("the save is waited for", view().server(mine(ServerStatus.SHUTOFF)).state(ServerState.Archived)
            .pending(pending("img-a")).image(image("img-a", ImageStatus.SAVING)), Wait.class),
        row("a saved stopped server is deleted", view().server(mine(ServerStatus.SHUTOFF)).state(ServerState.Archived)
            .pending(pending("img-a")).image(image("img-a", ImageStatus.ACTIVE)), DeleteArchivedServer.class),
        row("a server still finishing its save is waited for, not saved again", view()
            .server(server(ServerStatus.SHUTOFF, "image_uploading", Map.of(Tags.OWNER, UID))).state(ServerState.Archived)
            .pending(pending("img-a")).image(image("img-a", ImageStatus.ACTIVE)), Wait.class),
        row("a server started since its save is not deleted: the image becomes an archive and it is saved again",
            view().server(mine(ServerStatus.ACTIVE)).state(ServerState.Archived).pending(pending("img-a"))
                .image(image("img-a", ImageStatus.ACTIVE)), KeepArchive.class),
        row("an image saved from another server never allows a delete", view().server(mine(ServerStatus.SHUTOFF))
            .state(ServerState.Archived).pending(pendingFrom("img-a", "srv-other")).image(image("img-a", ImageStatus.ACTIVE)),
            KeepArchive.class),
        row("an image the listing does not show and whose URL said 404 saved nothing", view()
            .server(mine(ServerStatus.SHUTOFF)).state(ServerState.Archived).pending(pending("img-a")), DropPendingArchive.class),
        row("a save answered with nothing is looked for by ownership", view().server(mine(ServerStatus.SHUTOFF))
            .state(ServerState.Archived).pending(pending(null)).with(v -> {
              v.status.setPendingOperation(new PendingOperation(ServerDecider.SAVE_IMAGE, "t", "x"));
              v.lostSave = Optional.of(image("img-lost", ImageStatus.SAVING));
              return v;
            }), FoundPendingImage.class),
        row("a save past its deadline is reported", view().server(mine(ServerStatus.SHUTOFF)).state(ServerState.Archived)
            .pending(pending("img-a")).image(image("img-a", ImageStatus.QUEUED))
            .with(v -> { v.waited = Map.of(WaitKind.SAVE, Duration.ofHours(2)); return v; }), Fail.class),
        // a schedule's Archived is decided exactly like spec.state Archived (so the archive safety rule holds)
        row("a scheduled Archived over spec.state Running stops a running server first",
            view().server(mine(ServerStatus.ACTIVE)).scheduled(ServerState.Archived), Stop.class),
        row("a scheduled Archived deletes a stopped server only once its save is done",
            view().server(mine(ServerStatus.SHUTOFF)).scheduled(ServerState.Archived).pending(pending("img-a"))
                .image(image("img-a", ImageStatus.ACTIVE)), DeleteArchivedServer.class),
        row("a scheduled Archived never deletes a server started since its save",
            view().server(mine(ServerStatus.ACTIVE)).scheduled(ServerState.Archived).pending(pending("img-a"))
                .image(image("img-a", ImageStatus.ACTIVE)), KeepArchive.class),
        row("a window's Running over spec.state Archived restores from the archive",
            view().state(ServerState.Archived).scheduled(ServerState.Running).archive(pending("img-a"))
                .image(image("img-a", ImageStatus.ACTIVE)), CreateServer.class),
        row("a window's Stopped stops a running server", view().server(mine(ServerStatus.ACTIVE))
            .state(ServerState.Archived).scheduled(ServerState.Stopped), Stop.class),
        // taking Archived back
        row("Running during the save waits for it, never starts", view().server(mine(ServerStatus.SHUTOFF))
            .pending(pending("img-a")).image(image("img-a", ImageStatus.SAVING)), Wait.class),
        row("Running after the save keeps the image as an archive", view().server(mine(ServerStatus.SHUTOFF))
            .pending(pending("img-a")).image(image("img-a", ImageStatus.ACTIVE)), KeepArchive.class),
        row("Stopped after a failed save forgets it quietly", view().server(mine(ServerStatus.SHUTOFF))
            .state(ServerState.Stopped).pending(pending("img-a")).image(image("img-a", ImageStatus.KILLED)),
            DiscardFailedSave.class),
        // archived and restoring
        row("the server gone after its save: the archive is complete", view().state(ServerState.Archived)
            .pending(pending("img-a")).image(image("img-a", ImageStatus.ACTIVE)), KeepArchive.class),
        row("archived with its image: settled", view().state(ServerState.Archived).archive(pending("img-a"))
            .image(image("img-a", ImageStatus.ACTIVE)), Settled.class),
        row("archived without ever having a server: settled, nothing billed", view().state(ServerState.Archived),
            Settled.class),
        row("a leftover boot volume is deleted", view().state(ServerState.Archived).archive(pending("img-a"))
            .image(image("img-a", ImageStatus.ACTIVE)).with(v -> {
              v.status.setBootVolumeId("vol-1");
              v.bootVolume = Optional.of(new Volume("vol-1", "b", "available", 100, "t", true, List.of(), Map.of(), null));
              return v;
            }), DeleteBootVolume.class),
        row("Running from an archive restores from its image", view().archive(pending("img-a"))
            .image(image("img-a", ImageStatus.ACTIVE)), CreateServer.class),
        row("an archive image deleted outside cannot be restored", view().archive(pending("img-a")), Fail.class),
        row("a server deleted outside is forgotten (then created again)", view().with(v -> {
          v.status.setServerId("srv-gone");
          return v;
        }), ForgetServer.class),
        row("old archives beyond keep are pruned once running", view().server(mine(ServerStatus.ACTIVE))
            .archive(pending("img-b")).with(v -> {
              v.status.getPreviousArchives().add(pending("img-a"));
              return v;
            }), PruneArchives.class));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("rows")
  void decides(String scenario, View view, Class<? extends ServerStep> expected) {
    assertThat(ServerDecider.decide(view.build())).isInstanceOf(expected);
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("rows")
  void neverStartsOrDeletesWhileASaveIsPendingUnlessTheSafetyRuleHolds(String scenario, View view, Class<?> ignored) {
    ServerView v = view.build();
    ServerStep step = ServerDecider.decide(v);
    if (v.status().getPendingArchive() != null) {
      assertThat(step).isNotInstanceOf(Start.class);
    }
    if (step instanceof DeleteArchivedServer d) {
      assertThat(ArchiveSafety.mayDelete(d.server(), d.saved(), v.image(d.saved().getImageId()))).isTrue();
      assertThat(d.server().status()).isEqualTo(ServerStatus.SHUTOFF);
    }
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("rows")
  void isPure(String scenario, View view, Class<?> ignored) {
    ServerView v = view.build();
    assertThat(ServerDecider.decide(v)).isEqualTo(ServerDecider.decide(v));
  }

  @org.junit.jupiter.api.Test
  void aLostSaveFoundByOwnershipIsFollowedNotTakenForGone() {
    View row = view().server(mine(ServerStatus.SHUTOFF)).state(ServerState.Running).pending(pending(null)).with(v -> {
      v.status.setPendingOperation(new PendingOperation(ServerDecider.SAVE_IMAGE, "t", "x"));
      v.lostSave = Optional.of(image("img-lost", ImageStatus.SAVING));
      return v;
    });
    ServerView before = row.build();
    FoundPendingImage found = (FoundPendingImage) ServerDecider.decide(before);
    row.status.getPendingArchive().setImageId(found.imageId());
    row.status.setPendingOperation(null);
    ServerView after = before.withStatus(row.status).withImage(before.lostSave().orElseThrow());

    assertThat(ServerDecider.decide(after)).as("the found save is waited for, never dropped as vanished")
        .isInstanceOf(Wait.class);
  }
}
