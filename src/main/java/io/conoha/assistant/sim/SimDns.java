package io.conoha.assistant.sim;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.time.Clock;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * The account's DNS zones and records as ConoHa DNS (Designate v1) keeps them: records live in a zone, their
 * names are fully qualified and must be in it, A and AAAA data must be addresses of their family, a CNAME stands
 * alone, and the same name, type and data twice is a conflict. One zone, {@value #SEED_ZONE}, exists from the start.
 * Thread-safe (one lock); the routes are {@link DnsRoutes}.
 */
public final class SimDns {
  public static final String SEED_ZONE = "example.com.";
  static final int DESCRIPTION_LIMIT = 160;
  private static final Set<String> TYPES = Set.of("A", "AAAA", "CNAME", "MX", "TXT", "SRV", "NS", "PTR");
  private static final Pattern NAME = Pattern.compile("^([A-Za-z0-9_*]([A-Za-z0-9_-]{0,61}[A-Za-z0-9])?\\.)+$");

  /** A zone as the tests and the admin API see it. */
  public record Zone(String id, String name, int ttl, String email, Instant created) {}

  /** A record as the tests and the admin API see it. */
  public record Record(String id, String zoneId, String name, String type, String data, Integer ttl,
      String description, Instant created, Instant updated) {}

  private final Clock clock;
  private final IdSource ids;
  private final Map<String, Zone> zones = new LinkedHashMap<>();
  private final Map<String, Record> records = new LinkedHashMap<>();

  SimDns(Clock clock, IdSource ids) {
    this.clock = clock;
    this.ids = ids;
    createZone(SEED_ZONE);
  }

  /** Adds a zone to the account (as the control panel would); returns its id. */
  public synchronized String createZone(String name) {
    String fqdn = name.endsWith(".") ? name : name + ".";
    if (zoneNamed(fqdn) != null) {
      throw new IllegalArgumentException("zone " + fqdn + " exists");
    }
    Zone zone = new Zone(ids.uuid(), fqdn.toLowerCase(Locale.ROOT), 3600, "hostmaster@" + fqdn.replaceAll("\\.$", ""),
        clock.instant());
    zones.put(zone.id(), zone);
    return zone.id();
  }

  public synchronized List<Zone> zones() {
    return List.copyOf(zones.values());
  }

  /** The records of a zone by its name, oldest first. */
  public synchronized List<Record> records(String zoneName) {
    Zone zone = zoneNamed(zoneName);
    return zone == null ? List.of() : recordsOf(zone.id());
  }

  /** A record made outside the operator (by hand in the control panel): what the operator must never touch. */
  public synchronized Record addRecord(String zoneName, String name, String type, String data, String description) {
    Zone zone = zoneNamed(zoneName);
    if (zone == null) {
      throw new IllegalArgumentException("no zone " + zoneName);
    }
    return create(zone.id(), name, type, data, null, description);
  }

  // ---- what the routes call; ApiError is Designate's answer

  synchronized Zone zone(String id) {
    Zone zone = zones.get(id);
    if (zone == null) {
      throw new ApiError(404, "domain_not_found");
    }
    return zone;
  }

  synchronized List<Record> recordsOf(String zoneId) {
    zone(zoneId);
    return records.values().stream().filter(r -> r.zoneId().equals(zoneId)).toList();
  }

  synchronized Record record(String zoneId, String id) {
    zone(zoneId);
    Record r = records.get(id);
    if (r == null || !r.zoneId().equals(zoneId)) {
      throw new ApiError(404, "record_not_found");
    }
    return r;
  }

  synchronized Record create(String zoneId, String name, String type, String data, Integer ttl, String description) {
    Zone zone = zone(zoneId);
    String t = type == null ? null : type.toUpperCase(Locale.ROOT);
    if (t == null || !TYPES.contains(t)) {
      throw invalid("type", "'" + type + "' is not one of " + TYPES);
    }
    checkName(zone, name);
    checkData(t, data);
    checkTtl(ttl);
    checkDescription(description);
    for (Record other : recordsOf(zoneId)) {
      if (other.name().equalsIgnoreCase(name)) {
        if (t.equals("CNAME") || other.type().equals("CNAME")) {
          throw new ApiError(409, "duplicate_record");
        }
        if (other.type().equals(t) && other.data().equalsIgnoreCase(data)) {
          throw new ApiError(409, "duplicate_record");
        }
      }
    }
    Instant now = clock.instant();
    Record r = new Record(ids.uuid(), zoneId, name.toLowerCase(Locale.ROOT), t, data, ttl, description, now, now);
    records.put(r.id(), r);
    return r;
  }

  synchronized Record update(String zoneId, String id, String data, Integer ttl, String description,
      boolean descriptionGiven) {
    Record r = record(zoneId, id);
    String newData = data == null ? r.data() : data;
    checkData(r.type(), newData);
    checkTtl(ttl);
    checkDescription(description);
    Record updated = new Record(r.id(), zoneId, r.name(), r.type(), newData, ttl == null ? r.ttl() : ttl,
        descriptionGiven ? description : r.description(), r.created(), clock.instant());
    records.put(id, updated);
    return updated;
  }

  synchronized void delete(String zoneId, String id) {
    record(zoneId, id);
    records.remove(id);
  }

  private Zone zoneNamed(String name) {
    String fqdn = name.endsWith(".") ? name : name + ".";
    return zones.values().stream().filter(z -> z.name().equalsIgnoreCase(fqdn)).findFirst().orElse(null);
  }

  private static void checkName(Zone zone, String name) {
    if (name == null || !NAME.matcher(name).matches()) {
      throw invalid("name", "'" + name + "' is not a fully qualified name (it ends with a dot)");
    }
    String lower = name.toLowerCase(Locale.ROOT);
    if (!lower.equals(zone.name()) && !lower.endsWith("." + zone.name())) {
      throw new ApiError(400, "invalid_record_location");
    }
  }

  private static void checkData(String type, String data) {
    if (data == null || data.isBlank()) {
      throw invalid("data", "is required");
    }
    if (type.equals("A") && !isAddress(data, 4) || type.equals("AAAA") && !isAddress(data, 16)) {
      throw invalid("data", "'" + data + "' is not an " + (type.equals("A") ? "IPv4" : "IPv6") + " address");
    }
  }

  private static boolean isAddress(String data, int bytes) {
    boolean looksRight = bytes == 4 ? data.matches("^\\d{1,3}(\\.\\d{1,3}){3}$") : data.contains(":");
    if (!looksRight) {
      return false;
    }
    try {
      return InetAddress.getByName(data).getAddress().length == bytes; // literal: no name lookup
    } catch (UnknownHostException e) {
      return false;
    }
  }

  private static void checkTtl(Integer ttl) {
    if (ttl != null && (ttl < 0 || ttl > 2147483647)) {
      throw invalid("ttl", ttl + " is out of range");
    }
  }

  private static void checkDescription(String description) {
    if (description != null && description.length() > DESCRIPTION_LIMIT) {
      throw invalid("description", "is longer than " + DESCRIPTION_LIMIT + " characters");
    }
  }

  private static ApiError invalid(String field, String message) {
    return new ApiError(400, "invalid_object: " + field + " " + message);
  }

  /** Designate v1's error body: {@code {"code": 404, "type": "record_not_found", "message": "…"}}. */
  static Reply error(ApiError error) {
    String message = error.getMessage();
    String type = message.contains(":") ? message.substring(0, message.indexOf(':')) : message;
    if (error.status >= 500 || type.contains(" ")) {
      type = error.status >= 500 ? "service_unavailable" : "invalid_object";
    }
    ObjectNode body = Json.object().put("code", error.status).put("type", type).put("message", message);
    return Reply.json(error.status, body);
  }

  static ObjectNode view(Zone z) {
    return Json.object().put("id", z.id()).put("name", z.name()).put("email", z.email()).put("ttl", z.ttl())
        .put("serial", z.created().getEpochSecond()).putNull("description")
        .put("created_at", Times.micros(z.created())).putNull("updated_at");
  }

  static ObjectNode view(Record r) {
    ObjectNode o = Json.object().put("id", r.id()).put("name", r.name()).put("type", r.type()).put("data", r.data());
    if (r.ttl() == null) {
      o.putNull("ttl");
    } else {
      o.put("ttl", r.ttl());
    }
    o.putNull("priority");
    if (r.description() == null) {
      o.putNull("description");
    } else {
      o.put("description", r.description());
    }
    return o.put("domain_id", r.zoneId()).put("created_at", Times.micros(r.created()))
        .put("updated_at", r.updated().equals(r.created()) ? null : Times.micros(r.updated()));
  }
}
