package io.conoha.assistant.api;

import com.fasterxml.jackson.annotation.JsonClassDescription;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyDescription;
import java.util.ArrayList;
import java.util.List;

/** What the operator last saw of the image on ConoHa. */
@JsonClassDescription("What the operator last saw of the image on ConoHa, written only by the operator.")
@JsonInclude(JsonInclude.Include.ALWAYS)
public class ConohaImageStatus extends ConditionedStatus {
  @JsonPropertyDescription("Pending, Stopping, Saving, Available, Failed or Deleting.")
  private ImagePhase phase;
  @JsonPropertyDescription("ConoHa image id.")
  private String imageId;
  @JsonPropertyDescription("Save progress, 0-100.")
  private Integer progress;
  @JsonPropertyDescription("Image size in bytes.")
  private Long sizeBytes;
  @JsonPropertyDescription("Minimum disk in GB a server needs to boot from it.")
  private Integer minDiskGB;
  @JsonPropertyDescription("When ConoHa created the image (RFC 3339).")
  private String createdAt;
  @JsonPropertyDescription("The server the snapshot was taken of.")
  private String sourceServerId;
  @JsonPropertyDescription("The power state the source server had before the snapshot (it is put back in it afterwards).")
  private String restoredServerState;
  @JsonPropertyDescription("ConohaServers in this namespace that boot from or archive into this image (deletion waits for them).")
  private List<String> inUseBy = new ArrayList<>();

  @Override
  @com.fasterxml.jackson.annotation.JsonIgnore
  public String getPhaseName() { return phase == null ? null : phase.name(); }

  public ImagePhase getPhase() { return phase; }
  public void setPhase(ImagePhase phase) { this.phase = phase; }
  public String getImageId() { return imageId; }
  public void setImageId(String imageId) { this.imageId = imageId; }
  public Integer getProgress() { return progress; }
  public void setProgress(Integer progress) { this.progress = progress; }
  public Long getSizeBytes() { return sizeBytes; }
  public void setSizeBytes(Long sizeBytes) { this.sizeBytes = sizeBytes; }
  public Integer getMinDiskGB() { return minDiskGB; }
  public void setMinDiskGB(Integer minDiskGB) { this.minDiskGB = minDiskGB; }
  public String getCreatedAt() { return createdAt; }
  public void setCreatedAt(String createdAt) { this.createdAt = createdAt; }
  public String getSourceServerId() { return sourceServerId; }
  public void setSourceServerId(String sourceServerId) { this.sourceServerId = sourceServerId; }
  public String getRestoredServerState() { return restoredServerState; }
  public void setRestoredServerState(String restoredServerState) { this.restoredServerState = restoredServerState; }
  public List<String> getInUseBy() { return inUseBy; }
  public void setInUseBy(List<String> inUseBy) { this.inUseBy = inUseBy == null ? new ArrayList<>() : inUseBy; }
}
