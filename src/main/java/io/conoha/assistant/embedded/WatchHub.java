package io.conoha.assistant.embedded;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArraySet;
import java.util.function.Consumer;

/**
 * The watches served over HTTP (one JSON event per line, as kubectl and client-go read them; the mock itself only
 * serves watches over WebSocket). Every stored change is published here and sent to the watches it matches.
 */
final class WatchHub {
  /** One open watch: what it selects and where its events go. */
  final class Watch implements AutoCloseable {
    private final ApiResource type;
    private final ApiPath path;
    private final Optional<FieldSelector> fields;
    private final Optional<LabelSelector> labels;
    private final boolean table;
    private final Consumer<String> sink;
    private boolean columnsSent;

    private Watch(ApiResource type, ApiPath path, boolean table, Consumer<String> sink) {
      this.type = type;
      this.path = path;
      this.table = table;
      this.sink = sink;
      this.fields = path.param("fieldSelector").map(FieldSelector::parse);
      this.labels = path.param("labelSelector").map(LabelSelector::parse);
    }

    boolean selects(JsonNode object) {
      JsonNode meta = object.path("metadata");
      return object.path("kind").asText().equals(type.kind())
          && group(object.path("apiVersion").asText()).equals(type.group())
          && (path.namespace() == null || path.namespace().equals(meta.path("namespace").asText()))
          && (path.name() == null || path.name().equals(meta.path("name").asText()))
          && fields.map(f -> f.matches(object)).orElse(true)
          && labels.map(l -> l.matches(object)).orElse(true);
    }

    synchronized void send(String eventType, JsonNode object) {
      JsonNode shown = object;
      if (table) {
        shown = tables.of(type, object, path.param("includeObject").orElse(""), !columnsSent);
        columnsSent = true;
      }
      ObjectNode event = Json.object().put("type", eventType);
      event.set("object", shown);
      sink.accept(Json.write(event) + "\n");
    }

    @Override
    public void close() {
      open.remove(this);
    }
  }

  /** A change as published, with the resourceVersion it happened at. */
  private record Change(long version, JsonNode old, JsonNode now) {}

  /** How many recent changes a watch from a resourceVersion can catch up on (kubectl get -w, kubectl wait). */
  private static final int HISTORY = 2000;

  private final Set<Watch> open = new CopyOnWriteArraySet<>();
  private final java.util.ArrayDeque<Change> history = new java.util.ArrayDeque<>();
  private long lastVersion;
  private final RealisticCrudDispatcher store;
  private final TableView tables;

  WatchHub(RealisticCrudDispatcher store) {
    this.store = store;
    this.tables = store.tables();
  }

  /**
   * Opens a watch. Without a resourceVersion (or with "0") it starts with an ADDED event per current object, as
   * a real API server does; with one, the changes after that version follow (the last {@value #HISTORY} are kept).
   */
  Watch open(ApiResource type, ApiPath path, boolean table, Consumer<String> sink) {
    Watch watch = new Watch(type, path, table, sink);
    String version = path.param("resourceVersion").orElse("0");
    if (!version.equals("0")) {
      long from = parseVersion(version);
      synchronized (this) {
        // What changed between the client's list and this watch is sent first, as from a real API server.
        history.stream().filter(c -> c.version() > from).forEach(c -> deliver(watch, c));
        open.add(watch);
      }
      return watch;
    }
    open.add(watch);
    String listPath = path.path() + path.param("labelSelector").map(l -> "?labelSelector="
        + java.net.URLEncoder.encode(l, java.nio.charset.StandardCharsets.UTF_8)).orElse("");
    List<JsonNode> current = store.list(listPath, Optional.empty());
    current.stream().filter(watch::selects).forEach(o -> watch.send("ADDED", o));
    return watch;
  }

  synchronized void publish(String before, String after) {
    JsonNode old = before == null ? null : Json.read(before);
    JsonNode now = after == null ? null : Json.read(after);
    if (now != null) {
      lastVersion = Math.max(lastVersion, parseVersion(now.path("metadata").path("resourceVersion").asText("0")));
    }
    Change change = new Change(lastVersion, old, now); // a deletion counts as the latest change
    history.addLast(change);
    if (history.size() > HISTORY) {
      history.removeFirst();
    }
    open.forEach(watch -> deliver(watch, change));
  }

  private static void deliver(Watch watch, Change change) {
    boolean wasSelected = change.old() != null && watch.selects(change.old());
    boolean isSelected = change.now() != null && watch.selects(change.now());
    if (wasSelected && isSelected) {
      watch.send("MODIFIED", change.now());
    } else if (wasSelected) {
      watch.send("DELETED", change.old());
    } else if (isSelected) {
      watch.send("ADDED", change.now());
    }
  }

  private static long parseVersion(String version) {
    try {
      return Long.parseLong(version);
    } catch (NumberFormatException e) {
      throw new IllegalArgumentException("resourceVersion \"" + version + "\" is not one this API server issued");
    }
  }

  private static String group(String apiVersion) {
    int slash = apiVersion.indexOf('/');
    return slash < 0 ? "" : apiVersion.substring(0, slash);
  }
}
