package io.conoha.assistant.cli.conoha;

import io.conoha.assistant.client.Capabilities;
import io.conoha.assistant.client.ConohaClient;
import io.conoha.assistant.client.Endpoints;
import io.conoha.assistant.client.Finding;
import io.conoha.assistant.client.Token;
import io.conoha.assistant.client.model.Flavor;
import io.conoha.assistant.client.model.Image;
import io.conoha.assistant.client.model.Server;
import io.conoha.assistant.client.model.Volume;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/** How each kind of result looks. JSON shows the client's models as they are. */
public final class Views {
  private Views() {}

  public static View check(ConohaClient client) {
    Token token = client.identity().token();
    Endpoints endpoints = client.identity().endpoints();
    Capabilities probed = client.probe();
    Map<String, Object> data = new LinkedHashMap<>();
    data.put("generation", client.generation());
    data.put("identityUrl", client.credentials().identityUrl());
    data.put("projectId", token.projectId());
    data.put("tokenExpires", token.expiresAt());
    data.put("endpoints", endpoints);
    data.put("capabilities", probed);
    Table table = Table.fields()
        .row("API generation", client.generation())
        .row("Identity", client.credentials().identityUrl())
        .row("Project", token.projectId())
        .row("Token expires", token.expiresAt())
        .row("Compute", endpoints.compute())
        .row("Image", endpoints.image())
        .row("Volume", endpoints.volume())
        .row("Network", endpoints.network())
        .row("Name required", finding(probed.nameRequired(), "at the first server create"))
        .row("Volume types", probed.volumeTypes().map(t -> t.isEmpty() ? "none offered" : String.join(", ", t))
            .orElse(endpoints.volume() == null ? "none (no volume service)" : "unknown (the list could not be read)"))
        .row("Custom metadata", finding(probed.customMetadataKept(), "after the first server create"))
        .row("Resize needs stop", finding(probed.resizeNeedsStop(), "at the first resize of a running server"));
    return new View(data, table);
  }

  /** A probe's answer, or when it will be known (the probes that need a create are never run by check). */
  private static String finding(Finding f, String when) {
    return f.isKnown() ? f.name().toLowerCase(Locale.ROOT) : "unknown (learned " + when + ")";
  }

  public static View flavors(List<Flavor> flavors) {
    Table table = Table.of("NAME", "ID", "VCPUS", "RAM_MIB", "DISK_GB", "BOOTS_FROM");
    flavors.forEach(f -> table.row(f.name(), f.id(), f.vcpus(), f.ramMiB(), f.diskGiB(),
        f.needsBootVolume() ? "volume" : "local disk"));
    return new View(flavors, table);
  }

  public static View images(List<Image> images) {
    Table table = Table.of("ID", "NAME", "STATUS", "SIZE", "MIN_DISK_GB", "VISIBILITY", "CREATED");
    images.forEach(i -> table.row(i.id(), i.name(), i.status(), size(i.sizeBytes()), i.minDiskGB(), i.visibility(),
        i.createdAt()));
    return new View(images, table);
  }

  public static View image(Image i) {
    Table table = Table.fields()
        .row("ID", i.id())
        .row("Name", i.name())
        .row("Status", i.status())
        .row("Progress", i.progress())
        .row("Size", size(i.sizeBytes()))
        .row("Min disk GB", i.minDiskGB())
        .row("Visibility", i.visibility())
        .row("Created", i.createdAt());
    i.properties().forEach((k, v) -> table.row("  " + k, v));
    return new View(i, table);
  }

  public static View servers(List<Server> servers) {
    Table table = Table.of("ID", "NAME_TAG", "STATUS", "TASK", "FLAVOR", "IPV4", "DISK");
    servers.forEach(s -> table.row(s.id(), s.nameTag(), s.status(), s.taskState(), s.flavorId(),
        String.join(",", s.ipv4()), s.isVolumeBacked() ? "volume" : "local"));
    return new View(servers, table);
  }

  public static View server(Server s) {
    Table table = Table.fields()
        .row("ID", s.id())
        .row("Name tag", s.nameTag())
        .row("Status", s.status())
        .row("Task", s.taskState())
        .row("Flavor", s.flavorId())
        .row("IPv4", String.join(", ", s.ipv4()))
        .row("IPv6", String.join(", ", s.ipv6()))
        .row("Volumes", String.join(", ", s.attachedVolumeIds()));
    return new View(s, table);
  }

  public static View volumes(List<Volume> volumes) {
    Table table = Table.of("ID", "NAME", "STATUS", "SIZE_GB", "TYPE", "BOOTABLE", "ATTACHED_TO");
    volumes.forEach(v -> table.row(v.id(), v.name(), v.status(), v.sizeGB(), v.volumeType(), v.bootable(),
        String.join(",", v.attachedServerIds())));
    return new View(volumes, table);
  }

  /** A short acknowledgement: "deleted server s1" / {"action":"deleted","server":"s1"}. */
  public static View done(String action, String kind, String id) {
    Map<String, Object> data = new LinkedHashMap<>();
    data.put("action", action);
    data.put(kind, id);
    return new View(data, Table.fields().row(action, kind + " " + id));
  }

  static String size(Long bytes) {
    if (bytes == null) {
      return null;
    }
    double gib = bytes / (1024.0 * 1024 * 1024);
    return gib >= 1
        ? String.format(Locale.ROOT, "%.1f GB", gib)
        : String.format(Locale.ROOT, "%.1f MB", bytes / (1024.0 * 1024));
  }
}
