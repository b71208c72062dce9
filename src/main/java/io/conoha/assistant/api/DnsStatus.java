package io.conoha.assistant.api;

import com.fasterxml.jackson.annotation.JsonPropertyDescription;
import java.util.ArrayList;
import java.util.List;

/** The DNS records this resource keeps. */
public class DnsStatus {
  @JsonPropertyDescription("The record name, fully qualified.")
  private String fqdn;
  @JsonPropertyDescription("The zone's id in ConoHa DNS.")
  private String zoneId;
  @JsonPropertyDescription("Ids of the records this resource created (and only these are ever changed).")
  private List<String> recordIds = new ArrayList<>();
  @JsonPropertyDescription("The addresses the records point at.")
  private List<String> addresses = new ArrayList<>();

  public String getFqdn() { return fqdn; }
  public void setFqdn(String fqdn) { this.fqdn = fqdn; }
  public String getZoneId() { return zoneId; }
  public void setZoneId(String zoneId) { this.zoneId = zoneId; }
  public List<String> getRecordIds() { return recordIds; }
  public void setRecordIds(List<String> recordIds) { this.recordIds = recordIds == null ? new ArrayList<>() : recordIds; }
  public List<String> getAddresses() { return addresses; }
  public void setAddresses(List<String> addresses) { this.addresses = addresses == null ? new ArrayList<>() : addresses; }
}
