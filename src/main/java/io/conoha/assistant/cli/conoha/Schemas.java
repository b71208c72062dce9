package io.conoha.assistant.cli.conoha;

import io.conoha.assistant.client.ConohaClient;
import io.conoha.assistant.client.model.Flavor;
import io.conoha.assistant.client.model.Image;
import io.conoha.assistant.client.model.Server;
import io.conoha.assistant.client.model.Volume;
import java.util.Optional;

/**
 * The columns of every kind of result. One naming rule: lower case with underscores, a name next to its id
 * ({@code flavor} and {@code flavor_id}), the unit in the name ({@code size_gb}, {@code ram_mb}). GB are
 * GiB (1024³ bytes) as OpenStack counts them, MB are MiB.
 */
public final class Schemas {
  private static final double GIB = 1024.0 * 1024 * 1024;

  public static final Columns<Server> SERVER = Columns.of("server",
      Column.of("id", Server::id),
      Column.of("name_tag", Server::nameTag),
      Column.of("status", Server::status),
      Column.of("task", Server::taskState),
      Column.<Server>lookedUp("flavor", (s, n) -> n.flavor(s.flavorId())),
      Column.<Server>of("flavor_id", Server::flavorId).detail(),
      Column.<Server>lookedUp("image", (s, n) -> n.image(n.imageIdOf(s))),
      Column.<Server>lookedUp("image_id", (s, n) -> n.imageIdOf(s)).detail(),
      Column.of("ipv4", Server::ipv4),
      Column.<Server>of("ipv6", Server::ipv6).detail(),
      Column.<Server>of("disk", s -> s.isVolumeBacked() ? "volume" : "local").detail(),
      Column.<Server>lookedUp("boot_volume_id", (s, n) -> n.bootVolume(s).map(Volume::id).orElse(null)).detail(),
      Column.<Server>of("volume_ids", Server::attachedVolumeIds).detail(),
      Column.<Server>of("metadata", Server::metadata).detail(),
      Column.<Server>of("created", Server::created).detail());

  public static final Columns<Volume> VOLUME = Columns.of("volume",
      Column.of("id", Volume::id),
      Column.of("name", Volume::name),
      Column.of("status", Volume::status),
      Column.of("size_gb", Volume::sizeGB),
      Column.of("type", Volume::volumeType),
      Column.of("bootable", Volume::bootable),
      Column.<Volume>lookedUp("server", (v, n) -> v.attachedServerIds().stream().map(n::serverNameTag).toList()),
      Column.<Volume>of("server_id", Volume::attachedServerIds).detail(),
      Column.<Volume>lookedUp("image", (v, n) -> n.image(v.sourceImageId())),
      Column.<Volume>of("image_id", Volume::sourceImageId).detail(),
      Column.<Volume>of("metadata", Volume::metadata).detail());

  public static final Columns<Image> IMAGE = Columns.of("image",
      Column.of("id", Image::id),
      Column.of("name", Image::name),
      Column.of("status", Image::status),
      Column.of("size_gb", i -> gb(i.sizeBytes())),
      Column.of("min_disk_gb", Image::minDiskGB),
      Column.of("visibility", Image::visibility),
      Column.of("created", Image::createdAt),
      Column.<Image>of("progress", Image::progress).detail(),
      Column.<Image>of("properties", Image::properties).detail());

  public static final Columns<Flavor> FLAVOR = Columns.of("flavor",
      Column.of("id", Flavor::id),
      Column.of("name", Flavor::name),
      Column.of("vcpus", Flavor::vcpus),
      Column.of("ram_mb", Flavor::ramMiB),
      Column.of("disk_gb", Flavor::diskGiB),
      Column.of("boots_from", f -> f.needsBootVolume() ? "volume" : "local disk"));

  public static final Columns<ConohaClient> CHECK = Columns.of("check",
      Column.of("generation", ConohaClient::generation),
      Column.of("identity_url", c -> c.credentials().identityUrl()),
      Column.of("project_id", c -> c.identity().token().projectId()),
      Column.of("token_expires", c -> c.identity().token().expiresAt()),
      Column.of("compute_url", c -> c.identity().endpoints().compute()),
      Column.of("image_url", c -> c.identity().endpoints().image()),
      Column.of("volume_url", c -> c.identity().endpoints().volume()),
      Column.of("network_url", c -> c.identity().endpoints().network()),
      Column.of("name_required", c -> finding(c.capabilities().nameRequired(), "at the first server create")),
      Column.of("volume_types", c -> c.probe().volumeTypes().map(t -> t.isEmpty() ? "none offered" : String.join(", ", t))
          .orElse(c.identity().endpoints().volume() == null ? "none (no volume service)"
              : "unknown (the list could not be read)")),
      Column.of("custom_metadata", c -> finding(c.capabilities().customMetadataKept(), "after the first server create")),
      Column.of("resize_needs_stop", c -> finding(c.capabilities().resizeNeedsStop(),
          "at the first resize of a running server")));

  /** A probe's answer, or when it will be known (the probes that need a create are never run by check). */
  private static String finding(io.conoha.assistant.client.Finding f, String when) {
    return f.isKnown() ? f.name().toLowerCase(java.util.Locale.ROOT) : "unknown (learned " + when + ")";
  }

  /** What {@code server snapshot} started. */
  public record Snapshot(String imageId, String imageName, String serverId, String status) {}

  public static final Columns<Snapshot> SNAPSHOT = Columns.of("snapshot",
      Column.of("image_id", Snapshot::imageId),
      Column.of("image_name", Snapshot::imageName),
      Column.of("server_id", Snapshot::serverId),
      Column.of("status", Snapshot::status));

  public static final Columns<Deletion> DELETION = Columns.of("deletion",
      Column.of("kind", Deletion::kind),
      Column.of("id", Deletion::id),
      Column.of("name", Deletion::name),
      Column.of("reason", Deletion::reason),
      Column.of("result", Deletion::result));

  private Schemas() {}

  /** Bytes as GiB with two decimals (0.01 GB is about 10 MB). */
  static Double gb(Long bytes) {
    return Optional.ofNullable(bytes).map(b -> Math.round(b / GIB * 100) / 100.0).orElse(null);
  }
}
