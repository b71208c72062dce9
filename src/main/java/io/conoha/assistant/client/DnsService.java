package io.conoha.assistant.client;

import io.conoha.assistant.client.model.DnsRecord;
import io.conoha.assistant.client.model.DnsZone;
import java.util.List;

/** ConoHa DNS, Designate v1 style ({@code /v1/domains}, {@code /v1/domains/{id}/records}), on both generations. */
public interface DnsService {
  List<DnsZone> listZones();

  List<DnsRecord> listRecords(String zoneId);

  /** Never retried: a lost answer may have created it (look for it by name and description). */
  DnsRecord createRecord(String zoneId, DnsRecord record);

  /** Changes a record's data and TTL in place (its id and description stay). */
  DnsRecord updateRecord(String zoneId, String recordId, String data, int ttl);

  void deleteRecord(String zoneId, String recordId);
}
