package io.conoha.assistant.embedded;

import com.fasterxml.jackson.databind.JsonNode;
import com.google.protobuf.CodedOutputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Map;

/**
 * The OpenAPI v2 document in the protobuf form older kubectl versions (1.20 to 1.26, e.g. Debian's
 * kubernetes-client) insist on for {@code explain} and for validating {@code apply}: gnostic's
 * {@code openapi.v2.Document}. No Java library carries those messages, so the few this API needs (document, info,
 * definitions, schema, vendor extensions) are written here with protobuf's own encoder, field numbers as in gnostic's
 * OpenAPIv2.proto. Values that are free-form there (enum, default, extensions) travel as YAML text; JSON is YAML.
 */
final class OpenApiV2Protobuf {
  /** As kube-openapi answers (the request asks for "...spec.v2@v1.0+protobuf", which is no valid media type). */
  static final String CONTENT_TYPE = "application/com.github.proto-openapi.spec.v2.v1.0+protobuf";

  /** Schema keywords with a numeric field of their own (double unless listed as int64). */
  private static final Map<String, Integer> DOUBLES = Map.of("multipleOf", 6, "maximum", 7, "minimum", 9);
  private static final Map<String, Integer> INT64S = Map.of("maxLength", 11, "minLength", 12, "maxItems", 14,
      "minItems", 15, "maxProperties", 17, "minProperties", 18);
  private static final Map<String, Integer> BOOLS = Map.of("exclusiveMaximum", 8, "exclusiveMinimum", 10,
      "uniqueItems", 16, "readOnly", 27);
  private static final Map<String, Integer> STRINGS = Map.of("$ref", 1, "format", 2, "title", 3, "description", 4,
      "pattern", 13, "discriminator", 26);

  private OpenApiV2Protobuf() {}

  static byte[] encode(JsonNode document) {
    Message doc = new Message();
    doc.string(1, document.path("swagger").asText("2.0"));
    Message info = new Message();
    info.string(1, document.path("info").path("title").asText());
    info.string(2, document.path("info").path("version").asText());
    doc.message(2, info);
    doc.message(8, new Message());
    Message definitions = new Message();
    document.path("definitions").fields().forEachRemaining(d -> definitions.message(1, named(d.getKey(),
        schema(d.getValue()))));
    doc.message(9, definitions);
    return doc.bytes();
  }

  private static Message schema(JsonNode schema) {
    Message m = new Message();
    schema.fields().forEachRemaining(field -> {
      String key = field.getKey();
      JsonNode value = field.getValue();
      if (STRINGS.containsKey(key)) {
        m.string(STRINGS.get(key), value.asText());
      } else if (DOUBLES.containsKey(key)) {
        m.doubleValue(DOUBLES.get(key), value.asDouble());
      } else if (INT64S.containsKey(key)) {
        m.int64(INT64S.get(key), value.asLong());
      } else if (BOOLS.containsKey(key)) {
        m.bool(BOOLS.get(key), value.asBoolean());
      } else if (key.equals("default")) {
        m.message(5, any(value));
      } else if (key.equals("required")) {
        value.forEach(r -> m.string(19, r.asText()));
      } else if (key.equals("enum")) {
        value.forEach(e -> m.message(20, any(e)));
      } else if (key.equals("additionalProperties")) {
        Message item = new Message();
        if (value.isBoolean()) {
          item.bool(2, value.asBoolean());
        } else {
          item.message(1, schema(value));
        }
        m.message(21, item);
      } else if (key.equals("type")) {
        Message type = new Message();
        type.string(1, value.asText());
        m.message(22, type);
      } else if (key.equals("items")) {
        Message items = new Message();
        items.message(1, schema(value));
        m.message(23, items);
      } else if (key.equals("allOf")) {
        value.forEach(s -> m.message(24, schema(s)));
      } else if (key.equals("properties")) {
        Message properties = new Message();
        value.fields().forEachRemaining(p -> properties.message(1, named(p.getKey(), schema(p.getValue()))));
        m.message(25, properties);
      } else if (key.startsWith("x-")) {
        m.message(31, named(key, any(value)));
      }
    });
    return m;
  }

  private static Message any(JsonNode value) {
    Message any = new Message();
    any.string(2, value.isTextual() ? value.asText() : Json.write(value));
    return any;
  }

  private static Message named(String name, Message value) {
    Message named = new Message();
    named.string(1, name);
    named.message(2, value);
    return named;
  }

  /** One message being written: fields in the order given. */
  private static final class Message {
    private final ByteArrayOutputStream buffer = new ByteArrayOutputStream();
    private final CodedOutputStream out = CodedOutputStream.newInstance(buffer);

    void string(int field, String value) {
      write(() -> out.writeString(field, value));
    }

    void doubleValue(int field, double value) {
      write(() -> out.writeDouble(field, value));
    }

    void int64(int field, long value) {
      write(() -> out.writeInt64(field, value));
    }

    void bool(int field, boolean value) {
      write(() -> out.writeBool(field, value));
    }

    void message(int field, Message value) {
      byte[] bytes = value.bytes();
      write(() -> out.writeByteArray(field, bytes));
    }

    byte[] bytes() {
      write(out::flush);
      return buffer.toByteArray();
    }

    private interface Write {
      void run() throws IOException;
    }

    private void write(Write write) {
      try {
        write.run();
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    }
  }
}
