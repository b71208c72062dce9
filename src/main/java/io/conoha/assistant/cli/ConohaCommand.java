package io.conoha.assistant.cli;

import io.conoha.assistant.cli.conoha.CliRun;
import io.conoha.assistant.cli.conoha.CommandGroup;
import io.conoha.assistant.cli.conoha.ImageCommand;
import io.conoha.assistant.cli.conoha.OutputFormat;
import io.conoha.assistant.cli.conoha.ServerCommand;
import io.conoha.assistant.cli.conoha.Views;
import io.conoha.assistant.client.model.ImageQuery;
import java.nio.file.Path;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.ScopeType;

/**
 * {@code conoha <command>}: the ConoHa client on the command line. Credentials come from --credentials FILE
 * (an openrc script or a properties file) or the OS_* environment variables.
 */
@Command(
    name = "conoha",
    mixinStandardHelpOptions = true,
    scope = ScopeType.INHERIT,
    description = "Talk to ConoHa VPS directly: check credentials, list plans, images, servers and volumes, "
        + "create, power and snapshot servers.",
    subcommands = {ServerCommand.class, ImageCommand.class, io.conoha.assistant.cli.conoha.DnsCommand.class})
public final class ConohaCommand extends CommandGroup {
  @Option(names = "--credentials", paramLabel = "FILE", scope = ScopeType.INHERIT,
      description = "openrc script (export OS_AUTH_URL=...) or properties file (identityUrl=...). "
          + "Default: the OS_* environment variables.")
  private Path credentialsFile;

  @Option(names = "--output", paramLabel = "FORMAT", defaultValue = "table", scope = ScopeType.INHERIT,
      description = "table or json. Default: ${DEFAULT-VALUE}.")
  private OutputFormat output;

  @Option(names = "--verbose", scope = ScopeType.INHERIT, description = "Show the client's requests on stdout.")
  private boolean verbose;

  public Path credentialsFile() {
    return credentialsFile;
  }

  public OutputFormat output() {
    return output;
  }

  public boolean verbose() {
    return verbose;
  }

  @Command(name = "check", description = "Authenticate; print the API generation, token expiry and endpoints.")
  int check() {
    return CliRun.execute(spec, c -> c.print(Views.check(c.client())));
  }

  @Command(name = "flavors", description = "List the plans (flavors).")
  int flavors() {
    return CliRun.execute(spec, c -> c.print(Views.flavors(c.client().compute().listFlavors())));
  }

  @Command(name = "images", description = "List images.")
  int images(
      @Option(names = "--name", description = "Only images with this exact name.") String name,
      @Option(names = "--visibility", description = "public or private (saved images).") String visibility,
      @Option(names = "--status", description = "e.g. active, queued, saving.") String status) {
    return CliRun.execute(spec, c -> c.print(Views.images(
        c.client().images().listImages(new ImageQuery(name, visibility, status)))));
  }

  @Command(name = "servers", description = "List servers.")
  int servers() {
    return CliRun.execute(spec, c -> c.print(Views.servers(c.client().compute().listServers())));
  }

  @Command(name = "volumes", description = "List volumes.")
  int volumes() {
    return CliRun.execute(spec, c -> c.print(Views.volumes(c.client().volumes().listVolumes())));
  }
}
