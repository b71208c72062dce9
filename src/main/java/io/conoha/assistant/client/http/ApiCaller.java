package io.conoha.assistant.client.http;

import io.conoha.assistant.client.error.ConohaException;
import io.conoha.assistant.client.error.ConohaException.Kind;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * An authenticated call with the account's recovery rules: a 401 forgets the token, authenticates again
 * (one request for all callers) and repeats the call once, whatever its method, because a refused token
 * means nothing happened; other failures are repeated only as {@link RetryPolicy} allows.
 */
public final class ApiCaller {
  private static final Logger LOG = LoggerFactory.getLogger(ApiCaller.class);

  private final Vertx vertx;
  private final HttpExchange exchange;
  private final SessionSource sessions;
  private final RetryPolicy retryPolicy;

  public ApiCaller(Vertx vertx, HttpExchange exchange, SessionSource sessions, RetryPolicy retryPolicy) {
    this.vertx = vertx;
    this.exchange = exchange;
    this.sessions = sessions;
    this.retryPolicy = retryPolicy;
  }

  /** Calls at the calling thread's {@link CallPriority}, which the retries keep. */
  public Future<ApiResponse> call(ApiRequest request) {
    return attempt(request, CallPriority.current(), 0, false);
  }

  private Future<ApiResponse> attempt(ApiRequest request, CallPriority priority, int retriesDone,
      boolean reauthenticated) {
    return sessions.session().compose(session -> send(request, session, priority)
        .recover(failure -> recover(request, priority, session, failure, retriesDone, reauthenticated)));
  }

  private Future<ApiResponse> send(ApiRequest request, Session session, CallPriority priority) {
    String url = session.baseUrl(request.service()) + request.path();
    return exchange.send(request, url, session.tokenId(), priority);
  }

  private Future<ApiResponse> recover(ApiRequest request, CallPriority priority, Session session, Throwable failure,
      int retriesDone, boolean reauthenticated) {
    if (!(failure instanceof ConohaException error)) {
      return Future.failedFuture(failure);
    }
    if (error.kind() == Kind.UNAUTHORIZED && !reauthenticated) {
      LOG.info("{}: token refused (401); authenticating again and repeating the call once", request.operation());
      sessions.invalidate(session);
      return attempt(request, priority, retriesDone, true);
    }
    Optional<Duration> delay = retryPolicy.delayBefore(retriesDone + 1, request, error);
    if (delay.isEmpty()) {
      return Future.failedFuture(error);
    }
    LOG.info("{}: {}; retry {}/{} in {} ms", request.operation(), error.kind(), retriesDone + 1,
        retryPolicy.maxRetries(), delay.get().toMillis());
    return vertx.timer(Math.max(1, delay.get().toMillis()), TimeUnit.MILLISECONDS)
        .compose(waited -> attempt(request, priority, retriesDone + 1, reauthenticated));
  }
}
