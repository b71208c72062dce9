package io.conoha.assistant.sim;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;

/**
 * Where ConoHa's documentation is silent or public clients disagree, the simulator can behave either way, so
 * each of the client's probes is tested against both answers. {@link #conoha()} is how the simulator behaves by
 * default (ConoHa as documented).
 *
 * @param requireServerName answer POST /servers without {@code name} with stock Nova's 400 "'name' is a
 *     required property" (ConoHa's documented body has no name; a real Nova needs one)
 * @param dropUnknownMetadata keep only ConoHa's documented metadata keys ({@code instance_name_tag},
 *     {@code IsDeleteLocked}) on servers and volumes and drop every other key silently
 * @param refuseRunningResize answer a resize of an ACTIVE server with 409 (GMO's Terraform provider stops first)
 * @param volumeTypes the volume type names {@code GET /types} offers, in that order; empty = ConoHa's list
 */
public record CloudQuirks(boolean requireServerName, boolean dropUnknownMetadata, boolean refuseRunningResize,
    List<String> volumeTypes) {

  public CloudQuirks {
    volumeTypes = volumeTypes == null ? List.of() : List.copyOf(volumeTypes);
  }

  /** ConoHa as documented: no name needed, metadata kept, resize while running accepted, ConoHa's types. */
  public static CloudQuirks conoha() {
    return new CloudQuirks(false, false, false, List.of());
  }

  /** What stock Nova (the OpenStack harness) does differently: a name is required. */
  public static CloudQuirks stockNova() {
    return conoha().withRequireServerName(true);
  }

  public CloudQuirks withRequireServerName(boolean on) {
    return new CloudQuirks(on, dropUnknownMetadata, refuseRunningResize, volumeTypes);
  }

  public CloudQuirks withDropUnknownMetadata(boolean on) {
    return new CloudQuirks(requireServerName, on, refuseRunningResize, volumeTypes);
  }

  public CloudQuirks withRefuseRunningResize(boolean on) {
    return new CloudQuirks(requireServerName, dropUnknownMetadata, on, volumeTypes);
  }

  public CloudQuirks withVolumeTypes(List<String> names) {
    return new CloudQuirks(requireServerName, dropUnknownMetadata, refuseRunningResize, names);
  }

  /** {@code {"requireServerName": true, "dropUnknownMetadata": true, "refuseRunningResize": true, "volumeTypes": [..]}}. */
  static CloudQuirks fromJson(JsonNode n) {
    if (n == null || n.isNull()) {
      return conoha();
    }
    if (!n.isObject()) {
      throw new IllegalArgumentException("quirks must be an object");
    }
    List<String> known = List.of("requireServerName", "dropUnknownMetadata", "refuseRunningResize", "volumeTypes");
    n.fieldNames().forEachRemaining(f -> {
      if (!known.contains(f)) {
        throw new IllegalArgumentException("unknown quirk '" + f + "' (known: " + String.join(", ", known) + ")");
      }
    });
    List<String> types = new ArrayList<>();
    JsonNode list = n.get("volumeTypes");
    if (list != null && !list.isNull()) {
      if (!list.isArray()) {
        throw new IllegalArgumentException("quirks.volumeTypes must be a list of names");
      }
      list.forEach(t -> types.add(t.asText()));
    }
    return new CloudQuirks(n.path("requireServerName").asBoolean(false), n.path("dropUnknownMetadata").asBoolean(false),
        n.path("refuseRunningResize").asBoolean(false), types);
  }
}
