package io.conoha.assistant.sim;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Instant;
import java.util.Set;

/**
 * JSON renderings of the simulator's records, field for field like the OpenStack Zed responses in
 * shared/fixtures (servers_detail.json, image_detail_glance.json, image_detail_nova_proxy.json, ...).
 */
final class Views {
  private static final Set<String> NOVA_PROGRESS_STATUSES =
      Set.of("ACTIVE", "BUILD", "REBUILD", "RESIZE", "VERIFY_RESIZE", "MIGRATING");

  private final SimWorld world;
  private final Links links;

  Views(SimWorld world, Links links) {
    this.world = world;
    this.links = links;
  }

  /** Nova's self + bookmark links of a compute resource ("servers", "flavors", "images"). */
  ArrayNode computeLinks(String collection, String id) {
    ArrayNode array = Json.array();
    array.add(VersionDocs.link("self", links.compute() + "/" + collection + "/" + id));
    array.add(VersionDocs.link("bookmark", links.computeBookmark() + "/" + collection + "/" + id));
    return array;
  }

  private ArrayNode bookmark(String collection, String id) {
    ArrayNode array = Json.array();
    array.add(VersionDocs.link("bookmark", links.computeBookmark() + "/" + collection + "/" + id));
    return array;
  }

  ObjectNode serverSummary(ServerRecord s) {
    ObjectNode node = Json.object().put("id", s.id).put("name", s.name);
    node.set("links", computeLinks("servers", s.id));
    return node;
  }

  ObjectNode serverDetail(ServerRecord s) {
    String status = s.status();
    ObjectNode node = Json.object()
        .put("id", s.id)
        .put("name", s.name)
        .put("status", status)
        .put("tenant_id", world.config.tenantId())
        .put("user_id", world.config.userId());
    node.set("metadata", Json.strings(s.metadata));
    node.put("hostId", s.hostId);
    if (s.imageId == null) {
      node.put("image", ""); // Nova's spelling for a volume-backed server
    } else {
      node.putObject("image").put("id", s.imageId).set("links", bookmark("images", s.imageId));
    }
    node.putObject("flavor").put("id", s.flavor.id()).set("links", bookmark("flavors", s.flavor.id()));
    node.put("created", Times.seconds(s.created)).put("updated", Times.seconds(s.updated));
    ObjectNode addresses = node.putObject("addresses");
    if (!"BUILD".equals(status) || s.launchedAt != null) {
      ArrayNode net = addresses.putArray(networkName(s.ipv4));
      net.addObject().put("OS-EXT-IPS-MAC:mac_addr", s.mac).put("version", 6).put("addr", s.ipv6)
          .put("OS-EXT-IPS:type", "fixed");
      net.addObject().put("OS-EXT-IPS-MAC:mac_addr", s.mac).put("version", 4).put("addr", s.ipv4)
          .put("OS-EXT-IPS:type", "fixed");
    }
    node.put("accessIPv4", "").put("accessIPv6", "");
    node.set("links", computeLinks("servers", s.id));
    node.put("OS-DCF:diskConfig", "MANUAL");
    if (NOVA_PROGRESS_STATUSES.contains(status)) {
      node.put("progress", 0);
    }
    node.put("OS-EXT-AZ:availability_zone", "nova").put("config_drive", "");
    if (s.keyName == null) {
      node.putNull("key_name");
    } else {
      node.put("key_name", s.keyName);
    }
    if (s.launchedAt == null) {
      node.putNull("OS-SRV-USG:launched_at");
    } else {
      node.put("OS-SRV-USG:launched_at", Times.micros(s.launchedAt));
    }
    node.putNull("OS-SRV-USG:terminated_at");
    ArrayNode groups = node.putArray("security_groups");
    s.securityGroups.forEach(g -> groups.addObject().put("name", g));
    node.put("OS-EXT-SRV-ATTR:host", "c" + s.hostId.substring(0, 6))
        .put("OS-EXT-SRV-ATTR:hypervisor_hostname", "c" + s.hostId.substring(0, 6) + ".novalocal")
        .put("OS-EXT-SRV-ATTR:instance_name", s.instanceName);
    if (s.taskState == null) {
      node.putNull("OS-EXT-STS:task_state");
    } else {
      node.put("OS-EXT-STS:task_state", s.taskState);
    }
    node.put("OS-EXT-STS:vm_state", s.vmState).put("OS-EXT-STS:power_state", s.powerState);
    ArrayNode volumes = node.putArray("os-extended-volumes:volumes_attached");
    s.volumeIds.forEach(v -> volumes.addObject().put("id", v));
    if (s.faultMessage != null) {
      node.putObject("fault").put("code", 500).put("created", Times.seconds(s.updated))
          .put("message", s.faultMessage);
    }
    return node;
  }

  /** ConoHa names a server's network after its /23: 133.130.49.12 → ext-133-130-48-0-23. */
  private static String networkName(String ipv4) {
    String[] octets = ipv4.split("\\.");
    int third = Integer.parseInt(octets[2]) & ~1;
    return "ext-" + octets[0] + "-" + octets[1] + "-" + third + "-0-23";
  }

  ObjectNode flavor(SeedCatalog.Flavor f, boolean detail) {
    ObjectNode node = Json.object().put("id", f.id()).put("name", f.name());
    if (detail) {
      node.put("ram", f.ramMiB()).put("disk", f.diskGiB()).put("swap", "").put("OS-FLV-EXT-DATA:ephemeral", 0)
          .put("OS-FLV-DISABLED:disabled", false).put("vcpus", f.vcpus()).put("os-flavor-access:is_public", true)
          .put("rxtx_factor", 1);
    }
    node.set("links", computeLinks("flavors", f.id()));
    return node;
  }

