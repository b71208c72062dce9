package io.conoha.assistant.client;

import io.conoha.assistant.client.error.CredentialsException;
import java.io.IOException;
import java.net.URI;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/** Builds {@link Credentials} from a flat key map and checks them; every problem names its key. */
final class CredentialsReader {
  private static final String PEM_BEGIN = "-----BEGIN CERTIFICATE-----";

  private final Map<CredentialKey, String> values = new EnumMap<>(CredentialKey.class);

  private CredentialsReader(Map<String, String> keys) {
    for (CredentialKey key : CredentialKey.values()) {
      collect(key, keys);
    }
  }

  static Credentials read(Map<String, String> keys) {
    return new CredentialsReader(keys).build();
  }

  private void collect(CredentialKey key, Map<String, String> keys) {
    String chosenName = null;
    for (String name : key.names()) {
      String value = clean(key, keys.get(name));
      if (value == null) {
        continue;
      }
      String earlier = values.putIfAbsent(key, value);
      if (earlier == null) {
        chosenName = name;
      } else if (!earlier.equals(value)) {
        throw new CredentialsException(name, "credentials: " + chosenName + " and " + name
            + " are both set and disagree; set only one of them");
      }
    }
  }

  /** Secrets often come from files with a trailing newline; a password keeps inner and leading spaces. */
  private static String clean(CredentialKey key, String raw) {
    if (raw == null) {
      return null;
    }
    String value = key == CredentialKey.PASSWORD ? raw.replaceAll("[\r\n]+$", "") : raw.trim();
    return value.isEmpty() ? null : value;
  }

  private Credentials build() {
    String identityUrl = required(CredentialKey.IDENTITY_URL);
    checkIdentityUrl(identityUrl);
    requireOneOf(CredentialKey.USERNAME, CredentialKey.USER_ID);
    required(CredentialKey.PASSWORD);
    requireOneOf(CredentialKey.TENANT_ID, CredentialKey.TENANT_NAME);
    return new Credentials(identityUrl, get(CredentialKey.USERNAME), get(CredentialKey.USER_ID),
        get(CredentialKey.PASSWORD), get(CredentialKey.TENANT_ID), get(CredentialKey.TENANT_NAME),
        get(CredentialKey.REGION), get(CredentialKey.DOMAIN), caCert(), overrides());
  }

  private String get(CredentialKey key) {
    return values.get(key);
  }

  private String required(CredentialKey key) {
    String value = values.get(key);
    if (value == null) {
      throw new CredentialsException(key.primary(), "credentials: " + key.described() + " is missing");
    }
    return value;
  }

  private void requireOneOf(CredentialKey first, CredentialKey second) {
    if (values.get(first) == null && values.get(second) == null) {
      throw new CredentialsException(first.primary(), "credentials: set " + first.described() + " or "
          + second.described());
    }
  }

  private static void checkIdentityUrl(String url) {
    checkHttpUrl(CredentialKey.IDENTITY_URL, url);
    if (Credentials.versionOf(url) == null) {
      throw new CredentialsException(CredentialKey.IDENTITY_URL.primary(), "credentials: identityUrl must end with "
          + "/v2.0 or /v3 (the Keystone version), e.g. https://identity.c3j1.conoha.io/v3; got " + url);
    }
  }

  private static void checkHttpUrl(CredentialKey key, String url) {
    try {
      URI uri = new URI(url);
      if (!("https".equals(uri.getScheme()) || "http".equals(uri.getScheme())) || uri.getHost() == null
          || uri.getUserInfo() != null) {
        throw new URISyntaxException(url, "not an http(s) URL with a host and without user info");
      }
    } catch (URISyntaxException e) {
      throw new CredentialsException(key.primary(), "credentials: " + key.primary() + " is not an http(s) URL: "
          + e.getReason());
    }
  }

  private String caCert() {
    String pem = values.get(CredentialKey.CA_CERT);
    String file = values.get(CredentialKey.CA_CERT_FILE);
    if (pem != null && file != null) {
      throw new CredentialsException(CredentialKey.CA_CERT_FILE.primary(),
          "credentials: caCert and OS_CACERT are both set; set only one of them");
    }
    if (file != null) {
      pem = readCaFile(file);
    }
    if (pem != null && !pem.contains(PEM_BEGIN)) {
      throw new CredentialsException(CredentialKey.CA_CERT.primary(),
          "credentials: caCert must be PEM text starting with " + PEM_BEGIN);
    }
    return pem;
  }

  private static String readCaFile(String file) {
    try {
      return Files.readString(Path.of(file), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new CredentialsException(CredentialKey.CA_CERT_FILE.primary(),
          "credentials: cannot read the CA certificate file OS_CACERT=" + file + " (" + e.getClass().getSimpleName() + ")");
    }
  }

  private Map<String, String> overrides() {
    Map<String, String> overrides = new LinkedHashMap<>();
    putOverride(overrides, "compute", CredentialKey.COMPUTE_URL);
    putOverride(overrides, "image", CredentialKey.IMAGE_URL);
    putOverride(overrides, "volume", CredentialKey.VOLUME_URL);
    putOverride(overrides, "network", CredentialKey.NETWORK_URL);
    putOverride(overrides, "dns", CredentialKey.DNS_URL);
    return overrides;
  }

  private void putOverride(Map<String, String> overrides, String service, CredentialKey key) {
    String url = values.get(key);
    if (url != null) {
      checkHttpUrl(key, url);
      overrides.put(service, Objects.requireNonNull(url));
    }
  }
}
