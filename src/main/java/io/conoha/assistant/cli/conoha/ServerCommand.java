package io.conoha.assistant.cli.conoha;

import io.conoha.assistant.client.ConohaClient;
import io.conoha.assistant.client.DiskStrategy;
import io.conoha.assistant.client.model.Server;
import io.conoha.assistant.client.model.ServerStatus;
import java.util.LinkedHashMap;
import java.util.Map;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code conoha server create|start|stop|delete|snapshot}. */
@Command(name = "server", description = "Create, start, stop, delete or snapshot one server.",
    subcommands = {ServerCreateCommand.class})
public final class ServerCommand extends CommandGroup {
  @Command(name = "start", description = "Start a stopped server.")
  int start(@Parameters(paramLabel = "ID") String id, @Mixin WaitOptions wait) {
    return CliRun.execute(spec, c -> {
      c.client().compute().start(id);
      finish(c, wait, id, "starting", ServerStatus.ACTIVE);
    });
  }

  @Command(name = "stop", description = "Stop a server (gracefully unless --force).")
  int stop(@Parameters(paramLabel = "ID") String id,
      @Option(names = "--force", description = "Power off at once instead of a clean shutdown.") boolean force,
      @Mixin WaitOptions wait) {
    return CliRun.execute(spec, c -> {
      c.client().compute().stop(id, force);
      finish(c, wait, id, "stopping", ServerStatus.SHUTOFF);
    });
  }

  @Command(name = "delete", description = "Delete a server. On v3 its boot volume stays; delete it separately.")
  int delete(@Parameters(paramLabel = "ID") String id, @Mixin WaitOptions wait) {
    return CliRun.execute(spec, c -> {
      c.client().compute().deleteServer(id);
      if (wait.enabled()) {
        ServerWaits.gone(wait.waiter(), c.client().compute(), id);
      }
      c.print(Views.done(wait.enabled() ? "deleted" : "deleting", "server", id));
    });
  }

  @Command(name = "snapshot", description = "Save a stopped server as an image (volume upload or createImage, "
      + "as its disk requires; checks the image quota first).")
  int snapshot(@Parameters(paramLabel = "ID") String id,
      @Option(names = "--image-name", required = true, description = "Name of the new image.") String imageName,
      @Mixin WaitOptions wait) {
    return CliRun.execute(spec, c -> {
      ConohaClient client = c.client();
      Server server = client.compute().getServer(id);
      if (!ServerWaits.isStopped(server)) {
        throw new IllegalStateException("server " + id + " is " + server.status()
            + "; ConoHa saves only stopped servers (conoha server stop " + id + " --wait)");
      }
      String imageId = DiskStrategy.forServer(server).startSave(client, server, imageName, Map.of());
      String status = wait.enabled()
          ? ServerWaits.active(wait.waiter(), client.images(), imageId).status().toString()
          : "saving";
      Map<String, Object> data = new LinkedHashMap<>();
      data.put("imageId", imageId);
      data.put("serverId", id);
      data.put("status", status);
      c.print(new View(data, Table.fields().row("Image", imageId).row("Status", status)));
    });
  }

  /** With --wait the server as it ended up; without, that the change is under way. */
  private static void finish(ConohaContext c, WaitOptions wait, String id, String underWay, ServerStatus target) {
    if (wait.enabled()) {
      c.print(Views.server(ServerWaits.status(wait.waiter(), c.client().compute(), id, target)));
    } else {
      c.print(Views.done(underWay, "server", id));
    }
  }
}
