package io.conoha.assistant.client.openstack;

import io.conoha.assistant.client.model.Image;
import io.conoha.assistant.client.model.ImageStatus;
import io.vertx.core.json.JsonObject;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Reads Glance v2 images and ConoHa's image quota/usage answers. */
public final class GlanceJson {
  /** Glance's own fields; every other string field is a user or ConoHa property. */
  private static final Set<String> CORE_FIELDS = Set.of("id", "name", "status", "size", "virtual_size", "min_disk",
      "min_ram", "visibility", "created_at", "updated_at", "disk_format", "container_format", "checksum", "owner",
      "protected", "os_hidden", "os_hash_algo", "os_hash_value", "tags", "self", "file", "schema", "stores",
      "locations", "direct_url");
  private static final Pattern SIZE = Pattern.compile("^\\s*([0-9]+(?:\\.[0-9]+)?)\\s*([KMGTP]?i?B?)?\\s*$",
      Pattern.CASE_INSENSITIVE);

  private GlanceJson() {}

  public static Image image(JsonObject i) {
    ImageStatus status = ImageStatus.parse(Json.string(i, "status"));
    return new Image(Json.string(i, "id"), Json.string(i, "name"), status,
        status == ImageStatus.ACTIVE ? Integer.valueOf(100) : null, Json.longValue(i, "size"),
        Json.integer(i, "min_disk"), Json.string(i, "visibility"), Json.instant(i, "created_at"), properties(i));
  }

  private static Map<String, String> properties(JsonObject i) {
    Map<String, String> properties = new LinkedHashMap<>();
    i.forEach(e -> {
      if (!CORE_FIELDS.contains(e.getKey()) && e.getValue() instanceof String s) {
        properties.put(e.getKey(), s);
      }
    });
    return properties;
  }

  /**
   * The quota limit in bytes from {@code {"quota":{"image_size":"50GB"}}} (v3) or
   * {@code {"quota":{"tyo1_image_size":"550GB"}}} (v2, keyed by region); -1 when no key fits.
   */
  public static long quotaLimitBytes(JsonObject body, String region) {
    JsonObject quota = Json.object(body, "quota");
    if (quota == null) {
      return -1;
    }
    String value = Json.string(quota, "image_size");
    if (value == null && region != null) {
      value = Json.string(quota, region + "_image_size");
    }
    if (value == null) {
      value = quota.fieldNames().stream().filter(k -> k.endsWith("_image_size")).sorted().findFirst()
          .map(k -> Json.string(quota, k)).orElse(null);
    }
    return value == null ? -1 : bytes(value);
  }

  /** {@code {"images":{"size":<bytes>}}}. */
  public static long usedBytes(JsonObject body) {
    Long size = Json.longValue(Json.object(body, "images"), "size");
    return size == null ? 0 : size;
  }

  /** "50GB", "550 GB", "1TB", "500GiB" or a bare byte count; ConoHa's GB are binary like its volume sizes. */
  static long bytes(String text) {
    Matcher m = SIZE.matcher(text);
    if (!m.matches()) {
      throw new IllegalArgumentException("not a size: " + text);
    }
    double number = Double.parseDouble(m.group(1));
    String unit = m.group(2) == null ? "" : m.group(2).toUpperCase(Locale.ROOT);
    int power = unit.isEmpty() ? 0 : "BKMGTP".indexOf(unit.charAt(0));
    return (long) (number * Math.pow(1024, Math.max(0, power)));
  }
}
