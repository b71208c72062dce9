package io.conoha.assistant.operator.server;

import io.conoha.assistant.client.ApiGeneration;
import io.conoha.assistant.operator.Reasons;
import io.conoha.assistant.operator.reconcile.StepFailure;
import java.nio.charset.StandardCharsets;
import java.util.List;

/**
 * What a new server is given from Secrets (root password, cloud-init user data), checked against ConoHa's rules
 * <em>before</em> anything billed is created: a v3 boot volume made for a server that ConoHa then refuses would
 * be left behind, billed, for every broken resource.
 */
record BootInputs(String adminPass, String userData) {
  static final int MAX_USER_DATA_BYTES = 16 * 1024;
  /** The first line cloud-init on ConoHa accepts. */
  static final List<String> USER_DATA_HEADERS = List.of("#!", "#include-once", "#include", "#cloud-config",
      "#cloud-boothook");
  private static final String PASSWORD_SYMBOLS = "!#$%&?\"'=+-_{}[]^~:;().,/|\\*@";

  /** Throws InvalidSpec naming what is wrong; never includes the password itself. */
  BootInputs checked(ApiGeneration generation) {
    if (userData != null) {
      int bytes = userData.getBytes(StandardCharsets.UTF_8).length;
      if (bytes > MAX_USER_DATA_BYTES) {
        throw invalid("user data is " + bytes + " bytes; ConoHa accepts at most 16 KiB");
      }
      if (USER_DATA_HEADERS.stream().noneMatch(userData::startsWith)) {
        throw invalid("user data must begin with one of " + String.join(", ", USER_DATA_HEADERS)
            + " (cloud-init ignores anything else)");
      }
    }
    if (adminPass != null) {
      checkPassword(generation);
    }
    return this;
  }

  /**
   * ConoHa's root password rule: 9 to 70 letters, digits and its listed symbols; v2 wants upper and lower case
   * with a digit or a symbol, v3 upper, lower, a digit and a symbol.
   */
  private void checkPassword(ApiGeneration generation) {
    boolean upper = adminPass.chars().anyMatch(c -> c >= 'A' && c <= 'Z');
    boolean lower = adminPass.chars().anyMatch(c -> c >= 'a' && c <= 'z');
    boolean digit = adminPass.chars().anyMatch(c -> c >= '0' && c <= '9');
    boolean symbol = adminPass.chars().anyMatch(c -> PASSWORD_SYMBOLS.indexOf(c) >= 0);
    boolean allowed = adminPass.chars().allMatch(c -> c >= 'A' && c <= 'Z' || c >= 'a' && c <= 'z'
        || c >= '0' && c <= '9' || PASSWORD_SYMBOLS.indexOf(c) >= 0);
    boolean mixed = generation == ApiGeneration.V2 ? upper && lower && (digit || symbol)
        : upper && lower && digit && symbol;
    if (!allowed || adminPass.length() < 9 || adminPass.length() > 70 || !mixed) {
      throw invalid("the root password in spec.adminPasswordSecretRef must be 9 to 70 characters of letters, digits"
          + " and " + PASSWORD_SYMBOLS + ", combining upper- and lower-case letters with "
          + (generation == ApiGeneration.V2 ? "digits or symbols" : "digits and symbols") + " (ConoHa's rule)");
    }
  }

  private static StepFailure invalid(String message) {
    return StepFailure.userMustFix(Reasons.INVALID_SPEC, message);
  }
}
