package io.conoha.assistant.operator.reconcile;

import io.fabric8.kubernetes.api.model.EventBuilder;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.ObjectReferenceBuilder;
import io.fabric8.kubernetes.client.KubernetesClient;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Emits Kubernetes events about a resource. The same reason and message for the same object is emitted at
 * most once per {@link #REPEAT_AFTER}, so a resource that keeps failing the same way does not flood the
 * namespace. Failing to emit never fails a reconcile.
 */
public final class EventRecorder {
  public static final Duration REPEAT_AFTER = Duration.ofMinutes(10);
  private static final Logger LOG = LoggerFactory.getLogger(EventRecorder.class);
  private static final String COMPONENT = "conoha-assistant";

  private final KubernetesClient client;
  private final Clock clock;
  private final Map<String, Instant> lastEmitted = new ConcurrentHashMap<>();

  public EventRecorder(KubernetesClient client, Clock clock) {
    this.client = client;
    this.clock = clock;
  }

  public void normal(HasMetadata about, String reason, String message) {
    emit(about, "Normal", reason, message);
  }

  public void warning(HasMetadata about, String reason, String message) {
    emit(about, "Warning", reason, message);
  }

  /** Forgets the de-duplication memory of a deleted object. */
  public void forget(HasMetadata about) {
    String prefix = about.getMetadata().getUid() + "|";
    lastEmitted.keySet().removeIf(k -> k.startsWith(prefix));
  }

  private void emit(HasMetadata about, String type, String reason, String message) {
    Instant now = clock.instant();
    String key = about.getMetadata().getUid() + "|" + reason + "|" + message;
    Instant before = lastEmitted.get(key);
    if (before != null && before.plus(REPEAT_AFTER).isAfter(now)) {
      return;
    }
    lastEmitted.put(key, now);
    LOG.info("{} {} {}/{}: {}", type, reason, about.getMetadata().getNamespace(), about.getMetadata().getName(), message);
    try {
      client.v1().events().inNamespace(about.getMetadata().getNamespace()).resource(new EventBuilder()
          .withNewMetadata().withGenerateName(about.getMetadata().getName() + ".").endMetadata()
          .withInvolvedObject(new ObjectReferenceBuilder().withApiVersion(about.getApiVersion()).withKind(about.getKind())
              .withName(about.getMetadata().getName()).withNamespace(about.getMetadata().getNamespace())
              .withUid(about.getMetadata().getUid()).build())
          .withType(type).withReason(reason).withMessage(message)
          .withFirstTimestamp(now.toString()).withLastTimestamp(now.toString()).withCount(1)
          .withNewSource().withComponent(COMPONENT).endSource()
          .withReportingComponent(COMPONENT)
          .build()).create();
    } catch (RuntimeException e) {
      LOG.debug("Could not emit event {} for {}: {}", reason, about.getMetadata().getName(), e.getMessage());
    }
  }
}
