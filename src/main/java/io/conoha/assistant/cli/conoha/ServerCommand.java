package io.conoha.assistant.cli.conoha;

import io.conoha.assistant.client.ConohaClient;
import io.conoha.assistant.client.DiskStrategy;
import io.conoha.assistant.client.model.Server;
import io.conoha.assistant.client.model.ServerStatus;
import io.conoha.assistant.client.model.Volume;
import java.util.List;
import java.util.Map;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code conoha server list|show|create|start|stop|delete|snapshot}: servers by id or unique name tag. */
@Command(name = "server", description = "List, show, create, start, stop, delete or snapshot servers.",
    subcommands = {ServerCreateCommand.class})
public final class ServerCommand extends CommandGroup {
  static final String SERVER = "Server id, or a name tag (or Nova name) only one server has.";

  @Command(name = "list", description = "List servers, with their flavor and image by name.")
  int list() {
    return list(spec);
  }

  /** Also `conoha servers`. */
  public static int list(CommandSpec spec) {
    return CliRun.execute(spec, Schemas.SERVER, (c, out) -> out.list(c.client().compute().listServers()));
  }

  @Command(name = "show", description = "Show one server: every column, including its boot volume and metadata.")
  int show(@Parameters(paramLabel = "NAME_OR_ID", description = SERVER) String server) {
    return CliRun.execute(spec, Schemas.SERVER, (c, out) -> out.show(c.client().compute().findServer(server)));
  }

  @Command(name = "start", description = "Start a stopped server; prints the server.")
  int start(@Parameters(paramLabel = "NAME_OR_ID", description = SERVER) String server, @Mixin WaitOptions wait) {
    return CliRun.execute(spec, Schemas.SERVER, (c, out) -> {
      String id = c.client().compute().findServer(server).id();
      c.client().compute().start(id);
      out.show(after(c, wait, id, ServerStatus.ACTIVE));
    });
  }

  @Command(name = "stop", description = "Stop a server (gracefully unless --force); prints the server.")
  int stop(@Parameters(paramLabel = "NAME_OR_ID", description = SERVER) String server,
      @Option(names = "--force", description = "Power off at once instead of a clean shutdown.") boolean force,
      @Mixin WaitOptions wait) {
    return CliRun.execute(spec, Schemas.SERVER, (c, out) -> {
      String id = c.client().compute().findServer(server).id();
      c.client().compute().stop(id, force);
      out.show(after(c, wait, id, ServerStatus.SHUTOFF));
    });
  }

  @Command(name = "delete", description = "Delete servers, and the boot volume of each (v3 disk-0 plans): ConoHa "
      + "keeps and bills a boot volume after its server is gone, so the command waits for the server, then deletes "
      + "the volume. Prints one row per object.")
  int delete(@Parameters(paramLabel = "NAME_OR_ID", arity = "1..*", description = SERVER) List<String> servers,
      @Option(names = "--keep-boot-volume", description = "Keep the boot volume. It stays billed until you delete "
          + "it (conoha volume delete ID).") boolean keepBootVolume,
      @Mixin WaitOptions wait) {
    return CliRun.execute(spec, Schemas.DELETION, (c, out) -> {
      Deletions plan = new Deletions();
      for (String name : servers) {
        Server server = c.client().compute().findServer(name);
        plan.server(server, "requested");
        Volume boot = c.names().bootVolume(server).orElse(null);
        String why = "boot volume of server " + server.nameTag();
        if (boot != null && keepBootVolume) {
          plan.left("volume", boot.id(), boot.name(), why, "kept, still billed");
          c.note("boot volume " + boot.id() + " (" + boot.sizeGB() + " GB) stays and is still billed; delete it with: "
              + "conoha volume delete " + boot.id());
        } else if (boot != null) {
          plan.volume(boot, why, server.id());
        }
        keepDataVolumes(c, plan, server, boot);
      }
      Deletions.report(out, plan.run(c, wait));
    });
  }

  @Command(name = "snapshot", description = "Save a stopped server as an image (volume upload or createImage, "
      + "as its disk requires; checks the image quota first).")
  int snapshot(@Parameters(paramLabel = "NAME_OR_ID", description = SERVER) String server,
      @Option(names = "--image-name", paramLabel = "NAME", required = true, description = "Name of the new image.") String imageName,
      @Mixin WaitOptions wait) {
    return CliRun.execute(spec, Schemas.SNAPSHOT, (c, out) -> {
      ConohaClient client = c.client();
      Server found = client.compute().findServer(server);
      if (!ServerWaits.isStopped(found)) {
        throw new CliFailure("server " + found.id() + " is " + found.status()
            + "; ConoHa saves only stopped servers (conoha server stop " + found.id() + " --wait)");
      }
      String imageId = DiskStrategy.forServer(found).startSave(client, found, imageName, Map.of());
      String status = wait.enabled()
          ? ServerWaits.active(wait.waiter(), client.images(), imageId).status().toString()
          : "saving";
      out.show(new Schemas.Snapshot(imageId, imageName, found.id(), status));
    });
  }

  /** Other volumes attached to the server are the user's data: they stay, and the command says they are billed. */
  private static void keepDataVolumes(ConohaContext c, Deletions plan, Server server, Volume boot) {
    server.attachedVolumeIds().stream().filter(id -> boot == null || !boot.id().equals(id)).forEach(id -> {
      Volume data = c.names().volume(id).orElse(null);
      plan.left("volume", id, data == null ? null : data.name(), "data volume of server " + server.nameTag(),
          "kept, still billed");
      c.note("volume " + id + " (attached data) is detached and stays, still billed; delete it with: "
          + "conoha volume delete " + id);
    });
  }

  /** With --wait the server as it ended up; without, as it is right after the request. */
  private static Server after(ConohaContext c, WaitOptions wait, String id, ServerStatus target) {
    return wait.enabled()
        ? ServerWaits.status(wait.waiter(), c.client().compute(), id, target)
        : c.client().compute().getServer(id);
  }
}
