package io.conoha.assistant.sim;

import java.time.Instant;

/**
 * A server whose {@code conoha-assistant:owner} metadata went from one value to another (or was removed): one
 * resource took over an object another one owned. Setting the tag on an untagged server is not a change.
 */
public record OwnerChange(String serverId, String from, String to, Instant at) {}
