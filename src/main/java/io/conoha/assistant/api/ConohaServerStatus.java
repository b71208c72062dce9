package io.conoha.assistant.api;

import com.fasterxml.jackson.annotation.JsonClassDescription;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyDescription;
import java.util.ArrayList;
import java.util.List;

/** What the operator last saw of the server on ConoHa. */
@JsonClassDescription("What the operator last saw of the server on ConoHa, written only by the operator.")
@JsonInclude(JsonInclude.Include.ALWAYS)
public class ConohaServerStatus extends ConditionedStatus {
  @JsonPropertyDescription("Pending, Creating, Running, Stopping, Stopped, Starting, Resizing, Snapshotting (held by a ConohaImage), Archiving, Archived, Restoring, Deleting or Failed.")
  private ServerPhase phase;
  @JsonPropertyDescription("ConoHa server id.")
  private String serverId;
  @JsonPropertyDescription("Boot volume id (disk-0 plans).")
  private String bootVolumeId;
  @JsonPropertyDescription("Resolved flavor id.")
  private String flavorId;
  @JsonPropertyDescription("Resolved image id the server was (or will be) created from.")
  private String imageId;
  @JsonPropertyDescription("Public addresses.")
  private Addresses addresses;
  @JsonPropertyDescription("The newest archive image.")
  private ArchiveRecord archive;
  @JsonPropertyDescription("An archive image being saved right now.")
  private ArchiveRecord pendingArchive;
  @JsonPropertyDescription("Older archive images still kept (pruned to spec.archive.keep after a restore).")
  private List<ArchiveRecord> previousArchives = new ArrayList<>();
  @JsonPropertyDescription("The ConohaImage whose snapshot currently holds this server (the server is not restarted meanwhile).")
  private String heldBy;
  @JsonPropertyDescription("When the current server was created on ConoHa (RFC 3339); feeds the estimated billed hours.")
  private String serverCreatedAt;
  @JsonPropertyDescription("The state the operator works toward now: spec.state, a schedule window's, or Running while the run-until annotation holds.")
  private ServerState effectiveState;
  @JsonPropertyDescription("What sets the effective state: spec.state, window NAME, or annotation conoha-assistant.io/run-until.")
  private String effectiveStateSource;
  @JsonPropertyDescription("The run-until annotation's time while it holds (RFC 3339).")
  private String runUntil;
  @JsonPropertyDescription("The next scheduled change of the effective state.")
  private Transition nextTransition;
  @JsonPropertyDescription("Seconds billed as a server and seconds archived.")
  private UsageRecord usage;
  @JsonPropertyDescription("The DNS records kept for spec.dns.")
  private DnsStatus dns;

  @Override
  @com.fasterxml.jackson.annotation.JsonIgnore
  public String getPhaseName() { return phase == null ? null : phase.name(); }

  public ServerPhase getPhase() { return phase; }
  public void setPhase(ServerPhase phase) { this.phase = phase; }
  public String getServerId() { return serverId; }
  public void setServerId(String serverId) { this.serverId = serverId; }
  public String getBootVolumeId() { return bootVolumeId; }
  public void setBootVolumeId(String bootVolumeId) { this.bootVolumeId = bootVolumeId; }
  public String getFlavorId() { return flavorId; }
  public void setFlavorId(String flavorId) { this.flavorId = flavorId; }
  public String getImageId() { return imageId; }
  public void setImageId(String imageId) { this.imageId = imageId; }
  public Addresses getAddresses() { return addresses; }
  public void setAddresses(Addresses addresses) { this.addresses = addresses; }
  public ArchiveRecord getArchive() { return archive; }
  public void setArchive(ArchiveRecord archive) { this.archive = archive; }
  public ArchiveRecord getPendingArchive() { return pendingArchive; }
  public void setPendingArchive(ArchiveRecord pendingArchive) { this.pendingArchive = pendingArchive; }
  public List<ArchiveRecord> getPreviousArchives() { return previousArchives; }
  public void setPreviousArchives(List<ArchiveRecord> previousArchives) { this.previousArchives = previousArchives == null ? new ArrayList<>() : previousArchives; }
  public String getHeldBy() { return heldBy; }
  public void setHeldBy(String heldBy) { this.heldBy = heldBy; }
  public String getServerCreatedAt() { return serverCreatedAt; }
  public void setServerCreatedAt(String serverCreatedAt) { this.serverCreatedAt = serverCreatedAt; }
  public ServerState getEffectiveState() { return effectiveState; }
  public void setEffectiveState(ServerState effectiveState) { this.effectiveState = effectiveState; }
  public String getEffectiveStateSource() { return effectiveStateSource; }
  public void setEffectiveStateSource(String effectiveStateSource) { this.effectiveStateSource = effectiveStateSource; }
  public String getRunUntil() { return runUntil; }
  public void setRunUntil(String runUntil) { this.runUntil = runUntil; }
  public Transition getNextTransition() { return nextTransition; }
  public void setNextTransition(Transition nextTransition) { this.nextTransition = nextTransition; }
  public UsageRecord getUsage() { return usage; }
  public void setUsage(UsageRecord usage) { this.usage = usage; }
  public DnsStatus getDns() { return dns; }
  public void setDns(DnsStatus dns) { this.dns = dns; }
}
