package io.conoha.assistant.operator.image;

import static org.assertj.core.api.Assertions.assertThat;

import io.conoha.assistant.api.ConohaImageSpec;
import io.conoha.assistant.api.ConohaImageStatus;
import io.conoha.assistant.api.ImageImport;
import io.conoha.assistant.api.ImagePhase;
import io.conoha.assistant.api.ImageSource;
import io.conoha.assistant.api.PendingOperation;
import io.conoha.assistant.api.ResourceRef;
import io.conoha.assistant.client.model.Image;
import io.conoha.assistant.client.model.ImageStatus;
import io.conoha.assistant.client.model.Server;
import io.conoha.assistant.client.model.ServerStatus;
import io.conoha.assistant.operator.Reasons;
import io.conoha.assistant.operator.reconcile.Deadlines;
import io.conoha.assistant.operator.reconcile.Resolved;
import io.conoha.assistant.operator.reconcile.StepFailure;
import io.conoha.assistant.operator.reconcile.WaitKind;
import io.conoha.assistant.operator.image.ImageStep.*;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.UnaryOperator;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** Table tests of the ConohaImage decision, without simulator or Kubernetes. */
class ImageDeciderTest {
  static Server server(ServerStatus status) {
    return new Server("srv-1", "srv", status, null, "f", "img-base", Map.of(), List.of(), List.of(), List.of(),
        Instant.EPOCH, Instant.EPOCH);
  }

  static Image image(ImageStatus status) {
    return new Image("img-1", "snap", status, null, 1L << 30, 100, "private", Instant.EPOCH, Map.of());
  }

  static final class View {
    ConohaImageSpec spec = new ConohaImageSpec();
    ConohaImageStatus status = new ConohaImageStatus();
    List<Image> imported = List.of();
    Resolved<Server> source = Resolved.of(server(ServerStatus.ACTIVE));
    Optional<Image> image = Optional.empty();
    List<Image> lostSaves = List.of();
    Optional<Server> current = Optional.empty();
    boolean awaitingListing;
    boolean lostAnswerSettled = true;
    Map<WaitKind, Duration> waited = Map.of();

    View() {
      spec.setCredentialsSecretRef(new ResourceRef("conoha"));
      ImageSource source = new ImageSource();
      source.setServerRef(new ResourceRef("src"));
      spec.setSource(source);
    }

    View with(UnaryOperator<View> change) { return change.apply(this); }

    View saved(Image i, ImagePhase phase) {
      status.setImageId(i.id());
      status.setPhase(phase);
      image = Optional.of(i);
      return this;
    }

    ImageView build() {
      return new ImageView("uid-1", 1, spec, status, imported, source, image, lostSaves, current, awaitingListing,
          lostAnswerSettled, waited, Deadlines.all(Duration.ofMinutes(30)));
    }
  }

  static View view() {
    return new View();
  }

  static View importing(List<Image> found) {
    View v = view();
    v.spec.setSource(null);
    ImageImport wanted = new ImageImport();
    wanted.setName("snap");
    v.spec.setImportImage(wanted);
    v.imported = found;
    return v;
  }

  static Stream<Arguments> rows() {
    return Stream.of(
        Arguments.of("a running source is stopped first", view(), Stop.class),
        Arguments.of("a stopped source is saved", view().with(v -> { v.source = Resolved.of(server(ServerStatus.SHUTOFF)); return v; }),
            Save.class),
        Arguments.of("a source being archived is waited for", view().with(v -> {
          v.source = Resolved.failed(StepFailure.transientFailure(Reasons.SOURCE_BUSY, "archiving"));
          return v;
        }), Retry.class),
        Arguments.of("a source owned from another namespace is refused", view().with(v -> {
          v.source = Resolved.failed(StepFailure.userMustFix(Reasons.OWNED_BY_ANOTHER, "elsewhere"));
          return v;
        }), Fail.class),
        Arguments.of("an unanswered save is looked for before saving again", view().with(v -> {
          v.status.setPendingOperation(new PendingOperation(ImageDecider.SAVE_IMAGE, "t", "x"));
          v.lostAnswerSettled = false;
          return v;
        }), Wait.class),
        Arguments.of("an unanswered save's image found by ownership is taken", view().with(v -> {
          v.status.setPendingOperation(new PendingOperation(ImageDecider.SAVE_IMAGE, "t", "x"));
          v.lostSaves = List.of(image(ImageStatus.SAVING));
          return v;
        }), FoundLostSave.class),
        Arguments.of("the save is followed", view().saved(image(ImageStatus.SAVING), ImagePhase.Saving), Wait.class),
        Arguments.of("a save past its deadline is reported", view().saved(image(ImageStatus.QUEUED), ImagePhase.Saving)
            .with(v -> { v.waited = Map.of(WaitKind.SAVE, Duration.ofHours(1)); return v; }), Fail.class),
        Arguments.of("after the save the server gets its power back", view().saved(image(ImageStatus.ACTIVE), ImagePhase.Saving)
            .with(v -> {
              v.status.setRestoredServerState("Running");
              v.current = Optional.of(server(ServerStatus.SHUTOFF));
              return v;
            }), Start.class),
        Arguments.of("a server that was stopped stays stopped", view().saved(image(ImageStatus.ACTIVE), ImagePhase.Saving)
            .with(v -> {
              v.status.setRestoredServerState("Stopped");
              v.current = Optional.of(server(ServerStatus.SHUTOFF));
              return v;
            }), Available.class),
        Arguments.of("power is given back once only", view().saved(image(ImageStatus.ACTIVE), ImagePhase.Available)
            .with(v -> {
              v.status.setRestoredServerState("Running");
              v.current = Optional.of(server(ServerStatus.SHUTOFF));
              return v;
            }), Available.class),
        Arguments.of("a failed save is reported", view().saved(image(ImageStatus.KILLED), ImagePhase.Saving), Fail.class),
        Arguments.of("an image gone while saving is SaveFailed", view().with(v -> {
          v.status.setImageId("img-1");
          v.status.setPhase(ImagePhase.Saving);
          return v;
        }), Fail.class),
        Arguments.of("an import that exists is available", importing(List.of(image(ImageStatus.ACTIVE))), Available.class),
        Arguments.of("an import that does not exist is ImageNotFound", importing(List.of()), Fail.class),
        Arguments.of("an ambiguous import is refused", importing(List.of(image(ImageStatus.ACTIVE), image(ImageStatus.ACTIVE))),
            Fail.class));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("rows")
  void decides(String scenario, View view, Class<? extends ImageStep> expected) {
    ImageView v = view.build();
    assertThat(ImageDecider.decide(v)).isInstanceOf(expected).isEqualTo(ImageDecider.decide(v));
  }
}
