package io.conoha.assistant.client.http;

import io.conoha.assistant.client.error.ConohaException;
import io.conoha.assistant.client.error.ConohaException.Kind;
import io.netty.channel.ConnectTimeoutException;
import io.vertx.core.AsyncResult;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.ext.web.client.HttpRequest;
import io.vertx.ext.web.client.HttpResponse;
import io.vertx.ext.web.client.WebClient;
import java.time.Clock;
import java.time.Duration;
import java.util.Locale;
import java.util.concurrent.TimeoutException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One HTTP request and its answer: waits for the account's rate limit, sends with a timeout, records the
 * meters, and turns every non-2xx answer or missing answer into a typed {@link ConohaException} whose
 * message names the operation and holds no secret. No retries here: that is {@link ApiCaller}'s job.
 */
public final class HttpExchange {
  private static final Logger LOG = LoggerFactory.getLogger(HttpExchange.class);

  private final Vertx vertx;
  private final WebClient web;
  private final TokenBucket rateLimit;
  private final ApiMetrics metrics;
  private final Redactor redactor;
  private final Clock clock;
  private final Duration requestTimeout;

  public HttpExchange(Vertx vertx, WebClient web, TokenBucket rateLimit, ApiMetrics metrics, Redactor redactor,
      Clock clock, Duration requestTimeout) {
    this.vertx = vertx;
    this.web = web;
    this.rateLimit = rateLimit;
    this.metrics = metrics;
    this.redactor = redactor;
    this.clock = clock;
    this.requestTimeout = requestTimeout;
  }

  /**
   * Sends {@code request} to {@code url}; {@code token} may be null (authentication itself). Authentication goes
   * in the urgent lane: every caller of the account waits for it.
   */
  public Future<ApiResponse> send(ApiRequest request, String url, String token) {
    return send(request, url, token, token == null ? CallPriority.URGENT : CallPriority.current());
  }

  /** As above, waiting in the rate limit's {@code priority} lane. */
  public Future<ApiResponse> send(ApiRequest request, String url, String token, CallPriority priority) {
    long queued = System.nanoTime();
    return rateLimit.acquire(vertx, priority).compose(ready -> {
      metrics.rateLimitWait(priority, Duration.ofNanos(System.nanoTime() - queued));
      return transmit(request, url, token);
    });
  }

  private Future<ApiResponse> transmit(ApiRequest request, String url, String token) {
    HttpRequest<Buffer> http = web.requestAbs(request.method(), url)
        .timeout(requestTimeout.toMillis())
        .putHeader("Accept", "application/json");
    if (token != null) {
      http.putHeader("X-Auth-Token", token);
    }
    request.query().forEach(http::addQueryParam);
    long started = System.nanoTime();
    Future<HttpResponse<Buffer>> sent = request.body() == null ? http.send() : http.sendJsonObject(request.body());
    return sent.transform(result -> outcome(request, url, result, Duration.ofNanos(System.nanoTime() - started)));
  }

  private Future<ApiResponse> outcome(ApiRequest request, String url, AsyncResult<HttpResponse<Buffer>> result,
      Duration took) {
    if (result.failed()) {
      return Future.failedFuture(unanswered(request, url, result.cause(), took));
    }
    HttpResponse<Buffer> response = result.result();
    int status = response.statusCode();
    metrics.exchange(request.service(), request.operation(), Integer.toString(status), took);
    LOG.debug("{} {} {} -> {} in {} ms", request.operation(), request.method(), url, status, took.toMillis());
    if (isAnswer(request, status)) {
      return Future.succeededFuture(new ApiResponse(status, response.headers(), response.body()));
    }
    return Future.failedFuture(refused(request, response));
  }

  /** 2xx, and 300 Multiple Choices to a GET, which is how Keystone lists its versions at its root. */
  private static boolean isAnswer(ApiRequest request, int status) {
    return (status >= 200 && status < 300) || (status == 300 && request.idempotent() && request.body() == null);
  }

  private ConohaException refused(ApiRequest request, HttpResponse<Buffer> response) {
    int status = response.statusCode();
    String body = response.body() == null ? "" : response.body().toString();
    FaultParser.Fault fault = FaultParser.parse(status, body);
    Duration retryAfter = RetryAfter.parse(response.getHeader("Retry-After"), clock);
    Kind kind = kindOf(status, fault, retryAfter);
    String message = redactor.scrub(
        request.operation() + ": HTTP " + status + " " + fault.describe(), request.secrets());
    metrics.error(request.service(), request.operation(), kind);
    return new ConohaException(kind, request.operation(), status, message, retryAfter, null);
  }

  private ConohaException unanswered(ApiRequest request, String url, Throwable cause, Duration took) {
    boolean timedOut = cause instanceof TimeoutException || cause instanceof ConnectTimeoutException;
    Kind kind = timedOut ? Kind.TIMEOUT : Kind.TRANSPORT;
    metrics.exchange(request.service(), request.operation(), timedOut ? "timeout" : "transport", took);
    metrics.error(request.service(), request.operation(), kind);
    String what = timedOut
        ? "no answer within " + requestTimeout.toMillis() + " ms"
        : "could not reach the service (" + cause.getClass().getSimpleName() + ": " + cause.getMessage() + ")";
    String message = redactor.scrub(
        request.operation() + ": " + what + " from " + request.method() + " " + url, request.secrets());
    LOG.debug("{} {} {} -> {} after {} ms", request.operation(), request.method(), url, kind, took.toMillis());
    return new ConohaException(kind, request.operation(), 0, message, null, cause);
  }

  /**
   * 413 is both Nova's old "overLimit" rate limit and its old quota refusal ("Quota exceeded for instances"):
   * only the first is worth waiting for. A 403 that speaks of a quota (Nova's newer quota refusal, and a v2
   * createImage over the image storage quota) is a quota, not a permission problem.
   */
  static Kind kindOf(int status, FaultParser.Fault fault, Duration retryAfter) {
    return switch (status) {
      case 400, 405, 406, 415, 422 -> Kind.BAD_REQUEST;
      case 401 -> Kind.UNAUTHORIZED;
      case 403 -> mentionsQuota(fault) ? Kind.QUOTA_EXCEEDED : Kind.FORBIDDEN;
      case 404 -> Kind.NOT_FOUND;
      case 409 -> Kind.CONFLICT;
      case 429 -> Kind.RATE_LIMITED;
      case 413 -> retryAfter == null && mentionsQuota(fault) ? Kind.QUOTA_EXCEEDED : Kind.RATE_LIMITED;
      default -> status >= 500 ? Kind.SERVER_ERROR : Kind.BAD_REQUEST;
    };
  }

  private static boolean mentionsQuota(FaultParser.Fault fault) {
    return fault.message() != null && fault.message().toLowerCase(Locale.ROOT).contains("quota");
  }
}
