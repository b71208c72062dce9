package io.conoha.assistant.ship;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/** The committed CRDs are what the build generates from the API types. */
@DisplayName("Committed CRDs")
class CrdDriftTest {
  static final String GENERATED = "target/classes/META-INF/fabric8";
  static final List<String> COPIES = List.of("crds", "charts/conoha-assistant/files/crds");
  static final String HOW_TO_REFRESH = "The API types changed: refresh the committed CRDs with `crds/refresh.sh` "
      + "(it runs this test with -Dcrds.refresh=true, which writes them) and commit them.";

  static Set<String> ymlFiles(String dir) throws IOException {
    try (Stream<Path> files = Files.list(ShipFiles.path(dir))) {
      return files.map(p -> p.getFileName().toString()).filter(n -> n.endsWith(".yml") || n.endsWith(".yaml"))
          .filter(n -> !n.equals("kustomization.yaml")).collect(Collectors.toSet());
    }
  }

  static Set<String> generated() throws IOException {
    Path dir = ShipFiles.path(GENERATED);
    assertThat(dir).as("the build generates the CRDs at process-classes; run `mvn test` (not only compile)").isDirectory();
    Set<String> names = ymlFiles(GENERATED);
    assertThat(names).as("generated CRDs").containsExactlyInAnyOrder(
        "conohaservers.conoha-assistant.io-v1.yml", "conohaimages.conoha-assistant.io-v1.yml");
    return names;
  }

  @Test
  @DisplayName("crds/ and the chart's files/crds/ hold exactly the generated CRDs, finished by CrdFinish, byte for byte")
  void committedCopiesEqualGenerated() throws IOException {
    Set<String> generated = generated();
    boolean refresh = Boolean.getBoolean("crds.refresh");
    for (String copy : COPIES) {
      for (String name : generated) {
        String finished = CrdFinish.finish(ShipFiles.read(GENERATED + "/" + name));
        if (refresh) {
          Files.writeString(ShipFiles.path(copy + "/" + name), finished);
        }
        assertThat(ShipFiles.read(copy + "/" + name))
            .as("%s/%s differs from %s/%s finished. %s", copy, name, GENERATED, name, HOW_TO_REFRESH)
            .isEqualTo(finished);
      }
      assertThat(ymlFiles(copy)).as("CRD files in %s. %s", copy, HOW_TO_REFRESH).isEqualTo(generated);
    }
  }

  @Test
  @DisplayName("the kustomization in crds/ lists every generated CRD, so `kubectl apply -k deploy/` installs them")
  void kustomizationListsEveryCrd() throws IOException {
    var kustomization = ShipFiles.yamlDocuments(ShipFiles.read("crds/kustomization.yaml")).get(0);
    Set<String> listed = ShipFiles.JSON.convertValue(kustomization.get("resources"), Set.class);
    assertThat(listed).isEqualTo(generated());
  }
}
