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
 * The fields one request message accepts, used to read a body as KFP does: proto names or their
 * lowerCamelCase spellings, and for an unknown field 400 (2.14+) or silence (before; see {@link
 * ReleaseProfile#rejectsUnknownFields()}). Nested messages are read recursively; free-form fields
 * (Struct, maps, scalars) are taken as they are.
 */
record RequestMessage(String name, Set<String> scalars, Map<String, RequestMessage> messages) {

  static RequestMessage of(String name, Set<String> scalars, Map<String, RequestMessage> messages) {
    return new RequestMessage(name, scalars, messages);
  }

  /**
   * Parses {@code body} as this message and returns it with every field renamed to snake_case;
   * unknown fields are refused when {@code rejectUnknown}, else left out.
   */
  JsonObject read(byte[] body, boolean rejectUnknown) {
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
    return normalise(parsed.getAsJsonObject(), rejectUnknown);
  }

  private JsonObject normalise(JsonObject input, boolean rejectUnknown) {
    JsonObject output = new JsonObject();
    for (Map.Entry<String, JsonElement> field : input.entrySet()) {
      String snake = snakeCase(field.getKey());
      JsonElement value = field.getValue();
      if (messages.containsKey(snake)) {
        output.add(snake, normaliseNested(messages.get(snake), value, rejectUnknown));
      } else if (scalars.contains(snake)) {
        output.add(snake, value);
      } else if (rejectUnknown) {
        throw KfpError.invalidArgument(
            "proto: (line 1:2): unknown field \"" + field.getKey() + "\" in " + name);
      }
    }
    return output;
  }

  private static JsonElement normaliseNested(
      RequestMessage message, JsonElement value, boolean rejectUnknown) {
    if (value.isJsonObject()) {
      return message.normalise(value.getAsJsonObject(), rejectUnknown);
    }
    if (value.isJsonArray()) {
      JsonArray items = new JsonArray();
      value
          .getAsJsonArray()
          .forEach(item -> items.add(normaliseNested(message, item, rejectUnknown)));
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
