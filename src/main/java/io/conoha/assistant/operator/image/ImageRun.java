package io.conoha.assistant.operator.image;

import io.conoha.assistant.api.ConohaImage;
import io.conoha.assistant.api.ConohaImageStatus;
import io.conoha.assistant.api.ConohaServer;
import io.conoha.assistant.api.ImagePhase;
import io.conoha.assistant.client.model.Image;
import io.conoha.assistant.client.model.Server;
import io.conoha.assistant.client.model.ServerStatus;
import io.conoha.assistant.operator.OperatorContext;
import io.conoha.assistant.operator.Reasons;
import io.conoha.assistant.operator.account.Listing;
import io.conoha.assistant.operator.reconcile.ResourceRun;
import io.conoha.assistant.operator.reconcile.StepFailure;
import io.javaoperatorsdk.operator.api.reconciler.Context;
import io.javaoperatorsdk.operator.processing.event.source.informer.InformerEventSource;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;

/** One reconcile of a ConohaImage: observe an imported image, or take the next step of a snapshot. */
class ImageRun extends ResourceRun<ConohaImage, ConohaImageStatus> {
  static final String KIND = "ConohaImage";

  ImageRun(ConohaImage resource, Context<ConohaImage> ctx, OperatorContext ops) {
    super(resource, ctx, ops);
  }

  @Override
  protected String kind() {
    return KIND;
  }

  @Override
  protected String defaultNotFoundReason() {
    return Reasons.SOURCE_NOT_FOUND;
  }

  @Override
  protected void setPhaseFailed() {
    status.setPhase(ImagePhase.Failed);
  }

  @Override
  protected ConohaImageStatus newStatus() {
    return new ConohaImageStatus();
  }

  /** observe → decide → act → record, as for servers ({@link ImageDecider} is the pure part). */
  @Override
  protected void step() {
    ImageSpecValidator.validate(resource);
    if (status.getPhase() == null) {
      status.setPhase(ImagePhase.Pending);
    }
    connect(resource.getSpec().getCredentialsSecretRef().getName());
    Optional<ImageView> observed = new ImageObserver(this).observe();
    if (observed.isEmpty()) {
      return;
    }
    ImageView view = remember(observed.get());
    ImageStep step = ImageDecider.decide(view);
    if (step instanceof ImageStep.FoundLostSave found) {
      intents().fulfilled(ImageDecider.SAVE_IMAGE);
      status.setImageId(found.image().id());
      view = remember(view.withStatus(status, Optional.of(found.image())));
      step = ImageDecider.decide(view);
    }
    timeWait(step instanceof ImageStep.Wait w ? w.kind() : null,
        !(step instanceof ImageStep.AwaitListing) && !(step instanceof ImageStep.Fail));
    new ImageActor(this).act(step);
  }

  /** What was observed goes into status before deciding: the image's numbers, the source and its power state. */
  private ImageView remember(ImageView view) {
    view.image().or(() -> view.imported().size() == 1 ? Optional.of(view.imported().get(0)) : Optional.empty())
        .ifPresent(this::report);
    if (view.source().ok() && status.getImageId() == null) {
      Server server = view.source().value();
      status.setSourceServerId(server.id());
      watch(server.id());
      if (status.getRestoredServerState() == null) {
        status.setRestoredServerState(server.status() == ServerStatus.SHUTOFF ? "Stopped" : "Running");
      }
    }
    return view;
  }





  /** Copies what ConoHa says about the image into status. */
  void report(Image image) {
    status.setImageId(image.id());
    status.setProgress(progressOf(image));
    status.setSizeBytes(image.sizeBytes());
    status.setMinDiskGB(image.minDiskGB());
    status.setCreatedAt(image.createdAt() == null ? null : image.createdAt().toString());
    watch(image.id());
  }

  /**
   * The save's progress as ConoHa reports it (v2's compute image proxy); Glance (v3) reports none, so its
   * stages stand in: queued 5, saving 50, active 100.
   */
  static int progressOf(Image image) {
    if (image.progress() != null) {
      return image.progress();
    }
    return switch (image.status()) {
      case QUEUED -> 5;
      case SAVING, UPLOADING, IMPORTING -> 50;
      case ACTIVE -> 100;
      default -> 0;
    };
  }

  /** An image by id: listed, else by its own URL (a listing may lag); empty only on 404. */
  Optional<Image> imageById(String id) {
    return listedOrFetched(snapshot().image(id), () -> account().client().images().getImage(id));
  }

  /** ConohaServers of this namespace, from the informer cache (no API call). */
  @SuppressWarnings("unchecked")
  Stream<ConohaServer> serversInNamespace() {
    var informer = (InformerEventSource<ConohaServer, ConohaImage>)
        ctx.eventSourceRetriever().getEventSourceFor(ConohaServer.class);
    return informer.list(resource.getMetadata().getNamespace(), s -> true);
  }

  String imageName() {
    return ImageSpecValidator.imageName(resource);
  }

  void phase(ImagePhase phase) {
    status.setPhase(phase);
  }
}
