package io.conoha.assistant.sim;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Duration;
import java.util.Locale;
import java.util.Objects;

/**
 * How long each asynchronous ConoHa operation takes in the simulator. A transition is a timer, so even a
 * zero duration is observed by a client as a (very short) intermediate state.
 */
public record SimTimings(
    Duration build,
    Duration volumeCreate,
    Duration stop,
    Duration start,
    Duration reboot,
    Duration resize,
    Duration imageSave,
    Duration serverDelete,
    Duration volumeDelete) {

  public SimTimings {
    Objects.requireNonNull(build, "build");
    Objects.requireNonNull(volumeCreate, "volumeCreate");
    Objects.requireNonNull(stop, "stop");
    Objects.requireNonNull(start, "start");
    Objects.requireNonNull(reboot, "reboot");
    Objects.requireNonNull(resize, "resize");
    Objects.requireNonNull(imageSave, "imageSave");
    Objects.requireNonNull(serverDelete, "serverDelete");
    Objects.requireNonNull(volumeDelete, "volumeDelete");
  }

  /** Roughly what ConoHa takes: build ~30 s, boot volume ~10 s, stop/start ~5 s, image save ~60 s, delete ~3 s. */
  public static SimTimings realistic() {
    return new SimTimings(Duration.ofSeconds(30), Duration.ofSeconds(10), Duration.ofSeconds(5),
        Duration.ofSeconds(5), Duration.ofSeconds(10), Duration.ofSeconds(45), Duration.ofSeconds(60),
        Duration.ofSeconds(3), Duration.ofSeconds(3));
  }

  /** For tests: tens of milliseconds each; an image save takes 300 ms so its rising progress can be watched. */
  public static SimTimings fast() {
    return new SimTimings(Duration.ofMillis(150), Duration.ofMillis(100), Duration.ofMillis(80),
        Duration.ofMillis(80), Duration.ofMillis(80), Duration.ofMillis(150), Duration.ofMillis(300),
        Duration.ofMillis(50), Duration.ofMillis(50));
  }

  /** Every duration multiplied by {@code factor} (0.1 = ten times faster than these). */
  public SimTimings scaled(double factor) {
    if (!(factor >= 0) || Double.isInfinite(factor)) {
      throw new IllegalArgumentException("scale factor must be a finite number >= 0, got " + factor);
    }
    return new SimTimings(scale(build, factor), scale(volumeCreate, factor), scale(stop, factor),
        scale(start, factor), scale(reboot, factor), scale(resize, factor), scale(imageSave, factor),
        scale(serverDelete, factor), scale(volumeDelete, factor));
  }

  /** {@code realistic}, {@code fast}, or a number that scales the realistic timings (0.1 = ten times faster). */
  public static SimTimings parse(String spec) {
    String s = spec.trim().toLowerCase(Locale.ROOT);
    return switch (s) {
      case "realistic" -> realistic();
      case "fast" -> fast();
      default -> {
        try {
          yield realistic().scaled(Double.parseDouble(s));
        } catch (NumberFormatException e) {
          throw new IllegalArgumentException("timings must be realistic, fast or a scale factor, got '" + spec + "'");
        }
      }
    };
  }

  /**
   * From a config file: a string or number as in {@link #parse}, or an object
   * {@code {"base": "fast", "scale": 2, "build": "2s", ...}} overriding single durations.
   */
  static SimTimings fromJson(JsonNode node) {
    if (node == null || node.isNull()) {
      return null;
    }
    if (!node.isObject()) {
      return parse(node.asText());
    }
    SimTimings t = node.hasNonNull("base") ? parse(node.get("base").asText()) : realistic();
    if (node.hasNonNull("scale")) {
      t = t.scaled(node.get("scale").asDouble());
    }
    return new SimTimings(
        or(node, "build", t.build), or(node, "volumeCreate", t.volumeCreate), or(node, "stop", t.stop),
        or(node, "start", t.start), or(node, "reboot", t.reboot), or(node, "resize", t.resize),
        or(node, "imageSave", t.imageSave), or(node, "serverDelete", t.serverDelete),
        or(node, "volumeDelete", t.volumeDelete));
  }

  private static Duration or(JsonNode node, String field, Duration fallback) {
    Duration d = Units.duration(node.get(field));
    return d == null ? fallback : d;
  }

  private static Duration scale(Duration d, double factor) {
    return Duration.ofNanos(Math.round(d.toNanos() * factor));
  }
}
