package io.conoha.assistant.operator.account;

import io.javaoperatorsdk.operator.processing.event.ResourceID;
import java.util.Set;

/**
 * What one Kubernetes resource wants from its account's polls: which listings, whether it is mid-change
 * (the account then polls fast), and which ConoHa objects to watch for changes (by id or owner tag).
 */
public record Interest(
    String kind,
    ResourceID resource,
    Set<Listing> listings,
    boolean changing,
    Set<String> objectIds,
    String ownerUid) {

  public String key() {
    return key(kind, resource);
  }

  static String key(String kind, ResourceID resource) {
    return kind + "/" + resource.getNamespace().orElse("") + "/" + resource.getName();
  }
}
