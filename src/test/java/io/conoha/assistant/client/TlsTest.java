package io.conoha.assistant.client;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.conoha.assistant.client.error.ConohaException;
import io.conoha.assistant.client.error.ConohaException.Kind;
import io.conoha.assistant.client.testing.KeystoneStub;
import io.conoha.assistant.client.testing.StubCloud;
import io.conoha.assistant.client.testing.StubCloudTest;
import io.vertx.core.http.HttpServerOptions;
import io.vertx.core.net.SelfSignedCertificate;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** TLS is always verified; a private CA is trusted only when the credentials bring it. */
class TlsTest extends StubCloudTest {
  private static SelfSignedCertificate certificate;
  private StubCloud https;

  @BeforeAll
  static void makeCertificate() {
    certificate = SelfSignedCertificate.create("localhost");
  }

  @AfterAll
  static void deleteCertificate() {
    certificate.delete();
  }

  @BeforeEach
  void startHttpsKeystone() {
    https = StubCloud.start(vertx, new HttpServerOptions().setSsl(true).setKeyCertOptions(certificate.keyCertOptions()));
    KeystoneStub.v3(https, clock).password(PASSWORD);
  }

  @AfterEach
  void stopHttpsKeystone() {
    https.close();
  }

  private Map<String, String> keysFor(String host) {
    Map<String, String> keys = v3Keys();
    keys.put("identityUrl", "https://" + host + ":" + https.port() + StubCloud.IDENTITY_V3);
    return keys;
  }

  @Test
  void aCertificateFromAnUnknownCaIsRefused() {
    assertThatThrownBy(() -> client(Credentials.fromMap(keysFor("localhost")), FAST).identity().token())
        .isInstanceOfSatisfying(ConohaException.class, e -> assertThat(e.kind()).isEqualTo(Kind.TRANSPORT));
  }

  @Test
  void theCaCertOfTheCredentialsIsTrusted() throws Exception {
    Map<String, String> keys = keysFor("localhost");
    keys.put("caCert", Files.readString(Path.of(certificate.certificatePath())));

    assertThat(client(Credentials.fromMap(keys), FAST).identity().token().id()).isEqualTo("token-1");
  }

  @Test
  void aTrustedCertificateForAnotherHostNameIsStillRefused() throws Exception {
    Map<String, String> keys = keysFor("127.0.0.1");
    keys.put("caCert", Files.readString(Path.of(certificate.certificatePath())));

    assertThatThrownBy(() -> client(Credentials.fromMap(keys), FAST).identity().token())
        .isInstanceOfSatisfying(ConohaException.class, e -> assertThat(e.kind()).isEqualTo(Kind.TRANSPORT));
  }
}
