package io.conoha.assistant.api;

import com.fasterxml.jackson.annotation.JsonPropertyDescription;
import io.fabric8.generator.annotation.Default;
import io.fabric8.generator.annotation.Max;
import io.fabric8.generator.annotation.Min;
import io.fabric8.generator.annotation.Pattern;
import io.fabric8.generator.annotation.Required;
import io.fabric8.generator.annotation.Size;

/** A DNS name in a ConoHa DNS zone that follows the server's addresses (A, and AAAA with IPv6). */
public class DnsSpec {
  @Required
  @Size(min = 1)
  @Pattern("^([A-Za-z0-9]([A-Za-z0-9-]{0,61}[A-Za-z0-9])?\\.)+$")
  @JsonPropertyDescription("The zone (domain) in the ConoHa account, fully qualified with a trailing dot, e.g. example.com.")
  private String zone;

  @Required
  @Size(min = 1)
  @Pattern("^(@|[A-Za-z0-9_]([A-Za-z0-9_-]{0,61}[A-Za-z0-9])?(\\.[A-Za-z0-9_]([A-Za-z0-9_-]{0,61}[A-Za-z0-9])?)*)$")
  @JsonPropertyDescription("The name inside the zone, e.g. mc for mc.example.com.; @ for the zone itself.")
  private String name;

  @Min(60)
  @Max(86400)
  @Default("60")
  @JsonPropertyDescription("Record TTL in seconds (60 to 86400). Default 60, so clients follow a new address quickly.")
  private Integer ttl = 60;

  @Default("Keep")
  @JsonPropertyDescription("While the server is archived: Keep the records (pointing at the old address) or Remove them.")
  private DnsWhileArchived whileArchived = DnsWhileArchived.Keep;

  public DnsSpec() {}

  public DnsSpec(String zone, String name, Integer ttl, DnsWhileArchived whileArchived) {
    this.zone = zone;
    this.name = name;
    this.ttl = ttl;
    this.whileArchived = whileArchived;
  }

  /** The record's fully qualified name, e.g. mc.example.com. */
  public String fqdn() {
    return "@".equals(name) ? zone : name + "." + zone;
  }

  public String getZone() { return zone; }
  public void setZone(String zone) { this.zone = zone; }
  public String getName() { return name; }
  public void setName(String name) { this.name = name; }
  public Integer getTtl() { return ttl; }
  public void setTtl(Integer ttl) { this.ttl = ttl; }
  public DnsWhileArchived getWhileArchived() { return whileArchived; }
  public void setWhileArchived(DnsWhileArchived whileArchived) { this.whileArchived = whileArchived; }
}
