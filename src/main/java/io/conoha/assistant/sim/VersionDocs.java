package io.conoha.assistant.sim;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * The version documents each service serves at its root, shaped like a real OpenStack's
 * (fixtures/keystone_versions.json, nova_versions.json), so clients such as keystoneauth can discover versions.
 * Each lists only the version this simulator serves.
 */
final class VersionDocs {
  private final Links links;

  VersionDocs(Links links) {
    this.links = links;
  }

  /** GET /identity/ → 300 {"versions": {"values": [...]}}. */
  ObjectNode keystoneRoot() {
    return Json.wrap("versions", Json.wrap("values", Json.array().add(keystoneVersion())));
  }

  /** GET /identity/v3 or /identity/v2.0 → {"version": {...}}. */
  ObjectNode keystoneVersionDoc() {
    return Json.wrap("version", keystoneVersion());
  }

  private ObjectNode keystoneVersion() {
    boolean v2 = links.v2();
    ObjectNode v = Json.object()
        .put("id", v2 ? "v2.0" : "v3.14")
        .put("status", "stable")
        .put("updated", v2 ? "2014-04-17T00:00:00Z" : "2020-04-07T00:00:00Z");
    v.putArray("links").add(link("self", links.identity() + "/"));
    v.putArray("media-types").add(Json.object().put("base", "application/json")
        .put("type", v2 ? "application/vnd.openstack.identity-v2.0+json" : "application/vnd.openstack.identity-v3+json"));
    return v;
  }

  /** GET /compute/ → 200 {"versions": [...]}. */
  ObjectNode novaRoot() {
    return Json.wrap("versions", Json.array().add(novaVersion()));
  }

  ObjectNode novaVersionDoc() {
    return Json.wrap("version", novaVersion());
  }

  /**
   * V3 advertises microversions up to 2.45, the last one whose responses this simulator follows (createImage
   * answers {"image_id"}); V2 serves the legacy v2.0 API without microversions.
   */
  private ObjectNode novaVersion() {
    boolean v2 = links.v2();
    ObjectNode v = Json.object()
        .put("id", v2 ? "v2.0" : "v2.1")
        .put("status", "CURRENT")
        .put("version", v2 ? "" : "2.45")
        .put("min_version", v2 ? "" : "2.1")
        .put("updated", v2 ? "2011-01-21T11:33:21Z" : "2013-07-23T11:33:21Z");
    v.putArray("links").add(link("self", links.base() + (v2 ? "/compute/v2/" : "/compute/v2.1/")))
        .add(link("describedby", "https://docs.openstack.org/").put("type", "text/html"));
    v.putArray("media-types").add(Json.object().put("base", "application/json")
        .put("type", "application/vnd.openstack.compute+json;version=" + (v2 ? "2" : "2.1")));
    return v;
  }

  /** GET /image/versions (200) and /image/ (300). */
  ObjectNode glanceVersions() {
    ObjectNode doc = Json.object();
    ArrayNode versions = doc.putArray("versions");
    for (String[] v : new String[][] {{"v2.9", "CURRENT"}, {"v2.0", "SUPPORTED"}}) {
      ObjectNode version = versions.addObject().put("id", v[0]).put("status", v[1]);
      version.putArray("links").add(link("self", links.image() + "/v2/"));
    }
    return doc;
  }

  /** GET /volume/ (300) and /volume/v3/ (200). */
  ObjectNode cinderVersions() {
    boolean v2 = links.v2();
    ObjectNode doc = Json.object();
    ObjectNode v = doc.putArray("versions").addObject()
        .put("id", v2 ? "v2.0" : "v3.0")
        .put("status", "CURRENT")
        .put("version", v2 ? "" : "3.1")
        .put("min_version", v2 ? "" : "3.0")
        .put("updated", v2 ? "2014-06-28T12:20:21Z" : "2016-02-08T12:20:21Z");
    v.putArray("links").add(link("describedby", "https://docs.openstack.org/").put("type", "text/html"))
        .add(link("self", links.base() + (v2 ? "/volume/v2/" : "/volume/v3/")));
    v.putArray("media-types").add(Json.object().put("base", "application/json")
        .put("type", "application/vnd.openstack.volume+json;version=" + (v2 ? "2" : "3")));
    return doc;
  }

  /** GET /network/ → 200. */
  ObjectNode neutronVersions() {
    ObjectNode doc = Json.object();
    ObjectNode v = doc.putArray("versions").addObject().put("id", "v2.0").put("status", "CURRENT");
    v.putArray("links").add(link("self", links.network() + "/v2.0/"));
    return doc;
  }

  static ObjectNode link(String rel, String href) {
    return Json.object().put("rel", rel).put("href", href);
  }
}
