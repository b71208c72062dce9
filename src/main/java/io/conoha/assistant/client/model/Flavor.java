package io.conoha.assistant.client.model;

/** A ConoHa plan. Disk 0 (v3 g2l-/g2w-) means the server boots from a volume. */
public record Flavor(String id, String name, int vcpus, int ramMiB, int diskGiB) {
  public boolean needsBootVolume() {
    return diskGiB == 0;
  }
}
