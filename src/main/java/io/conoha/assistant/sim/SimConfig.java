package io.conoha.assistant.sim;

import com.fasterxml.jackson.databind.JsonNode;
import io.conoha.assistant.client.ApiGeneration;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.function.Consumer;

/**
 * Everything a simulator is started with. {@link #defaults} gives a ConoHa-like account; the {@code with*}
 * methods change one thing; {@link #fromFile} reads the JSON file of {@code sim --config FILE}.
 *
 * @param port 0 picks a free port
 * @param domain the Keystone v3 domain accepted with name-based authentication
 * @param savedImageBytes the size every saved image gets (what counts against {@code imageQuotaBytes})
 * @param faults faults active from the start
 * @param quirks how to behave where ConoHa is undocumented (default: as documented)
 */
public record SimConfig(
    ApiGeneration generation,
    String host,
    int port,
    String username,
    String userId,
    String password,
    String tenantId,
    String tenantName,
    String region,
    Duration tokenLifetime,
    SimTimings timings,
    long imageQuotaBytes,
    long seed,
    String domain,
    long savedImageBytes,
    FaultPlan faults,
    CloudQuirks quirks) {

  public SimConfig {
    Objects.requireNonNull(generation, "generation");
    Objects.requireNonNull(host, "host");
    Objects.requireNonNull(username, "username");
    Objects.requireNonNull(userId, "userId");
    Objects.requireNonNull(password, "password");
    Objects.requireNonNull(tenantId, "tenantId");
    Objects.requireNonNull(tenantName, "tenantName");
    Objects.requireNonNull(region, "region");
    Objects.requireNonNull(tokenLifetime, "tokenLifetime");
    Objects.requireNonNull(timings, "timings");
    Objects.requireNonNull(domain, "domain");
    Objects.requireNonNull(faults, "faults");
    Objects.requireNonNull(quirks, "quirks");
    if (port < 0 || port > 65535) {
      throw new IllegalArgumentException("port must be 0..65535, got " + port);
    }
    if (imageQuotaBytes < 0 || savedImageBytes <= 0) {
      throw new IllegalArgumentException("imageQuotaBytes must be >= 0 and savedImageBytes > 0");
    }
  }

  /**
   * A ConoHa-like account on 127.0.0.1, a free port, region {@code tyo1} (V2) or {@code c3j1} (V3), realistic
   * timings, a 24 h token lifetime, the default 50 GB image quota and no faults.
   */
  public static SimConfig defaults(ApiGeneration generation) {
    boolean v2 = generation == ApiGeneration.V2;
    return new SimConfig(generation, "127.0.0.1", 0,
        "gncu12345678",
        "e49435d926a640d9ac15738e510fa909",
        "Sim-Passw0rd!",
        v2 ? "1864e71d2deb46f6b47526b69c65a45d" : "854bb517ec4a4b9198ce4dd299af340a",
        "gnct12345678",
        v2 ? "tyo1" : "c3j1",
        Duration.ofHours(24),
        SimTimings.realistic(),
        50 * Units.GIB,
        42L,
        "gnc",
        3 * Units.GIB,
        FaultPlan.none(),
        CloudQuirks.conoha());
  }

  public SimConfig withGeneration(ApiGeneration g) {
    return with(c -> c.generation = g);
  }

  public SimConfig withHost(String h) {
    return with(c -> c.host = h);
  }

  public SimConfig withPort(int p) {
    return with(c -> c.port = p);
  }

  public SimConfig withAccount(String user, String id, String pass, String tenant, String tenantNameValue) {
    return with(c -> {
      c.username = user;
      c.userId = id;
      c.password = pass;
      c.tenantId = tenant;
      c.tenantName = tenantNameValue;
    });
  }

  public SimConfig withRegion(String r) {
    return with(c -> c.region = r);
  }

  public SimConfig withTokenLifetime(Duration d) {
    return with(c -> c.tokenLifetime = d);
  }

  public SimConfig withTimings(SimTimings t) {
    return with(c -> c.timings = t);
  }

  public SimConfig withImageQuotaBytes(long bytes) {
    return with(c -> c.imageQuotaBytes = bytes);
  }

  public SimConfig withSeed(long s) {
    return with(c -> c.seed = s);
  }

  public SimConfig withDomain(String d) {
    return with(c -> c.domain = d);
  }

  public SimConfig withSavedImageBytes(long bytes) {
    return with(c -> c.savedImageBytes = bytes);
  }

  public SimConfig withFaults(FaultPlan plan) {
    return with(c -> c.faults = plan);
  }

  /** Behave another way where ConoHa is undocumented (see {@link CloudQuirks}). */
  public SimConfig withQuirks(CloudQuirks q) {
    return with(c -> c.quirks = q);
  }

  private SimConfig with(Consumer<Copy> change) {
    Copy copy = new Copy(this);
    change.accept(copy);
    return copy.build();
  }

  /** A mutable copy, so each with* method names only what it changes. */
  private static final class Copy {
    ApiGeneration generation;
    String host;
    int port;
    String username;
    String userId;
    String password;
    String tenantId;
    String tenantName;
    String region;
    Duration tokenLifetime;
    SimTimings timings;
    long imageQuotaBytes;
    long seed;
    String domain;
    long savedImageBytes;
    FaultPlan faults;
    CloudQuirks quirks;

    Copy(SimConfig c) {
      generation = c.generation;
      host = c.host;
      port = c.port;
      username = c.username;
      userId = c.userId;
      password = c.password;
      tenantId = c.tenantId;
      tenantName = c.tenantName;
      region = c.region;
      tokenLifetime = c.tokenLifetime;
      timings = c.timings;
      imageQuotaBytes = c.imageQuotaBytes;
      seed = c.seed;
      domain = c.domain;
      savedImageBytes = c.savedImageBytes;
      faults = c.faults;
      quirks = c.quirks;
    }

    SimConfig build() {
      return new SimConfig(generation, host, port, username, userId, password, tenantId, tenantName, region,
          tokenLifetime, timings, imageQuotaBytes, seed, domain, savedImageBytes, faults, quirks);
    }
  }

  /** Reads the JSON config file of {@code sim --config FILE}; see the README, section "The ConoHa simulator". */
  public static SimConfig fromFile(Path json) {
    try {
      return fromJson(Json.MAPPER.readTree(Files.readString(json)));
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read simulator config " + json + ": " + e.getMessage(), e);
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException("bad simulator config " + json + ": " + e.getMessage(), e);
    }
  }

  /** Missing fields take the {@link #defaults} of the file's generation (V3 when absent). */
  public static SimConfig fromJson(JsonNode n) {
    if (n == null || !n.isObject()) {
      throw new IllegalArgumentException("the config must be a JSON object");
    }
    List<String> known = List.of("generation", "host", "port", "username", "userId", "password", "tenantId",
        "tenantName", "region", "tokenLifetime", "timings", "imageQuota", "imageQuotaBytes", "seed", "domain",
        "savedImageSize", "faults", "quirks");
    n.fieldNames().forEachRemaining(f -> {
      if (!known.contains(f)) {
        throw new IllegalArgumentException("unknown field '" + f + "' (known: " + String.join(", ", known) + ")");
      }
    });
    SimConfig d = defaults(n.hasNonNull("generation") ? generation(n.get("generation").asText())
        : ApiGeneration.V3);
    long quota = n.hasNonNull("imageQuotaBytes") ? n.get("imageQuotaBytes").asLong()
        : n.hasNonNull("imageQuota") ? Units.bytes(n.get("imageQuota")) : d.imageQuotaBytes;
    SimTimings timings = SimTimings.fromJson(n.get("timings"));
    Duration lifetime = Units.duration(n.get("tokenLifetime"));
    return new SimConfig(d.generation, text(n, "host", d.host), n.path("port").asInt(d.port),
        text(n, "username", d.username), text(n, "userId", d.userId), text(n, "password", d.password),
        text(n, "tenantId", d.tenantId), text(n, "tenantName", d.tenantName), text(n, "region", d.region),
        lifetime == null ? d.tokenLifetime : lifetime, timings == null ? d.timings : timings, quota,
        n.path("seed").asLong(d.seed), text(n, "domain", d.domain),
        n.hasNonNull("savedImageSize") ? Units.bytes(n.get("savedImageSize")) : d.savedImageBytes,
        FaultPlan.fromJson(n.get("faults")), CloudQuirks.fromJson(n.get("quirks")));
  }

  /** "v2"/"2"/"V2" or "v3"/"3". */
  public static ApiGeneration generation(String text) {
    return switch (text.trim().toLowerCase(Locale.ROOT)) {
      case "v2", "2" -> ApiGeneration.V2;
      case "v3", "3" -> ApiGeneration.V3;
      default -> throw new IllegalArgumentException("generation must be v2 or v3, got '" + text + "'");
    };
  }

  private static String text(JsonNode n, String field, String fallback) {
    return n.hasNonNull(field) ? n.get(field).asText() : fallback;
  }
}
