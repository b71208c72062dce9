package io.conoha.assistant.sim;

import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;

/** The timestamp spellings OpenStack services use (each service has its own). */
final class Times {
  private static final DateTimeFormatter SECONDS =
      DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss'Z'").withZone(ZoneOffset.UTC);
  private static final DateTimeFormatter MICROS =
      DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss.SSSSSS").withZone(ZoneOffset.UTC);

  private Times() {}

  /** Nova created/updated, Glance created_at, Keystone v2 expires: {@code 2026-11-27T04:54:08Z}. */
  static String seconds(Instant t) {
    return SECONDS.format(t);
  }

  /** Nova launched_at, Cinder created_at, Keystone v2 issued_at: {@code 2026-11-27T04:54:10.000000}. */
  static String micros(Instant t) {
    return MICROS.format(t);
  }

  /** Keystone v3 expires_at / issued_at: {@code 2026-11-28T04:54:04.000000Z}. */
  static String microsZ(Instant t) {
    return MICROS.format(t) + "Z";
  }
}
