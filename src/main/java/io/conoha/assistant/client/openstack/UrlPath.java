package io.conoha.assistant.client.openstack;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;

/** Ids and names go into paths percent-encoded, so "a/b" can never reach another resource. */
final class UrlPath {
  private UrlPath() {}

  static String segment(String value) {
    return URLEncoder.encode(value, StandardCharsets.UTF_8).replace("+", "%20");
  }
}
