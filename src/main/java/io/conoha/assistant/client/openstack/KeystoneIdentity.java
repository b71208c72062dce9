package io.conoha.assistant.client.openstack;

import io.conoha.assistant.client.Credentials;
import io.conoha.assistant.client.Credentials.KeystoneVersion;
import io.conoha.assistant.client.Endpoints;
import io.conoha.assistant.client.IdentityService;
import io.conoha.assistant.client.Token;
import io.conoha.assistant.client.error.ConohaException;
import io.conoha.assistant.client.error.ConohaException.Kind;
import io.conoha.assistant.client.http.ApiMetrics;
import io.conoha.assistant.client.http.ApiRequest;
import io.conoha.assistant.client.http.ApiService;
import io.conoha.assistant.client.http.Blocking;
import io.conoha.assistant.client.http.HttpExchange;
import io.conoha.assistant.client.http.Redactor;
import io.conoha.assistant.client.http.Session;
import io.conoha.assistant.client.http.SessionSource;
import io.vertx.core.Future;
import io.vertx.core.Promise;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Keystone v2.0 / v3 password authentication with one cached token per client. The token is renewed
 * {@code refreshMargin} before it expires, and however many callers find it stale at once, exactly one
 * request renews it: the others wait for that request's future (single-flight).
 */
public final class KeystoneIdentity implements IdentityService, SessionSource {
  private static final Logger LOG = LoggerFactory.getLogger(KeystoneIdentity.class);

  private final Credentials credentials;
  private final HttpExchange exchange;
  private final ApiMetrics metrics;
  private final Redactor redactor;
  private final Clock clock;
  private final Duration refreshMargin;

  private final Object lock = new Object();
  private Authenticated current;
  private Future<Authenticated> inFlight;

  public KeystoneIdentity(Credentials credentials, HttpExchange exchange, ApiMetrics metrics, Redactor redactor,
      Clock clock, Duration refreshMargin) {
    this.credentials = credentials;
    this.exchange = exchange;
    this.metrics = metrics;
    this.redactor = redactor;
    this.clock = clock;
    this.refreshMargin = refreshMargin;
    redactor.addSecret(credentials.password());
  }

  @Override
  public Token token() {
    return Blocking.await(authenticated(), KeystoneAuth.OPERATION).token();
  }

  @Override
  public Endpoints endpoints() {
    return Blocking.await(authenticated(), KeystoneAuth.OPERATION).endpoints();
  }

  @Override
  public void invalidate(Token token) {
    synchronized (lock) {
      if (current != null && current.token().equals(token)) {
        current = null;
      }
    }
  }

  @Override
  public Future<Session> session() {
    return authenticated().map(a -> a);
  }

  @Override
  public void invalidate(Session session) {
    synchronized (lock) {
      if (current == session) {
        current = null;
      }
    }
  }

  /** The cached session while it is fresh; otherwise the one authentication in flight, started if needed. */
  public Future<Authenticated> authenticated() {
    synchronized (lock) {
      if (current != null && current.isFresh(clock.instant(), refreshMargin)) {
        return Future.succeededFuture(current);
      }
      if (inFlight != null) {
        return inFlight;
      }
      Promise<Authenticated> promise = Promise.promise();
      Future<Authenticated> started = promise.future();
      inFlight = started;
      // the answer may already be there when the handler is added: then it runs here, at once, and clears
      // inFlight before this method returns, so the local future is what is returned
      authenticate().onComplete(result -> {
        synchronized (lock) {
          if (inFlight == started) {
            inFlight = null;
          }
          if (result.succeeded()) {
            replace(result.result());
          }
        }
        promise.handle(result);
      });
      return started;
    }
  }

  private void replace(Authenticated fresh) {
    if (current != null) {
      redactor.removeSecret(current.tokenId());
    }
    current = fresh;
  }

