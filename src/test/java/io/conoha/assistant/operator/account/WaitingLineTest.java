package io.conoha.assistant.operator.account;

import static io.conoha.assistant.client.http.CallPriority.BULK;
import static io.conoha.assistant.client.http.CallPriority.URGENT;
import static org.assertj.core.api.Assertions.assertThat;

import io.javaoperatorsdk.operator.processing.event.ResourceID;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** Resources turned away by a full bulkhead are woken in order, fresh changes first, each once. */
class WaitingLineTest {
  @Test
  void urgentFirstThenBulkInArrivalOrderEachOnce() {
    WaitingLine line = new WaitingLine();
    line.add(BULK, who("a"));
    line.add(BULK, who("b"));
    line.add(BULK, who("a"));
    line.add(URGENT, who("u"));
    line.add(URGENT, who("b"));
    line.add(BULK, who("b"));

    assertThat(line.size()).as("a, b (now urgent) and u, each once").isEqualTo(3);
    assertThat(drain(line)).containsExactly("u", "b", "a");
    assertThat(line.next()).isEmpty();
  }

  private static List<String> drain(WaitingLine line) {
    List<String> order = new ArrayList<>();
    for (var next = line.next(); next.isPresent(); next = line.next()) {
      order.add(next.get().resource().getName());
    }
    return order;
  }

  private static Interest who(String name) {
    return new Interest("ConohaServer", new ResourceID(name, "default"), Set.of(), false, Set.of(), "");
  }
}
