package io.conoha.assistant.operator.server;

import io.conoha.assistant.api.ConohaServerStatus;
import io.conoha.assistant.api.DnsSpec;
import io.conoha.assistant.api.DnsStatus;
import io.conoha.assistant.client.DnsService;
import io.conoha.assistant.client.error.ConohaException;
import io.conoha.assistant.client.model.DnsRecord;
import io.conoha.assistant.client.model.DnsZone;
import io.conoha.assistant.operator.Reasons;
import io.conoha.assistant.operator.reconcile.StepFailure;
import io.conoha.assistant.operator.server.DnsPlan.Create;
import io.conoha.assistant.operator.server.DnsPlan.Delete;
import io.conoha.assistant.operator.server.DnsPlan.Update;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * Keeps spec.dns pointing at the server, after the server's own step: reads the zone only when what status
 * recorded differs from what is wanted (so a settled server costs no DNS call), applies {@link DnsPlan}, and
 * records what it owns in status.dns. A record that was created although its answer was lost is found again by its
 * marker, so nothing is made twice.
 */
final class DnsKeeper {
  private final ServerRun run;
  private final ConohaServerStatus status;

  DnsKeeper(ServerRun run) {
    this.run = run;
    this.status = run.status();
  }

  /** Brings the records in line with the server (or, with {@code removeAll}, removes them); true when done. */
  boolean keep(boolean removeAll) {
    DnsSpec spec = run.resource().getSpec() == null ? null : run.resource().getSpec().getDns();
    DnsStatus recorded = status.getDns();
    if (spec == null && recorded == null) {
      return true;
    }
    String fqdn = spec != null ? spec.fqdn() : recorded.getFqdn();
    Map<String, List<String>> wanted = DnsPlan.wanted(spec, status.getAddresses(), status.getServerId() != null,
        status.getArchive() != null, removeAll);
    if (wanted.isEmpty() || upToDate(recorded, fqdn, wanted)) {
      return true;
    }
    try {
      return apply(spec, recorded, fqdn, wanted);
    } catch (ConohaException e) {
      if (e.kind() == ConohaException.Kind.CONFIGURATION) {
        throw StepFailure.userMustFix(Reasons.DNS_UNAVAILABLE, "ConoHa DNS: " + e.getMessage());
      }
      throw StepFailure.transientFailure(Reasons.DNS_UNAVAILABLE, "ConoHa DNS: " + e.getMessage()
          + "; the server itself is not affected, DNS is tried again");
    }
  }

  private boolean apply(DnsSpec spec, DnsStatus recorded, String fqdn, Map<String, List<String>> wanted) {
    DnsService dns = run.account().client().dns();
    String zoneId = zoneId(dns, spec, recorded);
    if (zoneId == null) {
      status.setDns(null); // the zone is gone, and with it every record this resource made
      return true;
    }
    List<DnsRecord> zone = dns.listRecords(zoneId);
    DnsPlan.Plan plan = DnsPlan.plan(fqdn, wanted, zone, run.uid());
    List<String> changed = new ArrayList<>();
    int ttl = spec == null || spec.getTtl() == null ? 60 : spec.getTtl();
    String marker = DnsPlan.marker(run.uid(), run.tagName());
    for (DnsPlan.Change change : plan.changes()) {
      if (change instanceof Create c) {
        dns.createRecord(zoneId, new DnsRecord(null, c.name(), c.type(), c.data(), ttl, marker));
        changed.add(c.type() + " " + c.data());
      } else if (change instanceof Update u) {
        dns.updateRecord(zoneId, u.record().id(), u.data(), ttl);
        changed.add(u.record().type() + " " + u.record().data() + " → " + u.data());
      } else if (change instanceof Delete d) {
        ServerRun.deleteIfPresent(() -> dns.deleteRecord(zoneId, d.record().id()));
        changed.add("removed " + d.record().type() + " " + d.record().data());
      }
    }
    record(fqdn, zoneId, dns.listRecords(zoneId));
    if (!changed.isEmpty()) {
      run.ops().events().normal(run.resource(), "DnsUpdated", fqdn + ": " + String.join(", ", changed));
    }
    plan.conflict().ifPresent(message -> {
      throw StepFailure.userMustFix(Reasons.DNS_RECORD_CONFLICT, message);
    });
    return true;
  }

  /** What this resource owns now, read back from the zone (so status never claims a record that is not there). */
  private void record(String fqdn, String zoneId, List<DnsRecord> zone) {
    List<DnsRecord> ours = zone.stream().filter(r -> DnsPlan.ownedBy(r, run.uid())).toList();
    if (ours.isEmpty() && run.resource().getSpec().getDns() == null) {
      status.setDns(null);
      return;
    }
    DnsStatus next = new DnsStatus();
    next.setFqdn(fqdn);
    next.setZoneId(zoneId);
    next.setRecordIds(new ArrayList<>(ours.stream().map(DnsRecord::id).toList()));
    next.setAddresses(new ArrayList<>(ours.stream().map(DnsRecord::data).toList()));
    status.setDns(next);
  }

  /** Status already shows the wanted records (a record changed by hand meanwhile is not looked for). */
  private static boolean upToDate(DnsStatus recorded, String fqdn, Map<String, List<String>> wanted) {
    if (recorded == null) {
      return wanted.values().stream().allMatch(List::isEmpty);
    }
    List<String> addresses = wanted.values().stream().flatMap(List::stream).sorted().toList();
    return Objects.equals(recorded.getFqdn(), fqdn)
        && recorded.getAddresses().stream().sorted().toList().equals(addresses);
  }

  private String zoneId(DnsService dns, DnsSpec spec, DnsStatus recorded) {
    List<DnsZone> zones = dns.listZones();
    String name = spec != null ? spec.getZone() : null;
    for (DnsZone z : zones) {
      if (name != null ? z.name().equalsIgnoreCase(name) : z.id().equals(recorded.getZoneId())) {
        return z.id();
      }
    }
    if (name == null) {
      return null;
    }
    throw StepFailure.userMustFix(Reasons.DNS_ZONE_NOT_FOUND, "DNS zone " + name + " is not in this ConoHa account"
        + " (zones: " + zones.stream().map(DnsZone::name).toList() + "); add it in the control panel, or fix"
        + " spec.dns.zone");
  }
}
