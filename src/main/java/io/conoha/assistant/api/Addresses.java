package io.conoha.assistant.api;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyDescription;

import java.util.ArrayList;
import java.util.List;

/** The server's public addresses (they change each time a server is re-created). */
@JsonInclude(JsonInclude.Include.ALWAYS)
public class Addresses {
  @JsonPropertyDescription("Public IPv4 addresses.")
  private List<String> ipv4 = new ArrayList<>();
  @JsonPropertyDescription("Public IPv6 addresses.")
  private List<String> ipv6 = new ArrayList<>();

  public Addresses() {}

  public Addresses(List<String> ipv4, List<String> ipv6) {
    this.ipv4 = new ArrayList<>(ipv4);
    this.ipv6 = new ArrayList<>(ipv6);
  }

  public List<String> getIpv4() { return ipv4; }
  public void setIpv4(List<String> ipv4) { this.ipv4 = ipv4; }
  public List<String> getIpv6() { return ipv6; }
  public void setIpv6(List<String> ipv6) { this.ipv6 = ipv6; }
}
