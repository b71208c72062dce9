package io.conoha.assistant.ship;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Iterator;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.luaj.vm2.Globals;
import org.luaj.vm2.LoadState;
import org.luaj.vm2.LuaClosure;
import org.luaj.vm2.LuaError;
import org.luaj.vm2.LuaTable;
import org.luaj.vm2.LuaValue;
import org.luaj.vm2.Prototype;
import org.luaj.vm2.compiler.LuaC;
import org.luaj.vm2.lib.PackageLib;
import org.luaj.vm2.lib.StringLib;
import org.luaj.vm2.lib.TableLib;
import org.luaj.vm2.lib.jse.JseMathLib;
import org.luaj.vm2.lib.jse.JseOsLib;
import org.luaj.vm2.lib.jse.JseBaseLib;

/**
 * Runs an Argo CD health script the way Argo CD does (argo-cd util/lua/lua.go) with
 * {@code resource.customizations.useOpenLibs.<group>_<kind>: "true"}, which the shipped argocd-cm snippet sets:
 * the standard libraries are open, the object is the global {@code obj}, and the script returns a table
 * {status, message}. {@link RealLuaHealthTest} runs the same script with Debian's Lua 5.1.
 */
final class LuaHealth {
  record Health(String status, String message) {
    @Override
    public String toString() {
      return status + " (" + message + ")";
    }
  }

  private static final Map<String, Prototype> COMPILED = new ConcurrentHashMap<>();

  private LuaHealth() {}

  /** Compiled once per script text: the tests run each script a few hundred times. */
  private static Prototype compiled(String script) {
    return COMPILED.computeIfAbsent(script, s -> {
      try {
        return LuaC.instance.compile(new ByteArrayInputStream(s.getBytes(StandardCharsets.UTF_8)), "health.lua");
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      } catch (LuaError e) {
        throw new AssertionError("the health script does not compile: " + e.getMessage(), e);
      }
    });
  }

  static Health run(String script, JsonNode object) {
    Globals globals = new Globals();
    globals.load(new JseBaseLib());
    globals.load(new PackageLib());
    globals.load(new TableLib());
    globals.load(new StringLib());
    globals.load(new JseMathLib());
    globals.load(new JseOsLib());
    LoadState.install(globals);
    LuaC.install(globals);
    globals.set("obj", toLua(object));
    LuaValue result = new LuaClosure(compiled(script), globals).call();
    if (!result.istable()) {
      throw new AssertionError("the health script returned " + result.typename() + ", not a table");
    }
    LuaValue status = result.get("status");
    LuaValue message = result.get("message");
    return new Health(status.isnil() ? null : status.tojstring(), message.isnil() ? null : message.tojstring());
  }

  /** JSON to Lua as Argo CD's decodeValue does: objects and arrays become tables (arrays 1-based), null nil. */
  static LuaValue toLua(JsonNode node) {
    if (node == null || node.isNull() || node.isMissingNode()) {
      return LuaValue.NIL;
    }
    if (node.isObject()) {
      LuaTable t = new LuaTable();
      for (Iterator<Map.Entry<String, JsonNode>> it = node.fields(); it.hasNext(); ) {
        Map.Entry<String, JsonNode> e = it.next();
        t.set(e.getKey(), toLua(e.getValue()));
      }
      return t;
    }
    if (node.isArray()) {
      LuaTable t = new LuaTable();
      for (int i = 0; i < node.size(); i++) {
        t.set(i + 1, toLua(node.get(i)));
      }
      return t;
    }
    if (node.isBoolean()) {
      return LuaValue.valueOf(node.asBoolean());
    }
    if (node.isIntegralNumber()) {
      return org.luaj.vm2.LuaInteger.valueOf(node.asLong());
    }
    if (node.isNumber()) {
      return LuaValue.valueOf(node.asDouble());
    }
    return LuaValue.valueOf(node.asText());
  }
}
