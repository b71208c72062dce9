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

/** Reads the YAML files of {@code deploy/examples/} into typed objects (several documents per file allowed). */
public final class ExampleManifests {
  private static final Map<String, Class<? extends HasMetadata>> KINDS =
      Map.of("Secret", Secret.class, "ConohaServer", ConohaServer.class, "ConohaImage", ConohaImage.class);
  private static final KubernetesSerialization YAML = new KubernetesSerialization();

  private ExampleManifests() {}

  /** Every Secret, ConohaServer and ConohaImage in the folder, files in name order. */
  public static List<HasMetadata> read(Path folder) {
    if (!Files.isDirectory(folder)) {
      throw new IllegalArgumentException(folder + " is not a folder of example manifests (run from the repository"
          + " root, or pass --examples DIR)");
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
