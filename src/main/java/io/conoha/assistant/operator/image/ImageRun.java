package io.conoha.assistant.operator.image;

import io.conoha.assistant.api.ConohaImage;
import io.conoha.assistant.api.ConohaImageStatus;
import io.conoha.assistant.api.ConohaServer;
import io.conoha.assistant.api.ImagePhase;
import io.conoha.assistant.client.model.Image;
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

  @Override
  protected void step() {
    ImageSpecValidator.validate(resource);
    if (status.getPhase() == null) {
      status.setPhase(ImagePhase.Pending);
    }
    connect(resource.getSpec().getCredentialsSecretRef().getName());
    if (!observed(Listing.IMAGES)) {
      return;
    }
    if (resource.getSpec().getImportImage() != null) {
      observeImport();
    } else {
      new ImageSnapshot(this).step();
    }
  }

  private void observeImport() {
    var wanted = resource.getSpec().getImportImage();
    Image image = wanted.getId() != null
        ? snapshot().image(wanted.getId()).orElseThrow(() -> notFound("image " + wanted.getId()))
        : single(snapshot().imagesNamed(wanted.getName()), wanted.getName());
    report(image);
    switch (phaseOf(image)) {
      case Available -> ready("imported image " + image.name() + " is active");
      case Saving -> progressing(Reasons.SAVING, "image " + image.name() + " is still " + image.status());
      default -> throw StepFailure.userMustFix(Reasons.SAVE_FAILED, "image " + image.name() + " is " + image.status());
    }
  }

  private Image single(List<Image> named, String name) {
    if (named.size() > 1) {
      throw StepFailure.userMustFix(Reasons.DUPLICATE_IMAGES, "several images are named " + name + ": "
          + named.stream().map(Image::id).toList() + "; import one by id");
    }
    return named.stream().findFirst().orElseThrow(() -> notFound("image " + name));
  }

  private StepFailure notFound(String what) {
    return StepFailure.userMustFix(Reasons.IMAGE_NOT_FOUND, what + " does not exist on this ConoHa account");
  }

  /** Copies what ConoHa says about the image into status. */
  void report(Image image) {
    status.setImageId(image.id());
    status.setProgress(progressOf(image));
    status.setSizeBytes(image.sizeBytes());
    status.setMinDiskGB(image.minDiskGB());
    status.setCreatedAt(image.createdAt() == null ? null : image.createdAt().toString());
    status.setPhase(phaseOf(image));
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

  static ImagePhase phaseOf(Image image) {
    if (image.status().isInProgress()) {
      return ImagePhase.Saving;
    }
    return image.status().isFailed() ? ImagePhase.Failed : ImagePhase.Available;
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
