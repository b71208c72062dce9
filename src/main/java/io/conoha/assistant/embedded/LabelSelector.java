package io.conoha.assistant.embedded;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** A label selector ({@code app=web,tier!=db,env in (a,b),!legacy}) as a watch filter. */
record LabelSelector(List<Requirement> requirements) {
  record Requirement(String key, String operator, Set<String> values) {
    boolean matches(JsonNode labels) {
      JsonNode value = labels.get(key);
      return switch (operator) {
        case "exists" -> value != null;
        case "!exists" -> value == null;
        case "in" -> value != null && values.contains(value.asText());
        case "notin", "!=" -> value == null || !values.contains(value.asText());
        default -> value != null && values.contains(value.asText());
      };
    }
  }

  private static final Pattern SET = Pattern.compile("\\s*([^\\s!=,()]+)\\s+(in|notin)\\s*\\(([^)]*)\\)\\s*");
  private static final Pattern TERM = Pattern.compile("(?:[^,(]|\\([^)]*\\))+");

  static LabelSelector parse(String selector) {
    List<Requirement> requirements = new ArrayList<>();
    Matcher terms = TERM.matcher(selector);
    while (terms.find()) {
      String term = terms.group().trim();
      Matcher set = SET.matcher(term);
      if (set.matches()) {
        requirements.add(new Requirement(set.group(1), set.group(2),
            Set.of(set.group(3).replace(" ", "").split(","))));
      } else if (term.startsWith("!")) {
        requirements.add(new Requirement(term.substring(1).trim(), "!exists", Set.of()));
      } else if (term.contains("!=")) {
        String[] kv = term.split("!=", 2);
        requirements.add(new Requirement(kv[0].trim(), "!=", Set.of(kv[1].trim())));
      } else if (term.contains("=")) {
        String[] kv = term.split("==?", 2);
        requirements.add(new Requirement(kv[0].trim(), "=", Set.of(kv[1].trim())));
      } else if (!term.isEmpty()) {
        requirements.add(new Requirement(term, "exists", Set.of()));
      }
    }
    return new LabelSelector(requirements);
  }

  boolean matches(JsonNode object) {
    JsonNode labels = object.path("metadata").path("labels");
    return requirements.stream().allMatch(r -> r.matches(labels));
  }
}
