package io.conoha.assistant.ship;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.conoha.assistant.api.ConohaImage;
import io.conoha.assistant.api.ConohaServer;
import io.conoha.assistant.api.ServerState;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.Secret;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import java.util.stream.Stream;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** The manifests in deploy/examples/ are valid resources a user can apply as they are. */
@DisplayName("Examples")
class ExamplesTest {
  static final String DIR = "deploy/examples/";
  static final OpenApiValidator SERVER_SCHEMA = OpenApiValidator.forCrd("crds/conohaservers.conoha-assistant.io-v1.yml", "v1alpha1");
  static final OpenApiValidator IMAGE_SCHEMA = OpenApiValidator.forCrd("crds/conohaimages.conoha-assistant.io-v1.yml", "v1alpha1");

  static Stream<String> exampleFiles() throws IOException {
    try (Stream<Path> files = Files.list(ShipFiles.path(DIR))) {
      return files.map(p -> p.getFileName().toString()).filter(n -> n.endsWith(".yaml")).sorted().toList().stream();
    }
  }

  static JsonNode doc(String file) {
    List<JsonNode> docs = ShipFiles.yamlDocuments(ShipFiles.read(DIR + file));
    assertThat(docs).as(file).hasSize(1);
    return docs.get(0);
  }

  static <T extends HasMetadata> T typed(String file, Class<T> type) {
    HasMetadata o = ShipFiles.object(doc(file));
    assertThat(o).as(file).isInstanceOf(type);
    return type.cast(o);
  }

