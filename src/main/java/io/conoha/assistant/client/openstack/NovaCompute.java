package io.conoha.assistant.client.openstack;

import static io.conoha.assistant.client.openstack.UrlPath.segment;

import io.conoha.assistant.client.AccountProbes;
import io.conoha.assistant.client.ComputeService;
import io.conoha.assistant.client.Finding;
import io.conoha.assistant.client.error.ConohaException;
import io.conoha.assistant.client.http.ApiCaller;
import io.conoha.assistant.client.http.ApiRequest;
import io.conoha.assistant.client.http.ApiResponse;
import io.conoha.assistant.client.http.ApiService;
import io.conoha.assistant.client.http.Blocking;
import io.conoha.assistant.client.model.Flavor;
import io.conoha.assistant.client.model.Server;
import io.conoha.assistant.client.model.ServerCreateRequest;
import io.conoha.assistant.client.model.ServerStatus;
import io.vertx.core.Future;
import io.vertx.core.json.JsonObject;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Nova, on either compute path shape ({@code /v2/{tenant}} on v2 accounts, {@code /v2.1} on v3): paths are
 * appended to whatever base the catalog gives.
 */
public final class NovaCompute implements ComputeService {
  private static final ApiService COMPUTE = ApiService.COMPUTE;

  private static final Logger LOG = LoggerFactory.getLogger(NovaCompute.class);
  /** Stock Nova's JSON-schema refusal of a body without a name (and the shorter wordings other clouds use). */
  private static final Pattern NAME_REQUIRED = Pattern.compile("(?i)'?\\bname'? is (a )?required");

  private final ApiCaller caller;
  private final AccountProbes probes;

  public NovaCompute(ApiCaller caller, AccountProbes probes) {
    this.caller = caller;
    this.probes = probes;
  }

  @Override
  public List<Flavor> listFlavors() {
    ApiRequest request = ApiRequest.get(COMPUTE, "flavors.list", "/flavors/detail");
    return await(Pager.all(caller, request, "flavors").map(all -> all.stream().map(NovaJson::flavor).toList()),
        request);
  }

  @Override
  public Flavor findFlavor(String nameOrId) {
    List<Flavor> flavors = listFlavors();
    return flavors.stream().filter(f -> nameOrId.equals(f.id())).findFirst()
        .or(() -> flavors.stream().filter(f -> nameOrId.equals(f.name())).findFirst())
        .or(() -> flavors.stream().filter(f -> nameOrId.equalsIgnoreCase(f.name())).findFirst())
        .orElseThrow(() -> ConohaException.notFound("flavors.find", "flavors.find: no plan named or with id \""
            + nameOrId + "\"" + NameSuggestions.hint(nameOrId, flavors.stream().map(Flavor::name).toList())));
  }

  @Override
  public List<Server> listServers() {
    ApiRequest request = ApiRequest.get(COMPUTE, "servers.list", "/servers/detail");
    return await(Pager.all(caller, request, "servers").map(all -> all.stream().map(NovaJson::server).toList()),
        request);
  }

  @Override
  public Server findServer(String nameOrId) {
    return UniqueMatch.find("servers.find", "server", nameOrId, this::getServer,
        () -> listServers().stream().filter(s -> s.status() != ServerStatus.DELETED).toList(), Server::id,
        s -> Stream.of(s.nameTag(), s.name()).filter(Objects::nonNull).distinct().toList(),
        s -> s.id() + " (" + s.nameTag() + ", " + s.status() + ")");
  }

  @Override
  public Server getServer(String id) {
    ApiRequest request = ApiRequest.get(COMPUTE, "servers.get", "/servers/" + segment(id));
    return await(caller.call(request).map(r -> NovaJson.server(Json.object(r.json(), "server"))), request);
  }

  /**
   * ConoHa's documented body first (no {@code name}); when the cloud answers 400 that a name is required, the
   * same body again with the name tag as {@code name}, and every later create of this account sends it at once.
   * A validation 400 created nothing, so this is the one create that is ever repeated. After the first create
   * that carried custom metadata keys, they are read back once to learn whether the cloud keeps them.
   */
  @Override
  public String createServer(ServerCreateRequest create) {
    boolean sendName = probes.nameRequired() == Finding.YES;
    String id;
    try {
      id = postServer(create, sendName);
    } catch (ConohaException e) {
      if (sendName || !isNameRequired(e)) {
        throw e;
      }
      probes.learnNameRequired(true);
      sendName = true;
      id = postServer(create, true);
    }
    if (!sendName) {
      probes.learnNameRequired(false);
    }
    checkCustomMetadataKept(id, create.metadata());
    return id;
  }

  static boolean isNameRequired(ConohaException e) {
    return e.kind() == ConohaException.Kind.BAD_REQUEST && e.getMessage() != null
        && NAME_REQUIRED.matcher(e.getMessage()).find();
  }

  private String postServer(ServerCreateRequest create, boolean withName) {
    ApiRequest request = ApiRequest.post(COMPUTE, ServerCreateBody.OPERATION, "/servers",
            ServerCreateBody.of(create, withName))
        .withSecrets(ServerCreateBody.secretsOf(create));
    return await(caller.call(request).map(r -> required(Json.string(Json.object(r.json(), "server"), "id"),
        request, "server.id")), request);
  }

