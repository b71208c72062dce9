package io.conoha.assistant.sim;

import io.vertx.core.http.HttpMethod;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import java.util.function.Function;

/** Registers API routes: each has an operation name, a service family and whether it needs a token. */
final class Api {
  /** Handlers run under the world lock and return what to answer (or throw {@link ApiError}). */
  interface Handler {
    Reply handle(Call call);
  }

  record Endpoint(Function<RoutingContext, String> operation, Family family, boolean authenticated, Handler handler) {}

  private final Router router;
  private final Gate gate;

  Api(Router router, Gate gate) {
    this.router = router;
    this.gate = gate;
  }

  Scope scope(Family family, String prefix) {
    return new Scope(family, prefix, true);
  }

  /** Routes that need no token (the admin API). */
  Scope openScope(Family family, String prefix) {
    return new Scope(family, prefix, false);
  }

  /** Routes of one service under one path prefix. */
  final class Scope {
    private final Family family;
    private final String prefix;
    private final boolean authenticated;

    private Scope(Family family, String prefix, boolean authenticated) {
      this.family = family;
      this.prefix = prefix;
      this.authenticated = authenticated;
    }

    Scope get(String path, String operation, Handler handler) {
      return route(HttpMethod.GET, path, fixed(operation), authenticated, handler);
    }

    Scope post(String path, String operation, Handler handler) {
      return route(HttpMethod.POST, path, fixed(operation), authenticated, handler);
    }

    Scope put(String path, String operation, Handler handler) {
      return route(HttpMethod.PUT, path, fixed(operation), authenticated, handler);
    }

    Scope delete(String path, String operation, Handler handler) {
      return route(HttpMethod.DELETE, path, fixed(operation), authenticated, handler);
    }

    /** A GET that needs no token (version documents). */
    Scope open(String path, String operation, Handler handler) {
      return route(HttpMethod.GET, path, fixed(operation), false, handler);
    }

    Scope route(HttpMethod method, String path, Function<RoutingContext, String> operation, boolean authenticated,
        Handler handler) {
      Endpoint endpoint = new Endpoint(operation, family, authenticated, handler);
      router.route(method, prefix + path).handler(ctx -> gate.admit(ctx, endpoint));
      return this;
    }

    private Function<RoutingContext, String> fixed(String operation) {
      return ctx -> operation;
    }
  }
}
