package io.conoha.assistant.sim;

import io.conoha.assistant.client.ApiGeneration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * What a fresh ConoHa account already has: its plans (flavors), ConoHa's public images, volume types and
 * pre-defined security groups, with ConoHa's real names for each API generation. Ids are stable across runs.
 */
final class SeedCatalog {
  record Flavor(String id, String name, int vcpus, int ramMiB, int diskGiB) {}

  record VolumeType(String id, String name, String description) {}

  record SecurityGroup(String id, String name, String description) {}

  record PublicImage(String name, int minDiskGiB, long sizeBytes, Map<String, String> properties) {}

  private final List<Flavor> flavors;
  private final List<VolumeType> volumeTypes;
  private final List<SecurityGroup> securityGroups;
  private final List<PublicImage> publicImages;

  /** @param offeredTypes volume type names to offer instead of ConoHa's documented three; empty = ConoHa's */
  SeedCatalog(ApiGeneration generation, String region, List<String> offeredTypes) {
    boolean v2 = generation == ApiGeneration.V2;
    this.flavors = v2 ? v2Flavors() : v3Flavors();
    this.volumeTypes = offeredTypes.isEmpty()
        ? List.of(
            type(region + "-ds02-boot", "Boot volume (100 GB; 30 GB for the 512 MB plan)"),
            type(region + "-as01-boot", "Boot volume for the 512 MB plan (30 GB)"),
            type(region + "-ds02-add", "Additional volume"))
        : offeredTypes.stream().map(name -> type(name, name.endsWith("-boot") ? "Boot volume" : "Volume")).toList();
    this.securityGroups = (v2
        ? List.of("default", "gncs-ipv4-all", "gncs-ipv4-ssh", "gncs-ipv4-web", "gncs-ipv6-all")
        : List.of("default", "IPv4v6-SSH", "IPv4v6-Web", "IPv4v6-ICMP")).stream()
        .map(n -> new SecurityGroup(IdSource.stableUuid("sg:" + region + ":" + n), n, "ConoHa pre-defined group"))
        .toList();
    this.publicImages = v2 ? v2Images() : v3Images();
  }

  private static List<Flavor> v2Flavors() {
    return List.of(
        flavor("g-c1m512d30", 1, 512, 30), flavor("g-c2m1d100", 2, 1024, 100), flavor("g-c3m2d100", 3, 2048, 100),
        flavor("g-c4m4d100", 4, 4096, 100), flavor("g-c6m8d100", 6, 8192, 100), flavor("g-c8m16d100", 8, 16384, 100),
        flavor("g-c12m32d100", 12, 32768, 100), flavor("g-c24m64d100", 24, 65536, 100),
        // the old plans still listed (disk 20/50), which tools filter out by disk size
        flavor("g-512mb", 1, 512, 20), flavor("g-1gb", 2, 1024, 50), flavor("g-2gb", 3, 2048, 50),
        flavor("g-4gb", 4, 4096, 50), flavor("g-8gb", 6, 8192, 50), flavor("g-16gb", 8, 16384, 50));
  }

  private static List<Flavor> v3Flavors() {
    return List.of(
        flavor("g2l-t-c1m512", 1, 512, 0), flavor("g2l-t-c2m1", 2, 1024, 0), flavor("g2l-t-c3m2", 3, 2048, 0),
        flavor("g2l-t-c4m4", 4, 4096, 0), flavor("g2l-t-c6m8", 6, 8192, 0), flavor("g2l-t-c8m16", 8, 16384, 0),
        flavor("g2l-t-c12m32", 12, 32768, 0), flavor("g2l-t-c24m64", 24, 65536, 0),
        flavor("g2w-t-c2m1", 2, 1024, 0), flavor("g2w-t-c4m4", 4, 4096, 0),
        // local-disk plans boot from an image without a volume
        flavor("g2d-t-c1m2d30", 1, 2048, 30), flavor("g2d-t-c6m16d240", 6, 16384, 240));
  }

