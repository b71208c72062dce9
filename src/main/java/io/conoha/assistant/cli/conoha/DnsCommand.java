package io.conoha.assistant.cli.conoha;

import io.conoha.assistant.client.DnsService;
import io.conoha.assistant.client.error.ConohaException;
import io.conoha.assistant.client.model.DnsRecord;
import io.conoha.assistant.client.model.DnsZone;
import java.util.List;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;

/** {@code conoha dns zones} and {@code conoha dns records ZONE}: what ConoHa DNS holds for the account. */
@Command(name = "dns", description = "List the account's DNS zones, or the records of one zone.")
public final class DnsCommand extends CommandGroup {
  @Command(name = "zones", description = "List the DNS zones (domains).")
  int zones() {
    return CliRun.execute(spec, c -> c.print(zones(c.client().dns().listZones())));
  }

  @Command(name = "records", description = "List the records of a zone.")
  int records(@Parameters(paramLabel = "ZONE", description = "Zone name (example.com or example.com.) or id.") String zone) {
    return CliRun.execute(spec, c -> {
      DnsService dns = c.client().dns();
      c.print(records(dns.listRecords(find(dns.listZones(), zone).id())));
    });
  }

  static DnsZone find(List<DnsZone> zones, String wanted) {
    String fqdn = wanted.endsWith(".") ? wanted : wanted + ".";
    return zones.stream().filter(z -> z.id().equals(wanted) || z.name().equalsIgnoreCase(fqdn)).findFirst()
        .orElseThrow(() -> new ConohaException(ConohaException.Kind.NOT_FOUND, "dns.domains.list", 404,
            "no DNS zone " + wanted + " in this account (zones: " + zones.stream().map(DnsZone::name).toList() + ")"));
  }

  static View zones(List<DnsZone> zones) {
    Table table = Table.of("ID", "NAME", "TTL", "EMAIL");
    zones.forEach(z -> table.row(z.id(), z.name(), z.ttl(), z.email()));
    return new View(zones, table);
  }

  static View records(List<DnsRecord> records) {
    Table table = Table.of("ID", "NAME", "TYPE", "DATA", "TTL", "DESCRIPTION");
    records.forEach(r -> table.row(r.id(), r.name(), r.type(), r.data(), r.ttl(), r.description()));
    return new View(records, table);
  }
}
