package io.conoha.assistant.embedded;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.fabric8.kubernetes.client.server.mock.KubernetesCrudDispatcher;
import io.fabric8.kubernetes.client.server.mock.crud.KubernetesCrudDispatcherException;
import io.fabric8.mockwebserver.crud.AttributeSet;
import io.fabric8.mockwebserver.dsl.HttpMethod;
import io.fabric8.mockwebserver.http.Buffer;
import io.fabric8.mockwebserver.http.MockResponse;
import io.fabric8.mockwebserver.http.RecordedRequest;
import io.fabric8.zjsonpatch.JsonPatch;
import io.fabric8.zjsonpatch.JsonPatchException;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.atomic.LongAdder;

/**
 * Fabric8's CRUD dispatcher, made to behave like a real API server for the operator and for kubectl:
 * <ul>
 *   <li>Discovery ({@code /api}, {@code /apis}, resource lists with short names and categories), OpenAPI v2/v3
 *       from the CRD schemas, {@code /version}; server-side Tables from the CRDs' printer columns; field
 *       selectors on lists; a NotFound {@code Status} for a missing object.</li>
 *   <li>A write of a custom resource is admitted as by a real API server ({@link Admission}): schema and CEL
 *       rules checked (422 naming the field), defaults filled in, undeclared fields dropped, or refused under
 *       {@code fieldValidation=Strict}. A patch is computed here, admitted, and stored as an update.</li>
 *   <li>A JSON merge patch follows RFC 7386 (arrays are replaced, {@code null} removes a field); the stock one
 *       deep-merges with Jackson, so a patched list of conditions would grow forever.</li>
 *   <li>What it cannot do it refuses honestly: server-side apply, strategic merge patches it cannot reduce to a
 *       merge patch, and dry runs get an error status instead of a wrong answer.</li>
 *   <li>A SelfSubjectRulesReview (JOSDK asks one before leader election) is answered as a real API server does;
 *       this one has no RBAC, so everything is allowed.</li>
 *   <li>The request that removes the last finalizer of a deleting object answers with the object (finalizers
 *       cleared) instead of an empty body, which makes JOSDK 5.3 fail with an NPE after a cleanup.</li>
 * </ul>
 * Every change is also published to {@link #watches()}, which serves the HTTP watches kubectl uses.
 */
public final class RealisticCrudDispatcher extends KubernetesCrudDispatcher {
  private static final String MERGE_PATCH = "application/merge-patch+json";
  private static final String JSON_PATCH = "application/json-patch+json";
  private static final String STRATEGIC_PATCH = "application/strategic-merge-patch+json";
  private static final String APPLY_PATCH = "application/apply-patch";

  private static final java.util.Set<String> HEALTH = java.util.Set.of("/healthz", "/readyz", "/livez");

  /** Fabric8's store, indexed by name: a request for one object does not scan every stored object. */
  private final IndexedObjects objects = IndexedObjects.installIn(this);
  private final LongAdder requests = new LongAdder();
  private final java.util.Map<String, LongAdder> byKind = new java.util.concurrent.ConcurrentHashMap<>();
  private final ApiCatalog catalog = new ApiCatalog(this::storedCrds);
  private final Discovery discovery = new Discovery(catalog);
  private final OpenApiDocs openApi = new OpenApiDocs(catalog);
  private final TableView tables = new TableView(Clock.systemUTC());
  private final Admission admission = new Admission();
  private final WatchHub watches = new WatchHub(this);
  /** Read, admit and write one object at a time, so the admitted object is the one stored. */
  private final Object writes = new Object();

  private volatile boolean refuseInvalid = true;

  /**
   * Whether a custom resource that breaks its schema or CEL rules is refused (the default, as on a cluster). Off, it
   * is stored anyway (defaults still filled in), as an older cluster without CEL validation would: for tests of the
   * operator's own checks of what the CRD forbids.
   */
  void refuseInvalid(boolean refuse) {
    refuseInvalid = refuse;
  }

  /** Requests served so far (the benchmark reports the Kubernetes API cost per server). */
  public long requests() {
    return requests.sum();
  }

