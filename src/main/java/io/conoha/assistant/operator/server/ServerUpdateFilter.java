package io.conoha.assistant.operator.server;

import io.conoha.assistant.api.ConohaServer;
import io.conoha.assistant.operator.schedule.EffectiveState;
import io.javaoperatorsdk.operator.processing.event.source.filter.OnUpdateFilter;
import java.util.Map;
import java.util.Objects;

/**
 * Which updates of a ConohaServer wake its reconcile: what JOSDK's generation-aware processing lets through (a
 * spec change, a deletion, a missing finalizer), plus a change of the run-until annotation, which changes what
 * the server should be without changing its generation. The operator's own status writes still wake nothing.
 */
public final class ServerUpdateFilter implements OnUpdateFilter<ConohaServer> {
  @Override
  public boolean accept(ConohaServer updated, ConohaServer old) {
    return generation(updated) > generation(old)
        || updated.isMarkedForDeletion() && !old.isMarkedForDeletion()
        || !updated.hasFinalizer(ConohaServerReconciler.FINALIZER)
        || !Objects.equals(runUntil(updated), runUntil(old));
  }

  private static long generation(ConohaServer s) {
    Long g = s.getMetadata().getGeneration();
    return g == null ? 0 : g;
  }

  private static String runUntil(ConohaServer s) {
    Map<String, String> annotations = s.getMetadata().getAnnotations();
    return annotations == null ? null : annotations.get(EffectiveState.RUN_UNTIL);
  }
}
