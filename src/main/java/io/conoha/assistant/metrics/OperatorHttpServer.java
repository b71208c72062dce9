package io.conoha.assistant.metrics;

import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import io.vertx.core.Vertx;
import io.vertx.core.http.HttpServer;
import io.vertx.ext.web.Router;
import java.util.function.BooleanSupplier;

/**
 * One port for what Kubernetes and Prometheus ask of the operator: {@code /metrics} (Prometheus text),
 * {@code /healthz} (the process is alive) and {@code /readyz} (controllers started and ConoHa listings healthy).
 */
public final class OperatorHttpServer implements AutoCloseable {
  private final Vertx vertx;
  private final HttpServer server;

  private OperatorHttpServer(Vertx vertx, HttpServer server) {
    this.vertx = vertx;
    this.server = server;
  }

  public static OperatorHttpServer start(String host, int port, PrometheusMeterRegistry registry,
      BooleanSupplier alive, BooleanSupplier ready) {
    Vertx vertx = Vertx.vertx();
    Router router = Router.router(vertx);
    router.get("/metrics").blockingHandler(ctx -> ctx.response()
        .putHeader("Content-Type", "text/plain; version=0.0.4; charset=utf-8").end(registry.scrape()));
    router.get("/healthz").handler(ctx -> answer(ctx, alive.getAsBoolean()));
    router.get("/readyz").handler(ctx -> answer(ctx, ready.getAsBoolean()));
    HttpServer server = vertx.createHttpServer().requestHandler(router).listen(port, host)
        .toCompletionStage().toCompletableFuture().join();
    return new OperatorHttpServer(vertx, server);
  }

  private static void answer(io.vertx.ext.web.RoutingContext ctx, boolean ok) {
    ctx.response().setStatusCode(ok ? 200 : 503).end(ok ? "ok\n" : "not ready\n");
  }

  public int port() {
    return server.actualPort();
  }

  @Override
  public void close() {
    vertx.close().toCompletionStage().toCompletableFuture().join();
  }
}
