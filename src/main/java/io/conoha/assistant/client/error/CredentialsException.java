package io.conoha.assistant.client.error;

/** Credentials that are missing a key or contradict themselves; the message names the key. */
public class CredentialsException extends ConohaException {
  private final String key;

  public CredentialsException(String key, String message) {
    super(Kind.CONFIGURATION, "credentials", 0, message);
    this.key = key;
  }

  /** The offending key, e.g. {@code password} or {@code OS_AUTH_URL}. */
  public String key() {
    return key;
  }
}
