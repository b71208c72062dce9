package io.conoha.assistant.operator.account;

import static io.conoha.assistant.client.http.CallPriority.BULK;
import static io.conoha.assistant.client.http.CallPriority.URGENT;
import static org.assertj.core.api.Assertions.assertThat;

import io.conoha.assistant.client.http.CallPriority;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Who gets into an account's 12 places: bulk never the last 2, urgent never more than 6. */
class BulkheadTest {
  @ParameterizedTest(name = "{0} bulk and {1} urgent inside: bulk enters {2}, urgent enters {3}")
  @CsvSource({
      "0, 0, true, true",
      "9, 0, true, true",
      "10, 0, false, true",
      "10, 2, false, false",
      "6, 6, false, false",
      "4, 6, true, false",
      "0, 6, true, false",
      "5, 5, true, true",
  })
  void placesByLane(int bulk, int urgent, boolean bulkEnters, boolean urgentEnters) {
    assertThat(filled(bulk, urgent).tryEnter(BULK)).isEqualTo(bulkEnters);
    assertThat(filled(bulk, urgent).tryEnter(URGENT)).isEqualTo(urgentEnters);
  }

  @ParameterizedTest(name = "a place left by {0} is free again")
  @CsvSource({"BULK", "URGENT"})
  void leavingFreesThePlace(CallPriority lane) {
    Bulkhead full = filled(lane == BULK ? 10 : 0, lane == URGENT ? 6 : 0);
    assertThat(full.tryEnter(lane)).isFalse();
    full.leave(lane);
    assertThat(full.tryEnter(lane)).isTrue();
  }

  private static Bulkhead filled(int bulk, int urgent) {
    Bulkhead b = new Bulkhead(Account.MAX_CALLERS, Account.URGENT_ONLY, Account.MAX_URGENT);
    for (int i = 0; i < urgent; i++) {
      assertThat(b.tryEnter(URGENT)).isTrue();
    }
    for (int i = 0; i < bulk; i++) {
      assertThat(b.tryEnter(BULK)).isTrue();
    }
    return b;
  }
}