  /** Requests served so far by method and resource ("PATCH conohaservers/status", "POST events"). */
  public java.util.Map<String, Long> requestsByKind() {
    java.util.Map<String, Long> counts = new java.util.TreeMap<>();
    byKind.forEach((k, n) -> counts.put(k, n.sum()));
    return counts;
  }

  WatchHub watches() {
    return watches;
  }

  ApiCatalog catalog() {
    return catalog;
  }

  TableView tables() {
    return tables;
  }

  @Override
  public MockResponse dispatch(RecordedRequest request) {
    requests.increment();
    byKind.computeIfAbsent(RequestKind.of(request.getMethod(), request.getPath()), k -> new LongAdder()).increment();
    try {
      ApiPath path = ApiPath.parse(request.getPath());
      Optional<ApiResource> resource = catalog.find(path);
      return switch (request.getMethod().toUpperCase()) {
        case "GET" -> path.isWatch() ? super.dispatch(request) : read(request, path, resource);
        case "POST", "PUT", "PATCH" -> write(request, path, resource);
        case "DELETE" -> path.param("dryRun").isPresent() ? dryRunRefused() : super.dispatch(request);
        default -> super.dispatch(request);
      };
    } catch (IllegalArgumentException e) {
      return ApiStatus.failure(400, "BadRequest", e.getMessage());
    }
  }

  private MockResponse read(RecordedRequest request, ApiPath path, Optional<ApiResource> resource) {
    if (path.path().equals("/openapi/v2") && Objects.toString(request.getHeader("Accept"), "").contains("protobuf")) {
      return new MockResponse().setResponseCode(200).setHeader("Content-Type", OpenApiV2Protobuf.CONTENT_TYPE)
          .setBody(OpenApiV2Protobuf.encode(openApi.document("/openapi/v2").orElseThrow()));
    }
    Optional<ObjectNode> document = nonResource(path.path());
    if (document.isPresent()) {
      return ApiStatus.json(200, document.get());
    }
    if (HEALTH.contains(path.path())) {
      return new MockResponse().setResponseCode(200).setHeader("Content-Type", "text/plain").setBody("ok");
    }
    if (resource.isEmpty()) {
      // A kind this API does not describe is still stored as the mock stores anything; other paths do not exist.
      return path.isResource() ? super.dispatch(request)
          : ApiStatus.failure(404, "NotFound", "the server could not find the requested resource");
    }
    ApiResource type = resource.get();
    // The mock matches field selectors against its own index only (nested fields never match): filter here.
    MockResponse response = super.dispatch(path.param("fieldSelector").isEmpty() ? request
        : copy(request, "GET", withoutQuery(request.getPath(), "fieldSelector"), "application/json", ""));
    if (response.code() == 404 && path.name() != null) {
      return ApiStatus.notFound(type, path.name());
    }
    if (response.code() != 200) {
      return response;
    }
    JsonNode body = Json.read(response.getBody().readUtf8());
    if (path.name() == null && body.has("items")) {
      body = typedList(type, body, path.param("fieldSelector").map(FieldSelector::parse));
    }
    if (TableView.wanted(request.getHeader("Accept"))) {
      return ApiStatus.json(200, tables.of(type, body, path.param("includeObject").orElse(""), true))
          .setHeader("Content-Type", TableView.CONTENT_TYPE);
    }
    return ApiStatus.json(200, body);
  }

  private Optional<ObjectNode> nonResource(String path) {
    if (path.equals("/version") || path.equals("/version/")) {
      return Optional.of(Versions.document());
    }
    return path.startsWith("/openapi/") ? openApi.document(path) : discovery.document(path);
  }

  /** The mock's untyped list, as a real server answers: {@code ConohaServerList}, filtered by the field selector. */
  private static JsonNode typedList(ApiResource type, JsonNode list, Optional<FieldSelector> selector) {
    ObjectNode typed = ((ObjectNode) list).put("kind", type.kind() + "List").put("apiVersion", type.groupVersion());
    if (selector.isPresent()) {
      ArrayNode kept = Json.MAPPER.createArrayNode();
      list.path("items").forEach(item -> {
        if (selector.get().matches(item)) {
          kept.add(item);
        }
      });
      typed.set("items", kept);
    }
    return typed;
  }

