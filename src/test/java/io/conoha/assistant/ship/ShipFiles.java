package io.conoha.assistant.ship;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.MappingIterator;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import io.conoha.assistant.api.ConohaImage;
import io.conoha.assistant.api.ConohaServer;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.KubernetesResource;
import io.fabric8.kubernetes.client.utils.KubernetesSerialization;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;

/** Files of the shipping side (crds/, deploy/, charts/) and YAML parsing into Kubernetes objects. */
final class ShipFiles {
  static final YAMLMapper YAML = new YAMLMapper();
  static final ObjectMapper JSON = new ObjectMapper();
  static final KubernetesSerialization K8S = new KubernetesSerialization();

  static {
    // Without a logback-test.xml, logback logs at DEBUG; reading a CustomResource logs two DEBUG lines each time.
    ((ch.qos.logback.classic.Logger) org.slf4j.LoggerFactory.getLogger("io.fabric8.kubernetes.client.CustomResource"))
        .setLevel(ch.qos.logback.classic.Level.INFO);
    K8S.registerKubernetesResource(ConohaServer.class);
    K8S.registerKubernetesResource(ConohaImage.class);
  }

  private ShipFiles() {}

  /** The project directory (Surefire passes project.basedir; an IDE usually runs in it). */
  static Path root() {
    String basedir = System.getProperty("project.basedir");
    Path root = basedir != null ? Paths.get(basedir) : Paths.get("").toAbsolutePath();
    if (!Files.isRegularFile(root.resolve("pom.xml"))) {
      throw new IllegalStateException("run the tests from the project directory (no pom.xml in " + root + ")");
    }
    return root;
  }

  static Path path(String relative) {
    return root().resolve(relative);
  }

  static String read(String relative) {
    return read(path(relative));
  }

  static String read(Path file) {
    try {
      return Files.readString(file, StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** Every non-empty document of a (multi-document) YAML text. */
  static List<JsonNode> yamlDocuments(String yaml) {
    List<JsonNode> docs = new ArrayList<>();
    try (MappingIterator<JsonNode> it = YAML.readerFor(JsonNode.class).readValues(yaml)) {
      while (it.hasNext()) {
        JsonNode doc = it.next();
        if (doc != null && !doc.isNull() && !doc.isMissingNode() && doc.size() > 0) {
          docs.add(doc);
        }
      }
    } catch (IOException e) {
      throw new UncheckedIOException("not valid YAML: " + e.getMessage(), e);
    }
    return docs;
  }

  /** Parses each document as a Kubernetes object: typed for built-in kinds and ours, generic otherwise. */
  static List<HasMetadata> objects(String yaml) {
    return yamlDocuments(yaml).stream().map(ShipFiles::object).collect(Collectors.toList());
  }

  static HasMetadata object(JsonNode doc) {
    if (!doc.hasNonNull("apiVersion") || !doc.hasNonNull("kind") || !doc.path("metadata").hasNonNull("name")) {
      throw new AssertionError("not a Kubernetes object (apiVersion, kind and metadata.name needed): " + doc);
    }
    KubernetesResource parsed = K8S.unmarshal(doc.toString(), KubernetesResource.class);
    if (!(parsed instanceof HasMetadata)) {
      throw new AssertionError("not a Kubernetes object: " + doc);
    }
    return (HasMetadata) parsed;
  }

  @SuppressWarnings("unchecked")
  static <T extends HasMetadata> List<T> ofKind(List<HasMetadata> objects, Class<T> type) {
    return objects.stream().filter(type::isInstance).map(o -> (T) o).collect(Collectors.toList());
  }

  static <T extends HasMetadata> T single(List<HasMetadata> objects, Class<T> type) {
    List<T> found = ofKind(objects, type);
    if (found.size() != 1) {
      throw new AssertionError("expected one " + type.getSimpleName() + ", found " + found.size());
    }
    return found.get(0);
  }

  static List<HasMetadata> ofKind(List<HasMetadata> objects, String kind) {
    return objects.stream().filter(o -> kind.equals(o.getKind())).collect(Collectors.toList());
  }
}
