package io.conoha.assistant.cli.conoha;

import java.util.function.BiFunction;
import java.util.function.Function;

/**
 * One named field of a result and how to read it from a row. A value is a String, Number, Boolean, enum,
 * Instant, List or Map, or null. {@code listed}: a listing shows it without -c (showing one object shows all).
 * Values that need another lookup (a flavor's name) read it from {@link Names}, so only selected columns cost
 * calls.
 */
public record Column<T>(String name, BiFunction<T, Names, Object> value, boolean listed) {

  static <T> Column<T> of(String name, Function<T, Object> value) {
    return new Column<>(name, (row, names) -> value.apply(row), true);
  }

  static <T> Column<T> lookedUp(String name, BiFunction<T, Names, Object> value) {
    return new Column<>(name, value, true);
  }

  /** Shown when showing one object, or when named with -c. */
  Column<T> detail() {
    return new Column<>(name, value, false);
  }
}
