package io.conoha.assistant.live;

import io.conoha.assistant.client.ClientSettings;
import io.conoha.assistant.client.ConohaClient;
import io.conoha.assistant.client.Credentials;
import io.conoha.assistant.client.model.Flavor;
import io.conoha.assistant.client.model.Image;
import io.conoha.assistant.client.model.ImageQuery;
import io.conoha.assistant.client.model.ImageStatus;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.vertx.core.Vertx;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.ThreadLocalRandom;
import org.junit.jupiter.api.Assumptions;

/**
 * The cloud the live suite runs against: credentials from {@code -Dlive.credentials=FILE} (or
 * {@code CONOHA_LIVE_CREDENTIALS}), else the {@code OS_*} variables; without either, every live test is skipped
 * with {@link #NO_CREDENTIALS}. Everything the suite makes is tagged with {@link #RUN_TAG} so a crashed run can
 * be cleaned by hand ({@code conoha cleanup --tag RUN_TAG}).
 */
public final class LiveCloud {
  public static final String NO_CREDENTIALS = "live contract suite skipped: no cloud to run against. Set the OS_* "
      + "variables (source an openrc) or pass -Dlive.credentials=FILE (openrc or properties file); see the README, "
      + "\"Tested against\".";
  /** Metadata key on every server the suite makes directly (the operator's own objects carry its tags). */
  public static final String RUN_KEY = "conoha-assistant:live-run";
  /** Prefix of every name tag, volume name and image name of this run: "cal-live-20261201t1530-ab12". */
  public static final String RUN_TAG = "cal-live-" + DateTimeFormatter.ofPattern("yyyyMMdd't'HHmm", Locale.ROOT)
      .format(ZonedDateTime.now(ZoneOffset.UTC)) + "-" + Integer.toHexString(ThreadLocalRandom.current()
      .nextInt(0x1000, 0x10000));
  /** A root password every ConoHa generation accepts (letters, a digit and symbols). */
  public static final String ADMIN_PASS = "Live-" + Integer.toHexString(ThreadLocalRandom.current().nextInt()) + "-9x!";

  private LiveCloud() {}

  public static String tag(String what) {
    return RUN_TAG + "-" + what;
  }

  /** The credentials of the cloud under test, or the test is skipped saying how to give them. */
  public static Credentials credentials() {
    String file = System.getProperty("live.credentials", "");
    if (file.isBlank()) {
      file = System.getenv().getOrDefault("CONOHA_LIVE_CREDENTIALS", "");
    }
    if (!file.isBlank()) {
      Path path = Path.of(file);
      Assumptions.assumeTrue(Files.isReadable(path), "live contract suite skipped: cannot read " + path);
      return Credentials.fromFile(path);
    }
    if (System.getenv("OS_AUTH_URL") == null) {
      System.err.println(NO_CREDENTIALS);
      Assumptions.abort(NO_CREDENTIALS);
    }
    return Credentials.fromEnvironment(System.getenv());
  }

  public static ConohaClient client(Vertx vertx, Credentials credentials) {
    return ConohaClient.create(vertx, credentials, ClientSettings.defaults()
        .withTimeouts(Duration.ofSeconds(10), Duration.ofSeconds(60)), new SimpleMeterRegistry());
  }

  /** {@code LIVE_IMAGE} (name or id), else the smallest active public image. */
  public static Image image(ConohaClient client) {
    String wanted = System.getenv("LIVE_IMAGE");
    if (wanted != null && !wanted.isBlank()) {
      return client.images().findImage(wanted);
    }
    List<Image> images = client.images().listImages(new ImageQuery(null, "public", null));
    return images.stream().filter(i -> i.status() == ImageStatus.ACTIVE)
        .min(Comparator.comparing((Image i) -> i.sizeBytes() == null ? Long.MAX_VALUE : i.sizeBytes()))
        .orElseThrow(() -> new AssertionError("the cloud has no active public image; set LIVE_IMAGE"));
  }

  /** {@code LIVE_FLAVOR}, else the smallest plan with a local disk the image fits on. */
  public static Flavor localDiskPlan(ConohaClient client, Image image) {
    String wanted = System.getenv("LIVE_FLAVOR");
    if (wanted != null && !wanted.isBlank()) {
      return client.compute().findFlavor(wanted);
    }
    int minDisk = image.minDiskGB() == null ? 0 : image.minDiskGB();
    return client.compute().listFlavors().stream()
        .filter(f -> f.diskGiB() > 0 && f.diskGiB() >= minDisk)
        .min(Comparator.comparingInt(Flavor::ramMiB).thenComparingInt(Flavor::diskGiB))
        .orElseThrow(() -> new AssertionError("the cloud has no plan with a local disk; set LIVE_FLAVOR"));
  }

  /** The smallest disk-0 plan (boots from a volume), or null when there is none. */
  public static Flavor volumePlan(ConohaClient client) {
    return client.compute().listFlavors().stream().filter(Flavor::needsBootVolume)
        .min(Comparator.comparingInt(Flavor::ramMiB)).orElse(null);
  }
}
