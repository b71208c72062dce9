package io.conoha.assistant.operator.chaos;

/** {@code kubectl delete} of whichever resource holds the name now (a ConohaServer or a ConohaImage). */
record DeleteResource(String slot) implements Action {
  @Override
  public String run(ChaosWorld world) {
    Live live = world.current(slot);
    if (live == null) {
      return "skipped: no " + slot;
    }
    world.delete(live);
    return live + " (" + live.policy + ")";
  }
}
