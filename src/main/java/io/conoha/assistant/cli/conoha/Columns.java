package io.conoha.assistant.cli.conoha;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;

/** The columns one kind of result has, in their order, and which of them -c picks. */
public final class Columns<T> {
  private final String kind;
  private final List<Column<T>> all;

  private Columns(String kind, List<Column<T>> all) {
    this.kind = kind;
    this.all = all;
  }

  @SafeVarargs
  static <T> Columns<T> of(String kind, Column<T>... columns) {
    return new Columns<>(kind, Arrays.asList(columns));
  }

  public List<String> names() {
    return all.stream().map(Column::name).toList();
  }

  /** The columns a listing shows without -c. */
  public List<String> listedNames() {
    return all.stream().filter(Column::listed).map(Column::name).toList();
  }

  /**
   * The columns named by -c (any case, in the order given); without -c every column for one object and the
   * listed ones for a listing.
   */
  List<Column<T>> select(List<String> wanted, boolean oneObject) {
    if (wanted == null || wanted.isEmpty()) {
      return oneObject ? all : all.stream().filter(Column::listed).toList();
    }
    List<Column<T>> chosen = new ArrayList<>();
    for (String name : wanted) {
      chosen.add(all.stream().filter(c -> c.name().equals(name.toLowerCase(Locale.ROOT))).findFirst()
          .orElseThrow(() -> new UnknownColumnException("unknown column \"" + name + "\"; " + kind
              + " columns are: " + String.join(", ", names()))));
    }
    return chosen;
  }

  /** Throws {@link UnknownColumnException} for a name this kind does not have. */
  void check(List<String> wanted) {
    select(wanted, true);
  }
}
