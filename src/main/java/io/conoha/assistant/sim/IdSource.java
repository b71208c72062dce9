package io.conoha.assistant.sim;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Random;
import java.util.UUID;

/**
 * Every identifier, address and generated password the simulator hands out, drawn from one seeded random
 * source: the same seed and the same sequence of requests give the same ids.
 */
final class IdSource {
  private static final String PASSWORD_CHARS = "ABCDEFGHJKLMNPQRSTUVWXYZabcdefghijkmnopqrstuvwxyz23456789";
  private final Random random;
  private int nextHost;

  IdSource(long seed) {
    this.random = new Random(seed);
    this.nextHost = 11 + random.nextInt(40);
  }

  /** A random (version 4) UUID. */
  synchronized String uuid() {
    long msb = (random.nextLong() & 0xffffffffffff0fffL) | 0x0000000000004000L;
    long lsb = (random.nextLong() & 0x3fffffffffffffffL) | 0x8000000000000000L;
    return new UUID(msb, lsb).toString();
  }

  /** Keystone-style 32-hex ids (users, projects, UUID tokens). */
  synchronized String hex32() {
    return uuid().replace("-", "");
  }

  /** A Fernet-looking token as Keystone v3 issues them. */
  synchronized String fernetToken() {
    byte[] bytes = new byte[135];
    random.nextBytes(bytes);
    return "gAAAAA" + Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
  }

  synchronized String auditId() {
    byte[] bytes = new byte[16];
    random.nextBytes(bytes);
    return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
  }

  /** Like ConoHa's generated root passwords: upper, lower and digits. */
  synchronized String password() {
    StringBuilder sb = new StringBuilder("Aa1");
    for (int i = 0; i < 13; i++) {
      sb.append(PASSWORD_CHARS.charAt(random.nextInt(PASSWORD_CHARS.length())));
    }
    return sb.toString();
  }

  /** A MAC in OpenStack's fa:16:3e range. */
  synchronized String mac() {
    return String.format("fa:16:3e:%02x:%02x:%02x", random.nextInt(256), random.nextInt(256), random.nextInt(256));
  }

  /**
   * The next public IPv4 address. Addresses are never handed out twice, so a recreated server always gets a new
   * one, as on ConoHa.
   */
  synchronized String ipv4(String prefix16) {
    int third = 0;
    int host = nextHost++;
    third += host / 254;
    host = host % 254 + 1;
    return prefix16 + "." + (48 + third) + "." + host;
  }

  /** A stable UUID for seeded catalogue entries (flavors, public images, volume types): the same in every run. */
  static String stableUuid(String name) {
    return UUID.nameUUIDFromBytes(name.getBytes(StandardCharsets.UTF_8)).toString();
  }
}
