package io.conoha.assistant.ship;

import static org.assertj.core.api.Assertions.assertThat;

import io.conoha.assistant.operator.Reasons;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/** Argo CD calls Degraded exactly the reasons the operator says the user must fix: a new reason cannot be missed. */
class ArgoCdReasonsTest {
  @Test
  void theHealthCheckKnowsEveryReasonTheUserMustFix() {
    String script = ShipFiles.read("deploy/argocd/health.lua");
    Matcher table = Pattern.compile("local USER_MUST_FIX = \\{(.*?)\\}", Pattern.DOTALL).matcher(script);
    assertThat(table.find()).as("USER_MUST_FIX table in health.lua").isTrue();
    Set<String> inLua = new TreeSet<>();
    Matcher key = Pattern.compile("(\\w+) = true").matcher(table.group(1));
    while (key.find()) {
      inLua.add(key.group(1));
    }
    assertThat(inLua).isEqualTo(new TreeSet<>(Reasons.USER_MUST_FIX));
  }
}
