package io.conoha.assistant.client;

import java.nio.file.Path;
import java.util.Map;

/**
 * CONTRACT SKELETON (issue 2 implements): one credentials model read from a Secret's keys, a properties/openrc
 * file or the environment. Keys: identityUrl, username|userId, password, tenantId|tenantName, region, domain,
 * caCert, and endpoint overrides (computeUrl, imageUrl, volumeUrl, networkUrl); or the OS_* openrc names.
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

  public static Credentials fromMap(Map<String, String> keys) {
    throw new UnsupportedOperationException("issue 2");
  }

  public static Credentials fromEnvironment(Map<String, String> env) {
    throw new UnsupportedOperationException("issue 2");
  }

  public static Credentials fromFile(Path file) {
    throw new UnsupportedOperationException("issue 2");
  }

  public KeystoneVersion keystoneVersion() {
    throw new UnsupportedOperationException("issue 2");
  }

  /** Stable digest for caching clients and tokens; changes when any key (also the password) changes. */
  public String fingerprint() {
    throw new UnsupportedOperationException("issue 2");
  }
}
