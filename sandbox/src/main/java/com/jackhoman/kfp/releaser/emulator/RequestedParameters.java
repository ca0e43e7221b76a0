package com.jackhoman.kfp.releaser.emulator;

import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonPrimitive;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The parameters a create-recurring-run request gave, kept apart by where they came from: the v1
 * {@code pipeline_spec.parameters} list (strings) and the {@code runtime_config.parameters} of
 * either generation, since KFP reads one or the other depending on the package.
 */
record RequestedParameters(
    boolean v1Request, Map<String, String> listed, Map<String, JsonElement> runtime) {

  /** Keeps read-only copies in the request's order, which the answers echo. */
  RequestedParameters {
    listed = Collections.unmodifiableMap(new LinkedHashMap<>(listed));
    runtime = Collections.unmodifiableMap(new LinkedHashMap<>(runtime));
  }

  /** The {@code parameters} of a {@code runtime_config} message, none when it is absent. */
  static Map<String, JsonElement> runtimeOf(JsonObject runtimeConfig) {
    Map<String, JsonElement> parameters = new LinkedHashMap<>();
    JsonObject values = ProtoFields.object(runtimeConfig, "parameters");
    if (values != null) {
      values.entrySet().forEach(e -> parameters.put(e.getKey(), e.getValue().deepCopy()));
    }
    return parameters;
  }

  /** What the answers show: the listed parameters, then the runtime ones (as stored today). */
  Map<String, JsonElement> shown() {
    Map<String, JsonElement> shown = new LinkedHashMap<>(listedAsJson());
    runtime.forEach((name, value) -> shown.put(name, value.deepCopy()));
    return shown;
  }

  /** The listed parameters as JSON strings, the form an Argo workflow's arguments take. */
  Map<String, JsonElement> listedAsJson() {
    Map<String, JsonElement> json = new LinkedHashMap<>();
    listed.forEach((name, value) -> json.put(name, new JsonPrimitive(value)));
    return json;
  }
}
