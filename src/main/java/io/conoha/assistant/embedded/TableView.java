package io.conoha.assistant.embedded;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.jayway.jsonpath.Configuration;
import com.jayway.jsonpath.JsonPath;
import com.jayway.jsonpath.Option;
import com.jayway.jsonpath.spi.json.JacksonJsonNodeJsonProvider;
import com.jayway.jsonpath.spi.mapper.JacksonMappingProvider;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/**
 * Server-side printing: turns an object or a list into the {@code meta.k8s.io/v1 Table} that {@code kubectl get}
 * asks for. A custom resource's columns are its CRD's {@code additionalPrinterColumns} (JSONPath), after Name;
 * built-in kinds get the columns kubectl users know.
 */
final class TableView {
  record Column(String name, String type, String description, int priority, Function<JsonNode, Object> value) {}

  private static final Configuration JSONPATH = Configuration.builder()
      .jsonProvider(new JacksonJsonNodeJsonProvider(Json.MAPPER)).mappingProvider(new JacksonMappingProvider(Json.MAPPER))
      .options(Option.SUPPRESS_EXCEPTIONS, Option.ALWAYS_RETURN_LIST).build();

  /** The media type a real API server answers a Table with. */
  static final String CONTENT_TYPE = "application/json;as=Table;v=v1;g=meta.k8s.io";

  private final Clock clock;

  TableView(Clock clock) {
    this.clock = clock;
  }

  /** Does this Accept header ask for a Table ({@code application/json;as=Table;v=v1;g=meta.k8s.io})? */
  static boolean wanted(String accept) {
    return accept != null && accept.contains("as=Table");
  }

  /** A Table of a list ({@code items}) or of one object; {@code includeObject} is None, Object or (default) metadata. */
  ObjectNode of(ApiResource resource, JsonNode listOrObject, String includeObject, boolean withColumns) {
    List<Column> columns = columns(resource);
    ObjectNode table = Json.object().put("kind", "Table").put("apiVersion", "meta.k8s.io/v1");
    ObjectNode metadata = table.putObject("metadata");
    JsonNode listMeta = listOrObject.path("metadata");
    if (listOrObject.has("items") && listMeta.has("resourceVersion")) {
      metadata.put("resourceVersion", listMeta.path("resourceVersion").asText());
    }
    ArrayNode definitions = table.putArray("columnDefinitions");
    if (withColumns) {
      columns.forEach(c -> definitions.addObject().put("name", c.name()).put("type", c.type())
          .put("format", c.name().equals("Name") ? "name" : "").put("description", c.description())
          .put("priority", c.priority()));
    }
    ArrayNode rows = table.putArray("rows");
    Iterable<JsonNode> objects = listOrObject.has("items") ? listOrObject.path("items") : List.of(listOrObject);
    for (JsonNode object : objects) {
      ObjectNode row = rows.addObject();
      ArrayNode cells = row.putArray("cells");
      columns.forEach(c -> cells.add(Json.MAPPER.valueToTree(c.value().apply(object))));
      if ("Object".equals(includeObject)) {
        row.set("object", object);
      } else if (!"None".equals(includeObject)) {
        ObjectNode partial = row.putObject("object").put("kind", "PartialObjectMetadata")
            .put("apiVersion", "meta.k8s.io/v1");
        partial.set("metadata", object.path("metadata"));
      }
    }
    return table;
  }

  private List<Column> columns(ApiResource resource) {
    List<Column> columns = new ArrayList<>();
    columns.add(new Column("Name", "string", "Name must be unique within a namespace.", 0,
        o -> o.path("metadata").path("name").asText()));
    if (resource.isCustom()) {
      JsonNode printer = resource.printerColumns();
      if (printer.isEmpty()) {
        columns.add(age());
      }
      for (JsonNode c : printer) {
        String type = c.path("type").asText("string");
        Function<JsonNode, Object> path = jsonPath(c.path("jsonPath").asText());
        columns.add(new Column(c.path("name").asText(), type, c.path("description").asText(),
            c.path("priority").asInt(0), "date".equals(type) ? o -> age(path.apply(o)) : path));
      }
    } else {
      columns.addAll(BUILT_IN_COLUMNS.getOrDefault(resource.kind(), List.of()));
      columns.add(age());
    }
    return columns;
  }

  private static final Map<String, List<Column>> BUILT_IN_COLUMNS = Map.of(
      "Secret", List.of(
          new Column("Type", "string", "The type of the secret", 0, o -> o.path("type").asText("Opaque")),
          new Column("Data", "string", "The number of entries in data", 0, o -> o.path("data").size())),
      "ConfigMap", List.of(
          new Column("Data", "string", "The number of entries in data", 0, o -> o.path("data").size())),
      "Namespace", List.of(
          new Column("Status", "string", "The status of the namespace", 0,
              o -> o.path("status").path("phase").asText("Active"))),
      "Event", List.of(
          new Column("Type", "string", "Normal or Warning", 0, o -> o.path("type").asText()),
          new Column("Reason", "string", "Why the event was emitted", 0, o -> o.path("reason").asText()),
          new Column("Object", "string", "The object the event is about", 0,
              o -> o.path("involvedObject").path("kind").asText().toLowerCase() + "/"
                  + o.path("involvedObject").path("name").asText()),
          new Column("Message", "string", "What happened", 0, o -> o.path("message").asText())));

  private Column age() {
    return new Column("Age", "string", "Time since the object was created.", 0,
        o -> age(o.path("metadata").path("creationTimestamp").asText(null)));
  }

  /** A date column shows how long ago, as kubectl shows creation times. */
  private String age(Object timestamp) {
    if (timestamp == null) {
      return "<unknown>";
    }
    try {
      String text = timestamp instanceof JsonNode n ? n.asText() : timestamp.toString();
      return HumanDuration.of(Duration.between(Instant.parse(text), clock.instant()));
    } catch (DateTimeParseException e) {
      return String.valueOf(timestamp);
    }
  }

  /** A CRD printer column's JSONPath ({@code .status.conditions[?(@.type=="Ready")].status}): its first result. */
  static Function<JsonNode, Object> jsonPath(String expression) {
    JsonPath path = JsonPath.compile("$" + expression);
    return object -> {
      JsonNode results = path.read(object, JSONPATH);
      if (results == null || results.isEmpty() || results.get(0).isNull()) {
        return null;
      }
      JsonNode first = results.get(0);
      return first.isValueNode() ? Json.MAPPER.convertValue(first, Object.class) : Json.write(first);
    };
  }
}
