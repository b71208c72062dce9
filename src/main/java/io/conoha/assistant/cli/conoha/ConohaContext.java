package io.conoha.assistant.cli.conoha;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import io.conoha.assistant.client.ClientSettings;
import io.conoha.assistant.client.ConohaClient;
import io.conoha.assistant.client.Credentials;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.vertx.core.Vertx;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;

/** What one `conoha` command works with: a client for the account, and where and how to print. */
public final class ConohaContext implements AutoCloseable {
  private static final ObjectMapper JSON = new ObjectMapper()
      .registerModule(new JavaTimeModule())
      .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
      .enable(SerializationFeature.INDENT_OUTPUT);

  private final Vertx vertx;
  private final ConohaClient client;
  private final PrintWriter out;
  private final OutputFormat format;

  private ConohaContext(Vertx vertx, ConohaClient client, PrintWriter out, OutputFormat format) {
    this.vertx = vertx;
    this.client = client;
    this.out = out;
    this.format = format;
  }

  /** Credentials from the file when given, else from the OS_* environment variables. */
  static ConohaContext open(Path credentialsFile, PrintWriter out, OutputFormat format) {
    Credentials credentials = credentialsFile != null
        ? Credentials.fromFile(credentialsFile)
        : Credentials.fromEnvironment(System.getenv());
    Vertx vertx = Vertx.vertx();
    ConohaClient client = ConohaClient.create(vertx, credentials, ClientSettings.defaults(), new SimpleMeterRegistry());
    return new ConohaContext(vertx, client, out, format);
  }

  public ConohaClient client() {
    return client;
  }

  public void print(View view) {
    if (format == OutputFormat.JSON) {
      try {
        out.println(JSON.writeValueAsString(view.data()));
      } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
        throw new UncheckedIOException(e);
      }
    } else {
      view.table().print(out);
    }
    out.flush();
  }

  /** A line for people only (progress); JSON output stays one document. */
  public void note(String line) {
    if (format == OutputFormat.TABLE) {
      out.println(line);
      out.flush();
    }
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
