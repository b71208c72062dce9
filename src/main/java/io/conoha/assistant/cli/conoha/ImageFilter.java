package io.conoha.assistant.cli.conoha;

import io.conoha.assistant.client.model.ImageQuery;
import picocli.CommandLine.Option;

/** The filters of {@code conoha image list} (and of its old spelling, {@code conoha images}). */
public final class ImageFilter {
  @Option(names = "--name", paramLabel = "NAME", description = "Only images with this exact name.")
  String name;

  @Option(names = "--visibility", paramLabel = "public|private", description = "Only public (ConoHa's) or private (saved) images.")
  String visibility;

  @Option(names = "--status", paramLabel = "STATUS", description = "Only images with this status, e.g. active, queued, saving.")
  String status;

  ImageQuery query() {
    return new ImageQuery(name, visibility, status);
  }
}
