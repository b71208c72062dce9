package io.conoha.assistant.operator.server;

import io.conoha.assistant.api.ConohaServer;
import io.conoha.assistant.api.ConohaServerSpec;
import io.conoha.assistant.operator.Reasons;
import io.conoha.assistant.operator.reconcile.StepFailure;
import java.util.regex.Pattern;

/**
 * Checks what the CRD schema and CEL rules also check, because not every API server enforces them
 * (older clusters, the in-process test server) and a bad spec must never reach ConoHa.
 */
final class ServerSpecValidator {
  static final Pattern NAME_TAG = Pattern.compile("^[A-Za-z0-9_-]{1,255}$");

  private ServerSpecValidator() {}

  static void validate(ConohaServer server) {
    ConohaServerSpec spec = server.getSpec();
    if (spec == null) {
      throw invalid("spec is missing");
    }
    if (spec.getCredentialsSecretRef() == null || blank(spec.getCredentialsSecretRef().getName())) {
      throw invalid("spec.credentialsSecretRef.name is required");
    }
    if (blank(spec.getFlavor())) {
      throw invalid("spec.flavor is required (a plan name such as g2l-t-c2m1, or its id)");
    }
    boolean hasImage = !blank(spec.getImage());
    boolean hasImageRef = spec.getImageRef() != null && !blank(spec.getImageRef().getName());
    if (hasImage == hasImageRef) {
      throw invalid("exactly one of spec.image and spec.imageRef must be set");
    }
    if (spec.getState() == null) {
      throw invalid("spec.state must be Running, Stopped or Archived");
    }
    String nameTag = nameTag(server);
    if (!NAME_TAG.matcher(nameTag).matches()) {
      throw invalid("name tag '" + nameTag + "' must match " + NAME_TAG.pattern()
          + (blank(spec.getNameTag()) ? " (set spec.nameTag; metadata.name is used by default)" : ""));
    }
    if (spec.getSecurityGroups() != null && spec.getSecurityGroups().stream().anyMatch(ServerSpecValidator::blank)) {
      throw invalid("spec.securityGroups must not contain empty names");
    }
    if (spec.getArchive() != null && spec.getArchive().getKeep() != null && spec.getArchive().getKeep() < 0) {
      throw invalid("spec.archive.keep must be 0 or more");
    }
    if (spec.getBootVolume() != null && spec.getBootVolume().getSize() != null && spec.getBootVolume().getSize() < 1) {
      throw invalid("spec.bootVolume.size must be at least 1 (GB)");
    }
  }

  static String nameTag(ConohaServer server) {
    String tag = server.getSpec().getNameTag();
    return blank(tag) ? server.getMetadata().getName() : tag;
  }

  private static StepFailure invalid(String message) {
    return StepFailure.userMustFix(Reasons.INVALID_SPEC, message);
  }

  private static boolean blank(String s) {
    return s == null || s.isBlank();
  }
}
