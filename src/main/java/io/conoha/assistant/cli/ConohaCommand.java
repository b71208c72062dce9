package io.conoha.assistant.cli;

import io.conoha.assistant.cli.conoha.CleanupCommand;
import io.conoha.assistant.cli.conoha.CliRun;
import io.conoha.assistant.cli.conoha.CommandGroup;
import io.conoha.assistant.cli.conoha.FlavorCommand;
import io.conoha.assistant.cli.conoha.ImageCommand;
import io.conoha.assistant.cli.conoha.ImageFilter;
import io.conoha.assistant.cli.conoha.OutputFormat;
import io.conoha.assistant.cli.conoha.Schemas;
import io.conoha.assistant.cli.conoha.ServerCommand;
import io.conoha.assistant.cli.conoha.VolumeCommand;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.ScopeType;

/**
 * {@code conoha <command>}: the ConoHa client on the command line, with the habits of the openstack CLI
 * ({@code server list}, {@code -f value -c id}). Credentials come from --credentials FILE (an openrc script or a
 * properties file) or the OS_* environment variables.
 */
@Command(
    name = "conoha",
    mixinStandardHelpOptions = true,
    versionProvider = VersionProvider.class,
    scope = ScopeType.INHERIT,
    description = "Talk to ConoHa VPS directly: check credentials; list and show plans, servers, volumes and "
        + "images; create, power, snapshot and delete servers; delete what a tag marks; list DNS zones and records.",
    subcommands = {ServerCommand.class, VolumeCommand.class, ImageCommand.class, FlavorCommand.class,
        CleanupCommand.class, io.conoha.assistant.cli.conoha.DnsCommand.class})
public final class ConohaCommand extends CommandGroup {
  @Option(names = "--credentials", paramLabel = "FILE", scope = ScopeType.INHERIT,
      description = "openrc script (export OS_AUTH_URL=...) or properties file (identityUrl=...). "
          + "Default: the OS_* environment variables.")
  private Path credentialsFile;

  @Option(names = {"-f", "--format", "--output"}, paramLabel = "FORMAT", defaultValue = "table",
      scope = ScopeType.INHERIT,
      description = "table, json, yaml or value (bare values for scripts: one row per line, fields separated by "
          + "a space; for one object one field per line). Default: ${DEFAULT-VALUE}.")
  private OutputFormat format;

  @Option(names = {"-c", "--column"}, paramLabel = "COLUMN", scope = ScopeType.INHERIT,
      description = "Print only this column; repeatable, printed in the order given. The names are the same in "
          + "every format; an unknown name lists the command's columns.")
  private List<String> columns = new ArrayList<>();

  @Option(names = "--verbose", scope = ScopeType.INHERIT,
      description = "Log the client's HTTP requests and retries to standard error (standard output keeps only "
          + "the result).")
  private boolean verbose;

  public Path credentialsFile() {
    return credentialsFile;
  }

  public OutputFormat format() {
    return format;
  }

  public List<String> columns() {
    return columns;
  }

  public boolean verbose() {
    return verbose;
  }

  @Command(name = "check", description = "Authenticate; print the API generation, token expiry, endpoints and what the probes found.")
  int check() {
    return CliRun.execute(spec, Schemas.CHECK, (c, out) -> out.show(c.client()));
  }

  @Command(name = "servers", description = "List servers (the same as conoha server list).")
  int servers() {
    return ServerCommand.list(spec);
  }

  @Command(name = "volumes", description = "List volumes (the same as conoha volume list).")
  int volumes() {
    return VolumeCommand.list(spec);
  }

  @Command(name = "images", description = "List images (the same as conoha image list).")
  int images(@Mixin ImageFilter filter) {
    return ImageCommand.list(spec, filter);
  }

  @Command(name = "flavors", description = "List the plans (the same as conoha flavor list).")
  int flavors() {
    return FlavorCommand.list(spec);
  }
}
