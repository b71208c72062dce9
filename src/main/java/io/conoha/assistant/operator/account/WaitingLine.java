package io.conoha.assistant.operator.account;

import io.conoha.assistant.client.http.CallPriority;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * Resources turned away by an account's bulkhead, in the order they came, one line per lane; a resource waits
 * once however often it was turned away. The urgent line is served first.
 */
final class WaitingLine {
  private final Map<String, Interest> urgent = new LinkedHashMap<>();
  private final Map<String, Interest> bulk = new LinkedHashMap<>();

  synchronized void add(CallPriority priority, Interest who) {
    if (priority == CallPriority.URGENT) {
      bulk.remove(who.key());
      urgent.putIfAbsent(who.key(), who);
    } else if (!urgent.containsKey(who.key())) {
      bulk.putIfAbsent(who.key(), who);
    }
  }

  /** The next resource to wake, taken out of its line. */
  synchronized Optional<Interest> next() {
    Map<String, Interest> line = !urgent.isEmpty() ? urgent : bulk;
    var first = line.entrySet().iterator();
    if (!first.hasNext()) {
      return Optional.empty();
    }
    Interest who = first.next().getValue();
    first.remove();
    return Optional.of(who);
  }

  synchronized int size() {
    return urgent.size() + bulk.size();
  }
}
