package io.conoha.assistant.client;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.conoha.assistant.client.error.ConohaException;
import io.conoha.assistant.client.error.ConohaException.Kind;
import io.conoha.assistant.client.testing.Fixtures;
import io.conoha.assistant.client.testing.KeystoneStub;
import io.conoha.assistant.client.testing.StubCloud;
import io.conoha.assistant.client.testing.StubCloudTest;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpServerOptions;
import io.vertx.core.net.PemKeyCertOptions;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * TLS is always verified; a private CA is trusted only when the credentials bring it. The stub's certificate
 * (self-signed, for "localhost", in src/test/resources/client/tls) doubles as that CA.
 */
class TlsTest extends StubCloudTest {
  private static final String CERT = Fixtures.resource("/client/tls/localhost-cert.pem");
  private static final String KEY = Fixtures.resource("/client/tls/localhost-key.pem");
  private StubCloud https;

  @BeforeEach
  void startHttpsKeystone() {
    PemKeyCertOptions keyCert = new PemKeyCertOptions().setCertValue(Buffer.buffer(CERT)).setKeyValue(Buffer.buffer(KEY));
    https = StubCloud.start(vertx, new HttpServerOptions().setSsl(true).setKeyCertOptions(keyCert));
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
        .isInstanceOfSatisfying(ConohaException.class, e -> assertThat(e.kind()).isEqualTo(Kind.TRANSPORT))
        .hasMessageContaining("identity.tokens: could not reach the service");
  }

  @Test
  void theCaCertOfTheCredentialsIsTrusted() {
    Map<String, String> keys = keysFor("localhost");
    keys.put("caCert", CERT);

    assertThat(client(Credentials.fromMap(keys), FAST).identity().token().id()).isEqualTo("token-1");
  }

  @Test
  void aTrustedCertificateForAnotherHostNameIsStillRefused() {
    Map<String, String> keys = keysFor("127.0.0.1");
    keys.put("caCert", CERT);

    assertThatThrownBy(() -> client(Credentials.fromMap(keys), FAST).identity().token())
        .isInstanceOfSatisfying(ConohaException.class, e -> assertThat(e.kind()).isEqualTo(Kind.TRANSPORT));
  }
}
