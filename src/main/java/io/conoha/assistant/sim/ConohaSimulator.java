package io.conoha.assistant.sim;

import io.conoha.assistant.client.ApiGeneration;
import io.conoha.assistant.client.Credentials;
import io.vertx.core.Context;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.http.HttpServer;
import io.vertx.core.http.HttpServerOptions;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.handler.BodyHandler;
import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * A ConoHa VPS account behind one HTTP port: Keystone, Nova, Glance and Cinder as ConoHa's v2 (tyo1) or v3 (c3j1)
 * API serves them, plus an admin API, a request {@link Ledger} and a {@link FaultInjector}. See the README, section "The ConoHa simulator".
 *
 * <pre>{@code
 * try (ConohaSimulator sim = ConohaSimulator.start(SimConfig.defaults(ApiGeneration.V3)
 *     .withTimings(SimTimings.fast()))) {
 *   Credentials credentials = sim.credentials();
 *   ...
 *   assertThat(sim.ledger().count("servers.create")).isEqualTo(1);
 * }
 * }</pre>
 */
public final class ConohaSimulator implements AutoCloseable {
  private final Vertx vertx;
  private final boolean ownsVertx;
  private final SimConfig config;
  private final Links links;
  private final SimWorld world;
  private final Ledger ledger;
  private final FaultInjector faults;
  private final SimAdmin admin;
  private final SimDns dns;
  private HttpServer server;

  private ConohaSimulator(Vertx vertx, boolean ownsVertx, SimConfig config) {
    this.vertx = vertx;
    this.ownsVertx = ownsVertx;
    this.config = config;
    this.links = new Links(config);
    Clock clock = Clock.systemUTC();
    IdSource ids = new IdSource(config.seed());
    TokenStore tokens = new TokenStore(ids, clock, config.tokenLifetime());
    this.faults = new FaultInjector(config.seed(), tokens);
    this.world = new SimWorld(config, vertx, clock, ids, faults::listLag);
    this.ledger = new Ledger(world::snapshot, world.score);
    ImageSaves saves = new ImageSaves(world);
    ServerLifecycle servers = new ServerLifecycle(world, saves);
    VolumeLifecycle volumes = new VolumeLifecycle(world, saves);
    this.admin = new SimAdmin(world, servers, volumes, saves);
    this.dns = new SimDns(world.clock, ids);
    faults.apply(config.faults());

    Router router = Router.router(vertx);
    router.route().handler(BodyHandler.create(false).setBodyLimit(1024 * 1024));
    Gate gate = new Gate(vertx, world, tokens, ledger, faults, links);
    Api api = new Api(router, gate);
    VersionDocs docs = new VersionDocs(links);
    Views views = new Views(world, links);
    new IdentityRoutes(config, tokens, new ServiceCatalog(links, config.region()), docs, links).mount(api);
    new ComputeRoutes(world, servers, views, docs, links).mount(api);
    new ComputeImageRoutes(world, saves, views, links).mount(api);
    new ImageRoutes(world, saves, views, docs).mount(api);
    new VolumeRoutes(world, volumes, views, docs, links).mount(api);
    api.scope(Family.NETWORK, "/network")
        .open("", "versions", c -> Reply.ok(docs.neutronVersions()))
        .open("/", "versions", c -> Reply.ok(docs.neutronVersions()));
    new DnsRoutes(dns).mount(api);
    new AdminRoutes(ledger, faults, admin).mount(api);
    router.route().last().handler(gate::unmatched);
    this.server = vertx.createHttpServer(new HttpServerOptions().setHost(config.host()).setPort(config.port()))
        .requestHandler(router);
  }

  /** Starts on its own Vert.x instance (closed again by {@link #close()}) and waits until it listens. */
  public static ConohaSimulator start(SimConfig config) {
    Vertx vertx = Vertx.vertx();
    try {
      return await(startAsync(vertx, config, true));
    } catch (RuntimeException e) {
      vertx.close();
      throw e;
    }
  }

  /** Starts on a caller's Vert.x instance and waits until it listens. Not callable from an event-loop thread. */
  public static ConohaSimulator start(Vertx vertx, SimConfig config) {
    return await(startAsync(vertx, config));
  }

  /** The non-blocking form, for callers on an event loop. */
  public static Future<ConohaSimulator> startAsync(Vertx vertx, SimConfig config) {
    return startAsync(vertx, config, false);
  }

  private static Future<ConohaSimulator> startAsync(Vertx vertx, SimConfig config, boolean ownsVertx) {
    ConohaSimulator sim = new ConohaSimulator(vertx, ownsVertx, config);
    return sim.server.listen().map(s -> {
      sim.links.bind(s.actualPort());
      return sim;
    });
  }

