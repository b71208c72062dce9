package io.conoha.assistant.embedded;

import io.fabric8.mockwebserver.dsl.HttpMethod;
import io.fabric8.mockwebserver.http.Buffer;
import io.fabric8.mockwebserver.http.Headers;
import io.fabric8.mockwebserver.http.MockResponse;
import io.fabric8.mockwebserver.http.RecordedRequest;
import io.vertx.core.Vertx;
import io.vertx.core.http.HttpServer;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.core.http.HttpServerResponse;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;

/**
 * The embedded API as kubectl and client-go reach it: plain HTTP on 127.0.0.1, every request answered by the
 * {@link RealisticCrudDispatcher} (the same store the in-process clients use), and watches streamed over HTTP
 * (chunked, one event per line), which the mock server cannot do. A WebSocket watch is declined with 503, on which
 * Fabric8 clients switch to an HTTP watch by themselves.
 */
public final class KubectlEndpoint implements AutoCloseable {
  private static final org.slf4j.Logger LOG = org.slf4j.LoggerFactory.getLogger(KubectlEndpoint.class);
  private final Vertx vertx;
  private final HttpServer server;

  private KubectlEndpoint(Vertx vertx, HttpServer server) {
    this.vertx = vertx;
    this.server = server;
  }

  /** Listens on {@code 127.0.0.1:port} (0: a free port). */
  public static KubectlEndpoint start(RealisticCrudDispatcher dispatcher, int port) {
    Vertx vertx = Vertx.vertx();
    try {
      HttpServer server = vertx.createHttpServer().requestHandler(request -> serve(vertx, dispatcher, request))
          .listen(port, "127.0.0.1").await();
      return new KubectlEndpoint(vertx, server);
    } catch (RuntimeException e) {
      vertx.close();
      throw new IllegalStateException("could not listen on 127.0.0.1:" + port + " for kubectl: " + e.getMessage(), e);
    }
  }

  public int port() {
    return server.actualPort();
  }

  public String url() {
    return "http://127.0.0.1:" + port();
  }

  private static void serve(Vertx vertx, RealisticCrudDispatcher dispatcher, HttpServerRequest request) {
    ApiPath path = ApiPath.parse(request.uri());
    if (request.method() == io.vertx.core.http.HttpMethod.GET && path.isWatch()) {
      watch(vertx, dispatcher, request, path);
      return;
    }
    request.body().onSuccess(body -> vertx.<MockResponse>executeBlocking(() -> dispatcher.dispatch(recorded(request,
            body.getBytes()))).onComplete(done -> {
              if (done.succeeded()) {
                reply(request.response(), done.result());
              } else {
                LOG.warn("{} {} failed", request.method(), request.uri(), done.cause());
                reply(request.response(), ApiStatus.failure(500, "InternalError", "the embedded Kubernetes API failed: "
                    + rootCause(done.cause())));
              }
            }));
  }

  private static String rootCause(Throwable e) {
    Throwable root = e;
    while (root.getCause() != null && root.getCause() != root) {
      root = root.getCause();
    }
    return root.toString();
  }

  private static RecordedRequest recorded(HttpServerRequest request, byte[] body) {
    Headers.Builder headers = Headers.builder();
    request.headers().forEach(h -> headers.add(h.getKey(), h.getValue()));
    return new RecordedRequest("HTTP/1.1", HttpMethod.fromVertx(request.method()), request.uri(), headers.build(),
        new Buffer(body));
  }

  private static void reply(HttpServerResponse response, MockResponse answer) {
    response.setStatusCode(answer.code());
    for (Map.Entry<String, java.util.List<String>> header : answer.getHeaders().toMultimap().entrySet()) {
      if (!header.getKey().equalsIgnoreCase("Content-Length")) {
        response.putHeader(header.getKey(), header.getValue());
      }
    }
    if (answer.getHeaders().get("Content-Type") == null) {
      response.putHeader("Content-Type", "application/json");
    }
    Buffer body = answer.getBody();
    response.end(io.vertx.core.buffer.Buffer.buffer(body == null ? new byte[0] : body.getBytes()));
  }

  private static void watch(Vertx vertx, RealisticCrudDispatcher dispatcher, HttpServerRequest request, ApiPath path) {
    HttpServerResponse response = request.response();
    if ("websocket".equalsIgnoreCase(request.getHeader("Upgrade"))) {
      reply(response, ApiStatus.failure(503, "ServiceUnavailable",
          "this API server streams watches over HTTP, not WebSocket"));
      return;
    }
    Optional<ApiResource> type = dispatcher.catalog().find(path);
    if (type.isEmpty()) {
      reply(response, ApiStatus.failure(404, "NotFound", "the server could not find the requested resource"));
      return;
    }
    var context = vertx.getOrCreateContext();
    response.setChunked(true).putHeader("Content-Type", "application/json").setStatusCode(200);
    response.writeHead();
    boolean table = TableView.wanted(request.getHeader("Accept"));
    vertx.executeBlocking(() -> dispatcher.watches().open(type.get(), path, table,
        line -> context.runOnContext(v -> {
          if (!response.ended() && !response.closed()) {
            response.write(line);
          }
        }))).onSuccess(watch -> {
          response.closeHandler(v -> watch.close());
          long seconds = path.param("timeoutSeconds").map(Long::parseLong).orElse(Duration.ofMinutes(30).toSeconds());
          long timer = vertx.setTimer(Math.max(1, seconds) * 1000, t -> {
            watch.close();
            if (!response.ended()) {
              response.end();
            }
          });
          response.endHandler(v -> vertx.cancelTimer(timer));
        }).onFailure(e -> {
          // The status line is out already: say why in the stream, as an ERROR event, and end it.
          response.end(Json.write(Json.object().put("type", "ERROR").set("object",
              Json.read(ApiStatus.failure(400, "BadRequest", e.getMessage()).getBody().readUtf8()))) + "\n");
        });
  }

  @Override
  public void close() {
    try {
      server.close().await();
    } finally {
      vertx.close().await();
    }
  }
}
