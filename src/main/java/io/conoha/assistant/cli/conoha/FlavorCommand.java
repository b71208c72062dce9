package io.conoha.assistant.cli.conoha;

import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;

/** {@code conoha flavor list}: the plans. */
@Command(name = "flavor", description = "List the plans (flavors).")
public final class FlavorCommand extends CommandGroup {
  @Command(name = "list", description = "List the plans; disk 0 means the server boots from a volume.")
  int list() {
    return list(spec);
  }

  /** Also `conoha flavors`. */
  public static int list(CommandSpec spec) {
    return CliRun.execute(spec, Schemas.FLAVOR, (c, out) -> out.list(c.client().compute().listFlavors()));
  }
}
