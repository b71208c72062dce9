package io.conoha.assistant.operator.chaos;

import java.util.List;
import java.util.stream.LongStream;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

/**
 * The model-based chaos test: random sequences of user actions, control-panel actions, ConoHa faults and operator
 * restarts against the real operator, on both API generations, then the data-safety promises checked from the
 * simulator's ledger (see {@link Invariants} and the README's "Model-based chaos test").
 *
 * <p>Why a seeded generator of our own and not jqwik: one sequence takes 15–40 s of wall-clock time against a
 * concurrent system (operator threads, simulator timers, the in-process API server), so the same actions do not
 * interleave the same way twice. jqwik's shrinking would re-run a failing sequence dozens of times, each run
 * slow and each verdict only probably the same: minutes of CPU on a shared 2-core CI for a shrunk case that may not
 * even fail again. A seed that fixes the action list and its pauses, plus a trace that says what each action
 * resolved to, is what a reader needs to replay and diagnose a failure; jqwik would add a dependency and take
 * that away.
 *
 * <p>{@code -Dchaos.seeds=N} runs seeds 1..N (CI runs {@link #CI_SEEDS}); {@code -Dchaos.seed=S} replays one.
 * Even seeds run on v2, odd ones on v3. {@code -Dchaos.verbose=true} prints the trace of passing seeds too.
 */
class ChaosTest {
  /**
   * Four seeds per generation (even: v2, odd: v3), chosen so that together they use every kind of action the
   * generator knows ({@link GeneratorTest} checks it).
   */
  static final List<Long> CI_SEEDS = List.of(5L, 6L, 22L, 26L, 33L, 37L, 63L, 70L);

  @TestFactory
  Stream<DynamicTest> randomActionSequencesKeepEveryDataSafetyPromise() {
    return seeds().stream().map(seed -> DynamicTest.dynamicTest(
        "seed " + seed + " (" + ScenarioGenerator.generationOf(seed) + ")", () -> {
          ChaosRun.Result result = ChaosRun.run(seed);
          System.out.println(Boolean.getBoolean("chaos.verbose") ? result.report() : result.summary());
          if (!result.broken().isEmpty()) {
            throw new AssertionError(result.report());
          }
        }));
  }

  static List<Long> seeds() {
    String one = System.getProperty("chaos.seed");
    if (one != null && !one.isBlank()) {
      return List.of(Long.parseLong(one.trim()));
    }
    Integer count = Integer.getInteger("chaos.seeds");
    return count == null ? CI_SEEDS : LongStream.rangeClosed(1, count).boxed().toList();
  }
}
