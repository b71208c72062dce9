package io.conoha.assistant.client;

import java.util.List;

/**
 * The credential keys and the names each may be given under: the Secret/file name first, then the standard
 * openrc (OS_*) names. Two names of one key with different values are a contradiction, never a silent pick.
 */
enum CredentialKey {
  IDENTITY_URL("identityUrl", "OS_AUTH_URL"),
  USERNAME("username", "OS_USERNAME"),
  USER_ID("userId", "OS_USER_ID"),
  PASSWORD("password", "OS_PASSWORD"),
  TENANT_ID("tenantId", "projectId", "OS_PROJECT_ID", "OS_TENANT_ID"),
  TENANT_NAME("tenantName", "projectName", "OS_PROJECT_NAME", "OS_TENANT_NAME"),
  REGION("region", "OS_REGION_NAME"),
  DOMAIN("domain", "OS_USER_DOMAIN_NAME", "OS_PROJECT_DOMAIN_NAME"),
  CA_CERT("caCert"),
  /** openrc's OS_CACERT is a file path, not PEM text. */
  CA_CERT_FILE("OS_CACERT"),
  COMPUTE_URL("computeUrl"),
  IMAGE_URL("imageUrl"),
  VOLUME_URL("volumeUrl"),
  NETWORK_URL("networkUrl"),
  DNS_URL("dnsUrl");

  private final List<String> names;

  CredentialKey(String... names) {
    this.names = List.of(names);
  }

  /** The main name, used in messages. */
  String primary() {
    return names.get(0);
  }

  List<String> names() {
    return names;
  }

  /** "tenantId (projectId, OS_PROJECT_ID, OS_TENANT_ID)" for messages. */
  String described() {
    return names.size() == 1 ? primary() : primary() + " (" + String.join(", ", names.subList(1, names.size())) + ")";
  }
}
