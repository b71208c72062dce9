package io.conoha.assistant.cli.conoha;

import io.conoha.assistant.client.ClientSettings;
import io.conoha.assistant.client.ConohaClient;
import io.conoha.assistant.client.Credentials;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.vertx.core.Vertx;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * What one `conoha` command works with: a client for the account, the names next to ids, and where and how to
 * print. Results go to standard output; progress and warnings to standard error, so scripts can parse stdout.
 */
public final class ConohaContext implements AutoCloseable {
  private final Vertx vertx;
  private final ConohaClient client;
  private final Names names;
  private final PrintWriter out;
  private final PrintWriter err;
  private final OutputFormat format;
  private final List<String> columns;

  private ConohaContext(Vertx vertx, ConohaClient client, PrintWriter out, PrintWriter err, OutputFormat format,
      List<String> columns) {
    this.vertx = vertx;
    this.client = client;
    this.names = new Names(client);
    this.out = out;
    this.err = err;
    this.format = format;
    this.columns = columns;
  }

  /** Credentials from the file when given, else from the OS_* environment variables. */
  static ConohaContext open(Path credentialsFile, PrintWriter out, PrintWriter err, OutputFormat format,
      List<String> columns) {
    Credentials credentials = credentialsFile != null
        ? Credentials.fromFile(credentialsFile)
        : Credentials.fromEnvironment(System.getenv());
    Vertx vertx = Vertx.vertx();
    ConohaClient client = ConohaClient.create(vertx, credentials, ClientSettings.defaults(), new SimpleMeterRegistry());
    return new ConohaContext(vertx, client, out, err, format, columns);
  }

  public ConohaClient client() {
    return client;
  }

  public Names names() {
    return names;
  }

  <T> Printer<T> printer(Columns<T> kind) {
    return new Printer<>(kind, format, columns, names, out);
  }

  /** A line for people (progress, what stays billed), on standard error. */
  public void note(String line) {
    err.println(line);
    err.flush();
  }

  @Override
  public void close() {
    client.close();
    try {
      vertx.close().toCompletionStage().toCompletableFuture().get(10, TimeUnit.SECONDS);
    } catch (Exception e) {
      // closing is best effort: the command's result has been printed already
    }
  }
}
