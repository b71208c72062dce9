package io.conoha.assistant.cli.conoha;

import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.List;

/** Left-aligned columns separated by two spaces, under a header line. */
final class Table {
  private final List<List<String>> lines = new ArrayList<>();

  Table(List<String> header) {
    lines.add(header);
  }

  Table row(List<String> cells) {
    lines.add(cells);
    return this;
  }

  void print(PrintWriter out) {
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
        text.append(line.get(i)).append(" ".repeat(i == line.size() - 1 ? 0 : widths[i] - line.get(i).length() + 2));
      }
      out.println(text.toString().stripTrailing());
    }
  }
}
