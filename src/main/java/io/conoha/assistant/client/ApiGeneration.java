package io.conoha.assistant.client;

/** ConoHa's two live API generations. */
public enum ApiGeneration {
  /** tyo1/sin1/sjc1: Keystone v2.0, compute /v2/{tenant}, createImage, upper-case Nova image statuses. */
  V2,
  /** c3j1: Keystone v3, compute /v2.1, boot volumes, os-volume_upload_image, lower-case Glance statuses. */
  V3
}
