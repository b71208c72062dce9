package io.conoha.assistant.sim;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

/** ConoHa DNS at /dns/v1 (Designate v1): list zones ("domains"); list, create, update and delete their records. */
final class DnsRoutes {
  private final SimDns dns;

  DnsRoutes(SimDns dns) {
    this.dns = dns;
  }

  void mount(Api api) {
    api.scope(Family.DNS, "/dns/v1")
        .get("/domains", "dns.domains.list", c -> zones())
        .get("/domains/:zone", "dns.domains.get", c -> Reply.ok(SimDns.view(dns.zone(c.path("zone")))))
        .get("/domains/:zone/records", "dns.records.list", c -> records(c.path("zone")))
        .post("/domains/:zone/records", "dns.records.create", this::create)
        .get("/domains/:zone/records/:id", "dns.records.get",
            c -> Reply.ok(SimDns.view(dns.record(c.path("zone"), c.path("id")))))
        .put("/domains/:zone/records/:id", "dns.records.update", this::update)
        .delete("/domains/:zone/records/:id", "dns.records.delete", c -> {
          dns.delete(c.path("zone"), c.path("id"));
          return Reply.empty(200);
        });
  }

  private Reply zones() {
    ObjectNode body = Json.object();
    ArrayNode array = body.putArray("domains");
    dns.zones().forEach(z -> array.add(SimDns.view(z)));
    return Reply.ok(body);
  }

  private Reply records(String zone) {
    ObjectNode body = Json.object();
    ArrayNode array = body.putArray("records");
    dns.recordsOf(zone).forEach(r -> array.add(SimDns.view(r)));
    return Reply.ok(body);
  }

  private Reply create(Call call) {
    JsonNode b = call.body();
    SimDns.Record r = dns.create(call.path("zone"), text(b, "name"), text(b, "type"), text(b, "data"), ttl(b),
        text(b, "description"));
    return Reply.ok(SimDns.view(r));
  }

  private Reply update(Call call) {
    JsonNode b = call.body();
    if (b.has("name") || b.has("type")) {
      throw new ApiError(400, "invalid_object: name and type of a record cannot change");
    }
    SimDns.Record r = dns.update(call.path("zone"), call.path("id"), text(b, "data"), ttl(b), text(b, "description"),
        b.has("description"));
    return Reply.ok(SimDns.view(r));
  }

  private static String text(JsonNode body, String field) {
    JsonNode v = body.get(field);
    if (v == null || v.isNull()) {
      return null;
    }
    if (!v.isTextual()) {
      throw new ApiError(400, "invalid_object: " + field + " must be a string");
    }
    return v.asText();
  }

  private static Integer ttl(JsonNode body) {
    JsonNode v = body.get("ttl");
    if (v == null || v.isNull()) {
      return null;
    }
    if (!v.canConvertToInt() || !v.isIntegralNumber()) {
      throw new ApiError(400, "invalid_object: ttl must be an integer");
    }
    return v.asInt();
  }
}
