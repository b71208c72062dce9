package io.conoha.assistant.client.testing;

import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.http.HttpServer;
import io.vertx.core.http.HttpServerOptions;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.core.json.JsonObject;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;

/**
 * A programmable ConoHa on 127.0.0.1, port 0: routes by method and exact path answer with scripted replies
 * (a sequence whose last reply repeats, or a function of the request), and every request is recorded.
 * Services live under fixed prefixes so one server plays identity, compute, image and volume.
 */
public final class StubCloud implements AutoCloseable {
  public static final String PROJECT = "854bb517ec4a4b9198ce4dd299af340a";
  public static final String IDENTITY_V3 = "/identity/v3";
  public static final String IDENTITY_V2 = "/identity/v2.0";
  public static final String COMPUTE = "/compute/v2.1";
  public static final String COMPUTE_V2 = "/compute/v2/" + PROJECT;
  public static final String IMAGE = "/image";
  public static final String VOLUME = "/volume/v3/" + PROJECT;

  private final HttpServer server;
  private final String scheme;
  private final Vertx vertx;
  private final Map<String, Function<Recorded, Reply>> routes = new ConcurrentHashMap<>();
  private final List<Recorded> received = new CopyOnWriteArrayList<>();

  private StubCloud(Vertx vertx, HttpServer server, String scheme) {
    this.vertx = vertx;
    this.server = server;
    this.scheme = scheme;
  }

  public static StubCloud start(Vertx vertx) {
    return start(vertx, new HttpServerOptions());
  }

  public static StubCloud start(Vertx vertx, HttpServerOptions options) {
    HttpServer server = vertx.createHttpServer(options.setHost("127.0.0.1").setPort(0));
    StubCloud stub = new StubCloud(vertx, server, options.isSsl() ? "https" : "http");
    server.requestHandler(stub::handle);
    await(server.listen());
    return stub;
  }

  public String url(String path) {
    return scheme + "://127.0.0.1:" + server.actualPort() + path;
  }

  public int port() {
    return server.actualPort();
  }

  /** Answers with these replies in turn; the last one repeats. */
  public StubCloud on(String method, String path, Reply... replies) {
    AtomicInteger next = new AtomicInteger();
    return on(method, path, request -> replies[Math.min(next.getAndIncrement(), replies.length - 1)]);
  }

  public StubCloud on(String method, String path, Function<Recorded, Reply> handler) {
    routes.put(key(method, path), handler);
    return this;
  }

  public List<Recorded> requests() {
    return new ArrayList<>(received);
  }

  public List<Recorded> requests(String method, String path) {
    return received.stream().filter(r -> r.method().equals(method) && r.path().equals(path)).toList();
  }

  public int count(String method, String path) {
    return requests(method, path).size();
  }

  private void handle(HttpServerRequest request) {
    request.body().onSuccess(body -> {
      Map<String, String> headers = new LinkedHashMap<>();
      request.headers().forEach(h -> headers.put(h.getKey().toLowerCase(Locale.ROOT), h.getValue()));
      Map<String, String> query = new LinkedHashMap<>();
      request.params().forEach(p -> query.put(p.getKey(), p.getValue()));
      Recorded recorded = new Recorded(request.method().name(), request.path(), query, headers, body.toString(),
          System.nanoTime());
      received.add(recorded);
      Function<Recorded, Reply> route = routes.get(key(recorded.method(), recorded.path()));
      Reply reply = route == null ? unknownRoute(recorded) : route.apply(recorded);
      if (reply.silent()) {
        return;
      }
      if (reply.delay().isZero()) {
        send(request, reply);
      } else {
        vertx.setTimer(reply.delay().toMillis(), t -> send(request, reply));
      }
    });
  }

  private static void send(HttpServerRequest request, Reply reply) {
    reply.headers().forEach(request.response()::putHeader);
    request.response().setStatusCode(reply.status()).end(reply.body());
  }

  private static Reply unknownRoute(Recorded r) {
    return Reply.json(404, new JsonObject().put("itemNotFound",
        new JsonObject().put("code", 404).put("message", "no stub for " + r.method() + " " + r.path())));
  }

  private static String key(String method, String path) {
    return method + " " + path;
  }

  @Override
  public void close() {
    await(server.close());
  }

  private static <T> T await(Future<T> future) {
    try {
      return future.toCompletionStage().toCompletableFuture().get(10, TimeUnit.SECONDS);
    } catch (Exception e) {
      throw new IllegalStateException(e);
    }
  }
}
