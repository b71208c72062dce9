package io.conoha.assistant.api;

import com.fasterxml.jackson.annotation.JsonClassDescription;
import io.fabric8.generator.annotation.Size;
import com.fasterxml.jackson.annotation.JsonPropertyDescription;
import io.fabric8.generator.annotation.Default;
import io.fabric8.generator.annotation.Pattern;
import io.fabric8.generator.annotation.Required;
import io.fabric8.generator.annotation.ValidationRule;
import java.util.ArrayList;
import java.util.List;

/** What a ConoHa server should be. */
@JsonClassDescription("What the server should be: plan, image, power state (Running, Stopped, Archived), access and what happens on deletion.")
@ValidationRule(value = "has(self.image) != has(self.imageRef)", message = "exactly one of image or imageRef must be set")
public class ConohaServerSpec {
  @Required
  @JsonPropertyDescription("Secret in this namespace holding the ConoHa API credentials (keys identityUrl, username|userId, password, tenantId|tenantName, region, domain, or the OS_* openrc names).")
  private ResourceRef credentialsSecretRef;

  @Required
  @JsonPropertyDescription("ConoHa plan (flavor) name or id, e.g. g2l-t-c2m1 (v3) or g-c2m1d100 (v2).")
  @Size(min = 1)
  private String flavor;

  @JsonPropertyDescription("Image name or id to create the server from, e.g. vmi-ubuntu-24.04-amd64. Exactly one of image and imageRef.")
  @Size(min = 1)
  private String image;

  @JsonPropertyDescription("A ConohaImage in this namespace to create the server from. Exactly one of image and imageRef.")
  private ResourceRef imageRef;

  @Default("Running")
  @JsonPropertyDescription("Running, Stopped, or Archived (saved as an image and deleted, so it is no longer billed).")
  private ServerState state = ServerState.Running;

  @Pattern("^[A-Za-z0-9_-]{1,255}$")
  @JsonPropertyDescription("ConoHa display name (instance_name_tag). Default: metadata.name.")
  private String nameTag;

  @JsonPropertyDescription("Secret key holding the root password (9-70 characters mixing upper, lower, digit or symbol). Never a plain field.")
  private SecretKeyRef adminPasswordSecretRef;

  @JsonPropertyDescription("Name of a ConoHa SSH key pair.")
  @Size(min = 1)
  private String keyName;

  @JsonPropertyDescription("Security group names, e.g. [default, IPv4v6-SSH]. Default: ConoHa's default group.")
  private List<String> securityGroups = new ArrayList<>();

  @JsonPropertyDescription("Secret key holding cloud-init user data (at most 16 KiB).")
  private SecretKeyRef userDataSecretRef;

  @JsonPropertyDescription("Boot volume for disk-0 plans (v3 g2l-/g2w-). Ignored for plans with a local disk.")
  private BootVolumeSpec bootVolume;

  @Default("Delete")
  @JsonPropertyDescription("Delete removes the server, its boot volume and its archive images with this resource; Retain leaves them.")
  private DeletionPolicy deletionPolicy = DeletionPolicy.Delete;

  @JsonPropertyDescription("How archive images are kept.")
  private ArchiveSpec archive = new ArchiveSpec();

  @JsonPropertyDescription("Adopt this existing ConoHa server instead of creating one.")
  @Size(min = 1)
  private String serverId;

  @JsonPropertyDescription("Weekly windows in which the server is in another state than spec.state (the spec is never written).")
  private ScheduleSpec schedule;

  @JsonPropertyDescription("A DNS record in a ConoHa DNS zone kept pointing at the server's address.")
  private DnsSpec dns;

  public ResourceRef getCredentialsSecretRef() { return credentialsSecretRef; }
  public void setCredentialsSecretRef(ResourceRef credentialsSecretRef) { this.credentialsSecretRef = credentialsSecretRef; }
  public String getFlavor() { return flavor; }
  public void setFlavor(String flavor) { this.flavor = flavor; }
  public String getImage() { return image; }
  public void setImage(String image) { this.image = image; }
  public ResourceRef getImageRef() { return imageRef; }
  public void setImageRef(ResourceRef imageRef) { this.imageRef = imageRef; }
  public ServerState getState() { return state; }
  public void setState(ServerState state) { this.state = state; }
  public String getNameTag() { return nameTag; }
  public void setNameTag(String nameTag) { this.nameTag = nameTag; }
  public SecretKeyRef getAdminPasswordSecretRef() { return adminPasswordSecretRef; }
  public void setAdminPasswordSecretRef(SecretKeyRef adminPasswordSecretRef) { this.adminPasswordSecretRef = adminPasswordSecretRef; }
  public String getKeyName() { return keyName; }
  public void setKeyName(String keyName) { this.keyName = keyName; }
  public List<String> getSecurityGroups() { return securityGroups; }
  public void setSecurityGroups(List<String> securityGroups) { this.securityGroups = securityGroups; }
  public SecretKeyRef getUserDataSecretRef() { return userDataSecretRef; }
  public void setUserDataSecretRef(SecretKeyRef userDataSecretRef) { this.userDataSecretRef = userDataSecretRef; }
  public BootVolumeSpec getBootVolume() { return bootVolume; }
  public void setBootVolume(BootVolumeSpec bootVolume) { this.bootVolume = bootVolume; }
  public DeletionPolicy getDeletionPolicy() { return deletionPolicy; }
  public void setDeletionPolicy(DeletionPolicy deletionPolicy) { this.deletionPolicy = deletionPolicy; }
  public ArchiveSpec getArchive() { return archive; }
  public void setArchive(ArchiveSpec archive) { this.archive = archive; }
  public String getServerId() { return serverId; }
  public void setServerId(String serverId) { this.serverId = serverId; }
  public ScheduleSpec getSchedule() { return schedule; }
  public void setSchedule(ScheduleSpec schedule) { this.schedule = schedule; }
  public DnsSpec getDns() { return dns; }
  public void setDns(DnsSpec dns) { this.dns = dns; }
}
