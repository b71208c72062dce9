package io.conoha.assistant.client;

import io.micrometer.core.instrument.MeterRegistry;
import io.vertx.core.Vertx;

/**
 * One ConoHa account: identity, compute, image and volume services sharing one token cache, one outbound
 * rate limit and one set of meters. CONTRACT SKELETON (issue 2 implements).
 */
public final class ConohaClient implements AutoCloseable {
  public static ConohaClient create(Vertx vertx, Credentials credentials, ClientSettings settings, MeterRegistry registry) {
    throw new UnsupportedOperationException("issue 2");
  }

  public Credentials credentials() { throw new UnsupportedOperationException("issue 2"); }

  public ApiGeneration generation() { throw new UnsupportedOperationException("issue 2"); }

  public IdentityService identity() { throw new UnsupportedOperationException("issue 2"); }

  public ComputeService compute() { throw new UnsupportedOperationException("issue 2"); }

  public ImageService images() { throw new UnsupportedOperationException("issue 2"); }

  public VolumeService volumes() { throw new UnsupportedOperationException("issue 2"); }

  @Override
  public void close() {}
}
