package com.jackhoman.kfp.releaser.argocd;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.luaj.vm2.Globals;
import org.luaj.vm2.LoadState;
import org.luaj.vm2.LuaTable;
import org.luaj.vm2.LuaValue;
import org.luaj.vm2.compiler.LuaC;
import org.luaj.vm2.lib.PackageLib;
import org.luaj.vm2.lib.TableLib;
import org.luaj.vm2.lib.jse.JseBaseLib;

/**
 * A {@code health.lua} run the way Argo CD runs a script from {@code argocd-cm} without {@code
 * useOpenLibs}: a Lua 5.1 VM with only the base, package and table libraries (no {@code string}, no
 * {@code math}), the object as the global {@code obj}, converted as Argo CD converts JSON.
 */
final class ArgoCdHealthScript {

  /** What a health script answered. */
  record HealthStatus(String status, String message) {}

  private final String source;
  private final String chunkName;

  private ArgoCdHealthScript(String source, String chunkName) {
    this.source = source;
    this.chunkName = chunkName;
  }

  /** Reads the script at {@code path}. */
  static ArgoCdHealthScript read(Path path) throws IOException {
    return new ArgoCdHealthScript(Files.readString(path), path.getFileName().toString());
  }

  /** Runs the script with {@code object} as {@code obj}. */
  HealthStatus health(JsonNode object) {
    Globals globals = new Globals();
    globals.load(new JseBaseLib());
    globals.load(new PackageLib());
    globals.load(new TableLib());
    LoadState.install(globals);
    LuaC.install(globals);
    globals.set("obj", toLua(object));
    LuaValue result = globals.load(source, chunkName).call();
    if (!result.istable()) {
      throw new IllegalStateException("health script returned " + result.typename());
    }
    return new HealthStatus(
        result.get("status").optjstring(null), result.get("message").optjstring(null));
  }

  /** Maps become tables, arrays 1-based tables, numbers Lua numbers; null leaves a key absent. */
  private static LuaValue toLua(JsonNode node) {
    if (node.isObject()) {
      LuaTable table = new LuaTable();
      for (Map.Entry<String, JsonNode> field : node.properties()) {
        table.set(field.getKey(), toLua(field.getValue()));
      }
      return table;
    }
    if (node.isArray()) {
      LuaTable table = new LuaTable();
      for (int i = 0; i < node.size(); i++) {
        table.set(i + 1, toLua(node.get(i)));
      }
      return table;
    }
    if (node.isNumber()) {
      return LuaValue.valueOf(node.asDouble());
    }
    if (node.isBoolean()) {
      return LuaValue.valueOf(node.asBoolean());
    }
    if (node.isNull()) {
      return LuaValue.NIL;
    }
    return LuaValue.valueOf(node.asText());
  }
}
