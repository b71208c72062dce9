package io.conoha.assistant.client.http;

import io.conoha.assistant.client.error.ConohaException;
import io.vertx.core.Context;
import io.vertx.core.Future;
import java.util.concurrent.ExecutionException;

/**
 * The bridge from the asynchronous pipeline to the synchronous public API. Blocking an event-loop thread
 * would freeze every request of the process (including the one being waited for), so that is refused.
 */
public final class Blocking {
  private Blocking() {}

  public static <T> T await(Future<T> future, String operation) {
    if (Context.isOnEventLoopThread()) {
      throw new IllegalStateException("ConoHa client call " + operation
          + " blocks; call it from a worker thread (executeBlocking or an operator thread), not a Vert.x event loop");
    }
    try {
      return future.toCompletionStage().toCompletableFuture().get();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new ConohaException(ConohaException.Kind.TRANSPORT, operation, 0,
          operation + ": interrupted while waiting for the answer (the request may still take effect)", null, e);
    } catch (ExecutionException e) {
      throw rethrowable(e.getCause());
    }
  }

  private static RuntimeException rethrowable(Throwable cause) {
    if (cause instanceof RuntimeException runtime) {
      return runtime;
    }
    return new IllegalStateException(cause);
  }
}
