package io.conoha.assistant.cli.conoha;

import io.conoha.assistant.client.model.ImageQuery;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code conoha image list} (also {@code conoha images}, see {@link Images}). */
@Command(name = "list", description = "List images; all pages are followed.")
public class ImageListCommand implements Callable<Integer> {
  @Spec
  CommandSpec spec;

  @Option(names = "--name", description = "Only images with this exact name.")
  String name;

  @Option(names = "--visibility", description = "Only public (ConoHa's) or private (saved) images.")
  String visibility;

  @Option(names = "--status", description = "Only images with this status, e.g. active, queued, saving.")
  String status;

  @Override
  public Integer call() {
    return CliRun.execute(spec, Schemas.IMAGE, (c, out) ->
        out.list(c.client().images().listImages(new ImageQuery(name, visibility, status))));
  }

  /** The old spelling, {@code conoha images}. */
  @Command(name = "images", description = "List images (the same as conoha image list).")
  public static final class Images extends ImageListCommand {}
}
