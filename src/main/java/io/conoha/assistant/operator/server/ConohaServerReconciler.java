package io.conoha.assistant.operator.server;

import io.conoha.assistant.api.ConohaImage;
import io.conoha.assistant.api.ConohaServer;
import io.conoha.assistant.operator.OperatorContext;
import io.conoha.assistant.operator.account.AccountEventSource;
import io.javaoperatorsdk.operator.api.config.informer.Informer;
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
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * Declarative ConoHa servers. Woken by spec changes, by account polls that saw this server's ConoHa objects
 * change, and by ConohaImages that snapshot it (by serverRef or by its server's id) or that it boots from.
 */
// Generation-aware processing would drop a run-until annotation change; ServerUpdateFilter keeps its filtering
// and lets that change through.
@ControllerConfiguration(name = "conohaserver", finalizerName = ConohaServerReconciler.FINALIZER,
    generationAwareEventProcessing = false, informer = @Informer(onUpdateFilter = ServerUpdateFilter.class))
public final class ConohaServerReconciler implements Reconciler<ConohaServer>, Cleaner<ConohaServer> {
  static final String FINALIZER = "conoha-assistant.io/finalizer";
  private final OperatorContext ops;

  public ConohaServerReconciler(OperatorContext ops) {
    this.ops = ops;
  }

  @Override
  public UpdateControl<ConohaServer> reconcile(ConohaServer server, Context<ConohaServer> ctx) {
    return new ServerRun(server, ctx, ops).execute().updateControl();
  }

  @Override
  public DeleteControl cleanup(ConohaServer server, Context<ConohaServer> ctx) {
    return new ServerCleanupRun(server, ctx, ops).execute().deleteControl();
  }

  @Override
  public List<EventSource<?, ConohaServer>> prepareEventSources(EventSourceContext<ConohaServer> ctx) {
    var images = new InformerEventSource<>(InformerEventSourceConfiguration.from(ConohaImage.class, ConohaServer.class)
        .withSecondaryToPrimaryMapper((ConohaImage image) -> serversConcerned(image, ctx))
        .build(), ctx);
    return List.of(new AccountEventSource<>(ops.accounts(), ServerRun.KIND), images);
  }

  /** The server an image snapshots, and the servers that boot from it. */
  private static Set<ResourceID> serversConcerned(ConohaImage image, EventSourceContext<ConohaServer> ctx) {
    String namespace = image.getMetadata().getNamespace();
    Set<ResourceID> ids = new HashSet<>();
    var source = image.getSpec() == null ? null : image.getSpec().getSource();
    if (source != null && source.getServerRef() != null) {
      ids.add(new ResourceID(source.getServerRef().getName(), namespace));
    }
    if (source != null && source.getServerId() != null) {
      ctx.getPrimaryCache().list(namespace, s -> s.getStatus() != null
              && source.getServerId().equals(s.getStatus().getServerId()))
          .forEach(s -> ids.add(ResourceID.fromResource(s)));
    }
    ctx.getPrimaryCache().list(namespace, s -> s.getSpec() != null && s.getSpec().getImageRef() != null
            && image.getMetadata().getName().equals(s.getSpec().getImageRef().getName()))
        .forEach(s -> ids.add(ResourceID.fromResource(s)));
    return ids;
  }
}
