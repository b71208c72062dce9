package io.conoha.assistant.client.http;

import java.util.Locale;

/** The OpenStack services the client talks to; {@link #tag()} is the {@code service} tag of every meter. */
public enum ApiService {
  IDENTITY, COMPUTE, IMAGE, VOLUME, NETWORK, DNS;

  public String tag() {
    return name().toLowerCase(Locale.ROOT);
  }
}
