package io.conoha.assistant.client.openstack;

import static io.conoha.assistant.client.openstack.UrlPath.segment;

import io.conoha.assistant.client.DnsService;
import io.conoha.assistant.client.http.ApiCaller;
import io.conoha.assistant.client.http.ApiRequest;
import io.conoha.assistant.client.http.ApiService;
import io.conoha.assistant.client.http.Blocking;
import io.conoha.assistant.client.model.DnsRecord;
import io.conoha.assistant.client.model.DnsZone;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.json.JsonObject;
import java.util.List;
import java.util.Map;

/** ConoHa DNS: the Designate v1 API, {@code /v1/domains} and their records, answered unpaged. */
public final class DesignateDns implements DnsService {
  private static final ApiService DNS = ApiService.DNS;

  private final ApiCaller caller;

  public DesignateDns(ApiCaller caller) {
    this.caller = caller;
  }

  @Override
  public List<DnsZone> listZones() {
    ApiRequest request = ApiRequest.get(DNS, "dns.domains.list", "/v1/domains");
    return Blocking.await(caller.call(request).map(r -> Json.objects(r.json(), "domains").stream()
        .map(DesignateDns::zone).toList()), request.operation());
  }

  @Override
  public List<DnsRecord> listRecords(String zoneId) {
    ApiRequest request = ApiRequest.get(DNS, "dns.records.list", records(zoneId));
    return Blocking.await(caller.call(request).map(r -> Json.objects(r.json(), "records").stream()
        .map(DesignateDns::record).toList()), request.operation());
  }

  @Override
  public DnsRecord createRecord(String zoneId, DnsRecord record) {
    JsonObject body = new JsonObject().put("name", record.name()).put("type", record.type()).put("data", record.data());
    if (record.ttl() != null) {
      body.put("ttl", record.ttl());
    }
    if (record.description() != null) {
      body.put("description", record.description());
    }
    ApiRequest request = ApiRequest.post(DNS, "dns.records.create", records(zoneId), body);
    return Blocking.await(caller.call(request).map(r -> record(r.json())), request.operation());
  }

  @Override
  public DnsRecord updateRecord(String zoneId, String recordId, String data, int ttl) {
    ApiRequest request = new ApiRequest(DNS, "dns.records.update", HttpMethod.PUT,
        records(zoneId) + "/" + segment(recordId), Map.of(), new JsonObject().put("data", data).put("ttl", ttl),
        List.of());
    return Blocking.await(caller.call(request).map(r -> record(r.json())), request.operation());
  }

  @Override
  public void deleteRecord(String zoneId, String recordId) {
    ApiRequest request = ApiRequest.delete(DNS, "dns.records.delete", records(zoneId) + "/" + segment(recordId));
    Blocking.await(caller.call(request).mapEmpty(), request.operation());
  }

  private static String records(String zoneId) {
    return "/v1/domains/" + segment(zoneId) + "/records";
  }

  private static DnsZone zone(JsonObject o) {
    return new DnsZone(Json.string(o, "id"), Json.string(o, "name"), Json.integer(o, "ttl"), Json.string(o, "email"));
  }

  private static DnsRecord record(JsonObject o) {
    return new DnsRecord(Json.string(o, "id"), Json.string(o, "name"), Json.string(o, "type"), Json.string(o, "data"),
        Json.integer(o, "ttl"), Json.string(o, "description"));
  }
}
