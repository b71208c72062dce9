package io.conoha.assistant.ship;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Named;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.provider.Arguments;

/**
 * The same samples and reasons as {@link ArgoCdHealthTest}, run by Debian's real Lua 5.1 interpreter (the
 * language version of Argo CD's gopher-lua) on the shipped resource_customizations scripts: what luaj accepts but
 * Lua 5.1 would not (or the other way round) shows here.
 */
@DisplayName("Argo CD health with a real Lua 5.1")
class RealLuaHealthTest {
  record Case(String name, ArgoCdHealthTest.Kind kind, JsonNode object, String expectedStatus, String expectedMessage) {}

  static List<Case> cases() {
    List<Case> cases = new ArrayList<>();
    for (Arguments a : ArgoCdHealthTest.samples().toList()) {
      Named<?> named = (Named<?>) a.get()[0];
      LuaHealth.Health expected = (LuaHealth.Health) a.get()[2];
      cases.add(new Case(named.getName(), (ArgoCdHealthTest.Kind) named.getPayload(), (JsonNode) a.get()[1],
          expected.status(), expected.message()));
    }
    for (Arguments a : ArgoCdHealthTest.reasons().toList()) {
      Named<?> named = (Named<?>) a.get()[0];
      cases.add(new Case(named.getName(), (ArgoCdHealthTest.Kind) named.getPayload(), (JsonNode) a.get()[1],
          (String) a.get()[2], null));
    }
    return cases;
  }

  @Test
  @DisplayName("every sample and reason gives, with lua5.1, the health the tests expect and luaj gives")
  void sameHealthWithLua51(@org.junit.jupiter.api.io.TempDir java.nio.file.Path dir) throws Exception {
    List<Case> cases = cases();
    StringBuilder program = new StringBuilder();
    for (ArgoCdHealthTest.Kind kind : ArgoCdHealthTest.Kind.values()) {
      program.append("local script_").append(kind.name()).append(" = assert(loadfile(")
          .append(lua(ShipFiles.path(ArgoCdHealthTest.SAMPLES + kind.name() + "/health.lua").toAbsolutePath().toString()))
          .append("))\n");
    }
    program.append("""
        local function run(script, o)
          obj = o
          local r = script()
          io.write(tostring(r.status), "\\t", tostring(r.message), "\\n")
        end
        """);
    for (Case c : cases) {
      program.append("run(script_").append(c.kind().name()).append(", ").append(lua(c.object())).append(")\n");
    }
    DebianTool.Result result = DebianTool.LUA51.run(dir, program.toString(), "-");
    assertThat(result.exitCode()).as(result.stderr()).isZero();
    String[] lines = result.stdout().split("\n");
    assertThat(lines).hasSize(cases.size());
    for (int i = 0; i < cases.size(); i++) {
      Case c = cases.get(i);
      String[] got = lines[i].split("\t", 2);
      assertThat(got[0]).as(c.name()).isEqualTo(c.expectedStatus());
      if (c.expectedMessage() != null) {
        assertThat(got[1]).as(c.name()).isEqualTo(c.expectedMessage());
      }
      assertThat(new LuaHealth.Health(got[0], got[1])).as("lua5.1 and luaj agree on " + c.name())
          .isEqualTo(LuaHealth.run(c.kind().script(), c.object()));
    }
  }

  /** JSON as a Lua 5.1 table constructor (nulls left out, as Argo CD's decodeValue maps them to nil). */
  static String lua(JsonNode node) {
    if (node.isObject()) {
      StringBuilder b = new StringBuilder("{");
      for (Iterator<Map.Entry<String, JsonNode>> it = node.fields(); it.hasNext(); ) {
        Map.Entry<String, JsonNode> e = it.next();
        if (!e.getValue().isNull()) {
          b.append('[').append(lua(e.getKey())).append("] = ").append(lua(e.getValue())).append(", ");
        }
      }
      return b.append('}').toString();
    }
    if (node.isArray()) {
      StringBuilder b = new StringBuilder("{");
      node.forEach(n -> b.append(lua(n)).append(", "));
      return b.append('}').toString();
    }
    if (node.isNumber() || node.isBoolean()) {
      return node.asText();
    }
    return lua(node.asText());
  }

  static String lua(String s) {
    StringBuilder b = new StringBuilder("\"");
    for (char ch : s.toCharArray()) {
      switch (ch) {
        case '\\' -> b.append("\\\\");
        case '"' -> b.append("\\\"");
        case '\n' -> b.append("\\n");
        case '\r' -> b.append("\\r");
        default -> b.append(ch);
      }
    }
    return b.append('"').toString();
  }
}
