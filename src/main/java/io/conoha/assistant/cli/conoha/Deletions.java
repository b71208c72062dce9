package io.conoha.assistant.cli.conoha;

import io.conoha.assistant.client.ConohaClient;
import io.conoha.assistant.client.error.ConohaException;
import io.conoha.assistant.client.model.Image;
import io.conoha.assistant.client.model.Server;
import io.conoha.assistant.client.model.Volume;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * What a delete or a cleanup deletes, in the only order that works: servers first; a volume a deleted server
 * used only once that server is gone (Cinder refuses to delete an attached volume), which is why the command
 * waits for those servers even without --wait; images last. One failure does not stop the rest; every object
 * gets a result, and the command then fails naming the first failure.
 */
final class Deletions {
  private static final class Entry {
    final String kind;
    final String id;
    final String name;
    final String reason;
    final String afterServer;
    String result;

    Entry(String kind, String id, String name, String reason, String afterServer, String result) {
      this.kind = kind;
      this.id = id;
      this.name = name;
      this.reason = reason;
      this.afterServer = afterServer;
      this.result = result;
    }

    boolean planned() {
      return result == null;
    }

    Deletion row() {
      return new Deletion(kind, id, name, reason, result);
    }
  }

  private final List<Entry> entries = new ArrayList<>();

  void server(Server server, String reason) {
    entries.add(new Entry("server", server.id(), server.nameTag(), reason, null, null));
  }

  /** {@code afterServer}: the id of a server in this plan that uses the volume, or null. */
  void volume(Volume volume, String reason, String afterServer) {
    entries.add(new Entry("volume", volume.id(), volume.name(), reason, afterServer, null));
  }

  void image(Image image, String reason) {
    entries.add(new Entry("image", image.id(), image.name(), reason, null, null));
  }

  /** Reported, not deleted. */
  void left(String kind, String id, String name, String reason, String result) {
    entries.add(new Entry(kind, id, name, reason, null, result));
  }

  boolean plans(String id) {
    return entries.stream().anyMatch(e -> e.planned() && e.id.equals(id));
  }

  List<Deletion> preview() {
    return entries.stream().map(e -> e.planned()
        ? new Deletion(e.kind, e.id, e.name, e.reason, Deletion.WOULD_DELETE) : e.row()).toList();
  }

  List<Deletion> run(ConohaContext c, WaitOptions wait) {
    List<Entry> planned = entries.stream().filter(Entry::planned).toList();
    deleteServers(c, wait, planned);
    deleteVolumes(c, wait, planned);
    of(planned, "image").forEach(i -> attempt(i, () -> c.client().images().deleteImage(i.id), Deletion.DELETED));
    return entries.stream().map(Entry::row).toList();
  }

  /** Asks for every server first, then waits for those a volume depends on (all of them with --wait). */
  private static void deleteServers(ConohaContext c, WaitOptions wait, List<Entry> planned) {
    ConohaClient client = c.client();
    List<Entry> servers = of(planned, "server");
    servers.forEach(s -> attempt(s, () -> client.compute().deleteServer(s.id), Deletion.DELETING));
    for (Entry server : servers) {
      List<String> volumes = planned.stream().filter(v -> server.id.equals(v.afterServer)).map(v -> v.id).toList();
      if (server.result.equals(Deletion.DELETING) && (wait.enabled() || !volumes.isEmpty())) {
        if (!volumes.isEmpty()) {
          c.note("waiting for server " + server.id + " to be deleted before deleting volume "
              + String.join(", ", volumes));
        }
        attempt(server, () -> ServerWaits.gone(wait.waiter(), client.compute(), server.id), Deletion.DELETED);
      }
    }
  }

  /** A volume whose server is gone may still be detaching: it is deleted once it is available. */
  private static void deleteVolumes(ConohaContext c, WaitOptions wait, List<Entry> planned) {
    ConohaClient client = c.client();
    for (Entry volume : of(planned, "volume")) {
      Entry server = planned.stream().filter(s -> s.id.equals(volume.afterServer)).findFirst().orElse(null);
      if (server != null && !server.result.startsWith(Deletion.DELETED)) {
        volume.result = "not deleted: server " + server.id + " was not deleted; conoha volume delete " + volume.id
            + " once it is gone";
        continue;
      }
      attempt(volume, () -> {
        if (server != null && ServerWaits.detached(wait.waiter(), client.volumes(), volume.id) == null) {
          throw ConohaException.notFound("volumes.get", "volume " + volume.id + " is gone");
        }
        client.volumes().deleteVolume(volume.id);
        if (wait.enabled()) {
          ServerWaits.volumeGone(wait.waiter(), client.volumes(), volume.id);
        }
      }, wait.enabled() ? Deletion.DELETED : Deletion.DELETING);
    }
  }

  private static List<Entry> of(List<Entry> planned, String kind) {
    return planned.stream().filter(e -> e.kind.equals(kind)).toList();
  }

  /** Prints the rows, then fails naming the first failure if there was one. */
  static void report(Printer<Deletion> out, List<Deletion> rows) {
    out.list(rows);
    List<Deletion> failed = rows.stream().filter(Deletion::failed).toList();
    if (!failed.isEmpty()) {
      Deletion first = failed.get(0);
      throw new CliFailure(failed.size() + " of " + rows.size() + " not deleted; " + first.kind() + " " + first.id()
          + ": " + first.result());
    }
  }

  private static void attempt(Entry entry, Runnable step, String success) {
    try {
      step.run();
      entry.result = success;
    } catch (ConohaException e) {
      entry.result = e.kind() == ConohaException.Kind.NOT_FOUND ? Deletion.DELETED + " (already gone)"
          : "failed: " + Objects.requireNonNullElse(e.getMessage(), e.kind().toString());
    }
  }
}
