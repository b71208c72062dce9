package io.conoha.assistant.client.testing;

import io.vertx.core.json.JsonObject;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;

/** Bodies captured from OpenStack and the ConoHa seed notes, under src/test/resources/client/fixtures. */
public final class Fixtures {
  private Fixtures() {}

  public static String text(String name) {
    return resource("/client/fixtures/" + name);
  }

  /** Any test resource, by absolute class-path name. */
  public static String resource(String path) {
    try (InputStream in = Fixtures.class.getResourceAsStream(path)) {
      if (in == null) {
        throw new IllegalArgumentException("no test resource " + path);
      }
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new IllegalStateException(e);
    }
  }

  public static JsonObject json(String name) {
    return new JsonObject(text(name));
  }
}
