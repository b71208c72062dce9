package io.conoha.assistant.sim;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.Map;

/**
 * The simulator's own HTTP admin API under /admin (no token; the simulator binds loopback). It mirrors the Java
 * {@link Ledger}, {@link FaultInjector} and {@link SimAdmin}; every request counts as operation {@code admin}.
 */
final class AdminRoutes {
  private final Ledger ledger;
  private final FaultInjector faults;
  private final SimAdmin admin;

  AdminRoutes(Ledger ledger, FaultInjector faults, SimAdmin admin) {
    this.ledger = ledger;
    this.faults = faults;
    this.admin = admin;
  }

  void mount(Api api) {
    api.openScope(Family.ADMIN, "/admin")
        .get("/ledger", "admin", c -> ledger())
        .get("/state", "admin", c -> Reply.ok(Json.tree(ledger.state())))
        .post("/expected-deletions", "admin", c -> guarded(() -> {
          admin.expectDeletion(c.body().path("owner").asText(null));
          return Reply.empty(204);
        }))
        .post("/reset", "admin", c -> {
          ledger.reset();
          return ledger();
        })
        .get("/faults", "admin", c -> faults())
        .post("/faults", "admin", c -> guarded(() -> {
          faults.apply(FaultPlan.fromJson(c.body()));
          return faults();
        }))
        .delete("/faults", "admin", c -> {
          faults.clear();
          return faults();
        })
        .post("/tokens/revoke", "admin", c -> {
          faults.revokeTokens();
          return faults();
        })
        .post("/servers", "admin", c -> guarded(() -> {
          JsonNode b = c.body();
          String id = admin.createServer(b.path("nameTag").asText(), b.path("flavor").asText(),
              b.path("image").asText(), Json.stringMap(b.get("metadata")));
          return Reply.json(201, Json.object().put("id", id));
        }))
        .post("/servers/:id/status", "admin", c -> guarded(() -> {
          admin.setServerStatus(c.path("id"), c.body().path("status").asText());
          return Reply.empty(204);
        }))
        .delete("/servers/:id", "admin", c -> guarded(() -> {
          admin.deleteServer(c.path("id"));
          return Reply.empty(204);
        }))
        .put("/servers/:id/metadata", "admin", c -> guarded(() -> {
          Map<String, String> items = Json.stringMap(c.body());
          if (items == null) {
            throw new IllegalArgumentException("expected a JSON object of metadata items");
          }
          items.forEach((k, v) -> admin.putServerMetadata(c.path("id"), k, v));
          return Reply.empty(204);
        }))
        .put("/quota", "admin", c -> guarded(() -> {
          JsonNode b = c.body();
          admin.setImageQuotaBytes(b.has("imageQuotaBytes") ? b.get("imageQuotaBytes").asLong()
              : Units.bytes(b.path("imageQuota").asText()));
          return Reply.empty(204);
        }))
        .post("/images/fail-next-save", "admin", c -> {
          admin.failNextImageSave();
          return Reply.empty(204);
        })
        .delete("/images/:id", "admin", c -> guarded(() -> {
          admin.deleteImage(c.path("id"));
          return Reply.empty(204);
        }));
  }

  private Reply ledger() {
    ObjectNode body = Json.object().put("total", ledger.total()).put("authCount", ledger.authCount());
    body.set("operations", Json.tree(ledger.countsByOperation()));
    body.set("tokens", Json.tree(ledger.countsByToken()));
    body.set("serverDeletions", Json.tree(ledger.serverDeletions()));
    body.put("unsavedDeletions", ledger.unsavedDeletions());
    body.put("unexpectedUnsavedDeletions", ledger.unexpectedUnsavedDeletions());
    body.set("ownerChanges", Json.tree(ledger.ownerChanges()));
    body.set("ownedObjects", Json.tree(ledger.ownedObjects()));
    return Reply.ok(body);
  }

  private Reply faults() {
    ObjectNode body = Json.object().put("description", faults.describe());
    body.set("injected", Json.tree(faults.injectedCounts()));
    body.set("configured", Json.tree(faults.configured()));
    return Reply.ok(body);
  }

  /** Admin mistakes (unknown ids, bad values) are the caller's: 400 with the reason. */
  private static Reply guarded(java.util.function.Supplier<Reply> action) {
    try {
      return action.get();
    } catch (IllegalArgumentException e) {
      throw ApiError.badRequest(e.getMessage());
    }
  }
}
