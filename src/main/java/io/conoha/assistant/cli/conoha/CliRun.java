package io.conoha.assistant.cli.conoha;

import io.conoha.assistant.cli.ConohaCommand;
import io.conoha.assistant.client.error.ConohaException;
import io.conoha.assistant.client.error.CredentialsException;
import java.io.PrintWriter;
import picocli.CommandLine.Model.CommandSpec;

/**
 * Runs one `conoha` action with a client, and turns every failure into one line on stderr and an exit code:
 * 0 success, 1 the ConoHa call (or a wait) failed, 2 usage (picocli's, and a -c column the command does not
 * have, checked before any call), 3 credentials or configuration.
 */
public final class CliRun {
  public static final int OK = 0;
  public static final int FAILED = 1;
  public static final int USAGE = 2;
  public static final int CONFIGURATION = 3;

  /** The body of a command: it prints its result, of one kind, through {@code out}. */
  @FunctionalInterface
  public interface Action<T> {
    void run(ConohaContext context, Printer<T> out) throws Exception;
  }

  private CliRun() {}

  public static <T> int execute(CommandSpec spec, Columns<T> kind, Action<T> action) {
    ConohaCommand options = conohaCommandOf(spec);
    PrintWriter err = spec.commandLine().getErr();
    try {
      kind.check(options.columns());
    } catch (UnknownColumnException e) {
      return fail(err, e.getMessage(), USAGE);
    }
    try (QuietLogs quiet = QuietLogs.apply(options.verbose());
        ConohaContext context = ConohaContext.open(options.credentialsFile(), spec.commandLine().getOut(), err,
            options.format(), options.columns())) {
      action.run(context, context.printer(kind));
      return OK;
    } catch (CredentialsException e) {
      return fail(err, e.getMessage() + (options.credentialsFile() == null
          ? " (give --credentials FILE or set the OS_* variables of an openrc)" : " in " + options.credentialsFile()),
          CONFIGURATION);
    } catch (ConohaException e) {
      return fail(err, e.getMessage(), e.kind() == ConohaException.Kind.CONFIGURATION ? CONFIGURATION : FAILED);
    } catch (CliFailure e) {
      return fail(err, e.getMessage(), FAILED);
    } catch (Exception e) {
      return fail(err, e.getClass().getSimpleName() + ": " + e.getMessage(), FAILED);
    }
  }

  private static int fail(PrintWriter err, String message, int code) {
    err.println("conoha: " + message.replace('\n', ' '));
    err.flush();
    return code;
  }

  /** The `conoha` command above this one, which holds --credentials, -f, -c and --verbose. */
  private static ConohaCommand conohaCommandOf(CommandSpec spec) {
    for (CommandSpec s = spec; s != null; s = s.parent()) {
      if (s.userObject() instanceof ConohaCommand conoha) {
        return conoha;
      }
    }
    throw new IllegalStateException("command " + spec.qualifiedName() + " is not below `conoha`");
  }
}
