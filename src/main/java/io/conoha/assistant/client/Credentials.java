package io.conoha.assistant.client;

import io.conoha.assistant.client.error.CredentialsException;
import java.io.IOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.spec.InvalidKeySpecException;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;
import javax.crypto.SecretKeyFactory;
import javax.crypto.spec.PBEKeySpec;

/**
 * One credentials model read from a Secret's keys, a properties/openrc file or the environment. Keys:
 * identityUrl, username|userId, password, tenantId|tenantName (= project), region, domain, caCert (PEM), and
 * endpoint overrides (computeUrl, imageUrl, volumeUrl, networkUrl, dnsUrl); or the OS_* openrc names (OS_AUTH_URL,
 * OS_USERNAME, OS_USER_ID, OS_PASSWORD, OS_PROJECT_ID/OS_TENANT_ID, OS_PROJECT_NAME/OS_TENANT_NAME,
 * OS_USER_DOMAIN_NAME, OS_PROJECT_DOMAIN_NAME, OS_REGION_NAME, OS_CACERT as a file path).
 * {@code endpointOverrides} is keyed by service: compute, image, volume, network.
 * toString never shows the password.
 */
public record Credentials(
    String identityUrl,
    String username,
    String userId,
    String password,
    String tenantId,
    String tenantName,
    String region,
    String domain,
    String caCert,
    Map<String, String> endpointOverrides) {

  /** Keystone v2.0 or v3, from the identity URL. */
  public enum KeystoneVersion { V2, V3 }

  public Credentials {
    endpointOverrides = endpointOverrides == null ? Map.of() : Map.copyOf(endpointOverrides);
  }

  /** From a Kubernetes Secret's keys (either naming style; values may end with a newline). */
  public static Credentials fromMap(Map<String, String> keys) {
    return CredentialsReader.read(keys);
  }

  /** From environment variables: only the OS_* openrc names count here. */
  public static Credentials fromEnvironment(Map<String, String> env) {
    Map<String, String> openrc = env.entrySet().stream()
        .filter(e -> e.getKey().startsWith("OS_"))
        .collect(Collectors.toMap(Map.Entry::getKey, Map.Entry::getValue));
    return CredentialsReader.read(openrc);
  }

  /** From an openrc script ({@code export OS_AUTH_URL=...}) or a properties file ({@code identityUrl=...}). */
  public static Credentials fromFile(Path file) {
    List<String> lines;
    try {
      lines = Files.readAllLines(file, StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new CredentialsException("file", "credentials: cannot read " + file + " ("
          + e.getClass().getSimpleName() + ")");
    }
    return CredentialsReader.read(OpenrcFile.parse(lines, System.getenv()));
  }

  public KeystoneVersion keystoneVersion() {
    KeystoneVersion version = versionOf(identityUrl);
    if (version == null) {
      throw new CredentialsException("identityUrl", "credentials: identityUrl must end with /v2.0 or /v3");
    }
    return version;
  }

  /** The identity URL without a trailing slash. */
  public String identityBase() {
    return identityUrl.replaceAll("/+$", "");
  }

  static KeystoneVersion versionOf(String url) {
    if (url == null) {
      return null;
    }
    String path;
    try {
      path = URI.create(url.trim()).getPath();
    } catch (IllegalArgumentException notAUrl) {
      return null;
    }
    String trimmed = path == null ? "" : path.replaceAll("/+$", "");
    if (trimmed.endsWith("/v2.0")) {
      return KeystoneVersion.V2;
    }
    return trimmed.endsWith("/v3") ? KeystoneVersion.V3 : null;
  }

  /**
   * Stable digest for caching clients and tokens; changes when any key (also the password) changes. The
   * password enters only through a slow, salted derivation, so a logged or exported fingerprint is no
   * shortcut for guessing it.
   */
  public String fingerprint() {
    Map<String, String> fields = new TreeMap<>();
    fields.put("identityUrl", identityUrl);
    fields.put("username", username);
    fields.put("userId", userId);
    fields.put("password", passwordDerivation());
    fields.put("tenantId", tenantId);
    fields.put("tenantName", tenantName);
    fields.put("region", region);
    fields.put("domain", domain);
    fields.put("caCert", caCert);
    endpointOverrides.forEach((service, url) -> fields.put("override." + service, url));
    return HexFormat.of().formatHex(sha256(fields.toString())).substring(0, 32);
  }

  private String passwordDerivation() {
    if (password == null) {
      return "";
    }
    String salt = identityUrl + "|" + username + "|" + userId;
    try {
      PBEKeySpec spec = new PBEKeySpec(password.toCharArray(), salt.getBytes(StandardCharsets.UTF_8), 10_000, 256);
      byte[] derived = SecretKeyFactory.getInstance("PBKDF2WithHmacSHA256").generateSecret(spec).getEncoded();
      return HexFormat.of().formatHex(derived);
    } catch (NoSuchAlgorithmException | InvalidKeySpecException e) {
      throw new IllegalStateException("PBKDF2WithHmacSHA256 is part of every Java 17 runtime", e);
    }
  }

  private static byte[] sha256(String text) {
    try {
      return MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-256 is part of every Java runtime", e);
    }
  }

  /**
   * The keys of a Kubernetes Secret that reads back as these credentials (only the keys that are set). Holds
   * the password: for writing a Secret, never for printing.
   */
  public Map<String, String> toKeys() {
    Map<String, String> keys = new LinkedHashMap<>();
    putIfSet(keys, "identityUrl", identityUrl);
    putIfSet(keys, "username", username);
    putIfSet(keys, "userId", userId);
    putIfSet(keys, "password", password);
    putIfSet(keys, "tenantId", tenantId);
    putIfSet(keys, "tenantName", tenantName);
    putIfSet(keys, "region", region);
    putIfSet(keys, "domain", domain);
    putIfSet(keys, "caCert", caCert);
    endpointOverrides.forEach((service, url) -> keys.put(service + "Url", url));
    return keys;
  }

  private static void putIfSet(Map<String, String> keys, String key, String value) {
    if (value != null) {
      keys.put(key, value);
    }
  }

  @Override
  public String toString() {
    Map<String, Object> shown = new LinkedHashMap<>();
    shown.put("identityUrl", identityUrl);
    shown.put("username", username);
    shown.put("userId", userId);
    shown.put("password", password == null ? null : "***");
    shown.put("tenantId", tenantId);
    shown.put("tenantName", tenantName);
    shown.put("region", region);
    shown.put("domain", domain);
    shown.put("caCert", caCert == null ? null : "(PEM, " + caCert.length() + " chars)");
    shown.put("endpointOverrides", endpointOverrides);
    return "Credentials" + shown.entrySet().stream()
        .filter(e -> e.getValue() != null)
        .map(e -> e.getKey() + "=" + e.getValue())
        .collect(Collectors.joining(", ", "[", "]"));
  }
}
