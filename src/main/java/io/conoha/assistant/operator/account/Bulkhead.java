package io.conoha.assistant.operator.account;

import io.conoha.assistant.client.http.CallPriority;

/**
 * At most {@code places} callers inside at once, in two lanes: bulk callers never take the last
 * {@code urgentOnly} places, and urgent callers never hold more than {@code maxUrgent}. So a user's fresh change
 * finds a place however much bulk work waits, and a flood of fresh changes cannot lock bulk work out.
 */
final class Bulkhead {
  private final int places;
  private final int urgentOnly;
  private final int maxUrgent;
  private int urgentInside;
  private int bulkInside;

  Bulkhead(int places, int urgentOnly, int maxUrgent) {
    if (urgentOnly > maxUrgent || maxUrgent > places) {
      throw new IllegalArgumentException("need urgentOnly <= maxUrgent <= places");
    }
    this.places = places;
    this.urgentOnly = urgentOnly;
    this.maxUrgent = maxUrgent;
  }

  synchronized boolean tryEnter(CallPriority priority) {
    int inside = urgentInside + bulkInside;
    if (priority == CallPriority.URGENT) {
      if (inside < places && urgentInside < maxUrgent) {
        urgentInside++;
        return true;
      }
      return false;
    }
    if (inside < places && bulkInside < places - urgentOnly) {
      bulkInside++;
      return true;
    }
    return false;
  }

  synchronized void leave(CallPriority priority) {
    if (priority == CallPriority.URGENT) {
      urgentInside = Math.max(0, urgentInside - 1);
    } else {
      bulkInside = Math.max(0, bulkInside - 1);
    }
  }
}