  private MockResponse write(RecordedRequest original, ApiPath path, Optional<ApiResource> resource) {
    if (path.param("dryRun").isPresent()) {
      return dryRunRefused();
    }
    RecordedRequest request = Objects.toString(original.getHeader("Content-Type"), "")
        .startsWith(ProtobufBodies.CONTENT_TYPE) ? copy(original, original.getMethod(), original.getPath(),
        "application/json", ProtobufBodies.toJson(original.getBody().getBytes())) : original;
    String contentType = Objects.toString(request.getHeader("Content-Type"), "");
    if (contentType.startsWith(APPLY_PATCH)) {
      return ApiStatus.failure(415, "UnsupportedMediaType", "server-side apply is not supported by the embedded"
          + " Kubernetes API: use client-side apply (kubectl apply without --server-side)");
    }
    if (request.getMethod().equalsIgnoreCase("PATCH") && contentType.startsWith(STRATEGIC_PATCH)) {
      if (resource.isPresent() && resource.get().isCustom()) {
        return ApiStatus.failure(415, "UnsupportedMediaType", "strategic merge patch is not supported for custom"
            + " resources: use --type merge or --type json");
      }
      return strategicAsMerge(request);
    }
    if (resource.isPresent() && resource.get().isCustom()) {
      synchronized (writes) {
        return admitted(request, path, resource.get(), contentType);
      }
    }
    if (resource.isPresent() && resource.get().kind().equals("Secret") && !request.getMethod().equals("PATCH")) {
      return super.dispatch(copy(request, request.getMethod(), request.getPath(), contentType,
          SecretData.encodeStringData(request.getUtf8Body())));
    }
    return super.dispatch(request);
  }

  /**
   * A strategic merge patch of a built-in kind without lists or {@code $} directives means the same as a JSON
   * merge patch (what {@code kubectl apply} of a Secret sends); anything else is refused rather than guessed.
   */
  private MockResponse strategicAsMerge(RecordedRequest request) {
    String body = request.getUtf8Body();
    JsonNode patch = Json.read(body);
    if (hasListOrDirective(patch)) {
      return ApiStatus.failure(415, "UnsupportedMediaType", "the embedded Kubernetes API applies a strategic merge"
          + " patch only when it has no lists and no $-directives: use --type merge or --type json");
    }
    return super.dispatch(copy(request, "PATCH", request.getPath(), MERGE_PATCH, body));
  }

  private static boolean hasListOrDirective(JsonNode node) {
    if (node.isArray()) {
      return true;
    }
    List<String> names = new ArrayList<>();
    node.fieldNames().forEachRemaining(names::add);
    if (names.stream().anyMatch(n -> n.startsWith("$"))) {
      return true;
    }
    for (JsonNode child : node) {
      if (hasListOrDirective(child)) {
        return true;
      }
    }
    return false;
  }

