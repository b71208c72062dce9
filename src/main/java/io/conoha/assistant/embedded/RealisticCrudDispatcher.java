package io.conoha.assistant.embedded;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.fabric8.kubernetes.client.server.mock.KubernetesCrudDispatcher;
import io.fabric8.kubernetes.client.server.mock.crud.KubernetesCrudDispatcherException;
import io.fabric8.mockwebserver.http.MockResponse;
import io.fabric8.mockwebserver.http.RecordedRequest;

/**
 * Fabric8's CRUD dispatcher, made to behave like a real API server where the operator depends on it:
 * <ul>
 *   <li>A JSON merge patch follows RFC 7386 (arrays are replaced, {@code null} removes a field); the stock one
 *       deep-merges with Jackson, so a patched list of conditions would grow forever.</li>
 *   <li>A SelfSubjectRulesReview (JOSDK asks one before leader election) is answered as a real API server does;
 *       this one has no RBAC, so everything is allowed.</li>
 *   <li>The request that removes the last finalizer of a deleting object answers with the object (finalizers
 *       cleared) instead of an empty body, which makes JOSDK 5.3 fail with an NPE after a cleanup.</li>
 * </ul>
 */
public final class RealisticCrudDispatcher extends KubernetesCrudDispatcher {
  private static final ObjectMapper MAPPER = new ObjectMapper();
  private final java.util.concurrent.atomic.LongAdder requests = new java.util.concurrent.atomic.LongAdder();
  private final java.util.Map<String, java.util.concurrent.atomic.LongAdder> byKind =
      new java.util.concurrent.ConcurrentHashMap<>();

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

  @Override
  public MockResponse dispatch(RecordedRequest request) {
    requests.increment();
    byKind.computeIfAbsent(RequestKind.of(request.getMethod(), request.getPath()),
        k -> new java.util.concurrent.atomic.LongAdder()).increment();
    return super.dispatch(request);
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

  @Override
  public MockResponse handlePatch(RecordedRequest request) {
    return withObjectBody(request.getPath(), () -> super.handlePatch(request));
  }

  @Override
  public MockResponse handleUpdate(RecordedRequest request) {
    return withObjectBody(request.getPath(), () -> super.handleUpdate(request));
  }

  /** RFC 7386 JSON merge patch. */
  @Override
  public JsonNode merge(JsonNode base, String patch) throws KubernetesCrudDispatcherException {
    try {
      return mergePatch(base.deepCopy(), MAPPER.readTree(patch));
    } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
      throw new KubernetesCrudDispatcherException(e.getMessage(), 422);
    }
  }

  static JsonNode mergePatch(JsonNode target, JsonNode patch) {
    if (!patch.isObject()) {
      return patch;
    }
    ObjectNode result = target != null && target.isObject() ? (ObjectNode) target : MAPPER.createObjectNode();
    patch.fields().forEachRemaining(e -> {
      if (e.getValue().isNull()) {
        result.remove(e.getKey());
      } else {
        result.set(e.getKey(), mergePatch(result.get(e.getKey()), e.getValue()));
      }
    });
    return result;
  }

  private MockResponse withObjectBody(String path, java.util.function.Supplier<MockResponse> call) {
    String before = stored(path);
    MockResponse response = call.get();
    boolean emptyBody = response.getBody() == null || response.getBody().size() == 0;
    if (response.code() >= 200 && response.code() < 300 && emptyBody && before != null) {
      response.setBody(withoutFinalizers(before));
    }
    return response;
  }

  private String stored(String path) {
    String objectPath = path.replaceAll("/status(\\?.*)?$", "").replaceAll("\\?.*$", "");
    MockResponse current = handleGet(objectPath);
    return current.code() == 200 && current.getBody() != null ? current.getBody().readUtf8() : null;
  }

  private static String withoutFinalizers(String json) {
    try {
      JsonNode node = MAPPER.readTree(json);
      ((ObjectNode) node.get("metadata")).putArray("finalizers");
      return MAPPER.writeValueAsString(node);
    } catch (Exception e) {
      return json;
    }
  }
}