  /** Glance v2: properties flattened beside the core fields. */
  ObjectNode glanceImage(ImageRecord i, Instant now) {
    ObjectNode node = Json.object();
    i.properties.forEach(node::put);
    String status = i.glanceStatus(now);
    node.put("name", i.name);
    putOrNull(node, "disk_format", "queued".equals(status) ? null : i.diskFormat);
    putOrNull(node, "container_format", "queued".equals(status) ? null : i.containerFormat);
    node.put("visibility", i.visibility);
    if (i.sizeBytes == null) {
      node.putNull("size");
    } else {
      node.put("size", i.sizeBytes);
    }
    node.putNull("virtual_size");
    node.put("status", status);
    putOrNull(node, "checksum", i.checksum);
    node.put("protected", false).put("min_ram", 0).put("min_disk", i.minDisk).put("owner", i.owner)
        .put("os_hidden", false);
    putOrNull(node, "os_hash_algo", i.checksum == null ? null : "sha512");
    putOrNull(node, "os_hash_value", i.checksum == null ? null : i.checksum + i.checksum);
    node.put("id", i.id).put("created_at", Times.seconds(i.created)).put("updated_at", Times.seconds(i.updated));
    node.putArray("tags");
    node.put("self", "/v2/images/" + i.id).put("file", "/v2/images/" + i.id + "/file")
        .put("schema", "/v2/schemas/image");
    return node;
  }

  ObjectNode novaImageSummary(ImageRecord i) {
    ObjectNode node = Json.object().put("id", i.id).put("name", i.name);
    node.set("links", novaImageLinks(i));
    return node;
  }

  /** The Nova image proxy (v2): upper-case status, progress, OS-EXT-IMG-SIZE:size, minDisk, metadata. */
  ObjectNode novaImage(ImageRecord i, Instant now) {
    ObjectNode node = Json.object().put("id", i.id).put("name", i.name).put("minRam", 0).put("minDisk", i.minDisk);
    node.set("metadata", Json.strings(i.properties));
    node.put("created", Times.seconds(i.created)).put("updated", Times.seconds(i.updated))
        .put("status", i.novaStatus()).put("progress", i.progress(now))
        .put("OS-EXT-IMG-SIZE:size", i.sizeBytes == null ? 0 : i.sizeBytes);
    node.set("links", novaImageLinks(i));
    String server = i.properties.get("instance_uuid");
    if (server != null) {
      node.putObject("server").put("id", server).set("links", computeLinks("servers", server));
    }
    return node;
  }

  private ArrayNode novaImageLinks(ImageRecord i) {
    ArrayNode array = computeLinks("images", i.id);
    array.addObject().put("rel", "alternate").put("type", "application/vnd.openstack.image")
        .put("href", links.image() + "/images/" + i.id);
    return array;
  }

  ObjectNode volumeSummary(VolumeRecord v) {
    ObjectNode node = Json.object().put("id", v.id);
    node.set("links", volumeLinks(v.id));
    node.put("name", v.name);
    return node;
  }

  ObjectNode volume(VolumeRecord v) {
    ObjectNode node = Json.object()
        .put("id", v.id)
        .put("name", v.name)
        .put("status", v.status)
        .put("size", v.sizeGB)
        .put("availability_zone", "nova")
        .put("created_at", Times.micros(v.created))
        .put("updated_at", Times.micros(v.updated));
    putOrNull(node, "description", v.description);
    node.put("volume_type", v.type.name()).putNull("snapshot_id").putNull("source_volid");
    node.set("metadata", Json.strings(v.metadata));
    node.set("links", volumeLinks(v.id));
    node.put("user_id", world.config.userId())
        .put("bootable", Boolean.toString(v.bootable()))
        .put("encrypted", false)
        .putNull("replication_status")
        .putNull("consistencygroup_id")
        .put("multiattach", false)
        .putNull("migration_status")
        .putNull("group_id")
        .put("os-vol-tenant-attr:tenant_id", world.config.tenantId());
    ArrayNode attachments = node.putArray("attachments");
    if (v.attachedServerId != null) {
      attachments.addObject().put("id", v.id).put("attachment_id", v.attachmentId).put("volume_id", v.id)
          .put("server_id", v.attachedServerId).putNull("host_name").put("device", "/dev/vda")
          .put("attached_at", Times.micros(v.attachedAt));
    }
    if (!v.imageMetadata.isEmpty()) {
      node.set("volume_image_metadata", Json.strings(v.imageMetadata));
    }
    return node;
  }

  ObjectNode volumeType(SeedCatalog.VolumeType t) {
    ObjectNode node = Json.object().put("id", t.id()).put("name", t.name()).put("description", t.description())
        .put("is_public", true).put("os-volume-type-access:is_public", true).putNull("qos_specs_id");
    node.putObject("extra_specs").put("volume_backend_name", t.name());
    return node;
  }

  private ArrayNode volumeLinks(String id) {
    ArrayNode array = Json.array();
    array.add(VersionDocs.link("self", links.volume() + "/volumes/" + id));
    array.add(VersionDocs.link("bookmark", links.volume().replaceFirst("/v[23]/", "/") + "/volumes/" + id));
    return array;
  }

  private static void putOrNull(ObjectNode node, String field, String value) {
    if (value == null) {
      node.putNull(field);
    } else {
      node.put(field, value);
    }
  }
}