  private static List<PublicImage> v2Images() {
    return List.of(
        image("vmi-ubuntu-24.04-amd64", 0, "Ubuntu-24.04-64bit", "lin"),
        image("vmi-ubuntu-22.04-amd64", 0, "Ubuntu-22.04-64bit", "lin"),
        image("vmi-debian-12-amd64", 0, "Debian-12-64bit", "lin"),
        image("vmi-rockylinux-9-amd64", 0, "RockyLinux-9-64bit", "lin"),
        image("vmi-almalinux-9-amd64", 0, "AlmaLinux-9-64bit", "lin"),
        image("vmi-ubuntu-20.04-amd64-20gb", 20, "Ubuntu-20.04-64bit", "lin"),
        image("vmi-ubuntu-20.04-amd64-30gb", 30, "Ubuntu-20.04-64bit", "lin"),
        image("vmi-ubuntu-20.04-amd64-100gb", 100, "Ubuntu-20.04-64bit", "lin"),
        image("vmi-lamp-latest-ubuntu-20.04-amd64-30gb", 30, "Ubuntu-20.04-64bit", "lin"),
        image("vmi-lamp-latest-ubuntu-20.04-amd64-100gb", 100, "Ubuntu-20.04-64bit", "lin"));
  }

  private static List<PublicImage> v3Images() {
    return List.of(
        image("vmi-ubuntu-24.04-amd64", 0, "Ubuntu-24.04-64bit", "linux"),
        image("vmi-ubuntu-22.04-amd64", 0, "Ubuntu-22.04-64bit", "linux"),
        image("vmi-debian-12-amd64", 0, "Debian-12-64bit", "linux"),
        image("vmi-rockylinux-9-amd64", 0, "RockyLinux-9-64bit", "linux"),
        image("vmi-almalinux-9-amd64", 0, "AlmaLinux-9-64bit", "linux"),
        image("vmi-docker-latest-ubuntu-24.04-amd64", 0, "Ubuntu-24.04-64bit", "linux"));
  }

  private static Flavor flavor(String name, int vcpus, int ram, int disk) {
    return new Flavor(IdSource.stableUuid("flavor:" + name), name, vcpus, ram, disk);
  }

  private static VolumeType type(String name, String description) {
    return new VolumeType(IdSource.stableUuid("volume-type:" + name), name, description);
  }

  private static PublicImage image(String name, int minDisk, String dst, String osType) {
    Map<String, String> props = new LinkedHashMap<>();
    props.put("os_type", osType);
    props.put("dst", dst);
    props.put("hw_qemu_guest_agent", "yes");
    // a few GB, different per image but the same in every run
    long size = (2L * 1024 + Math.floorMod(name.hashCode(), 1024)) * 1024 * 1024;
    return new PublicImage(name, minDisk, size, Map.copyOf(props));
  }

  List<Flavor> flavors() {
    return flavors;
  }

  /** By id, or by the id at the end of a flavor URL (Nova accepts both as flavorRef). */
  Optional<Flavor> flavor(String ref) {
    String id = lastSegment(ref);
    return flavors.stream().filter(f -> f.id().equals(id)).findFirst();
  }

  Optional<Flavor> flavorByName(String name) {
    return flavors.stream().filter(f -> f.name().equals(name)).findFirst();
  }

  List<VolumeType> volumeTypes() {
    return volumeTypes;
  }

  /** Cinder accepts a volume type's name or id. */
  Optional<VolumeType> volumeType(String nameOrId) {
    return volumeTypes.stream().filter(t -> t.name().equals(nameOrId) || t.id().equals(nameOrId)).findFirst();
  }

  List<SecurityGroup> securityGroups() {
    return securityGroups;
  }

  Optional<SecurityGroup> securityGroup(String nameOrId) {
    return securityGroups.stream().filter(g -> g.name().equals(nameOrId) || g.id().equals(nameOrId)).findFirst();
  }

  List<PublicImage> publicImages() {
    return publicImages;
  }

  static String lastSegment(String ref) {
    int slash = ref.lastIndexOf('/');
    return slash < 0 ? ref : ref.substring(slash + 1);
  }
}
