package io.conoha.assistant.client.model;

/** Image storage: the account's limit (/v2/quota) and what its private images use (/v2/images/total). */
public record ImageQuota(long limitBytes, long usedBytes) {
  public long freeBytes() {
    return Math.max(0, limitBytes - usedBytes);
  }
}