  private MockResponse admitted(RecordedRequest request, ApiPath path, ApiResource type, String contentType) {
    String method = request.getMethod().toUpperCase();
    JsonNode stored = "POST".equals(method) ? null : stored(path);
    JsonNode candidate;
    if ("PATCH".equals(method)) {
      if (stored == null) {
        return ApiStatus.notFound(type, path.name());
      }
      candidate = patched(stored, request.getUtf8Body(), contentType);
    } else {
      candidate = Json.read(request.getUtf8Body());
    }
    if (!(candidate instanceof ObjectNode object)) {
      return ApiStatus.failure(400, "BadRequest", "the body must be a JSON object");
    }
    String expectedVersion = object.path("metadata").path("resourceVersion").asText("");
    if (stored != null && !expectedVersion.isEmpty()
        && !expectedVersion.equals(stored.path("metadata").path("resourceVersion").asText())) {
      return ApiStatus.failure(409, "Conflict", "Operation cannot be fulfilled on " + type.qualifiedName() + " \""
          + path.name() + "\": the object has been modified; please apply your changes to the latest version and"
          + " try again");
    }
    if ("status".equals(path.subresource()) && stored != null) {
      // Only status changes through /status; admit the whole object as it will be stored.
      object.set("spec", stored.path("spec"));
    }
    Admission.Outcome outcome = admission.admit(type, object, stored);
    String name = object.path("metadata").path("name").asText(path.name());
    String validation = path.param("fieldValidation").orElse("");
    if (!outcome.unknownFields().isEmpty() && "Strict".equals(validation)) {
      return ApiStatus.failure(400, "BadRequest", type.kind() + " in version \"" + type.version()
          + "\" cannot be handled as a " + type.kind() + ": strict decoding error: " + String.join(", ",
          outcome.unknownFields().stream().map(f -> "unknown field \"" + f + "\"").toList()));
    }
    if (!outcome.causes().isEmpty() && refuseInvalid) {
      return ApiStatus.invalid(type, name, outcome.causes());
    }
    String newMethod = "PATCH".equals(method) ? "PUT" : method;
    MockResponse response = super.dispatch(copy(request, newMethod, request.getPath(), "application/json",
        Json.write(outcome.object())));
    if (!"Ignore".equals(validation)) {
      outcome.unknownFields().forEach(f -> response.addHeader("Warning", "299 - \"unknown field \\\"" + f + "\\\"\""));
    }
    return response;
  }

  private static JsonNode patched(JsonNode stored, String patch, String contentType) {
    if (contentType.startsWith(JSON_PATCH)) {
      try {
        return JsonPatch.apply(Json.read(patch), stored.deepCopy());
      } catch (JsonPatchException e) {
        throw new IllegalArgumentException("the JSON patch does not apply: " + e.getMessage(), e);
      }
    }
    if (contentType.startsWith(MERGE_PATCH)) {
      return mergePatch(stored.deepCopy(), Json.read(patch));
    }
    throw new IllegalArgumentException("unsupported patch type " + contentType
        + ": use application/merge-patch+json or application/json-patch+json");
  }

  private JsonNode stored(ApiPath path) {
    String objectPath = path.path().replaceAll("/status/?$", "");
    MockResponse current = handleGet(objectPath);
    return current.code() == 200 && current.getBody() != null ? Json.read(current.getBody().readUtf8()) : null;
  }

  private static String withoutQuery(String rawPath, String param) {
    int q = rawPath.indexOf('?');
    if (q < 0) {
      return rawPath;
    }
    String kept = String.join("&", java.util.Arrays.stream(rawPath.substring(q + 1).split("&"))
        .filter(p -> !p.startsWith(param + "=")).toList());
    return rawPath.substring(0, q) + (kept.isEmpty() ? "" : "?" + kept);
  }

  private static RecordedRequest copy(RecordedRequest request, String method, String path, String contentType,
      String body) {
    var headers = request.getHeaders().newBuilder().set("Content-Type", contentType).removeAll("Content-Length")
        .build();
    return new RecordedRequest(request.getHttpVersion(), HttpMethod.valueOf(method), path, headers,
        new Buffer(body.getBytes(java.nio.charset.StandardCharsets.UTF_8)));
  }

  private static MockResponse dryRunRefused() {
    return ApiStatus.failure(400, "BadRequest", "dry runs are not supported by the embedded Kubernetes API: the"
        + " request was not carried out");
  }

  @Override
  public MockResponse handleCreate(RecordedRequest request) {
    if (request.getPath().contains("/selfsubjectrulesreviews")) {
      return new MockResponse().setResponseCode(201).setBody("""
          {"apiVersion":"authorization.k8s.io/v1","kind":"SelfSubjectRulesReview","metadata":{},"spec":{},
           "status":{"incomplete":false,"nonResourceRules":[],
             "resourceRules":[{"apiGroups":["*"],"resources":["*"],"verbs":["*"]}]}}""");
    }
    return super.handleCreate(request);
  }

  /** A read of one named object, from the index (the mock would match every stored object against it). */
  @Override
  public MockResponse handleGet(String path) {
    AttributeSet query = attributeExtractor.fromPath(path);
    if (ApiPath.parse(path).isWatch() || !IndexedObjects.named(query)) {
      return super.handleGet(path);
    }
    return objects.read(query).map(body -> new MockResponse().setResponseCode(200).setBody(body))
        .orElseGet(() -> new MockResponse().setResponseCode(404));
  }

