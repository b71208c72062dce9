package io.conoha.assistant.cli.conoha;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.LoggerContext;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.slf4j.LoggerFactory;

/**
 * Keeps library logging (Netty, Vert.x, the client) out of a command's output: nothing at all by default, so
 * stderr holds only the command's own lines; with --verbose the client's DEBUG lines (its requests) and the
 * libraries' warnings, on stderr as every log line. The previous levels come back on close.
 */
final class QuietLogs implements AutoCloseable {
  private static final String CLIENT = "io.conoha.assistant";
  /** logback.xml gives these their own levels, which a quiet root alone would not silence. */
  private static final List<String> LIBRARIES = List.of(Logger.ROOT_LOGGER_NAME, "io.vertx", "io.netty");

  private final Map<Logger, Level> previous = new LinkedHashMap<>();

  static QuietLogs apply(boolean verbose) {
    QuietLogs quiet = new QuietLogs();
    if (LoggerFactory.getILoggerFactory() instanceof LoggerContext context) {
      LIBRARIES.forEach(name -> quiet.set(context.getLogger(name), verbose ? Level.WARN : Level.OFF));
      quiet.set(context.getLogger(CLIENT), verbose ? Level.DEBUG : Level.OFF);
    }
    return quiet;
  }

  private void set(Logger logger, Level level) {
    previous.put(logger, logger.getLevel());
    logger.setLevel(level);
  }

  @Override
  public void close() {
    previous.forEach(Logger::setLevel);
  }
}
