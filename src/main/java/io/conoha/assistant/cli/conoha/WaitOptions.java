package io.conoha.assistant.cli.conoha;

import io.conoha.assistant.cli.DurationConverter;

import java.time.Duration;
import picocli.CommandLine.Option;

/** --wait, --timeout and --poll-interval, shared by every command that can wait. */
public final class WaitOptions {
  @Option(names = "--wait", description = "Wait until the change is complete.")
  boolean wait;

  @Option(names = "--timeout", paramLabel = "DURATION", defaultValue = "10m", converter = DurationConverter.class,
      description = "How long --wait waits (and how long a boot volume may take). Default: ${DEFAULT-VALUE}.")
  Duration timeout;

  @Option(names = "--poll-interval", paramLabel = "DURATION", defaultValue = "5s", converter = DurationConverter.class,
      description = "How often --wait looks. Default: ${DEFAULT-VALUE}.")
  Duration pollInterval;

  public boolean enabled() {
    return wait;
  }

  public Waiter waiter() {
    return new Waiter(timeout, pollInterval);
  }
}
