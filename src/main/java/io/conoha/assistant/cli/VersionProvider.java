package io.conoha.assistant.cli;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Properties;
import picocli.CommandLine.IVersionProvider;

/**
 * "conoha-assistant 0.1.0 (commit 1a2b3c4)": the Maven project version and the git commit the build was made
 * from, written into build.properties by resource filtering (see pom.xml); "unknown" parts when the build had
 * no git checkout, or when run from sources that were never built.
 */
public final class VersionProvider implements IVersionProvider {
  static final String BUILD_INFO = "build.properties";

  @Override
  public String[] getVersion() {
    Properties build = buildInfo();
    return new String[] {"conoha-assistant " + build.getProperty("version", "unknown")
        + " (commit " + build.getProperty("commit", "unknown") + ")"};
  }

  private static Properties buildInfo() {
    Properties properties = new Properties();
    try (InputStream in = VersionProvider.class.getResourceAsStream(BUILD_INFO)) {
      if (in != null) {
        properties.load(in);
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return properties;
  }
}