  @Test
  @DisplayName("all seven examples are there")
  void allExamples() throws IOException {
    assertThat(exampleFiles()).containsExactlyInAnyOrder("secret-v3.yaml", "secret-v2.yaml", "server-v3.yaml",
        "server-v2.yaml", "image-snapshot.yaml", "image-import.yaml", "server-from-image.yaml");
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("exampleFiles")
  @DisplayName("parses as its typed resource, carries no namespace (applies to the current one) and is schema-valid")
  void validExample(String file) {
    JsonNode doc = doc(file);
    HasMetadata o = ShipFiles.object(doc);
    assertThat(o.getMetadata().getNamespace()).as(file).isNull();
    switch (o.getKind()) {
      case "ConohaServer" -> {
        ConohaServer s = (ConohaServer) o;
        assertThat(s.getSpec().getCredentialsSecretRef().getName()).isNotBlank();
        assertThat(s.getSpec().getFlavor()).isNotBlank();
        assertThat(s.getSpec().getImage() == null).as("exactly one of image and imageRef").isNotEqualTo(s.getSpec().getImageRef() == null);
        assertThat(SERVER_SCHEMA.validate(doc)).as(file).isEmpty();
      }
      case "ConohaImage" -> {
        ConohaImage i = (ConohaImage) o;
        assertThat(i.getSpec().getCredentialsSecretRef().getName()).isNotBlank();
        assertThat(i.getSpec().getSource() == null).as("exactly one of source and import").isNotEqualTo(i.getSpec().getImportImage() == null);
        assertThat(IMAGE_SCHEMA.validate(doc)).as(file).isEmpty();
      }
      case "Secret" -> assertThat(o).isInstanceOf(Secret.class);
      default -> throw new AssertionError(file + ": unexpected kind " + o.getKind());
    }
  }

  @Test
  @DisplayName("the v3 credentials Secret has identityUrl, userId, password, tenantId and region for c3j1")
  void secretV3() {
    Map<String, String> data = typed("secret-v3.yaml", Secret.class).getStringData();
    assertThat(data).containsOnlyKeys("identityUrl", "userId", "password", "tenantId", "region");
    assertThat(data.get("identityUrl")).isEqualTo("https://identity.c3j1.conoha.io/v3");
    assertThat(data.get("region")).isEqualTo("c3j1");
  }

  @Test
  @DisplayName("the v2 credentials Secret has identityUrl, username, password, tenantId and region")
  void secretV2() {
    Map<String, String> data = typed("secret-v2.yaml", Secret.class).getStringData();
    assertThat(data).containsOnlyKeys("identityUrl", "username", "password", "tenantId", "region");
    assertThat(data.get("identityUrl")).isEqualTo("https://identity.tyo1.conoha.io/v2.0");
  }

  @Test
  @DisplayName("the v3 server runs vmi-ubuntu-24.04-amd64 on the disk-0 plan g2l-t-c2m1 with a boot volume, SSH open, one archive kept")
  void serverV3() {
    ConohaServer s = typed("server-v3.yaml", ConohaServer.class);
    assertThat(s.getSpec().getFlavor()).isEqualTo("g2l-t-c2m1");
    assertThat(s.getSpec().getImage()).isEqualTo("vmi-ubuntu-24.04-amd64");
    assertThat(s.getSpec().getState()).isEqualTo(ServerState.Running);
    assertThat(s.getSpec().getBootVolume().getSize()).isEqualTo(100);
    assertThat(s.getSpec().getSecurityGroups()).containsExactly("default", "IPv4v6-SSH");
    assertThat(s.getSpec().getArchive().getKeep()).isEqualTo(1);
    assertThat(s.getSpec().getCredentialsSecretRef().getName()).isEqualTo(typed("secret-v3.yaml", Secret.class).getMetadata().getName());
  }

  @Test
  @DisplayName("the v2 server runs vmi-ubuntu-22.04-amd64 on g-c2m1d100 with the v2 credentials")
  void serverV2() {
    ConohaServer s = typed("server-v2.yaml", ConohaServer.class);
    assertThat(s.getSpec().getFlavor()).isEqualTo("g-c2m1d100");
    assertThat(s.getSpec().getImage()).isEqualTo("vmi-ubuntu-22.04-amd64");
    assertThat(s.getSpec().getBootVolume()).as("v2 plans have a local disk").isNull();
    assertThat(s.getSpec().getCredentialsSecretRef().getName()).isEqualTo(typed("secret-v2.yaml", Secret.class).getMetadata().getName());
  }

  @Test
  @DisplayName("the snapshot is of the v3 server, and the clone boots from that snapshot")
  void snapshotAndClone() {
    ConohaServer v3 = typed("server-v3.yaml", ConohaServer.class);
    ConohaImage snapshot = typed("image-snapshot.yaml", ConohaImage.class);
    ConohaServer clone = typed("server-from-image.yaml", ConohaServer.class);
    assertThat(snapshot.getSpec().getSource().getServerRef().getName()).isEqualTo(v3.getMetadata().getName());
    assertThat(clone.getSpec().getImageRef().getName()).isEqualTo(snapshot.getMetadata().getName());
    assertThat(clone.getSpec().getImage()).isNull();
    assertThat(snapshot.getSpec().getCredentialsSecretRef().getName()).isEqualTo(v3.getSpec().getCredentialsSecretRef().getName());
  }

  @Test
  @DisplayName("the import observes the public image vmi-ubuntu-24.04-amd64")
  void importImage() {
    ConohaImage i = typed("image-import.yaml", ConohaImage.class);
    assertThat(i.getSpec().getImportImage().getName()).isEqualTo("vmi-ubuntu-24.04-amd64");
    assertThat(i.getSpec().getSource()).isNull();
  }

  /** The schema check must be able to fail, or the examples prove nothing. */
  @Nested
  @DisplayName("the schema check rejects")
  class SchemaCheckRejects {
    List<String> serverErrors(Consumer<ObjectNode> edit) {
      ObjectNode server = doc("server-v3.yaml").deepCopy();
      edit.accept((ObjectNode) server.get("spec"));
      return SERVER_SCHEMA.validate(server);
    }

    @Test
    @DisplayName("a server without a flavor")
    void missingRequired() {
      assertThat(serverErrors(spec -> spec.remove("flavor"))).containsExactly("spec.flavor: required");
    }

    @Test
    @DisplayName("a server whose state is not Running, Stopped or Archived")
    void badEnum() {
      assertThat(serverErrors(spec -> spec.put("state", "Paused"))).singleElement().asString().startsWith("spec.state:");
    }

    @Test
    @DisplayName("a server whose nameTag has a space")
    void badPattern() {
      assertThat(serverErrors(spec -> spec.put("nameTag", "web 1"))).singleElement().asString().startsWith("spec.nameTag:");
    }

    @Test
    @DisplayName("a misspelt field")
    void unknownField() {
      assertThat(serverErrors(spec -> spec.put("flavour", "g2l-t-c2m1"))).containsExactly("spec.flavour: unknown field");
    }

    @Test
    @DisplayName("a boot volume of 0 GB and a size given as text")
    void badNumbers() {
      assertThat(serverErrors(spec -> ((ObjectNode) spec.get("bootVolume")).put("size", 0))).hasSize(1);
      assertThat(serverErrors(spec -> ((ObjectNode) spec.get("bootVolume")).put("size", "100"))).containsExactly("spec.bootVolume.size: must be an integer");
    }

    @Test
    @DisplayName("a server with both image and imageRef (CEL: exactly one)")
    void bothImageAndImageRef() {
      assertThat(serverErrors(spec -> spec.putObject("imageRef").put("name", "x")))
          .containsExactly("spec: exactly one of image or imageRef must be set");
    }

    @Test
    @DisplayName("an image with neither source nor import")
    void imageWithoutSource() {
      ObjectNode image = doc("image-snapshot.yaml").deepCopy();
      ((ObjectNode) image.get("spec")).remove("source");
      assertThat(IMAGE_SCHEMA.validate(image)).containsExactly("spec: exactly one of source or import must be set");
    }
  }
}
