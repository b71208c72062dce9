package io.conoha.assistant.cli.conoha;

import io.conoha.assistant.client.model.Volume;
import java.util.List;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Parameters;

/** {@code conoha volume list|show|delete}: volumes by id or unique name. */
@Command(name = "volume", description = "List, show or delete volumes.")
public final class VolumeCommand extends CommandGroup {
  private static final String VOLUME = "Volume id, or a name only one volume has.";

  @Command(name = "list", description = "List volumes, with the server they are attached to and their source "
      + "image by name.")
  int list() {
    return list(spec);
  }

  /** Also `conoha volumes`. */
  public static int list(CommandSpec spec) {
    return CliRun.execute(spec, Schemas.VOLUME, (c, out) -> out.list(c.client().volumes().listVolumes()));
  }

  @Command(name = "show", description = "Show one volume: every column, including its metadata.")
  int show(@Parameters(paramLabel = "NAME_OR_ID", description = VOLUME) String volume) {
    return CliRun.execute(spec, Schemas.VOLUME, (c, out) -> out.show(c.client().volumes().findVolume(volume)));
  }

  @Command(name = "delete", description = "Delete volumes that no server uses (a server's boot volume goes with "
      + "conoha server delete). Prints one row per volume.")
  int delete(@Parameters(paramLabel = "NAME_OR_ID", arity = "1..*", description = VOLUME) List<String> volumes,
      @Mixin WaitOptions wait) {
    return CliRun.execute(spec, Schemas.DELETION, (c, out) -> {
      Deletions plan = new Deletions();
      for (String name : volumes) {
        Volume volume = c.client().volumes().findVolume(name);
        if (!volume.attachedServerIds().isEmpty()) {
          String server = volume.attachedServerIds().get(0);
          throw new CliFailure("volume " + volume.id() + " is attached to server " + server + " ("
              + c.names().serverNameTag(server) + "); nothing was deleted. Delete the server and this volume "
              + "together with: conoha server delete " + server);
        }
        plan.volume(volume, "requested", null);
      }
      Deletions.report(out, plan.run(c, wait));
    });
  }
}
