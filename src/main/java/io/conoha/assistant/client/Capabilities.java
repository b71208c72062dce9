package io.conoha.assistant.client;

import java.util.List;
import java.util.Optional;

/**
 * What this account's cloud has shown it does where ConoHa's documentation is silent or public clients
 * disagree. Each finding is learned once per account (per {@link ConohaClient}) from the cloud's own answers,
 * never guessed; see the README section "Probes".
 *
 * @param nameRequired whether {@code POST /servers} needs a {@code name} (ConoHa documents none; stock Nova
 *     answers 400 "'name' is a required property"). Learned at the first server create.
 * @param volumeTypes the volume types {@code GET /types} offered, once asked; empty before that or when the
 *     account has no volume service
 * @param customMetadataKept whether server metadata keys other than {@code instance_name_tag} survive a
 *     create (read back after the first create that sent one). {@link Finding#NO} means tags cannot be relied
 *     on to find what was created: a caller must never create twice on uncertainty.
 * @param resizeNeedsStop whether the cloud refuses (409) to resize a running server. Learned at the first
 *     resize of a running server through {@link Waits#resizeKeepingPower}.
 */
public record Capabilities(Finding nameRequired, Optional<List<String>> volumeTypes, Finding customMetadataKept,
    Finding resizeNeedsStop) {

  public static Capabilities unknown() {
    return new Capabilities(Finding.UNKNOWN, Optional.empty(), Finding.UNKNOWN, Finding.UNKNOWN);
  }
}
