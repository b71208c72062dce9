package io.conoha.assistant.client.http;

import java.util.Collection;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Scrubs secrets out of text we build from server answers: OpenStack echoes invalid input back
 * ("Invalid input for field/attribute adminPass. Value: ..."), so a fault message can carry a password.
 * Holds the account's secrets (password, token ids); request secrets are passed per call.
 */
public final class Redactor {
  /** Shorter strings are too likely to be ordinary words; passwords are at least 9 characters on ConoHa. */
  private static final int MIN_SECRET_LENGTH = 4;
  private static final String MASK = "***";

  private final Set<String> accountSecrets = ConcurrentHashMap.newKeySet();

  public void addSecret(String secret) {
    if (secret != null && secret.length() >= MIN_SECRET_LENGTH) {
      accountSecrets.add(secret);
    }
  }

  public void removeSecret(String secret) {
    if (secret != null) {
      accountSecrets.remove(secret);
    }
  }

  public String scrub(String text, Collection<String> requestSecrets) {
    if (text == null) {
      return null;
    }
    String result = scrubAll(text, accountSecrets);
    return scrubAll(result, requestSecrets);
  }

  private static String scrubAll(String text, Collection<String> secrets) {
    String result = text;
    for (String secret : secrets) {
      if (secret != null && secret.length() >= MIN_SECRET_LENGTH && result.contains(secret)) {
        result = result.replace(secret, MASK);
      }
    }
    return result;
  }
}
