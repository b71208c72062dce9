package io.conoha.assistant.embedded;

import com.fasterxml.jackson.databind.node.ObjectNode;
import com.google.protobuf.InvalidProtocolBufferException;
import com.google.protobuf.Message;
import com.google.protobuf.util.JsonFormat;
import io.kubernetes.client.proto.Runtime;
import io.kubernetes.client.proto.V1;
import java.util.Arrays;
import java.util.Map;

/**
 * Reads the protobuf bodies kubectl sends for built-in kinds ({@code kubectl create secret generic} posts
 * {@code application/vnd.kubernetes.protobuf}): the {@code k8s\0} envelope, then the kind's own message, turned into
 * the JSON the store keeps. Answers stay JSON, which clients accept.
 */
final class ProtobufBodies {
  static final String CONTENT_TYPE = "application/vnd.kubernetes.protobuf";
  private static final byte[] MAGIC = {'k', '8', 's', 0};

  private interface Parser {
    Message parse(com.google.protobuf.ByteString raw) throws InvalidProtocolBufferException;
  }

  private static final Map<String, Parser> KINDS = Map.of(
      "Secret", V1.Secret::parseFrom,
      "ConfigMap", V1.ConfigMap::parseFrom,
      "Namespace", V1.Namespace::parseFrom,
      "ServiceAccount", V1.ServiceAccount::parseFrom);

  /** Kubernetes Time messages ({seconds, nanos}) that JSON carries as RFC 3339 strings. */
  private static final java.util.List<String> TIME_FIELDS = java.util.List.of("creationTimestamp", "deletionTimestamp");

  private ProtobufBodies() {}

  private static void asTimestamp(ObjectNode metadata, String field) {
    com.fasterxml.jackson.databind.JsonNode time = metadata.path(field);
    if (time.isObject()) {
      if (time.has("seconds")) {
        metadata.put(field, java.time.Instant.ofEpochSecond(time.path("seconds").asLong()).toString());
      } else {
        metadata.remove(field);
      }
    }
  }

  static String toJson(byte[] body) {
    if (body.length < MAGIC.length || !Arrays.equals(Arrays.copyOf(body, MAGIC.length), MAGIC)) {
      throw new IllegalArgumentException("a protobuf body must start with the k8s envelope");
    }
    try {
      Runtime.Unknown unknown = Runtime.Unknown.parseFrom(Arrays.copyOfRange(body, MAGIC.length, body.length));
      String kind = unknown.getTypeMeta().getKind();
      Parser parser = KINDS.get(kind);
      if (parser == null) {
        throw new IllegalArgumentException("the embedded Kubernetes API reads protobuf only for " + KINDS.keySet()
            + ", not " + kind + ": send JSON");
      }
      ObjectNode json = (ObjectNode) Json.read(JsonFormat.printer().print(parser.parse(unknown.getRaw())));
      json.put("apiVersion", unknown.getTypeMeta().getApiVersion()).put("kind", kind);
      if (json.path("metadata") instanceof ObjectNode metadata) {
        TIME_FIELDS.forEach(f -> asTimestamp(metadata, f));
      }
      return Json.write(json);
    } catch (InvalidProtocolBufferException e) {
      throw new IllegalArgumentException("unreadable protobuf body: " + e.getMessage(), e);
    }
  }
}
