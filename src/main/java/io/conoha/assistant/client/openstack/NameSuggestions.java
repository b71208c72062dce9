package io.conoha.assistant.client.openstack;

import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;

/** "Did you mean": the known names closest to a miss, by edit distance. */
final class NameSuggestions {
  private static final int MAX_SUGGESTIONS = 3;

  private NameSuggestions() {}

  static List<String> nearest(String wanted, Collection<String> known) {
    String w = wanted.toLowerCase(Locale.ROOT);
    return known.stream()
        .distinct()
        .sorted(Comparator.<String>comparingInt(n -> distance(w, n.toLowerCase(Locale.ROOT))).thenComparing(n -> n))
        .limit(MAX_SUGGESTIONS)
        .toList();
  }

  /** "; nearest: a, b, c" or "" when nothing is known. */
  static String hint(String wanted, Collection<String> known) {
    List<String> near = nearest(wanted, known);
    return near.isEmpty() ? "" : "; nearest: " + String.join(", ", near);
  }

  /** Levenshtein distance. */
  static int distance(String a, String b) {
    int[] previous = new int[b.length() + 1];
    int[] row = new int[b.length() + 1];
    for (int j = 0; j <= b.length(); j++) {
      previous[j] = j;
    }
    for (int i = 1; i <= a.length(); i++) {
      row[0] = i;
      for (int j = 1; j <= b.length(); j++) {
        int substitution = previous[j - 1] + (a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1);
        row[j] = Math.min(substitution, Math.min(previous[j], row[j - 1]) + 1);
      }
      int[] swap = previous;
      previous = row;
      row = swap;
    }
    return previous[b.length()];
  }
}
