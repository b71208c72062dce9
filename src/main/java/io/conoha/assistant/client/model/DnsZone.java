package io.conoha.assistant.client.model;

/** A ConoHa DNS zone ("domain" in the Designate v1 API); {@code name} is fully qualified, e.g. example.com. */
public record DnsZone(String id, String name, Integer ttl, String email) {}