  /**
   * Once per account: do keys other than the name tag survive a create? Read from {@code GET /servers/{id}}:
   * a real Nova answers {@code GET /servers/{id}/metadata} with {@code {}} while the server is still a build
   * request, although the server itself already shows its metadata. An empty answer proves nothing (ConoHa
   * documents the name tag, so a cloud that kept nothing is not answering yet): the next create looks again.
   * A failed look leaves the finding unknown too; the create has succeeded either way.
   */
  private void checkCustomMetadataKept(String serverId, Map<String, String> sent) {
    if (probes.customMetadataKept().isKnown() || sent == null) {
      return;
    }
    Map<String, String> custom = new java.util.LinkedHashMap<>(sent);
    custom.remove(ServerCreateBody.NAME_TAG);
    if (custom.isEmpty()) {
      return;
    }
    try {
      Map<String, String> kept = getServer(serverId).metadata();
      if (kept.isEmpty()) {
        LOG.info("new server {} shows no metadata yet; whether custom keys survive stays unknown", serverId);
        return;
      }
      probes.learnCustomMetadataKept(custom.entrySet().stream()
          .allMatch(e -> e.getValue().equals(kept.get(e.getKey()))));
    } catch (ConohaException e) {
      LOG.info("could not read back new server {} ({}); whether custom keys survive stays unknown",
          serverId, e.getMessage());
    }
  }

  @Override
  public void deleteServer(String id) {
    run(ApiRequest.delete(COMPUTE, "servers.delete", "/servers/" + segment(id)));
  }

  @Override
  public Map<String, String> getMetadata(String id) {
    ApiRequest request = ApiRequest.get(COMPUTE, "servers.metadata.get", "/servers/" + segment(id) + "/metadata");
    return await(caller.call(request).map(r -> Json.stringMap(Json.object(r.json(), "metadata"))), request);
  }

  @Override
  public void updateMetadata(String id, Map<String, String> metadata) {
    JsonObject body = new JsonObject().put("metadata", new JsonObject(new java.util.LinkedHashMap<>(metadata)));
    run(ApiRequest.post(COMPUTE, "servers.metadata.update", "/servers/" + segment(id) + "/metadata", body));
  }

  @Override
  public void start(String id) {
    action(id, "os-start", null);
  }

  @Override
  public void stop(String id, boolean force) {
    action(id, "os-stop", force ? new JsonObject().put("force_shutdown", true) : null);
  }

  @Override
  public void reboot(String id, boolean hard) {
    action(id, "reboot", new JsonObject().put("type", hard ? "HARD" : "SOFT"));
  }

  @Override
  public void resize(String id, String flavorId) {
    action(id, "resize", new JsonObject().put("flavorRef", flavorId));
  }

  @Override
  public void confirmResize(String id) {
    action(id, "confirmResize", null);
  }

  /**
   * The image id comes from the Location header ({@code .../images/<id>}) before microversion 2.45, and from
   * the body's {@code image_id} after it.
   */
  @Override
  public String createImage(String serverId, String imageName, Map<String, String> metadata) {
    JsonObject createImage = new JsonObject().put("name", imageName);
    if (metadata != null && !metadata.isEmpty()) {
      createImage.put("metadata", new JsonObject(new java.util.LinkedHashMap<>(metadata)));
    }
    ApiRequest request = actionRequest(serverId, "createImage", new JsonObject().put("createImage", createImage));
    return await(caller.call(request).map(r -> required(imageIdOf(r), request, "Location header or image_id")),
        request);
  }

  static String imageIdOf(ApiResponse response) {
    String fromBody = Json.string(response.json(), "image_id");
    if (fromBody != null && !fromBody.isBlank()) {
      return fromBody;
    }
    return Optional.ofNullable(response.header("Location"))
        .map(location -> location.replaceAll("/+$", ""))
        .map(location -> location.substring(location.lastIndexOf('/') + 1))
        .filter(id -> !id.isBlank())
        .orElse(null);
  }

  /** {@code {"<name>": null}} or {@code {"<name>": {...}}} to /servers/{id}/action. Never retried. */
  private void action(String id, String name, JsonObject argument) {
    JsonObject body = new JsonObject();
    if (argument == null) {
      body.putNull(name);
    } else {
      body.put(name, argument);
    }
    run(actionRequest(id, name, body));
  }

  private static ApiRequest actionRequest(String id, String name, JsonObject body) {
    return ApiRequest.post(COMPUTE, "servers.action." + name, "/servers/" + segment(id) + "/action", body);
  }

  private void run(ApiRequest request) {
    await(caller.call(request).mapEmpty(), request);
  }

  private static <T> T await(Future<T> future, ApiRequest request) {
    return Blocking.await(future, request.operation());
  }

  /**
   * The request went through but the answer lacks what identifies the result: the thing probably exists,
   * so the caller must look it up rather than repeat the request.
   */
  static String required(String value, ApiRequest request, String what) {
    if (value == null || value.isBlank()) {
      throw new ConohaException(ConohaException.Kind.SERVER_ERROR, request.operation(), 0,
          request.operation() + ": the answer has no " + what
              + "; the request may have taken effect, look before repeating it");
    }
    return value;
  }
}
