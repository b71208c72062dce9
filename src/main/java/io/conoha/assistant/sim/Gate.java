package io.conoha.assistant.sim;

import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpServerResponse;
import io.vertx.ext.web.RoutingContext;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicLong;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * What every request goes through before and after its handler: the ledger count, injected latency and faults
 * (as a proxy or overloaded API in front of the service would answer), authentication, the project in the path,
 * the handler under the world lock, and createThenFail after a successful create.
 */
final class Gate {
  private static final Logger LOG = Logger.getLogger(Gate.class.getName());
  static final String AUTH_HEADER = "X-Auth-Token";

  private final Vertx vertx;
  private final SimWorld world;
  private final TokenStore tokens;
  private final Ledger ledger;
  private final FaultInjector faults;
  private final Links links;
  private final AtomicLong requestIds = new AtomicLong();

  Gate(Vertx vertx, SimWorld world, TokenStore tokens, Ledger ledger, FaultInjector faults, Links links) {
    this.vertx = vertx;
    this.world = world;
    this.tokens = tokens;
    this.ledger = ledger;
    this.faults = faults;
    this.links = links;
  }

  void admit(RoutingContext ctx, Api.Endpoint endpoint) {
    String operation = endpoint.operation().apply(ctx);
    String header = ctx.request().getHeader(AUTH_HEADER);
    ledger.record(operation, tokens.label(header));
    Duration delay = faults.drawLatency(operation);
    if (delay.isZero()) {
      proceed(ctx, endpoint, operation, header);
    } else {
      vertx.setTimer(Math.max(1, delay.toMillis()), t -> proceed(ctx, endpoint, operation, header));
    }
  }

  private void proceed(RoutingContext ctx, Api.Endpoint endpoint, String operation, String header) {
    if (ctx.response().closed()) {
      return; // the client gave up while we were "slow"
    }
    FaultInjector.Decision decision = faults.decide(operation);
    switch (decision.kind()) {
      case HANG -> {
        return; // never answer: the client has to time out
      }
      case ERROR -> {
        send(ctx, fault(endpoint.family(), ApiError.injected(decision.status())));
        return;
      }
      case RATE_LIMIT -> {
        send(ctx, fault(endpoint.family(), ApiError.rateLimited(decision.retryAfter())));
        return;
      }
      default -> {
      }
    }
    send(ctx, answer(ctx, endpoint, operation, header));
  }

  private Reply answer(RoutingContext ctx, Api.Endpoint endpoint, String operation, String header) {
    try {
      Reply reply;
      synchronized (world) {
        TokenStore.Token token = endpoint.authenticated() ? authenticate(header, operation) : null;
        checkProjectInPath(ctx);
        reply = endpoint.handler().handle(new Call(ctx, operation, token));
      }
      if (reply.isSuccess() && faults.takeCreateThenFail(operation)) {
        return fault(endpoint.family(), ApiError.injected(503));
      }
      return reply;
    } catch (ApiError e) {
      return fault(endpoint.family(), e);
    } catch (RuntimeException e) {
      LOG.log(Level.WARNING, "simulator bug answering " + operation, e);
      return fault(endpoint.family(), new ApiError(500, "Unexpected API Error: " + e));
    }
  }

  private TokenStore.Token authenticate(String header, String operation) {
    if (tokens.isRevoked(header)) {
      faults.countRevoked(operation);
    }
    return tokens.authenticate(header);
  }

  /** Nova and Cinder refuse a project id in the URL that is not the token's. */
  private void checkProjectInPath(RoutingContext ctx) {
    String project = ctx.pathParam("project");
    if (project != null && !project.equals(world.config.tenantId())) {
      throw ApiError.badRequest("Malformed request URL: URL's project_id '" + project
          + "' doesn't match Context's project_id '" + world.config.tenantId() + "'");
    }
  }

  Reply fault(Family family, ApiError error) {
    return OpenStackFaults.render(family, error, links.identity());
  }

  /** Requests no API matches: counted as {@code unknown}, answered 404 in the shape of the service asked. */
  void unmatched(RoutingContext ctx) {
    ledger.record("unknown", tokens.label(ctx.request().getHeader(AUTH_HEADER)));
    String path = ctx.normalizedPath();
    if (path.startsWith("/identity")) {
      send(ctx, Reply.html(404, OpenStackFaults.KEYSTONE_NOT_FOUND_HTML));
      return;
    }
    Family family = path.startsWith("/image") ? Family.IMAGE : Family.COMPUTE;
    send(ctx, fault(family, ApiError.notFound("The resource could not be found.")));
  }

  void send(RoutingContext ctx, Reply reply) {
    HttpServerResponse response = ctx.response();
    if (response.ended() || response.closed()) {
      return;
    }
    response.setStatusCode(reply.status());
    reply.headers().forEach(response::putHeader);
    if (reply.contentType() != null) {
      response.putHeader("Content-Type", reply.contentType());
    }
    response.putHeader("X-Openstack-Request-Id", String.format("req-%08x-0000-4000-8000-%012x",
        world.config.seed() & 0xffffffffL, requestIds.incrementAndGet()));
    response.end(Buffer.buffer(reply.body()));
  }
}
