package io.conoha.assistant.cli.conoha;

import io.conoha.assistant.client.ConohaClient;
import io.conoha.assistant.client.DiskStrategy;
import io.conoha.assistant.client.model.Flavor;
import io.conoha.assistant.client.model.Image;
import io.conoha.assistant.client.model.Server;
import io.conoha.assistant.client.model.ServerCreateRequest;
import io.conoha.assistant.client.model.ServerStatus;
import io.conoha.assistant.client.model.Volume;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code conoha server create}: the disk follows the plan. A disk-0 plan (v3 g2l-/g2w-) first gets a boot
 * volume made from the image, which must be available before the server is created; a plan with a disk boots
 * from the image directly.
 */
@Command(name = "create", description = "Create a server (a boot volume first on disk-0 plans).")
public final class ServerCreateCommand implements Callable<Integer> {
  @Spec
  private CommandSpec spec;

  @Option(names = "--name-tag", paramLabel = "NAME", required = true, description = "Display name (instance_name_tag).")
  private String nameTag;

  @Option(names = "--flavor", paramLabel = "PLAN", required = true, description = "Plan name or id, e.g. g2l-t-c2m1.")
  private String flavor;

  @Option(names = "--image", paramLabel = "IMAGE", required = true, description = "Image name or id, e.g. vmi-ubuntu-24.04-amd64.")
  private String image;

  @Option(names = "--admin-pass-file", paramLabel = "FILE",
      description = "File holding the root password (read from a file so it stays out of shell history).")
  private Path adminPassFile;

  @Option(names = "--key-name", paramLabel = "NAME", description = "SSH key pair name.")
  private String keyName;

  @Option(names = "--security-group", paramLabel = "NAME", description = "Security group; repeatable.")
  private List<String> securityGroups = new ArrayList<>();

  @Option(names = "--user-data-file", paramLabel = "FILE", description = "cloud-init user data (at most 16 KiB).")
  private Path userDataFile;

  @Option(names = "--boot-volume-size", paramLabel = "GB", description = "Boot volume size. Default: 30 on 512 MB plans, else 100.")
  private Integer bootVolumeSize;

  @Option(names = "--boot-volume-type", paramLabel = "TYPE", description = "Boot volume type; must be one the account offers. Default: chosen from the account's types by plan (c3j1-as01-boot or c3j1-ds02-boot on 512 MB plans, c3j1-ds02-boot otherwise).")
  private String bootVolumeType;

  @Option(names = "--tag", paramLabel = "KEY=VALUE", description = "Metadata on the server and its boot volume; "
      + "repeatable. conoha cleanup --tag KEY=VALUE finds and deletes them again.")
  private Map<String, String> tags = new LinkedHashMap<>();

  @Mixin
  private WaitOptions wait;

  @Override
  public Integer call() {
    return CliRun.execute(spec, Schemas.SERVER, this::create);
  }

  private void create(ConohaContext c, Printer<Server> out) throws IOException {
    ConohaClient client = c.client();
    Flavor plan = client.compute().findFlavor(flavor);
    Image source = client.images().findImage(image);
    DiskStrategy disk = DiskStrategy.forFlavor(plan);
    String bootVolumeId = disk.needsBootVolume() ? createBootVolume(c, disk, plan, source) : null;
    Map<String, String> metadata = new LinkedHashMap<>(tags);
    metadata.put("instance_name_tag", nameTag);
    String serverId = client.compute().createServer(new ServerCreateRequest(plan.id(),
        disk.needsBootVolume() ? null : source.id(), bootVolumeId, secretFile(adminPassFile), keyName,
        securityGroups, userDataFile == null ? null : Files.readString(userDataFile, StandardCharsets.UTF_8),
        metadata));
    out.show(wait.enabled()
        ? ServerWaits.status(wait.waiter(), client.compute(), serverId, ServerStatus.ACTIVE)
        : client.compute().getServer(serverId));
  }

  /** The boot volume must be available before a server can use it, so this waits even without --wait. */
  private String createBootVolume(ConohaContext c, DiskStrategy disk, Flavor plan, Image source) {
    Volume volume = c.client().volumes().createVolume(
        disk.bootVolume(plan, source.id(), bootVolumeSize, bootVolumeType, nameTag + "-boot", tags));
    c.note("boot volume " + volume.id() + " (" + volume.sizeGB() + " GB) created; waiting until it is available");
    return ServerWaits.available(wait.waiter(), c.client().volumes(), volume.id()).id();
  }

  /** A secret file's content without the trailing newline editors add. */
  private static String secretFile(Path file) throws IOException {
    return file == null ? null : Files.readString(file, StandardCharsets.UTF_8).replaceAll("[\r\n]+$", "");
  }
}