  /** The object a create, patch or replace is about, from the index (the mock's handlers call this). */
  @Override
  public java.util.Map.Entry<AttributeSet, String> findResource(AttributeSet query) {
    return IndexedObjects.named(query) ? objects.find(query).orElse(null) : super.findResource(query);
  }

  @Override
  public MockResponse handlePatch(RecordedRequest request) {
    return withObjectBody(request.getPath(), () -> super.handlePatch(request));
  }

  @Override
  public MockResponse handleUpdate(RecordedRequest request) {
    return withObjectBody(request.getPath(), () -> super.handleUpdate(request));
  }

  @Override
  public void processEvent(String path, AttributeSet pathAttributes, AttributeSet oldAttributes,
      GenericKubernetesResource resource, String newState) {
    String existing = oldAttributes == null ? null : map.get(oldAttributes);
    super.processEvent(path, pathAttributes, oldAttributes, resource, newState);
    if (Objects.equals(existing, newState)) {
      return;
    }
    if (path.contains("/customresourcedefinitions")) {
      catalog.invalidate();
    }
    watches.publish(existing, newState);
  }

  /** RFC 7386 JSON merge patch. */
  @Override
  public JsonNode merge(JsonNode base, String patch) throws KubernetesCrudDispatcherException {
    try {
      return mergePatch(base.deepCopy(), Json.MAPPER.readTree(patch));
    } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
      throw new KubernetesCrudDispatcherException(e.getMessage(), 422);
    }
  }

  static JsonNode mergePatch(JsonNode target, JsonNode patch) {
    if (!patch.isObject()) {
      return patch;
    }
    ObjectNode result = target != null && target.isObject() ? (ObjectNode) target : Json.object();
    patch.fields().forEachRemaining(e -> {
      if (e.getValue().isNull()) {
        result.remove(e.getKey());
      } else {
        result.set(e.getKey(), mergePatch(result.get(e.getKey()), e.getValue()));
      }
    });
    return result;
  }

  /** Every stored CRD, read through the mock's own list (it holds its lock). */
  private List<JsonNode> storedCrds() {
    MockResponse list = handleGet("/apis/apiextensions.k8s.io/v1/customresourcedefinitions");
    List<JsonNode> crds = new ArrayList<>();
    if (list.code() == 200 && list.getBody() != null) {
      Json.read(list.getBody().readUtf8()).path("items").forEach(crds::add);
    }
    return crds;
  }

  /** The stored objects a list path names (for a watch's first events), filtered by its field selector. */
  List<JsonNode> list(String listPath, Optional<FieldSelector> selector) {
    MockResponse response = handleGet(listPath);
    List<JsonNode> items = new ArrayList<>();
    if (response.code() == 200 && response.getBody() != null) {
      Json.read(response.getBody().readUtf8()).path("items").forEach(item -> {
        if (selector.isEmpty() || selector.get().matches(item)) {
          items.add(item);
        }
      });
    }
    return items;
  }

  private MockResponse withObjectBody(String path, java.util.function.Supplier<MockResponse> call) {
    String before = storedJson(path);
    MockResponse response = call.get();
    boolean emptyBody = response.getBody() == null || response.getBody().size() == 0;
    if (response.code() >= 200 && response.code() < 300 && emptyBody && before != null) {
      response.setBody(withoutFinalizers(before));
    }
    return response;
  }

  private String storedJson(String path) {
    String objectPath = path.replaceAll("/status(\\?.*)?$", "").replaceAll("\\?.*$", "");
    MockResponse current = handleGet(objectPath);
    return current.code() == 200 && current.getBody() != null ? current.getBody().readUtf8() : null;
  }

  private static String withoutFinalizers(String json) {
    try {
      JsonNode node = Json.MAPPER.readTree(json);
      ((ObjectNode) node.get("metadata")).putArray("finalizers");
      return Json.MAPPER.writeValueAsString(node);
    } catch (Exception e) {
      return json;
    }
  }
}
