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

/**
 * Everything a simulator is started with. {@link #defaults} gives a ConoHa-like account; the {@code with*}
 * methods change one thing; {@link #fromFile} reads the JSON file of {@code sim --config FILE}.
 *
 * @param port 0 picks a free port
 * @param domain the Keystone v3 domain accepted with name-based authentication
 * @param savedImageBytes the size every saved image gets (what counts against {@code imageQuotaBytes})
 * @param faults faults active from the start
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
    FaultPlan faults) {

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
        FaultPlan.none());
  }

  public SimConfig withGeneration(ApiGeneration g) {
    return new SimConfig(g, host, port, username, userId, password, tenantId, tenantName, region, tokenLifetime,
        timings, imageQuotaBytes, seed, domain, savedImageBytes, faults);
  }

  public SimConfig withHost(String h) {
    return new SimConfig(generation, h, port, username, userId, password, tenantId, tenantName, region, tokenLifetime,
        timings, imageQuotaBytes, seed, domain, savedImageBytes, faults);
  }

  public SimConfig withPort(int p) {
    return new SimConfig(generation, host, p, username, userId, password, tenantId, tenantName, region, tokenLifetime,
        timings, imageQuotaBytes, seed, domain, savedImageBytes, faults);
  }

  public SimConfig withAccount(String user, String id, String pass, String tenant, String tenantNameValue) {
    return new SimConfig(generation, host, port, user, id, pass, tenant, tenantNameValue, region, tokenLifetime,
        timings, imageQuotaBytes, seed, domain, savedImageBytes, faults);
  }

  public SimConfig withRegion(String r) {
    return new SimConfig(generation, host, port, username, userId, password, tenantId, tenantName, r, tokenLifetime,
        timings, imageQuotaBytes, seed, domain, savedImageBytes, faults);
  }

  public SimConfig withTokenLifetime(Duration d) {
    return new SimConfig(generation, host, port, username, userId, password, tenantId, tenantName, region, d,
        timings, imageQuotaBytes, seed, domain, savedImageBytes, faults);
  }

  public SimConfig withTimings(SimTimings t) {
    return new SimConfig(generation, host, port, username, userId, password, tenantId, tenantName, region,
        tokenLifetime, t, imageQuotaBytes, seed, domain, savedImageBytes, faults);
  }

  public SimConfig withImageQuotaBytes(long bytes) {
    return new SimConfig(generation, host, port, username, userId, password, tenantId, tenantName, region,
        tokenLifetime, timings, bytes, seed, domain, savedImageBytes, faults);
  }

  public SimConfig withSeed(long s) {
    return new SimConfig(generation, host, port, username, userId, password, tenantId, tenantName, region,
        tokenLifetime, timings, imageQuotaBytes, s, domain, savedImageBytes, faults);
  }

  public SimConfig withDomain(String d) {
    return new SimConfig(generation, host, port, username, userId, password, tenantId, tenantName, region,
        tokenLifetime, timings, imageQuotaBytes, seed, d, savedImageBytes, faults);
  }

  public SimConfig withSavedImageBytes(long bytes) {
    return new SimConfig(generation, host, port, username, userId, password, tenantId, tenantName, region,
        tokenLifetime, timings, imageQuotaBytes, seed, domain, bytes, faults);
  }

  public SimConfig withFaults(FaultPlan plan) {
    return new SimConfig(generation, host, port, username, userId, password, tenantId, tenantName, region,
        tokenLifetime, timings, imageQuotaBytes, seed, domain, savedImageBytes, plan);
  }

  /** Reads the JSON config file of {@code sim --config FILE}; see doc-parts/sim.md for the format. */
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
        "savedImageSize", "faults");
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
        FaultPlan.fromJson(n.get("faults")));
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
