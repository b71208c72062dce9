package io.conoha.assistant.client.openstack;

import io.conoha.assistant.client.error.ConohaException;
import io.conoha.assistant.client.error.ConohaException.Kind;
import java.util.List;
import java.util.function.Function;
import java.util.function.Supplier;

/**
 * Finds one object by id, else by a name only one object has (servers: name tag or Nova name; volumes: name);
 * a miss suggests the nearest of each object's first name (the one people use: a server's name tag).
 * Names are not unique on ConoHa, so a name several objects share is a CONFLICT that lists every candidate
 * instead of a guess; a miss is NOT_FOUND with the nearest names.
 */
final class UniqueMatch {
  private UniqueMatch() {}

  /**
   * An id-shaped {@code wanted} is fetched first ({@code get}, one call however large the account); anything
   * else, or an id that is not found, is looked for in {@code list}.
   */
  static <T> T find(String operation, String kind, String wanted, Function<String, T> get, Supplier<List<T>> list,
      Function<T, String> id, Function<T, List<String>> names, Function<T, String> describe) {
    if (ImageFinder.UUID.matcher(wanted).matches()) {
      try {
        return get.apply(wanted);
      } catch (ConohaException e) {
        if (e.kind() != Kind.NOT_FOUND) {
          throw e;
        }
      }
    }
    List<T> all = list.get();
    List<T> byId = all.stream().filter(o -> wanted.equals(id.apply(o))).toList();
    if (byId.size() == 1) {
      return byId.get(0);
    }
    List<T> named = all.stream().filter(o -> names.apply(o).contains(wanted)).toList();
    if (named.size() == 1) {
      return named.get(0);
    }
    if (named.size() > 1) {
      throw new ConohaException(Kind.CONFLICT, operation, 0, operation + ": " + named.size() + " " + kind
          + "s are named \"" + wanted + "\": " + String.join(", ", named.stream().map(describe).toList())
          + "; use an id");
    }
    List<String> known = all.stream().map(names).filter(n -> !n.isEmpty()).map(n -> n.get(0)).toList();
    throw ConohaException.notFound(operation, operation + ": no " + kind + " named or with id \"" + wanted + "\""
        + NameSuggestions.hint(wanted, known));
  }
}
