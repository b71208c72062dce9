package io.conoha.assistant.demo;

import io.conoha.assistant.api.ConohaImage;
import io.conoha.assistant.api.ConohaServer;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.Secret;
import io.fabric8.kubernetes.client.utils.KubernetesSerialization;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/**
 * Reads the YAML files of {@code deploy/examples/} into typed objects (several documents per file allowed): from a
 * folder, or from the copy inside the jar ({@code /examples/}), so the commands work from any directory.
 */
public final class ExampleManifests {
  private static final Map<String, Class<? extends HasMetadata>> KINDS =
      Map.of("Secret", Secret.class, "ConohaServer", ConohaServer.class, "ConohaImage", ConohaImage.class);
  private static final KubernetesSerialization YAML = new KubernetesSerialization();

  private ExampleManifests() {}

  private static final String BUNDLED = "/examples/server-v3.yaml";

  /** The examples of {@code folder}, or the ones inside the jar when {@code folder} is null. */
  public static List<HasMetadata> load(Path folder) {
    return folder == null ? bundled() : read(folder);
  }

  /** The examples packed into the jar (or target/classes) at build time. */
  public static List<HasMetadata> bundled() {
    java.net.URL marker = ExampleManifests.class.getResource(BUNDLED);
    if (marker == null) {
      throw new IllegalStateException("the examples are not on the classpath: build with Maven");
    }
    try {
      java.net.URI uri = marker.toURI();
      if (uri.getScheme().equals("jar")) {
        try (java.nio.file.FileSystem jar = java.nio.file.FileSystems.newFileSystem(uri, Map.of())) {
          return read(jar.provider().getPath(uri).getParent());
        }
      }
      return read(Path.of(uri).getParent());
    } catch (java.net.URISyntaxException | IOException e) {
      throw new IllegalStateException("could not read the examples inside the jar: " + e.getMessage(), e);
    }
  }

  /** Every Secret, ConohaServer and ConohaImage in the folder, files in name order. */
  public static List<HasMetadata> read(Path folder) {
    if (!Files.isDirectory(folder)) {
      throw new IllegalArgumentException(folder + " is not a folder of example manifests (leave out --examples to"
          + " use the ones inside the jar)");
    }
    List<HasMetadata> objects = new ArrayList<>();
    try (Stream<Path> files = Files.list(folder)) {
      for (Path file : files.filter(ExampleManifests::isYaml).sorted().toList()) {
        objects.addAll(parse(Files.readString(file)));
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return objects;
  }

  static List<HasMetadata> parse(String yaml) {
    List<HasMetadata> objects = new ArrayList<>();
    for (String doc : yaml.split("(?m)^---\\s*$")) {
      if (doc.isBlank() || doc.lines().allMatch(l -> l.isBlank() || l.trim().startsWith("#"))) {
        continue;
      }
      Map<?, ?> raw = YAML.unmarshal(doc, Map.class);
      Class<? extends HasMetadata> type = KINDS.get(String.valueOf(raw.get("kind")));
      if (type != null) {
        objects.add(YAML.unmarshal(doc, type));
      }
    }
    return objects;
  }

  private static boolean isYaml(Path p) {
    String name = p.getFileName().toString();
    return name.endsWith(".yaml") || name.endsWith(".yml");
  }
}
