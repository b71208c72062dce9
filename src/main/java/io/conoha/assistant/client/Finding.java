package io.conoha.assistant.client;

/** What a probe found out about the cloud: not yet known, or yes/no once the cloud has shown it. */
public enum Finding {
  UNKNOWN, YES, NO;

  public static Finding of(boolean yes) {
    return yes ? YES : NO;
  }

  public boolean isKnown() {
    return this != UNKNOWN;
  }
}
