package io.conoha.assistant.cli.conoha;

import io.conoha.assistant.client.model.Image;
import io.conoha.assistant.client.model.ImageQuery;
import io.conoha.assistant.client.model.Server;
import io.conoha.assistant.client.model.ServerStatus;
import io.conoha.assistant.client.model.Volume;
import io.conoha.assistant.operator.Tags;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code conoha cleanup --tag KEY[=VALUE]... [--dry-run]}: deletes what a crashed script or test left behind,
 * found by its tags, so nothing stays billed.
 */
@Command(name = "cleanup",
    description = {
        "Delete the servers, volumes and images that carry every --tag (servers and volumes: metadata; images: "
            + "properties), and the boot volume of each such server. Prints one row per object.",
        "The operator tags what it creates with " + Tags.OWNER + "=<uid of the ConohaServer or ConohaImage> and "
            + Tags.RESOURCE + "=<namespace>.<name>; conoha server create --tag KEY=VALUE tags a server and its "
            + "boot volume. Images saved from a boot volume carry no tags (ConoHa's volume upload takes none).",
        "Skipped and reported: servers with the control panel's delete lock (" + Tags.DELETE_LOCK + "), and "
            + "volumes attached to a server that is not deleted."})
public final class CleanupCommand implements Callable<Integer> {
  @Spec
  private CommandSpec spec;

  @Option(names = "--tag", paramLabel = "KEY[=VALUE]", required = true, converter = TagMatch.Converter.class,
      description = "KEY=VALUE matches that exact value, a bare KEY any value; repeatable: an object must match "
          + "every --tag. Example: --tag " + Tags.RESOURCE + "=default.web")
  private List<TagMatch> tags;

  @Option(names = "--dry-run", description = "Only list what would be deleted (result: would delete).")
  private boolean dryRun;

  @Mixin
  private WaitOptions wait;

  @Override
  public Integer call() {
    return CliRun.execute(spec, Schemas.DELETION, (c, out) -> {
      Deletions plan = plan(c);
      if (plan.preview().isEmpty()) {
        c.note("nothing carries " + String.join(" and ", tags.stream().map(TagMatch::toString).toList()));
      }
      Deletions.report(out, dryRun ? plan.preview() : plan.run(c, wait));
    });
  }

  private Deletions plan(ConohaContext c) {
    Deletions plan = new Deletions();
    for (Server server : c.client().compute().listServers()) {
      if (server.status() == ServerStatus.DELETED || !matches(server.metadata())) {
        continue;
      }
      if ("true".equalsIgnoreCase(server.metadata().get(Tags.DELETE_LOCK))) {
        plan.left("server", server.id(), server.nameTag(), "tagged", "skipped: delete-locked (" + Tags.DELETE_LOCK
            + ")");
        continue;
      }
      plan.server(server, "tagged");
      c.names().bootVolume(server).ifPresent(v -> plan.volume(v, "boot volume of server " + server.nameTag(),
          server.id()));
    }
    for (Volume volume : c.client().volumes().listVolumes()) {
      if (!matches(volume.metadata()) || plan.plans(volume.id())) {
        continue;
      }
      List<String> staying = volume.attachedServerIds().stream().filter(s -> !plan.plans(s)).toList();
      if (!staying.isEmpty()) {
        plan.left("volume", volume.id(), volume.name(), "tagged", "skipped: attached to server " + staying.get(0)
            + ", which stays");
      } else {
        plan.volume(volume, "tagged", volume.attachedServerIds().stream().findFirst().orElse(null));
      }
    }
    for (Image image : c.client().images().listImages(ImageQuery.all())) {
      if (matches(image.properties())) {
        plan.image(image, "tagged");
      }
    }
    return plan;
  }

  private boolean matches(Map<String, String> metadata) {
    return tags.stream().allMatch(t -> t.matches(metadata));
  }
}
