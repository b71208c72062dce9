package io.conoha.assistant.client.http;

/** An authenticated view of one account: the token to send and where each service lives. */
public interface Session {
  /** The X-Auth-Token value. Secret: never log it. */
  String tokenId();

  /**
   * The base URL of a service without a trailing slash, e.g. {@code https://compute.c3j1.conoha.io/v2.1}.
   * Throws a CONFIGURATION ConohaException when the catalog has no such service and no override is set.
   */
  String baseUrl(ApiService service);
}
