package io.conoha.assistant.client;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.conoha.assistant.client.error.ConohaException.Kind;
import io.conoha.assistant.client.error.UnknownVolumeTypeException;
import io.conoha.assistant.client.model.Flavor;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Which boot volume type a plan gets from what the account offers; sources disagree on ConoHa's names. */
class BootVolumeTypesTest {
  private static final List<String> CONOHA_REFERENCE = List.of("c3j1-ds02-boot", "c3j1-as01-boot", "c3j1-ds02-add");
  private static final List<String> TERRAFORM_STYLE = List.of("c3j1-ds02-boot", "c3j1-ds02-add");
  private static final List<String> WITH_GPU = List.of("c3j1-ds02-boot", "c3j1-as01-boot", "c3j1-ds03-boot");

  private static Flavor plan(String name, int ramMiB) {
    return new Flavor("id-" + name, name, 1, ramMiB, 0);
  }

  private static List<String> offered(String which) {
    return switch (which) {
      case "reference" -> CONOHA_REFERENCE;
      case "terraform" -> TERRAFORM_STYLE;
      case "gpu" -> WITH_GPU;
      case "stock" -> List.of("__DEFAULT__", "lvmdriver-1");
      case "none" -> List.of();
      default -> throw new IllegalArgumentException(which);
    };
  }

  @ParameterizedTest(name = "{0} ({1} MB) on a {2} account, explicit {3} -> {4}")
  @CsvSource(nullValues = "-", value = {
      // plan,               ram,    offered,     explicit,         chosen
      "g2l-t-c1m512,         512,    reference,   -,                c3j1-as01-boot",
      "g2l-t-c1m512,         512,    terraform,   -,                c3j1-ds02-boot",
      "g2l-t-c2m1,           1024,   reference,   -,                c3j1-ds02-boot",
      "g2l-t-c4m4,           4096,   terraform,   -,                c3j1-ds02-boot",
      "g2l-t-c20m128g1-l4,   131072, gpu,         -,                c3j1-ds03-boot",
      "g2l-t-c20m128g1-l4,   131072, reference,   -,                c3j1-ds02-boot",
      "g2l-t-c2m1,           1024,   reference,   c3j1-as01-boot,   c3j1-as01-boot",
      "g2l-t-c2m1,           1024,   none,        my-type,          my-type",
      "g2l-t-c2m1,           1024,   stock,       -,                -",
      "g2l-t-c2m1,           1024,   none,        -,                -",
  })
  void theTypeFollowsThePlanAndWhatTheAccountOffers(String name, int ram, String which, String explicit,
      String chosen) {
    assertThat(BootVolumeTypes.choose(plan(name, ram), explicit, offered(which))).isEqualTo(chosen);
  }

  @ParameterizedTest
  @CsvSource({"c3j1-ds01-boot", "C3J1-DS02-BOOT"})
  void anExplicitTypeTheAccountDoesNotOfferIsASpecErrorNamingTheOfferedTypes(String explicit) {
    assertThatThrownBy(() -> BootVolumeTypes.choose(plan("g2l-t-c2m1", 1024), explicit, CONOHA_REFERENCE))
        .isInstanceOfSatisfying(UnknownVolumeTypeException.class, e -> {
          assertThat(e.kind()).isEqualTo(Kind.BAD_REQUEST);
          assertThat(e.offered()).isEqualTo(CONOHA_REFERENCE);
          assertThat(e.getMessage()).contains("\"" + explicit + "\"")
              .contains("c3j1-ds02-boot, c3j1-as01-boot, c3j1-ds02-add");
        });
  }
}