  private static ConohaSimulator await(Future<ConohaSimulator> future) {
    if (Context.isOnEventLoopThread()) {
      throw new IllegalStateException("ConohaSimulator.start blocks; use startAsync on an event loop");
    }
    try {
      return future.toCompletionStage().toCompletableFuture().get(30, TimeUnit.SECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted while starting the simulator", e);
    } catch (ExecutionException | TimeoutException e) {
      Throwable cause = e.getCause() == null ? e : e.getCause();
      throw new IllegalStateException("the simulator did not start: " + cause.getMessage(), cause);
    }
  }

  public int port() {
    return server.actualPort();
  }

  /** http://127.0.0.1:PORT (every service lives under a path prefix of it). */
  public String baseUrl() {
    return links.base();
  }

  /** {@code http://127.0.0.1:PORT/identity/v2.0} (V2) or {@code http://127.0.0.1:PORT/identity/v3} (V3). */
  public String identityUrl() {
    return links.identity();
  }

  /** Credentials that authenticate: user name + tenant on V2, user id + tenant (and domain) on V3. */
  public Credentials credentials() {
    boolean v3 = config.generation() == ApiGeneration.V3;
    return new Credentials(identityUrl(), config.username(), v3 ? config.userId() : null, config.password(),
        config.tenantId(), config.tenantName(), config.region(), v3 ? config.domain() : null, null, Map.of());
  }

  /** The same as Secret keys: identityUrl, username (V2) or userId (V3), password, tenantId, region. */
  public Map<String, String> credentialKeys() {
    Map<String, String> keys = new LinkedHashMap<>();
    keys.put("identityUrl", identityUrl());
    if (config.generation() == ApiGeneration.V3) {
      keys.put("userId", config.userId());
    } else {
      keys.put("username", config.username());
    }
    keys.put("password", config.password());
    keys.put("tenantId", config.tenantId());
    keys.put("region", config.region());
    return keys;
  }

  /**
   * {@code export OS_...=...} lines for {@code eval}: what this project's {@code conoha} command and the standard
   * {@code openstack} CLI read. Values are single-quoted for the shell.
   */
  public String openrc() {
    boolean v3 = config.generation() == ApiGeneration.V3;
    Map<String, String> env = new LinkedHashMap<>();
    env.put("OS_AUTH_URL", identityUrl());
    env.put("OS_IDENTITY_API_VERSION", v3 ? "3" : "2");
    env.put("OS_USERNAME", config.username());
    if (v3) {
      env.put("OS_USER_ID", config.userId());
      env.put("OS_USER_DOMAIN_NAME", config.domain());
    }
    env.put("OS_PASSWORD", config.password());
    env.put("OS_PROJECT_ID", config.tenantId());
    env.put("OS_PROJECT_NAME", config.tenantName());
    if (v3) {
      env.put("OS_PROJECT_DOMAIN_NAME", config.domain());
    } else {
      env.put("OS_TENANT_ID", config.tenantId());
      env.put("OS_TENANT_NAME", config.tenantName());
    }
    env.put("OS_REGION_NAME", config.region());
    env.put("OS_INTERFACE", "public");
    StringBuilder sb = new StringBuilder();
    env.forEach((k, v) -> sb.append("export ").append(k).append("=").append(shellQuote(v)).append('\n'));
    return sb.toString();
  }

  static String shellQuote(String value) {
    return "'" + value.replace("'", "'\\''") + "'";
  }

  public Ledger ledger() {
    return ledger;
  }

  public FaultInjector faults() {
    return faults;
  }

  /** The account's DNS zones and records (seeded with zone example.com.). */
  public SimDns dns() {
    return dns;
  }

  public SimAdmin admin() {
    return admin;
  }

  public SimConfig config() {
    return config;
  }

  /**
   * Stops listening (pending requests, hung ones included, are dropped), cancels every pending transition and,
   * when the simulator made its own Vert.x instance, closes that. Blocks; on an event loop use
   * {@link #closeAsync()}.
   */
  @Override
  public void close() {
    awaitClosed(closeAsync(), "the simulator's server");
    if (ownsVertx) {
      awaitClosed(vertx.close(), "the simulator's Vert.x instance");
    }
  }

  /** Stops listening and cancels pending transitions without blocking; a Vert.x instance of its own stays open. */
  public Future<Void> closeAsync() {
    world.close();
    return server.close();
  }

  private static void awaitClosed(Future<Void> closing, String what) {
    try {
      closing.toCompletionStage().toCompletableFuture().get(10, TimeUnit.SECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    } catch (ExecutionException | TimeoutException e) {
      // best effort: the port is released with the process at the latest
      java.util.logging.Logger.getLogger(ConohaSimulator.class.getName()).fine("closing " + what + ": " + e);
    }
  }
}
