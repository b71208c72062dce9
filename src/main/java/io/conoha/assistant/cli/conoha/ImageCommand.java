package io.conoha.assistant.cli.conoha;

import io.conoha.assistant.client.model.Image;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;

/** {@code conoha image show|delete ID}: an image by id, or by name when the name is unique. */
@Command(name = "image", description = "Show or delete one image (by id, or by a unique name).")
public final class ImageCommand extends CommandGroup {
  @Command(name = "show", description = "Show an image.")
  int show(@Parameters(paramLabel = "ID", description = "Image id or unique name.") String id) {
    return CliRun.execute(spec, c -> c.print(Views.image(c.client().images().findImage(id))));
  }

  @Command(name = "delete", description = "Delete an image.")
  int delete(@Parameters(paramLabel = "ID", description = "Image id or unique name.") String id) {
    return CliRun.execute(spec, c -> {
      Image image = c.client().images().findImage(id);
      c.client().images().deleteImage(image.id());
      c.print(Views.done("deleted", "image", image.id()));
    });
  }
}
