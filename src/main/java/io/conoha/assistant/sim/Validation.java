package io.conoha.assistant.sim;

import com.fasterxml.jackson.databind.JsonNode;
import io.conoha.assistant.client.ApiGeneration;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/** Nova's request-schema checks and ConoHa's own rules for adminPass and user_data; every failure is a 400. */
final class Validation {
  /** Nova's metadata key pattern (nova/api/validation/parameter_types.py). */
  static final Pattern METADATA_KEY = Pattern.compile("^[a-zA-Z0-9-_:. ]{1,255}$");
  static final int METADATA_ITEMS_LIMIT = 128;
  /** ConoHa: user_data may be at most 16 KiB before base64 encoding. */
  static final int USER_DATA_LIMIT = 16 * 1024;
  /** Nova's own limit on the encoded string. */
  static final int USER_DATA_ENCODED_LIMIT = 65535;
  private static final String PASSWORD_SYMBOLS = "!#$%&?\"'=+-_{}[]^~:;().,/|\\*@";
  private static final List<String> USER_DATA_HEADERS =
      List.of("#!", "#include-once", "#include", "#cloud-config", "#cloud-boothook");

  private Validation() {}

  /** A metadata object (server create, createImage, metadata updates); null when the field is absent. */
  static Map<String, String> metadata(JsonNode node, String field) {
    if (node == null || node.isNull()) {
      return null;
    }
    if (!node.isObject()) {
      throw ApiError.badRequest("Invalid input for field/attribute " + field + ". Value: " + node
          + ". " + node + " is not of type 'object'");
    }
    Map<String, String> out = new LinkedHashMap<>();
    node.fields().forEachRemaining(e -> {
      String key = e.getKey();
      if (!METADATA_KEY.matcher(key).matches()) {
        throw ApiError.badRequest("Invalid input for field/attribute " + field + ". Key '" + key
            + "' does not match '" + METADATA_KEY.pattern() + "'");
      }
      if (!e.getValue().isTextual()) {
        throw ApiError.badRequest("Invalid input for field/attribute " + field + ". Value of '" + key + "': "
            + e.getValue() + " is not of type 'string'");
      }
      String value = e.getValue().asText();
      if (value.length() > 255) {
        throw ApiError.badRequest("Invalid input for field/attribute " + field + ". Value of '" + key
            + "' is too long (" + value.length() + " characters, at most 255)");
      }
      out.put(key, value);
    });
    return out;
  }

  static void metadataCount(int count) {
    if (count > METADATA_ITEMS_LIMIT) {
      throw ApiError.forbidden("Quota exceeded for metadata_items: Requested " + count + ", but the limit is "
          + METADATA_ITEMS_LIMIT);
    }
  }

  /**
   * ConoHa's root password rules: 9–70 characters of letters, digits and the listed symbols; v2 wants upper,
   * lower and a digit or symbol, v3 upper, lower, a digit and a symbol. The password never appears in a message.
   */
  static void adminPass(String pass, ApiGeneration generation) {
    boolean upper = false;
    boolean lower = false;
    boolean digit = false;
    boolean symbol = false;
    for (char c : pass.toCharArray()) {
      if (c >= 'A' && c <= 'Z') {
        upper = true;
      } else if (c >= 'a' && c <= 'z') {
        lower = true;
      } else if (c >= '0' && c <= '9') {
        digit = true;
      } else if (PASSWORD_SYMBOLS.indexOf(c) >= 0) {
        symbol = true;
      } else {
        throw ApiError.badRequest("Invalid adminPass: only letters, digits and the symbols " + PASSWORD_SYMBOLS
            + " are allowed");
      }
    }
    boolean mixed = generation == ApiGeneration.V2 ? upper && lower && (digit || symbol)
        : upper && lower && digit && symbol;
    if (pass.length() < 9 || pass.length() > 70 || !mixed) {
      throw ApiError.badRequest("Invalid adminPass: it must be 9 to 70 characters and combine upper-case and "
          + "lower-case letters with " + (generation == ApiGeneration.V2 ? "digits or symbols" : "digits and symbols"));
    }
  }

  /** Base64 (whitespace ignored), at most 16 KiB decoded, starting with a header cloud-init accepts on ConoHa. */
  static void userData(String encoded) {
    if (encoded.length() > USER_DATA_ENCODED_LIMIT) {
      throw ApiError.badRequest("Invalid input for field/attribute user_data. Value is too long (maximum "
          + USER_DATA_ENCODED_LIMIT + " characters)");
    }
    byte[] decoded;
    try {
      decoded = Base64.getDecoder().decode(encoded.replaceAll("\\s", ""));
    } catch (IllegalArgumentException e) {
      throw ApiError.badRequest("User data needs to be valid base 64.");
    }
    if (decoded.length > USER_DATA_LIMIT) {
      throw ApiError.badRequest("user_data is too large: " + decoded.length + " bytes after decoding, at most "
          + USER_DATA_LIMIT + " are allowed");
    }
    String text = new String(decoded, StandardCharsets.UTF_8);
    if (USER_DATA_HEADERS.stream().noneMatch(text::startsWith)) {
      throw ApiError.badRequest("user_data must begin with one of " + String.join(", ", USER_DATA_HEADERS));
    }
  }

  /** A required string member of a request object, with Nova's schema message when missing. */
  static String requiredString(JsonNode parent, String field, String container) {
    JsonNode value = parent.get(field);
    if (value == null || value.isNull()) {
      throw ApiError.badRequest("Invalid input for field/attribute " + container + ". '" + field
          + "' is a required property");
    }
    if (!value.isTextual() || value.asText().isEmpty()) {
      throw ApiError.badRequest("Invalid input for field/attribute " + field + ". Value: " + value
          + ". It must be a non-empty string");
    }
    return value.asText();
  }

  static String optionalString(JsonNode parent, String field) {
    JsonNode value = parent.get(field);
    if (value == null || value.isNull()) {
      return null;
    }
    if (!value.isTextual()) {
      throw ApiError.badRequest("Invalid input for field/attribute " + field + ". Value: " + value
          + " is not of type 'string'");
    }
    return value.asText();
  }
}
