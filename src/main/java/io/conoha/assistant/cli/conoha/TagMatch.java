package io.conoha.assistant.cli.conoha;

import java.util.Map;
import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.TypeConversionException;

/**
 * A --tag of {@code conoha cleanup}: {@code KEY=VALUE} matches objects whose metadata (servers, volumes) or
 * properties (images) has KEY set to exactly VALUE; a bare {@code KEY} matches any value of KEY.
 */
public record TagMatch(String key, String value) {

  boolean matches(Map<String, String> tags) {
    return tags != null && tags.containsKey(key) && (value == null || value.equals(tags.get(key)));
  }

  @Override
  public String toString() {
    return value == null ? key : key + "=" + value;
  }

  /** KEY=VALUE (split at the first '=') or KEY; an empty key is a usage error. */
  public static final class Converter implements ITypeConverter<TagMatch> {
    @Override
    public TagMatch convert(String text) {
      int eq = text.indexOf('=');
      String key = (eq < 0 ? text : text.substring(0, eq)).trim();
      if (key.isEmpty()) {
        throw new TypeConversionException("a tag is KEY=VALUE or KEY, got \"" + text + "\"");
      }
      return new TagMatch(key, eq < 0 ? null : text.substring(eq + 1));
    }
  }
}