  private Future<Authenticated> authenticate() {
    ApiRequest request = KeystoneAuth.request(credentials);
    String url = credentials.identityBase() + request.path();
    Instant asked = clock.instant();
    return exchange.send(request, url, null)
        .map(response -> {
          KeystoneAuth.Grant grant = KeystoneAuth.grant(credentials.keystoneVersion(), response, asked);
          redactor.addSecret(grant.token().id());
          return new Authenticated(grant.token(), asked,
              EndpointResolver.resolve(grant.catalog(), credentials, grant.token().projectId()),
              grant.catalog().regions(), credentials);
        })
        .onSuccess(a -> {
          metrics.authentication(true);
          LOG.info("authenticated at {} (Keystone {}); token expires {}", credentials.identityBase(),
              credentials.keystoneVersion(), a.token().expiresAt());
        })
        .recover(failure -> {
          metrics.authentication(false);
          if (failure instanceof ConohaException error && error.kind() == Kind.NOT_FOUND) {
            return offeredVersions().transform(versions -> Future.failedFuture(
                wrongVersion(error, url, versions.succeeded() ? versions.result() : List.of())));
          }
          return Future.failedFuture(explain(failure, url));
        });
  }

  /** Best effort: what the Keystone root says it offers (GET / answers 300 with a version list). */
  private Future<List<String>> offeredVersions() {
    String root = credentials.identityBase().replaceAll("/(v2\\.0|v3)$", "");
    ApiRequest request = ApiRequest.get(ApiService.IDENTITY, "identity.versions", "/");
    return exchange.send(request, root + "/", null).map(response -> ApiVersions.offered(response.json()));
  }

  /** A 404 on the token path means this Keystone does not speak the version in the URL. */
  private ConohaException wrongVersion(ConohaException error, String url, List<String> offered) {
    String offers = offered.isEmpty() ? "" : " (it offers " + String.join(", ", offered) + ")";
    String hint = credentials.keystoneVersion() == KeystoneVersion.V2
        ? "this Keystone does not offer v2.0" + offers + "; use the /v3 URL"
        : "this Keystone does not offer v3" + offers + "; use the /v2.0 URL";
    return new ConohaException(Kind.CONFIGURATION, KeystoneAuth.OPERATION, 404,
        KeystoneAuth.OPERATION + ": " + hint + " (POST " + url + " answered 404)", null, error);
  }

  /** Adds the hint a person needs to the failures a configuration causes. */
  private ConohaException explain(Throwable failure, String url) {
    if (!(failure instanceof ConohaException error)) {
      return new ConohaException(Kind.SERVER_ERROR, KeystoneAuth.OPERATION, 0,
          KeystoneAuth.OPERATION + ": unreadable answer from " + url + ": " + failure.getMessage(), null, failure);
    }
    if (error.kind() == Kind.UNAUTHORIZED) {
      return new ConohaException(Kind.UNAUTHORIZED, KeystoneAuth.OPERATION, 401, error.getMessage()
          + " (check the user, password and tenant/project of the credentials)", null, error);
    }
    return error;
  }

  /** A token, when it was asked for, and where the services are. */
  public record Authenticated(Token token, Instant obtainedAt, Endpoints endpoints, Set<String> catalogRegions,
      Credentials credentials) implements Session {

    /**
     * Fresh until {@code margin} before expiry; a token that lives shorter than twice the margin is renewed
     * at half its life instead, so short-lived tokens are not renewed on every call.
     */
    boolean isFresh(Instant now, Duration margin) {
      Duration life = Duration.between(obtainedAt, token.expiresAt());
      Duration effective = margin.compareTo(life.dividedBy(2)) > 0 ? life.dividedBy(2) : margin;
      return now.isBefore(token.expiresAt().minus(effective));
    }

    @Override
    public String tokenId() {
      return token.id();
    }

    @Override
    public String baseUrl(ApiService service) {
      String url = switch (service) {
        case IDENTITY -> credentials.identityBase();
        case COMPUTE -> endpoints.compute();
        case IMAGE -> endpoints.image();
        case VOLUME -> endpoints.volume();
        case NETWORK -> endpoints.network();
        case DNS -> endpoints.dns();
      };
      if (url == null) {
        throw ConohaException.configuration("the service catalog has no " + service.tag() + " endpoint"
            + (credentials.region() == null ? "" : " in region " + credentials.region())
            + " (catalog regions: " + catalogRegions + "); set " + service.tag() + "Url in the credentials");
      }
      return url;
    }

    @Override
    public String toString() {
      return "Authenticated[" + token + ", " + endpoints + "]";
    }
  }
}
