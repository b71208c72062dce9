package io.conoha.assistant.api;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyDescription;

/** One image made by archiving the server. */
@JsonInclude(JsonInclude.Include.ALWAYS)
public class ArchiveRecord {
  @JsonPropertyDescription("ConoHa image id.")
  private String imageId;
  @JsonPropertyDescription("ConoHa image name.")
  private String imageName;
  @JsonPropertyDescription("When the save finished (RFC 3339).")
  private String savedAt;
  @JsonPropertyDescription("The ConoHa server the image was saved from (while it was stopped); only that server may be deleted once the image is active.")
  private String serverId;

  public ArchiveRecord() {}

  public ArchiveRecord(String imageId, String imageName, String savedAt) {
    this.imageId = imageId;
    this.imageName = imageName;
    this.savedAt = savedAt;
  }

  public String getImageId() { return imageId; }
  public void setImageId(String imageId) { this.imageId = imageId; }
  public String getImageName() { return imageName; }
  public void setImageName(String imageName) { this.imageName = imageName; }
  public String getSavedAt() { return savedAt; }
  public String getServerId() { return serverId; }
  public void setServerId(String serverId) { this.serverId = serverId; }
  public void setSavedAt(String savedAt) { this.savedAt = savedAt; }
}
