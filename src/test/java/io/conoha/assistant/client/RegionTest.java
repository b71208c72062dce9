package io.conoha.assistant.client;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.conoha.assistant.client.error.ConohaException.Kind;
import io.conoha.assistant.client.error.CredentialsException;
import io.conoha.assistant.client.testing.StubCloud;
import io.conoha.assistant.client.testing.StubCloudTest;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The credentials' region picks the catalog's endpoints; among several regions the client never guesses. */
class RegionTest extends StubCloudTest {

  @Test
  void theRegionOfTheCredentialsSelectsItsEndpoints() {
    assertThat(client().identity().endpoints().compute()).isEqualTo(cloud.url(StubCloud.COMPUTE));
  }

  @Test
  void aCatalogWithSeveralRegionsAndNoRegionIsACredentialsErrorNamingThem() {
    Map<String, String> keys = v3Keys();
    keys.remove("region");
    ConohaClient noRegion = client(Credentials.fromMap(keys), FAST);

    assertThatThrownBy(() -> noRegion.identity().endpoints())
        .isInstanceOfSatisfying(CredentialsException.class, e -> {
          assertThat(e.kind()).isEqualTo(Kind.CONFIGURATION);
          assertThat(e.key()).isEqualTo("region");
          assertThat(e.getMessage()).contains("c3j1").contains("elsewhere").contains("OS_REGION_NAME");
        });
  }

  @Test
  void aRegionTheCatalogLacksNamesTheRegionsItHas() {
    Map<String, String> keys = v3Keys();
    keys.put("region", "tyo9");
    ConohaClient wrong = client(Credentials.fromMap(keys), FAST);

    assertThatThrownBy(() -> wrong.compute().listFlavors())
        .hasMessageContaining("region tyo9").hasMessageContaining("c3j1");
  }
}
