package io.conoha.assistant.client.model;

/**
 * A record in a ConoHa DNS zone. {@code name} is fully qualified (mc.example.com.); {@code description} is free text
 * the API keeps, which is where the operator marks the records it owns.
 */
public record DnsRecord(String id, String name, String type, String data, Integer ttl, String description) {

  /** Whether this record has that name (DNS names compare without regard to case). */
  public boolean named(String fqdn) {
    return name != null && name.equalsIgnoreCase(fqdn);
  }
}
