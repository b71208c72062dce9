package io.conoha.assistant.client.model;

import java.time.Instant;
import java.util.Map;

/** An image from Glance or the Nova image proxy, normalised. {@code properties} holds metadata/extra properties. */
public record Image(
    String id,
    String name,
    ImageStatus status,
    Integer progress,
    Long sizeBytes,
    Integer minDiskGB,
    String visibility,
    Instant createdAt,
    Map<String, String> properties) {}
