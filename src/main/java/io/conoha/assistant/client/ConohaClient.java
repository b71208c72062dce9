package io.conoha.assistant.client;

import io.conoha.assistant.client.http.ApiCaller;
import io.conoha.assistant.client.http.ApiMetrics;
import io.conoha.assistant.client.http.Backoff;
import io.conoha.assistant.client.http.HttpExchange;
import io.conoha.assistant.client.http.Redactor;
import io.conoha.assistant.client.http.RetryPolicy;
import io.conoha.assistant.client.http.TokenBucket;
import io.conoha.assistant.client.openstack.CatalogRoutedImages;
import io.conoha.assistant.client.openstack.CinderVolumes;
import io.conoha.assistant.client.openstack.DesignateDns;
import io.conoha.assistant.client.openstack.GlanceImages;
import io.conoha.assistant.client.openstack.KeystoneIdentity;
import io.conoha.assistant.client.openstack.NovaCompute;
import io.conoha.assistant.client.openstack.NovaProxyImages;
import io.micrometer.core.instrument.MeterRegistry;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.net.PemTrustOptions;
import io.vertx.ext.web.client.WebClient;
import io.vertx.ext.web.client.WebClientOptions;
import io.conoha.assistant.client.error.ConohaException;
import java.time.Clock;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One ConoHa account: identity, compute, image, volume and DNS services sharing one token cache, one outbound
 * rate limit and one set of meters. Every service method blocks until the answer is there; call them from
 * worker threads (operator threads, the CLI), never from a Vert.x event loop (that throws
 * IllegalStateException). Creating a client sends nothing; the first call authenticates.
 */
public final class ConohaClient implements AutoCloseable {
  private static final Logger LOG = LoggerFactory.getLogger(ConohaClient.class);
  private final Credentials credentials;
  private final WebClient web;
  private final KeystoneIdentity identity;
  private final ComputeService compute;
  private final ImageService images;
  private final ImageService computeImages;
  private final VolumeService volumes;
  private final AccountProbes probes = new AccountProbes();
  private final DnsService dns;

  private ConohaClient(Credentials credentials, WebClient web, KeystoneIdentity identity, ApiCaller caller) {
    this.credentials = credentials;
    this.web = web;
    this.identity = identity;
    this.compute = new NovaCompute(caller, probes);
    this.computeImages = new NovaProxyImages(caller);
    this.images = new CatalogRoutedImages(identity, new GlanceImages(caller, credentials.region()), computeImages);
    this.volumes = new CinderVolumes(caller, images, probes, () -> identity.endpoints().volume() != null);
    this.dns = new DesignateDns(caller);
  }

  public static ConohaClient create(Vertx vertx, Credentials credentials, ClientSettings settings, MeterRegistry registry) {
    return create(vertx, credentials, settings, registry, Clock.systemUTC());
  }

  /** With a clock, so tests can move time past a token's refresh point. */
  public static ConohaClient create(Vertx vertx, Credentials credentials, ClientSettings settings,
      MeterRegistry registry, Clock clock) {
    credentials.keystoneVersion(); // fail now, not at the first call, on a URL without /v2.0 or /v3
    WebClient web = WebClient.create(vertx, webOptions(credentials, settings));
    ApiMetrics metrics = new ApiMetrics(registry);
    Redactor redactor = new Redactor();
    HttpExchange exchange = new HttpExchange(vertx, web,
        new TokenBucket(settings.requestsPerSecond(), settings.burst()), metrics, redactor, clock,
        settings.requestTimeout());
    KeystoneIdentity identity = new KeystoneIdentity(credentials, exchange, metrics, redactor, clock,
        settings.tokenRefreshMargin());
    RetryPolicy retries = new RetryPolicy(settings.maxRetries(),
        new Backoff(settings.retryBaseDelay(), settings.retryMaxDelay()));
    return new ConohaClient(credentials, web, identity, new ApiCaller(vertx, exchange, identity, retries));
  }

  /**
   * TLS is always verified (host name included). A caCert replaces the JVM's trust store for this account,
   * for a private CA or a proxy; there is deliberately no switch that trusts every certificate.
   */
  private static WebClientOptions webOptions(Credentials credentials, ClientSettings settings) {
    WebClientOptions options = new WebClientOptions()
        .setConnectTimeout((int) Math.min(Integer.MAX_VALUE, settings.connectTimeout().toMillis()))
        .setVerifyHost(true)
        .setTrustAll(false)
        .setFollowRedirects(false)
        .setUserAgent("conoha-assistant");
    if (credentials.caCert() != null) {
      options.setTrustOptions(new PemTrustOptions().addCertValue(Buffer.buffer(credentials.caCert())));
    }
    return options;
  }

  public Credentials credentials() {
    return credentials;
  }

  /** V2 for a Keystone v2.0 identity URL (tyo1, sin1, sjc1), V3 for /v3 (c3j1). */
  public ApiGeneration generation() {
    return credentials.keystoneVersion() == Credentials.KeystoneVersion.V2 ? ApiGeneration.V2 : ApiGeneration.V3;
  }

  public IdentityService identity() {
    return identity;
  }

  public ComputeService compute() {
    return compute;
  }

  public ImageService images() {
    return images;
  }

  public VolumeService volumes() {
    return volumes;
  }

  /** ConoHa DNS (Designate v1 style), at the catalog's {@code dns} endpoint. */
  public DnsService dns() {
    return dns;
  }

  /**
   * The compute image proxy ({@code /images/detail}, v2 accounts): unlike Glance it reports a save's
   * {@code progress}, so it is what v2 image listings use to show progress. Deprecated on v3 (/v2.1).
   */
  public ImageService computeImages() {
    return computeImages;
  }

  /**
   * What this account's cloud has shown so far where ConoHa is undocumented (README, "Probes"). Each finding
   * is learned once, from the cloud's own answers, and kept for this client's life.
   */
  public Capabilities capabilities() {
    return probes.capabilities();
  }

  /**
   * Asks the cloud now for what can be asked without creating anything (the offered volume types; once per
   * account), then returns all findings. An account without a volume service has no types.
   */
  public Capabilities probe() {
    if (identity.endpoints().volume() != null) {
      try {
        probes.volumeTypes(volumes::listVolumeTypes);
      } catch (ConohaException e) {
        LOG.warn("cannot list the volume types: {}", e.getMessage());
      }
    }
    return probes.capabilities();
  }

  AccountProbes probes() {
    return probes;
  }

  /** Waits bounded by {@link WaitDeadlines#defaults()}. */
  public Waits waits() {
    return new Waits(this, WaitDeadlines.defaults());
  }

  public Waits waits(WaitDeadlines deadlines) {
    return new Waits(this, deadlines);
  }

  /** Closes this account's HTTP connections; the Vert.x instance belongs to the caller. */
  @Override
  public void close() {
    web.close();
  }
}
