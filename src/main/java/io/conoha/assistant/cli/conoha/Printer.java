package io.conoha.assistant.cli.conoha;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import com.fasterxml.jackson.dataformat.yaml.YAMLGenerator;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * Prints one object ({@link #show}) or a listing ({@link #list}) of one kind of result in the chosen format,
 * with the columns -c chose. Keys in JSON and YAML are the column names the table header shows.
 */
public final class Printer<T> {
  private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);
  private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory()
      .disable(YAMLGenerator.Feature.WRITE_DOC_START_MARKER)
      .enable(YAMLGenerator.Feature.MINIMIZE_QUOTES));

  private final Columns<T> columns;
  private final OutputFormat format;
  private final List<String> wanted;
  private final Names names;
  private final PrintWriter out;

  Printer(Columns<T> columns, OutputFormat format, List<String> wanted, Names names, PrintWriter out) {
    this.columns = columns;
    this.format = format;
    this.wanted = wanted;
    this.names = names;
    this.out = out;
  }

  public void show(T row) {
    List<Column<T>> chosen = columns.select(wanted, true);
    Map<String, Object> values = values(chosen, row);
    switch (format) {
      case TABLE -> {
        Table table = new Table(List.of("field", "value"));
        values.forEach((name, value) -> {
          List<String> lines = Cells.lines(value);
          for (int i = 0; i < lines.size(); i++) {
            table.row(List.of(i == 0 ? name : "", lines.get(i)));
          }
        });
        table.print(out);
      }
      case JSON -> out.println(write(JSON, values));
      case YAML -> out.print(write(YAML, values));
      case VALUE -> values.values().forEach(v -> out.println(Cells.bare(v)));
    }
    out.flush();
  }

  public void list(List<T> rows) {
    List<Column<T>> chosen = columns.select(wanted, false);
    List<Map<String, Object>> values = rows.stream().map(r -> values(chosen, r)).toList();
    switch (format) {
      case TABLE -> {
        Table table = new Table(chosen.stream().map(Column::name).toList());
        values.forEach(v -> table.row(v.values().stream().map(Cells::table).toList()));
        table.print(out);
      }
      case JSON -> out.println(write(JSON, values));
      case YAML -> out.print(values.isEmpty() ? "[]\n" : write(YAML, values));
      case VALUE -> values.forEach(v -> out.println(v.values().stream().map(Cells::bare)
          .collect(Collectors.joining(" "))));
    }
    out.flush();
  }

  private Map<String, Object> values(List<Column<T>> chosen, T row) {
    Map<String, Object> values = new LinkedHashMap<>();
    chosen.forEach(c -> values.put(c.name(), Cells.plain(c.value().apply(row, names))));
    return values;
  }

  private static String write(ObjectMapper mapper, Object value) {
    try {
      return mapper.writeValueAsString(value);
    } catch (JsonProcessingException e) {
      throw new UncheckedIOException(e);
    }
  }
}
