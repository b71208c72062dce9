package io.conoha.assistant.api;

import com.fasterxml.jackson.annotation.JsonClassDescription;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonPropertyDescription;
import io.fabric8.generator.annotation.Default;
import io.fabric8.generator.annotation.Pattern;
import io.fabric8.generator.annotation.Required;
import io.fabric8.generator.annotation.ValidationRule;

/** A snapshot of a server, or an existing image to observe. */
@JsonClassDescription("Which image: a snapshot of a server (source) or an existing image (import), its name and what happens on deletion.")
@ValidationRule(value = "has(self.source) != has(self.import)", message = "exactly one of source or import must be set")
@ValidationRule(value = "!has(oldSelf.source) || (has(self.source) && self.source == oldSelf.source)", message = "source is immutable once set")
@ValidationRule(value = "has(self.imageName) == has(oldSelf.imageName) && (!has(self.imageName) || self.imageName == oldSelf.imageName)", message = "imageName is immutable: it cannot be added, changed or removed once the resource exists")
public class ConohaImageSpec {
  @Required
  @JsonPropertyDescription("Secret in this namespace holding the ConoHa API credentials.")
  private ResourceRef credentialsSecretRef;

  @JsonPropertyDescription("Snapshot mode: the server to save. Exactly one of source and import.")
  private ImageSource source;

  @JsonProperty("import")
  @JsonPropertyDescription("Import mode: an existing image (public vmi-* or private) to observe; never deleted.")
  private ImageImport importImage;

  @Pattern("^[A-Za-z0-9_.-]{1,255}$")
  @JsonPropertyDescription("Name of the saved image. Default: <namespace>-<name>.")
  private String imageName;

  @Default("Retain")
  @JsonPropertyDescription("Retain (default: an image is a backup) keeps the ConoHa image when this resource is deleted; Delete removes it.")
  private DeletionPolicy deletionPolicy = DeletionPolicy.Retain;

  public ResourceRef getCredentialsSecretRef() { return credentialsSecretRef; }
  public void setCredentialsSecretRef(ResourceRef credentialsSecretRef) { this.credentialsSecretRef = credentialsSecretRef; }
  public ImageSource getSource() { return source; }
  public void setSource(ImageSource source) { this.source = source; }
  public ImageImport getImportImage() { return importImage; }
  public void setImportImage(ImageImport importImage) { this.importImage = importImage; }
  public String getImageName() { return imageName; }
  public void setImageName(String imageName) { this.imageName = imageName; }
  public DeletionPolicy getDeletionPolicy() { return deletionPolicy; }
  public void setDeletionPolicy(DeletionPolicy deletionPolicy) { this.deletionPolicy = deletionPolicy; }
}
