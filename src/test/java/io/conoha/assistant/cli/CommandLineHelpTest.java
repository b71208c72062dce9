package io.conoha.assistant.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.conoha.assistant.cli.CliRunner.Run;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import picocli.CommandLine;
import picocli.CommandLine.Model.ArgSpec;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Model.OptionSpec;

/** What `--help`, `--version` and a bare command tell a user. */
class CommandLineHelpTest {
  private static final Path BASEDIR = Path.of(System.getProperty("project.basedir", "."));

  static Stream<CommandSpec> allCommands(CommandSpec spec) {
    return Stream.concat(Stream.of(spec), spec.subcommands().values().stream().map(CommandLine::getCommandSpec)
        .distinct().flatMap(CommandLineHelpTest::allCommands));
  }

  @Test
  void everyOptionAndParameterOfEveryCommandHasHelpText() {
    List<String> undocumented = new ArrayList<>();
    allCommands(new CommandLine(new Main()).getCommandSpec()).forEach(command -> {
      List<ArgSpec> args = new ArrayList<>(command.options());
      args.addAll(command.positionalParameters());
      for (ArgSpec arg : args) {
        if (String.join("", arg.description()).isBlank()) {
          undocumented.add(command.qualifiedName() + " " + (arg instanceof OptionSpec o ? o.longestName()
              : arg.paramLabel()));
        }
      }
    });

    assertThat(undocumented).isEmpty();
  }

  @Test
  void verboseSaysItsLinesGoToStandardError() {
    Run help = CliRunner.run("conoha", "server", "list", "--help");

    assertThat(help.exitCode()).isZero();
    assertThat(help.out()).containsPattern("--verbose +Log the client's HTTP requests and retries to\\s+standard error");
  }

  @ParameterizedTest
  @ValueSource(strings = {"", "conoha", "conoha server", "conoha volume", "conoha image", "conoha flavor"})
  void aCommandWithoutItsSubcommandPrintsHelpOnStderrAndExitsTwo(String command) {
    Run run = CliRunner.run(command.isEmpty() ? new String[0] : command.split(" "));

    assertThat(run.exitCode()).isEqualTo(2);
    assertThat(run.out()).isEmpty();
    assertThat(run.err()).startsWith("Usage: conoha-assistant" + (command.isEmpty() ? "" : " " + command))
        .contains("Commands:");
  }

  @Test
  void versionIsTheProjectVersionAndTheGitCommitOfTheBuild() throws Exception {
    Run top = CliRunner.run("--version");
    Run conoha = CliRunner.run("conoha", "--version");
    Run leaf = CliRunner.run("conoha", "server", "list", "--version");

    Matcher pom = Pattern.compile("<artifactId>conoha-assistant</artifactId>\\s*<version>([^<]+)</version>")
        .matcher(Files.readString(BASEDIR.resolve("pom.xml")));
    assertThat(pom.find()).isTrue();
    assertThat(top.exitCode()).isZero();
    assertThat(top.out()).isEqualTo("conoha-assistant " + pom.group(1) + " (commit " + headCommit() + ")"
        + System.lineSeparator());
    assertThat(conoha.out()).isEqualTo(top.out());
    assertThat(leaf.out()).isEqualTo(top.out());
  }

  /** What the build saw: the short HEAD commit, or "unknown" outside a git checkout. */
  private static String headCommit() throws IOException, InterruptedException {
    try {
      Process git = new ProcessBuilder("git", "rev-parse", "--short=7", "HEAD").directory(BASEDIR.toFile())
          .redirectErrorStream(true).start();
      String out = new String(git.getInputStream().readAllBytes()).strip();
      return git.waitFor(30, TimeUnit.SECONDS) && git.exitValue() == 0 ? out : "unknown";
    } catch (IOException e) {
      return "unknown";
    }
  }
}
