package io.conoha.assistant.cli.conoha;

import io.conoha.assistant.cli.DurationConverter;

import java.time.Duration;
import picocli.CommandLine.Option;

/** --wait, --timeout and --poll-interval, shared by every command that can wait. */
public final class WaitOptions {
  @Option(names = "--wait", description = "Wait until the change is complete (for a delete: until everything it "
      + "deletes is gone).")
  boolean wait;

  @Option(names = "--timeout", paramLabel = "DURATION", defaultValue = "10m", converter = DurationConverter.class,
      description = "How long each wait may take, including the ones a command always makes (a boot volume "
          + "becoming available, a server going before its boot volume is deleted). Default: ${DEFAULT-VALUE}.")
  Duration timeout = Duration.ofMinutes(10);

  @Option(names = "--poll-interval", paramLabel = "DURATION", defaultValue = "5s", converter = DurationConverter.class,
      description = "How often a wait looks. Default: ${DEFAULT-VALUE}.")
  Duration pollInterval = Duration.ofSeconds(5);

  /** For commands without wait options: no --wait, the default timeouts. */
  static WaitOptions none() {
    return new WaitOptions();
  }

  public boolean enabled() {
    return wait;
  }

  public Waiter waiter() {
    return new Waiter(timeout, pollInterval);
  }
}
