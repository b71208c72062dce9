package io.conoha.assistant.sim;

import io.conoha.assistant.client.ApiGeneration;

/**
 * The simulator's URL layout: one port, each service under its own path prefix, as a devstack cloud lays them out.
 * <pre>
 *   /identity/v2.0 (V2) or /identity/v3 (V3)   Keystone
 *   /compute/v2/{tenant} (V2) or /compute/v2.1  Nova
 *   /image/v2                                   Glance
 *   /volume/v2/{tenant} (V2), /volume/v3/{tenant} (V3)   Cinder
 *   /network/v2.0                               Neutron (version document only)
 *   /dns/v1                                     DNS (Designate v1: domains and records)
 *   /admin                                      the simulator's own admin API
 * </pre>
 */
final class Links {
  private final SimConfig config;
  private volatile String base;

  Links(SimConfig config) {
    this.config = config;
  }

  /** Called once the port is known. */
  void bind(int port) {
    String host = config.host();
    if (host.equals("0.0.0.0") || host.equals("::")) {
      host = "127.0.0.1"; // bound to every address: advertise the loopback one
    } else if (host.contains(":")) {
      host = "[" + host + "]";
    }
    base = "http://" + host + ":" + port;
  }

  boolean v2() {
    return config.generation() == ApiGeneration.V2;
  }

  String base() {
    return base;
  }

  String identity() {
    return base + (v2() ? "/identity/v2.0" : "/identity/v3");
  }

  String compute() {
    return base + (v2() ? "/compute/v2/" + config.tenantId() : "/compute/v2.1");
  }

  /** Nova's version-less "bookmark" links. */
  String computeBookmark() {
    return base + (v2() ? "/compute/" + config.tenantId() : "/compute");
  }

  /** Glance's endpoint has no version; clients discover /v2 from it. */
  String image() {
    return base + "/image";
  }

  String volume() {
    return base + (v2() ? "/volume/v2/" : "/volume/v3/") + config.tenantId();
  }

  String network() {
    return base + "/network";
  }

  /** ConoHa DNS (Designate v1): the catalog has no version, paths are /v1/domains… */
  String dns() {
    return base + "/dns";
  }

  /** Route patterns (Vert.x syntax) of the versioned services. */
  String computeRoute() {
    return v2() ? "/compute/v2/:project" : "/compute/v2.1";
  }

  String volumeRoute() {
    return v2() ? "/volume/v2/:project" : "/volume/v3/:project";
  }
}
