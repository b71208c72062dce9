package io.conoha.assistant.operator.chaos;

/**
 * One thing a user, the ConoHa control panel, ConoHa itself or the cluster does during a chaos run. Actions are
 * records, so the trace prints them as they were generated. An action whose precondition no longer holds when it
 * runs (the resource it names is still being deleted, its server does not exist yet) is skipped, not failed.
 */
interface Action {
  /** Does it; returns a note for the trace (what it resolved at run time, or why it was skipped), or "". */
  String run(ChaosWorld world);
}
