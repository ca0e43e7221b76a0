package com.jackhoman.kfp.releaser.emulator;

import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParseException;
import com.google.gson.JsonParser;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.Set;

/**
 * The fields one request message accepts, used to read a body as KFP 2.14+ does: proto names or
 * their lowerCamelCase spellings, and 400 for any unknown field. Nested messages are checked
 * recursively; free-form fields (Struct, maps, scalars) are taken as they are.
 */
record RequestMessage(String name, Set<String> scalars, Map<String, RequestMessage> messages) {

  static RequestMessage of(String name, Set<String> scalars, Map<String, RequestMessage> messages) {
    return new RequestMessage(name, scalars, messages);
  }

  /** Parses {@code body} as this message and returns it with every field renamed to snake_case. */
  JsonObject read(byte[] body) {
    JsonElement parsed;
    try {
      parsed = JsonParser.parseString(new String(body, StandardCharsets.UTF_8));
    } catch (JsonParseException e) {
      throw KfpError.invalidArgument("proto: syntax error: " + e.getMessage());
    }
    if (parsed.isJsonNull()) {
      return new JsonObject();
    }
    if (!parsed.isJsonObject()) {
      throw KfpError.invalidArgument("proto: syntax error: expected an object for " + name);
    }
    return normalise(parsed.getAsJsonObject());
  }

  private JsonObject normalise(JsonObject input) {
    JsonObject output = new JsonObject();
    for (Map.Entry<String, JsonElement> field : input.entrySet()) {
      String snake = snakeCase(field.getKey());
      JsonElement value = field.getValue();
      if (messages.containsKey(snake)) {
        output.add(snake, normaliseNested(messages.get(snake), value));
      } else if (scalars.contains(snake)) {
        output.add(snake, value);
      } else {
        throw KfpError.invalidArgument(
            "proto: (line 1:2): unknown field \"" + field.getKey() + "\" in " + name);
      }
    }
    return output;
  }

  private static JsonElement normaliseNested(RequestMessage message, JsonElement value) {
    if (value.isJsonObject()) {
      return message.normalise(value.getAsJsonObject());
    }
    if (value.isJsonArray()) {
      JsonArray items = new JsonArray();
      value.getAsJsonArray().forEach(item -> items.add(normaliseNested(message, item)));
      return items;
    }
    if (value.isJsonNull()) {
      return value;
    }
    throw KfpError.invalidArgument("proto: invalid value for message " + message.name());
  }

  private static String snakeCase(String field) {
    StringBuilder snake = new StringBuilder(field.length() + 4);
    for (char c : field.toCharArray()) {
      if (Character.isUpperCase(c)) {
        snake.append('_').append(Character.toLowerCase(c));
      } else {
        snake.append(c);
      }
    }
    return snake.toString();
  }
}
