package io.conoha.assistant.operator.server;

import static org.assertj.core.api.Assertions.assertThat;

import io.conoha.assistant.api.Addresses;
import io.conoha.assistant.api.DnsSpec;
import io.conoha.assistant.api.DnsWhileArchived;
import io.conoha.assistant.client.model.DnsRecord;
import io.conoha.assistant.operator.server.DnsPlan.Create;
import io.conoha.assistant.operator.server.DnsPlan.Delete;
import io.conoha.assistant.operator.server.DnsPlan.Update;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Table tests of what DNS changes a server's addresses call for, and what is never touched. */
class DnsPlanTest {
  static final String UID = "uid-1";
  static final String FQDN = "mc.example.com.";
  static final Map<String, List<String>> BOTH = Map.of("A", List.of("203.0.113.2"), "AAAA", List.of("2001:db8::2"));
  static final Map<String, List<String>> NONE = Map.of("A", List.of(), "AAAA", List.of());

  static DnsRecord ours(String id, String name, String type, String data) {
    return new DnsRecord(id, name, type, data, 60, DnsPlan.marker(UID, "default.mc"));
  }

  static DnsRecord foreign(String id, String type, String data, String description) {
    return new DnsRecord(id, FQDN, type, data, 300, description);
  }

  @Test
  void aNewServerGetsAnAAndAnAaaaRecord() {
    DnsPlan.Plan plan = DnsPlan.plan(FQDN, BOTH, List.of(), UID);
    assertThat(plan.changes()).containsExactlyInAnyOrder(new Create(FQDN, "A", "203.0.113.2"),
        new Create(FQDN, "AAAA", "2001:db8::2"));
    assertThat(plan.conflict()).isEmpty();
  }

  @Test
  void aRestoredServersNewAddressUpdatesItsRecordsInPlace() {
    DnsRecord a = ours("r1", FQDN, "A", "203.0.113.1");
    DnsRecord aaaa = ours("r2", FQDN, "AAAA", "2001:db8::1");
    assertThat(DnsPlan.plan(FQDN, BOTH, List.of(a, aaaa), UID).changes())
        .containsExactlyInAnyOrder(new Update(a, "203.0.113.2"), new Update(aaaa, "2001:db8::2"));
  }

  @Test
  void recordsThatAlreadyPointRightAreLeftAlone() {
    assertThat(DnsPlan.plan(FQDN, BOTH, List.of(ours("r1", FQDN, "A", "203.0.113.2"),
        ours("r2", FQDN, "AAAA", "2001:db8::2")), UID).changes()).isEmpty();
  }

  @Test
  void aRecordMadeByHandIsNeitherChangedNorJoinedAndIsReported() {
    DnsPlan.Plan plan = DnsPlan.plan(FQDN, BOTH, List.of(foreign("f1", "A", "198.51.100.7", "old box")), UID);
    assertThat(plan.changes()).isEmpty();
    assertThat(plan.conflict()).hasValueSatisfying(m -> assertThat(m).contains("[A 198.51.100.7] of " + FQDN));
  }

  @Test
  void anotherResourcesRecordIsForeignToo() {
    DnsRecord theirs = new DnsRecord("o1", FQDN, "A", "203.0.113.9", 60, DnsPlan.marker("uid-2", "default.other"));
    assertThat(DnsPlan.plan(FQDN, BOTH, List.of(theirs), UID).conflict()).isPresent();
  }

  @Test
  void aCnameOfTheNameIsAConflict() {
    assertThat(DnsPlan.plan(FQDN, BOTH, List.of(foreign("c1", "CNAME", "elsewhere.example.com.", null)), UID)
        .conflict()).isPresent();
  }

  @Test
  void removingDeletesOnlyWhatThisResourceMade() {
    DnsRecord a = ours("r1", FQDN, "A", "203.0.113.1");
    DnsRecord mx = foreign("m1", "MX", "10 mail.example.com.", null);
    DnsRecord handMade = foreign("f1", "AAAA", "2001:db8::7", "by hand");
    DnsPlan.Plan plan = DnsPlan.plan(FQDN, NONE, List.of(a, mx, handMade), UID);
    assertThat(plan.changes()).containsExactly(new Delete(a));
    assertThat(plan.conflict()).as("nothing is being added").isEmpty();
  }

  @Test
  void aRenamedSpecDnsNameMovesTheRecords() {
    DnsRecord old = ours("r1", "old.example.com.", "A", "203.0.113.2");
    assertThat(DnsPlan.plan(FQDN, Map.of("A", List.of("203.0.113.2")), List.of(old), UID).changes())
        .containsExactlyInAnyOrder(new Delete(old), new Create(FQDN, "A", "203.0.113.2"));
  }

  @Test
  void whatIsWantedFollowsTheServerAndWhileArchived() {
    DnsSpec keep = new DnsSpec("example.com.", "mc", 60, DnsWhileArchived.Keep);
    DnsSpec remove = new DnsSpec("example.com.", "mc", 60, DnsWhileArchived.Remove);
    Addresses v4only = new Addresses(List.of("203.0.113.2"), List.of());
    assertThat(DnsPlan.wanted(keep, v4only, true, false, false)).isEqualTo(Map.of("A", List.of("203.0.113.2"), "AAAA", List.of()));
    assertThat(DnsPlan.wanted(keep, null, false, true, false)).as("archived, Keep: left as it is").isEmpty();
    assertThat(DnsPlan.wanted(remove, null, false, true, false)).as("archived, Remove").isEqualTo(NONE);
    assertThat(DnsPlan.wanted(remove, null, false, false, false)).as("being created: nothing known yet").isEmpty();
    assertThat(DnsPlan.wanted(keep, new Addresses(List.of(), List.of()), true, false, false)).as("no address yet").isEmpty();
    assertThat(DnsPlan.wanted(keep, v4only, true, false, true)).as("the resource goes").isEqualTo(NONE);
    assertThat(DnsPlan.wanted(null, v4only, true, false, false)).as("spec.dns removed").isEqualTo(NONE);
  }
}
