package io.conoha.assistant.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.conoha.assistant.cli.CliRunner.Run;
import io.conoha.assistant.sim.SimImage;
import io.conoha.assistant.sim.SimServer;
import io.conoha.assistant.sim.SimVolume;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** `conoha cleanup --tag`: what a crashed script or test left behind is found by its tags and deleted. */
class ConohaCleanupTest extends OnASimulatedAccount {
  private List<String> serverNames() {
    return sim.ledger().state().servers().stream().map(SimServer::nameTag).sorted().toList();
  }

  private List<String> imageNames() {
    return sim.ledger().state().privateImages().stream().map(SimImage::name).sorted().toList();
  }

  /** A script's server made with `conoha server create --tag`, one made by hand, one delete-locked, two images. */
  private String leftovers() {
    Run create = conoha("server", "create", "--name-tag", "ci-web", "--flavor", PLAN, "--image", UBUNTU,
        "--tag", "run=ci-42", "--wait", FAST, "-f", "value", "-c", "id");
    assertThat(create.exitCode()).as(create.err()).isZero();
    sim.admin().createServer("by-hand", PLAN, UBUNTU, Map.of());
    sim.admin().createServer("locked", PLAN, UBUNTU, Map.of("run", "ci-42", "IsDeleteLocked", "True"));
    sim.admin().createPrivateImage("ci-image", Map.of("run", "ci-42"));
    sim.admin().createPrivateImage("other-run", Map.of("run", "ci-43"));
    return create.out().strip();
  }

  @Test
  void aDryRunListsWhatTheTagMarksAndDeletesNothing() {
    String server = leftovers();
    String boot = sim.ledger().state().server(server).orElseThrow().volumeIds().get(0);

    Run run = conoha("cleanup", "--tag", "run=ci-42", "--dry-run", "-c", "kind", "-c", "id", "-c", "name",
        "-c", "reason", "-c", "result", "-f", "value");

    assertThat(run.exitCode()).isZero();
    assertThat(run.err()).isEmpty();
    assertThat(run.outLines()).hasSize(4).contains(
        "server " + server + " ci-web tagged would delete",
        "volume " + boot + " ci-web-boot boot volume of server ci-web would delete");
    assertThat(run.outLines()).anyMatch(l -> l.matches("server \\S+ locked tagged skipped: delete-locked \\(IsDeleteLocked\\)"))
        .anyMatch(l -> l.matches("image \\S+ ci-image tagged would delete"));
    assertThat(sim.ledger().count("servers.delete") + sim.ledger().count("volumes.delete")
        + sim.ledger().count("images.delete")).isZero();
  }

  @Test
  void cleanupDeletesTheTaggedServerItsBootVolumeAndTheTaggedImageAndLeavesTheRest() {
    String server = leftovers();
    String boot = sim.ledger().state().server(server).orElseThrow().volumeIds().get(0);
    assertThat(sim.ledger().state().volume(boot).orElseThrow().metadata()).containsEntry("run", "ci-42");

    Run run = conoha("cleanup", "--tag", "run=ci-42", "--wait", FAST);

    assertThat(run.exitCode()).as(run.err()).isZero();
    assertThat(run.out()).containsPattern("server +" + server + " +ci-web +tagged +deleted")
        .containsPattern("volume +" + boot + " +ci-web-boot +boot volume of server ci-web +deleted")
        .containsPattern("image +\\S+ +ci-image +tagged +deleted")
        .containsPattern("server +\\S+ +locked +tagged +skipped: delete-locked");
    assertThat(serverNames()).containsExactly("by-hand", "locked");
    assertThat(sim.ledger().state().volumes()).hasSize(2).extracting(SimVolume::id).doesNotContain(boot);
    assertThat(imageNames()).containsExactly("other-run");
  }

  @Test
  void aBareKeyMatchesAnyValueAndTheOperatorsResourceTagFindsWhatItMade() {
    sim.admin().createServer("web", PLAN, UBUNTU, Map.of("conoha-assistant:owner", "4b1c", "conoha-assistant:resource",
        "default.web"));
    sim.admin().createServer("db", PLAN, UBUNTU, Map.of("conoha-assistant:owner", "77e0", "conoha-assistant:resource",
        "default.db"));

    Run any = conoha("cleanup", "--tag", "conoha-assistant:owner", "--dry-run", "-f", "value", "-c", "name",
        "-c", "kind");
    Run one = conoha("cleanup", "--tag", "conoha-assistant:resource=default.web", FAST);

    assertThat(any.outLines()).containsExactlyInAnyOrder("web server", " volume", "db server", " volume");
    assertThat(one.exitCode()).as(one.err()).isZero();
    assertThat(serverNames()).containsExactly("db");
    assertThat(one.out()).containsPattern("volume +\\S+ +- +boot volume of server web +deleting");
    assertThat(sim.ledger().state().volumes()).filteredOn(v -> !v.status().equals("deleting")).hasSize(1);
  }

  @Test
  void nothingTaggedIsSaidOnStderrAndABadTagIsAUsageError() {
    Run nothing = conoha("cleanup", "--tag", "run=none");
    Run bad = conoha("cleanup", "--tag", "=x");
    Run missing = conoha("cleanup");

    assertThat(nothing.exitCode()).isZero();
    assertThat(nothing.outLines()).containsExactly("kind  id  name  reason  result");
    assertThat(nothing.err()).isEqualTo("nothing carries run=none" + System.lineSeparator());
    assertThat(bad.exitCode()).isEqualTo(2);
    assertThat(bad.err()).contains("a tag is KEY=VALUE or KEY, got \"=x\"");
    assertThat(missing.exitCode()).isEqualTo(2);
    assertThat(missing.err()).contains("Missing required option: '--tag=KEY[=VALUE]'");
  }
}
