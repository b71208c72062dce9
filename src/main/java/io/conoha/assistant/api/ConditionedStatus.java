package io.conoha.assistant.api;

import com.fasterxml.jackson.annotation.JsonIgnore;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyDescription;
import io.fabric8.kubernetes.api.model.Condition;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** The status fields both kinds share: generation bookkeeping, conditions and the create intent. */
@JsonInclude(JsonInclude.Include.ALWAYS)
public abstract class ConditionedStatus {
  @JsonPropertyDescription("The metadata.generation this status describes.")
  private Long observedGeneration;
  @JsonPropertyDescription("When the controller last compared this resource with ConoHa (RFC 3339).")
  private String lastSyncTime;
  @JsonPropertyDescription("Ready: ConoHa matches the spec. Synced: the last reconcile worked; its reason says what to do.")
  private List<Condition> conditions = new ArrayList<>();
  @JsonPropertyDescription("A create or save call in flight; used to find the object again after a crash instead of creating twice.")
  private PendingOperation pendingOperation;

  public Long getObservedGeneration() { return observedGeneration; }
  public void setObservedGeneration(Long observedGeneration) { this.observedGeneration = observedGeneration; }
  public String getLastSyncTime() { return lastSyncTime; }
  public void setLastSyncTime(String lastSyncTime) { this.lastSyncTime = lastSyncTime; }
  public List<Condition> getConditions() { return conditions; }
  public void setConditions(List<Condition> conditions) { this.conditions = conditions == null ? new ArrayList<>() : conditions; }
  public PendingOperation getPendingOperation() { return pendingOperation; }
  public void setPendingOperation(PendingOperation pendingOperation) { this.pendingOperation = pendingOperation; }

  /** The phase as text, or null before the first reconcile. */
  @JsonIgnore
  public abstract String getPhaseName();

  @JsonIgnore
  public boolean isReady() {
    return condition("Ready").map(c -> "True".equals(c.getStatus())).orElse(false);
  }

  @JsonIgnore
  public Optional<Condition> condition(String type) {
    return conditions.stream().filter(c -> type.equals(c.getType())).findFirst();
  }
}
