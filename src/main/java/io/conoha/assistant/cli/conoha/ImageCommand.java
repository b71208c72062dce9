package io.conoha.assistant.cli.conoha;

import java.util.List;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;

/** {@code conoha image list|show|delete}: images by id, or by a name only one image has. */
@Command(name = "image", description = "List, show or delete images.")
public final class ImageCommand extends CommandGroup {
  private static final String IMAGE = "Image id, or a name only one image has.";

  @Command(name = "list", description = "List images; all pages are followed.")
  int list(@Mixin ImageFilter filter) {
    return list(spec, filter);
  }

  /** Also `conoha images`. */
  public static int list(CommandSpec spec, ImageFilter filter) {
    return CliRun.execute(spec, Schemas.IMAGE, (c, out) -> out.list(c.client().images().listImages(filter.query())));
  }

  @Command(name = "show", description = "Show one image: every column, including its properties.")
  int show(@Parameters(paramLabel = "NAME_OR_ID", description = IMAGE) String image) {
    return CliRun.execute(spec, Schemas.IMAGE, (c, out) -> out.show(c.client().images().findImage(image)));
  }

  @Command(name = "delete", description = "Delete images (Glance deletes at once). Prints one row per image.")
  int delete(@Parameters(paramLabel = "NAME_OR_ID", arity = "1..*", description = IMAGE) List<String> images) {
    return CliRun.execute(spec, Schemas.DELETION, (c, out) -> {
      Deletions plan = new Deletions();
      images.forEach(name -> plan.image(c.client().images().findImage(name), "requested"));
      Deletions.report(out, plan.run(c, WaitOptions.none()));
    });
  }
}
