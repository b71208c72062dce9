package io.conoha.assistant.operator.chaos;

import static org.assertj.core.api.Assertions.assertThat;

import io.conoha.assistant.client.ApiGeneration;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/** The chaos test's generator: a seed is a replayable sequence, and CI's seeds use the whole vocabulary. */
class GeneratorTest {

  @Test
  void aSeedAlwaysGivesTheSameActionsWithTheSamePauses() {
    for (long seed : ChaosTest.CI_SEEDS) {
      assertThat(ScenarioGenerator.generate(seed)).isEqualTo(ScenarioGenerator.generate(seed));
    }
    assertThat(ScenarioGenerator.generate(1)).isNotEqualTo(ScenarioGenerator.generate(3));
  }

  @Test
  void ciSeedsCoverBothGenerationsAndEveryKindOfAction() {
    assertThat(ChaosTest.CI_SEEDS.stream().map(ScenarioGenerator::generationOf))
        .contains(ApiGeneration.V2, ApiGeneration.V3);
    Set<String> used = ChaosTest.CI_SEEDS.stream().flatMap(seed -> ScenarioGenerator.generate(seed).stream())
        .map(step -> kind(step.action())).collect(Collectors.toCollection(TreeSet::new));

    assertThat(used).as("change ChaosTest.CI_SEEDS so that every kind is used").containsAll(vocabulary());
  }

  @Test
  void sequencesStartWithAServerAndStayShort() {
    for (long seed = 1; seed <= 200; seed++) {
      List<Step> steps = ScenarioGenerator.generate(seed);
      assertThat(steps.get(0).action()).isInstanceOf(ServerActions.CreateServer.class);
      assertThat(steps).hasSizeBetween(14, 21); // a flip (two steps) may end one past the drawn length
      assertThat(steps).allSatisfy(s -> assertThat(s.pauseMillis()).isBetween(0L, 2500L));
    }
  }

  /** Every action record, and each fault kind on its own. */
  private static Set<String> vocabulary() {
    return Stream.concat(Stream.of(DeleteResource.class), Stream.of(ServerActions.class, ImageActions.class,
            OutsideActions.class).flatMap(c -> Arrays.stream(c.getDeclaredClasses())))
        .filter(c -> c.isRecord() && Action.class.isAssignableFrom(c))
        .flatMap(c -> c == OutsideActions.Fault.class
            ? Arrays.stream(OutsideActions.FaultKind.values()).map(k -> "Fault." + k)
            : Stream.of(c.getSimpleName()))
        .collect(Collectors.toCollection(TreeSet::new));
  }

  private static String kind(Action action) {
    return action instanceof OutsideActions.Fault fault ? "Fault." + fault.kind() : action.getClass().getSimpleName();
  }
}
