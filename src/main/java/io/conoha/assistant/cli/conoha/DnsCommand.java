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
  static final Columns<DnsZone> ZONE = Columns.of("dns zone",
      Column.of("id", DnsZone::id),
      Column.of("name", DnsZone::name),
      Column.of("ttl", DnsZone::ttl),
      Column.of("email", DnsZone::email));

  static final Columns<DnsRecord> RECORD = Columns.of("dns record",
      Column.of("id", DnsRecord::id),
      Column.of("name", DnsRecord::name),
      Column.of("type", DnsRecord::type),
      Column.of("data", DnsRecord::data),
      Column.of("ttl", DnsRecord::ttl),
      Column.of("description", DnsRecord::description));

  @Command(name = "zones", description = "List the DNS zones (domains).")
  int zones() {
    return CliRun.execute(spec, ZONE, (c, out) -> out.list(c.client().dns().listZones()));
  }

  @Command(name = "records", description = "List the records of a zone.")
  int records(@Parameters(paramLabel = "ZONE", description = "Zone name (example.com or example.com.) or id.") String zone) {
    return CliRun.execute(spec, RECORD, (c, out) -> {
      DnsService dns = c.client().dns();
      out.list(dns.listRecords(find(dns.listZones(), zone).id()));
    });
  }

  static DnsZone find(List<DnsZone> zones, String wanted) {
    String fqdn = wanted.endsWith(".") ? wanted : wanted + ".";
    return zones.stream().filter(z -> z.id().equals(wanted) || z.name().equalsIgnoreCase(fqdn)).findFirst()
        .orElseThrow(() -> new ConohaException(ConohaException.Kind.NOT_FOUND, "dns.domains.list", 404,
            "no DNS zone " + wanted + " in this account (zones: " + zones.stream().map(DnsZone::name).toList() + ")"));
  }
}
