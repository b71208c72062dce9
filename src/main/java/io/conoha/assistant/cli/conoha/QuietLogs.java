package io.conoha.assistant.cli.conoha;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.LoggerContext;
import org.slf4j.LoggerFactory;

/**
 * Keeps library logging (Netty, Vert.x, the client) off the command's stdout, which scripts parse; with
 * --verbose the client's own DEBUG lines are shown. The previous levels come back on close.
 */
final class QuietLogs implements AutoCloseable {
  private static final String CLIENT_LOGGER = "io.conoha.assistant";
  private final Logger root;
  private final Logger client;
  private final Level rootLevel;
  private final Level clientLevel;

  private QuietLogs(Logger root, Logger client) {
    this.root = root;
    this.client = client;
    this.rootLevel = root == null ? null : root.getLevel();
    this.clientLevel = client == null ? null : client.getLevel();
  }

  static QuietLogs apply(boolean verbose) {
    if (!(LoggerFactory.getILoggerFactory() instanceof LoggerContext context)) {
      return new QuietLogs(null, null);
    }
    QuietLogs quiet = new QuietLogs(context.getLogger(Logger.ROOT_LOGGER_NAME), context.getLogger(CLIENT_LOGGER));
    quiet.root.setLevel(verbose ? Level.WARN : Level.OFF);
    quiet.client.setLevel(verbose ? Level.DEBUG : Level.OFF);
    return quiet;
  }

  @Override
  public void close() {
    if (root != null) {
      root.setLevel(rootLevel);
      client.setLevel(clientLevel);
    }
  }
}
