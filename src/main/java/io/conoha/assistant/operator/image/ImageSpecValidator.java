package io.conoha.assistant.operator.image;

import io.conoha.assistant.api.ConohaImage;
import io.conoha.assistant.api.ConohaImageSpec;
import io.conoha.assistant.operator.Reasons;
import io.conoha.assistant.operator.reconcile.StepFailure;
import java.util.regex.Pattern;

/** What the CRD's CEL rules say, checked again because not every API server enforces them. */
final class ImageSpecValidator {
  static final Pattern IMAGE_NAME = Pattern.compile("^[A-Za-z0-9_.-]{1,255}$");

  private ImageSpecValidator() {}

  static void validate(ConohaImage image) {
    ConohaImageSpec spec = image.getSpec();
    if (spec == null) {
      throw invalid("spec is missing");
    }
    if (spec.getCredentialsSecretRef() == null || blank(spec.getCredentialsSecretRef().getName())) {
      throw invalid("spec.credentialsSecretRef.name is required");
    }
    if ((spec.getSource() == null) == (spec.getImportImage() == null)) {
      throw invalid("exactly one of spec.source and spec.import must be set");
    }
    if (spec.getSource() != null) {
      boolean ref = spec.getSource().getServerRef() != null && !blank(spec.getSource().getServerRef().getName());
      if (ref == !blank(spec.getSource().getServerId())) {
        throw invalid("exactly one of spec.source.serverRef and spec.source.serverId must be set");
      }
      if (!IMAGE_NAME.matcher(imageName(image)).matches()) {
        throw invalid("image name '" + imageName(image) + "' must match " + IMAGE_NAME.pattern());
      }
    }
    if (spec.getImportImage() != null && blank(spec.getImportImage().getName()) == blank(spec.getImportImage().getId())) {
      throw invalid("exactly one of spec.import.name and spec.import.id must be set");
    }
  }

  /** spec.imageName, or namespace-name. */
  static String imageName(ConohaImage image) {
    String name = image.getSpec().getImageName();
    return blank(name) ? image.getMetadata().getNamespace() + "-" + image.getMetadata().getName() : name;
  }

  private static StepFailure invalid(String message) {
    return StepFailure.userMustFix(Reasons.INVALID_SPEC, message);
  }

  private static boolean blank(String s) {
    return s == null || s.isBlank();
  }
}
