package io.conoha.assistant.api;

import com.fasterxml.jackson.annotation.JsonPropertyDescription;

/**
 * Time this resource spent as a billed server and as an archive, counted by the operator from what it observed
 * (no prices: ConoHa's are per plan and change).
 */
public class UsageRecord {
  @JsonPropertyDescription("Seconds a ConoHa server existed for this resource (billed as a server, running or stopped).")
  private long billedSeconds;
  @JsonPropertyDescription("Seconds this resource was archived (an image only, no server billed).")
  private long archivedSeconds;
  @JsonPropertyDescription("Up to when the counts go (RFC 3339).")
  private String countedAt;

  public long getBilledSeconds() { return billedSeconds; }
  public void setBilledSeconds(long billedSeconds) { this.billedSeconds = billedSeconds; }
  public long getArchivedSeconds() { return archivedSeconds; }
  public void setArchivedSeconds(long archivedSeconds) { this.archivedSeconds = archivedSeconds; }
  public String getCountedAt() { return countedAt; }
  public void setCountedAt(String countedAt) { this.countedAt = countedAt; }
}
