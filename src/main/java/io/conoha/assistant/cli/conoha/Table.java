package io.conoha.assistant.cli.conoha;

import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;

/** Left-aligned columns separated by two spaces; null cells print as "-". */
public final class Table {
  private final List<String> headers;
  private final List<List<String>> rows = new ArrayList<>();

  private Table(List<String> headers) {
    this.headers = headers;
  }

  public static Table of(String... headers) {
    return new Table(List.of(headers));
  }

  /** Two columns without a header line, for one object's fields. */
  public static Table fields() {
    return new Table(List.of());
  }

  public Table row(Object... cells) {
    rows.add(Arrays.stream(cells).map(c -> c == null || c.toString().isEmpty() ? "-" : c.toString()).toList());
    return this;
  }

  public void print(PrintWriter out) {
    List<List<String>> lines = new ArrayList<>();
    if (!headers.isEmpty()) {
      lines.add(headers);
    }
    lines.addAll(rows);
    int columns = lines.stream().mapToInt(List::size).max().orElse(0);
    int[] widths = new int[columns];
    for (List<String> line : lines) {
      for (int i = 0; i < line.size(); i++) {
        widths[i] = Math.max(widths[i], line.get(i).length());
      }
    }
    for (List<String> line : lines) {
      StringBuilder text = new StringBuilder();
      for (int i = 0; i < line.size(); i++) {
        String cell = Objects.toString(line.get(i));
        text.append(i == line.size() - 1 ? cell : String.format("%-" + widths[i] + "s  ", cell));
      }
      out.println(text.toString().stripTrailing());
    }
  }
}
