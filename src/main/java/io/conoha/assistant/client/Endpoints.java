package io.conoha.assistant.client;

/**
 * Service endpoints from the catalog (or overrides). {@code volume} and {@code dns} are null where the catalog has
 * none.
 */
public record Endpoints(String compute, String image, String volume, String network, String dns) {}
