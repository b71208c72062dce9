package io.conoha.assistant.operator;

import io.conoha.assistant.api.ConohaImage;
import io.conoha.assistant.api.ConohaImageSpec;
import io.conoha.assistant.api.ConohaServer;
import io.conoha.assistant.api.ConohaServerSpec;
import io.conoha.assistant.api.ImageImport;
import io.conoha.assistant.api.ImageSource;
import io.conoha.assistant.api.ResourceRef;
import io.conoha.assistant.api.ServerState;
import io.fabric8.kubernetes.api.model.ObjectMetaBuilder;

/** Resources as a user would write them in YAML, for the scenario tests. */
public final class Resources {
  public static final String V2_PLAN = "g-c2m1d100";
  public static final String V3_PLAN = "g2l-t-c2m1";
  public static final String UBUNTU = "vmi-ubuntu-24.04-amd64";

  private Resources() {}

  public static ConohaServer server(String name, String flavor, String image, ServerState state) {
    ConohaServer server = new ConohaServer();
    server.setMetadata(new ObjectMetaBuilder().withName(name).build());
    ConohaServerSpec spec = new ConohaServerSpec();
    spec.setCredentialsSecretRef(new ResourceRef(Testbed.SECRET));
    spec.setFlavor(flavor);
    spec.setImage(image);
    spec.setState(state);
    server.setSpec(spec);
    return server;
  }

  public static ConohaImage snapshotOf(String name, String serverName) {
    ConohaImage image = image(name);
    ImageSource source = new ImageSource();
    source.setServerRef(new ResourceRef(serverName));
    image.getSpec().setSource(source);
    return image;
  }

  public static ConohaImage importOf(String name, String imageName) {
    ConohaImage image = image(name);
    ImageImport imported = new ImageImport();
    imported.setName(imageName);
    image.getSpec().setImportImage(imported);
    return image;
  }

  private static ConohaImage image(String name) {
    ConohaImage image = new ConohaImage();
    image.setMetadata(new ObjectMetaBuilder().withName(name).build());
    ConohaImageSpec spec = new ConohaImageSpec();
    spec.setCredentialsSecretRef(new ResourceRef(Testbed.SECRET));
    image.setSpec(spec);
    return image;
  }
}
