package io.conoha.assistant.client;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.conoha.assistant.client.Credentials.KeystoneVersion;
import io.conoha.assistant.client.error.CredentialsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CredentialsTest {
  private static final String PASSWORD = "Very-S3cret-pw!";

  private static Map<String, String> secretKeys() {
    Map<String, String> keys = new HashMap<>();
    keys.put("identityUrl", "https://identity.c3j1.conoha.io/v3");
    keys.put("userId", "e49435d926a640d9ac15738e510fa909");
    keys.put("password", PASSWORD + "\n");
    keys.put("tenantId", "854bb517ec4a4b9198ce4dd299af340a");
    keys.put("region", "c3j1");
    return keys;
  }

  @Test
  void aSecretWithIdsReadsAsV3CredentialsAndDropsTheTrailingNewlineOfThePassword() {
    Credentials c = Credentials.fromMap(secretKeys());

    assertThat(c.keystoneVersion()).isEqualTo(KeystoneVersion.V3);
    assertThat(c.password()).isEqualTo(PASSWORD);
    assertThat(c.userId()).isEqualTo("e49435d926a640d9ac15738e510fa909");
    assertThat(c.region()).isEqualTo("c3j1");
    assertThat(c.endpointOverrides()).isEmpty();
  }

  @Test
  void aV2IdentityUrlMeansKeystoneV2WithOrWithoutTrailingSlash() {
    Map<String, String> keys = secretKeys();
    keys.put("identityUrl", "https://identity.tyo1.conoha.io/v2.0/");

    assertThat(Credentials.fromMap(keys).keystoneVersion()).isEqualTo(KeystoneVersion.V2);
  }

  @Test
  void endpointOverridesAreKeyedByService() {
    Map<String, String> keys = secretKeys();
    keys.put("computeUrl", "https://compute.example/v2.1");
    keys.put("volumeUrl", "https://volume.example/v3/p");

    assertThat(Credentials.fromMap(keys).endpointOverrides())
        .containsEntry("compute", "https://compute.example/v2.1")
        .containsEntry("volume", "https://volume.example/v3/p")
        .doesNotContainKey("image");
  }

  @Test
  void aMissingPasswordIsNamed() {
    Map<String, String> keys = secretKeys();
    keys.remove("password");

    assertThatThrownBy(() -> Credentials.fromMap(keys))
        .isInstanceOfSatisfying(CredentialsException.class, e -> assertThat(e.key()).isEqualTo("password"))
        .hasMessageContaining("password (OS_PASSWORD) is missing");
  }

  @Test
  void neitherUserNameNorIdIsNamed() {
    Map<String, String> keys = secretKeys();
    keys.remove("userId");

    assertThatThrownBy(() -> Credentials.fromMap(keys))
        .isInstanceOfSatisfying(CredentialsException.class, e -> assertThat(e.key()).isEqualTo("username"))
        .hasMessageContaining("username (OS_USERNAME) or userId (OS_USER_ID)");
  }

  @Test
  void neitherTenantIdNorNameIsNamed() {
    Map<String, String> keys = secretKeys();
    keys.remove("tenantId");

    assertThatThrownBy(() -> Credentials.fromMap(keys))
        .isInstanceOfSatisfying(CredentialsException.class, e -> assertThat(e.key()).isEqualTo("tenantId"));
  }

  @Test
  void anIdentityUrlWithoutKeystoneVersionIsRefused() {
    Map<String, String> keys = secretKeys();
    keys.put("identityUrl", "https://identity.c3j1.conoha.io");

    assertThatThrownBy(() -> Credentials.fromMap(keys))
        .isInstanceOfSatisfying(CredentialsException.class, e -> assertThat(e.key()).isEqualTo("identityUrl"))
        .hasMessageContaining("must end with /v2.0 or /v3");
  }

  @Test
  void twoNamesOfOneKeyThatDisagreeAreAContradictionNamingBothButNotTheValues() {
    Map<String, String> keys = secretKeys();
    keys.put("OS_PASSWORD", "another-password-1");

    assertThatThrownBy(() -> Credentials.fromMap(keys))
        .isInstanceOfSatisfying(CredentialsException.class, e -> assertThat(e.key()).isEqualTo("OS_PASSWORD"))
        .hasMessageContaining("password and OS_PASSWORD")
        .hasMessageNotContaining(PASSWORD)
        .hasMessageNotContaining("another-password-1");
  }

  @Test
  void openrcTenantAndProjectNamesThatDisagreeAreAContradiction() {
    Map<String, String> env = Map.of("OS_AUTH_URL", "https://identity.tyo1.conoha.io/v2.0", "OS_USERNAME", "gncu1",
        "OS_PASSWORD", PASSWORD, "OS_TENANT_ID", "aaa", "OS_PROJECT_ID", "bbb");

    assertThatThrownBy(() -> Credentials.fromEnvironment(env))
        .isInstanceOfSatisfying(CredentialsException.class, e -> assertThat(e.key()).isIn("OS_TENANT_ID", "OS_PROJECT_ID"));
  }

  @Test
  void caCertMustBePem() {
    Map<String, String> keys = secretKeys();
    keys.put("caCert", "not a certificate");

    assertThatThrownBy(() -> Credentials.fromMap(keys))
        .isInstanceOfSatisfying(CredentialsException.class, e -> assertThat(e.key()).isEqualTo("caCert"));
  }

  @Test
  void theEnvironmentIsReadThroughTheOpenrcNamesOnly() {
    Map<String, String> env = Map.of(
        "OS_AUTH_URL", "https://identity.c3j1.conoha.io/v3",
        "OS_USERNAME", "gncu00000001",
        "OS_PASSWORD", PASSWORD,
        "OS_PROJECT_NAME", "gnct00000001",
        "OS_USER_DOMAIN_NAME", "gnc",
        "OS_PROJECT_DOMAIN_NAME", "gnc",
        "OS_REGION_NAME", "c3j1",
        "password", "ignored: not an OS_ variable",
        "HOME", "/root");

    Credentials c = Credentials.fromEnvironment(env);

    assertThat(c.username()).isEqualTo("gncu00000001");
    assertThat(c.tenantName()).isEqualTo("gnct00000001");
    assertThat(c.domain()).isEqualTo("gnc");
    assertThat(c.password()).isEqualTo(PASSWORD);
  }

  @Test
  void anExistingOpenrcFileJustWorks(@TempDir Path dir) throws Exception {
    Path openrc = dir.resolve("openrc.sh");
    Files.writeString(openrc, """
        #!/usr/bin/env bash
        # ConoHa v2 account
        export OS_AUTH_URL="https://identity.tyo1.conoha.io/v2.0"
        export OS_TENANT_ID='1234567890abcdef'
        unset OS_PROJECT_ID
        export OS_USERNAME=gncu12345678   # the API user
        echo "Please enter your OpenStack Password: "
        export OS_PASSWORD_INPUT='P@ss "quoted" $not-a-var'
        export OS_PASSWORD=$OS_PASSWORD_INPUT
        export OS_REGION_NAME="tyo1"
        if [ -z "$OS_REGION_NAME" ]; then unset OS_REGION_NAME; fi
        """);

    Credentials c = Credentials.fromFile(openrc);

    assertThat(c.keystoneVersion()).isEqualTo(KeystoneVersion.V2);
    assertThat(c.tenantId()).isEqualTo("1234567890abcdef");
    assertThat(c.username()).isEqualTo("gncu12345678");
    assertThat(c.password()).isEqualTo("P@ss \"quoted\" $not-a-var");
    assertThat(c.region()).isEqualTo("tyo1");
  }

  @Test
  void aPropertiesFileWithTheSecretKeyNamesWorksToo(@TempDir Path dir) throws Exception {
    Path file = dir.resolve("conoha.properties");
    Files.writeString(file, """
        identityUrl = https://identity.c3j1.conoha.io/v3
        userId=e49435d926a640d9ac15738e510fa909
        password=%s
        tenantId=854bb517ec4a4b9198ce4dd299af340a
        """.formatted(PASSWORD));

    assertThat(Credentials.fromFile(file).password()).isEqualTo(PASSWORD);
  }

  @Test
  void aMissingFileIsACredentialsError(@TempDir Path dir) {
    assertThatThrownBy(() -> Credentials.fromFile(dir.resolve("absent")))
        .isInstanceOf(CredentialsException.class)
        .hasMessageContaining("cannot read");
  }

  @Test
  void toStringNeverShowsThePassword() {
    Credentials c = Credentials.fromMap(secretKeys());

    assertThat(c.toString()).doesNotContain(PASSWORD).contains("password=***").contains("c3j1");
  }

  @Test
  void theFingerprintIsStableAndChangesWithThePasswordWithoutRevealingIt() {
    Credentials c = Credentials.fromMap(secretKeys());
    Map<String, String> changed = secretKeys();
    changed.put("password", "Other-S3cret-pw!");

    assertThat(c.fingerprint()).isEqualTo(Credentials.fromMap(secretKeys()).fingerprint()).hasSize(32);
    assertThat(Credentials.fromMap(changed).fingerprint()).isNotEqualTo(c.fingerprint());
    assertThat(c.fingerprint()).doesNotContain(PASSWORD);
  }
}
