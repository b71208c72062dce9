package io.conoha.assistant.operator.image;

import io.conoha.assistant.api.ConohaImage;
import io.conoha.assistant.api.ConohaServer;
import io.conoha.assistant.operator.OperatorContext;
import io.conoha.assistant.operator.account.AccountEventSource;
import io.javaoperatorsdk.operator.api.config.informer.InformerEventSourceConfiguration;
import io.javaoperatorsdk.operator.api.reconciler.Cleaner;
import io.javaoperatorsdk.operator.api.reconciler.Context;
import io.javaoperatorsdk.operator.api.reconciler.ControllerConfiguration;
import io.javaoperatorsdk.operator.api.reconciler.DeleteControl;
import io.javaoperatorsdk.operator.api.reconciler.EventSourceContext;
import io.javaoperatorsdk.operator.api.reconciler.Reconciler;
import io.javaoperatorsdk.operator.api.reconciler.UpdateControl;
import io.javaoperatorsdk.operator.processing.event.ResourceID;
import io.javaoperatorsdk.operator.processing.event.source.EventSource;
import io.javaoperatorsdk.operator.processing.event.source.informer.InformerEventSource;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

/** Declarative ConoHa images: snapshots and imports. Woken by spec changes, account polls and source servers. */
@ControllerConfiguration(name = "conohaimage", finalizerName = "conoha-assistant.io/finalizer")
public final class ConohaImageReconciler implements Reconciler<ConohaImage>, Cleaner<ConohaImage> {
  private final OperatorContext ops;

  public ConohaImageReconciler(OperatorContext ops) {
    this.ops = ops;
  }

  @Override
  public UpdateControl<ConohaImage> reconcile(ConohaImage image, Context<ConohaImage> ctx) {
    return new ImageRun(image, ctx, ops).execute().updateControl();
  }

  @Override
  public DeleteControl cleanup(ConohaImage image, Context<ConohaImage> ctx) {
    return new ImageCleanupRun(image, ctx, ops).execute().deleteControl();
  }

  @Override
  public List<EventSource<?, ConohaImage>> prepareEventSources(EventSourceContext<ConohaImage> ctx) {
    var servers = new InformerEventSource<>(InformerEventSourceConfiguration.from(ConohaServer.class, ConohaImage.class)
        .withSecondaryToPrimaryMapper((ConohaServer server) -> imagesOf(server, ctx))
        .build(), ctx);
    return List.of(new AccountEventSource<>(ops.accounts(), ImageRun.KIND), servers);
  }

  /** The images that snapshot this server. */
  private static Set<ResourceID> imagesOf(ConohaServer server, EventSourceContext<ConohaImage> ctx) {
    return ctx.getPrimaryCache().list(server.getMetadata().getNamespace(), i -> i.getSpec() != null
            && i.getSpec().getSource() != null && i.getSpec().getSource().getServerRef() != null
            && server.getMetadata().getName().equals(i.getSpec().getSource().getServerRef().getName()))
        .map(ResourceID::fromResource).collect(Collectors.toSet());
  }
}
