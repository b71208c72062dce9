package io.conoha.assistant.operator.server;

import io.conoha.assistant.api.Addresses;
import io.conoha.assistant.api.DnsSpec;
import io.conoha.assistant.api.DnsWhileArchived;
import io.conoha.assistant.client.model.DnsRecord;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * What to change in a DNS zone so that a server's name points at its addresses: a pure function of what is wanted
 * and the zone's records. Only records this resource made are ever changed; it knows them by the marker it writes
 * into their description, which ConoHa DNS keeps. A record of the same name it did not make (another resource's,
 * or one made by hand) is never touched, and none is added next to it: that is a conflict to report.
 */
final class DnsPlan {
  static final List<String> TYPES = List.of("A", "AAAA");

  sealed interface Change permits Create, Update, Delete {}

  record Create(String name, String type, String data) implements Change {}

  record Update(DnsRecord record, String data) implements Change {}

  record Delete(DnsRecord record) implements Change {}

  /** The changes, and why some wanted record cannot be made (empty: none). */
  record Plan(List<Change> changes, Optional<String> conflict) {}

  private DnsPlan() {}

  /** The description marking a record as this resource's. */
  static String marker(String uid, String resource) {
    return "conoha-assistant.io owner=" + uid + " resource=" + resource;
  }

  static boolean ownedBy(DnsRecord r, String uid) {
    return r.description() != null && r.description().contains("owner=" + uid);
  }

  /**
   * The addresses wanted by type, or, for a type left out, "leave it as it is". Nothing is known without a server
   * (being created, or archived and kept); an archived server's records go when {@code whileArchived: Remove}; every
   * record goes when the resource or its spec.dns goes ({@code removeAll}).
   */
  static Map<String, List<String>> wanted(DnsSpec spec, Addresses addresses, boolean hasServer, boolean archived,
      boolean removeAll) {
    Map<String, List<String>> wanted = new LinkedHashMap<>();
    if (removeAll || spec == null || !hasServer && archived && spec.getWhileArchived() == DnsWhileArchived.Remove) {
      TYPES.forEach(t -> wanted.put(t, List.of()));
      return wanted;
    }
    if (!hasServer || addresses == null || addresses.getIpv4().isEmpty() && addresses.getIpv6().isEmpty()) {
      return wanted;
    }
    wanted.put("A", List.copyOf(addresses.getIpv4()));
    wanted.put("AAAA", List.copyOf(addresses.getIpv6()));
    return wanted;
  }

  /**
   * @param fqdn   the name the records should have
   * @param wanted addresses by type ({@link #wanted})
   * @param zone   every record of the zone
   */
  static Plan plan(String fqdn, Map<String, List<String>> wanted, List<DnsRecord> zone, String uid) {
    List<Change> changes = new ArrayList<>();
    List<String> conflicts = new ArrayList<>();
    for (DnsRecord r : zone) {
      // A renamed spec.dns.name: this resource's records under an old name go.
      if (ownedBy(r, uid) && TYPES.contains(r.type()) && !r.named(fqdn) && wanted.containsKey(r.type())) {
        changes.add(new Delete(r));
      }
    }
    // An address record (or CNAME) of the name that this resource did not make: the name is someone else's, so
    // nothing is added under it, of either family.
    List<DnsRecord> foreign = zone.stream().filter(r -> r.named(fqdn) && !ownedBy(r, uid)
        && (TYPES.contains(r.type()) || r.type().equals("CNAME"))).toList();
    boolean adding = wanted.values().stream().anyMatch(l -> !l.isEmpty());
    if (!foreign.isEmpty() && adding) {
      conflicts.add(foreign.stream().map(r -> r.type() + " " + r.data()).toList() + " of " + fqdn
          + " were not made by this resource");
    }
    for (Map.Entry<String, List<String>> e : wanted.entrySet()) {
      String type = e.getKey();
      List<String> missing = new ArrayList<>(e.getValue());
      List<DnsRecord> ours = new ArrayList<>(zone.stream()
          .filter(r -> r.named(fqdn) && r.type().equals(type) && ownedBy(r, uid)).toList());
      ours.removeIf(r -> missing.remove(r.data()));
      if (!foreign.isEmpty()) {
        missing.clear();
      }
      while (!missing.isEmpty() && !ours.isEmpty()) {
        changes.add(new Update(ours.remove(0), missing.remove(0)));
      }
      missing.forEach(data -> changes.add(new Create(fqdn, type, data)));
      ours.forEach(r -> changes.add(new Delete(r)));
    }
    return new Plan(changes, conflicts.isEmpty() ? Optional.empty() : Optional.of(String.join("; ", conflicts)
        + ": they are left alone and no record of this resource is added next to them; delete them in ConoHa, or"
        + " choose another spec.dns.name"));
  }
}
