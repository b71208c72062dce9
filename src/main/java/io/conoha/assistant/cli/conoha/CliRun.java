package io.conoha.assistant.cli.conoha;

import io.conoha.assistant.cli.ConohaCommand;
import io.conoha.assistant.client.error.ConohaException;
import io.conoha.assistant.client.error.CredentialsException;
import java.io.PrintWriter;
import picocli.CommandLine.Model.CommandSpec;

/**
 * Runs one `conoha` action with a client, and turns every failure into one line on stderr and an exit code:
 * 0 success, 1 the ConoHa call (or a wait) failed, 3 credentials or configuration (2 is picocli's usage error).
 */
public final class CliRun {
  public static final int OK = 0;
  public static final int FAILED = 1;
  public static final int CONFIGURATION = 3;

  /** The body of a command. */
  @FunctionalInterface
  public interface Action {
    void run(ConohaContext context) throws Exception;
  }

  private CliRun() {}

  public static int execute(CommandSpec spec, Action action) {
    ConohaCommand options = conohaCommandOf(spec);
    PrintWriter err = spec.commandLine().getErr();
    try (QuietLogs quiet = QuietLogs.apply(options.verbose());
        ConohaContext context = ConohaContext.open(options.credentialsFile(), spec.commandLine().getOut(),
            options.output())) {
      action.run(context);
      return OK;
    } catch (CredentialsException e) {
      return fail(err, e.getMessage() + (options.credentialsFile() == null
          ? " (give --credentials FILE or set the OS_* variables of an openrc)" : " in " + options.credentialsFile()),
          CONFIGURATION);
    } catch (ConohaException e) {
      return fail(err, e.getMessage(), e.kind() == ConohaException.Kind.CONFIGURATION ? CONFIGURATION : FAILED);
    } catch (Exception e) {
      return fail(err, e.getClass().getSimpleName() + ": " + e.getMessage(), FAILED);
    }
  }

  private static int fail(PrintWriter err, String message, int code) {
    err.println("conoha: " + message.replace('\n', ' '));
    err.flush();
    return code;
  }

  /** The `conoha` command above this one, which holds --credentials, --output and --verbose. */
  private static ConohaCommand conohaCommandOf(CommandSpec spec) {
    for (CommandSpec s = spec; s != null; s = s.parent()) {
      if (s.userObject() instanceof ConohaCommand conoha) {
        return conoha;
      }
    }
    throw new IllegalStateException("command " + spec.qualifiedName() + " is not below `conoha`");
  }
}
