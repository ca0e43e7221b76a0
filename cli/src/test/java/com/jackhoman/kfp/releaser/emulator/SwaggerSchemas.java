package com.jackhoman.kfp.releaser.emulator;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.networknt.schema.JsonSchema;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.SpecVersion;
import com.networknt.schema.ValidationMessage;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Set;

/**
 * The swagger definitions of one REST generation, copied unchanged from KFP, as JSON schemas; in
 * strict form every object definition also refuses properties the swagger does not list.
 */
final class SwaggerSchemas {

  private static final ObjectMapper JSON = new ObjectMapper();

  private final JsonNode definitions;
  private final JsonSchemaFactory factory =
      JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V4);

  private SwaggerSchemas(JsonNode definitions) {
    this.definitions = definitions;
  }

  /** Loads {@code kfp-swagger/<generation>/kfp_api_single_file.swagger.json}. */
  static SwaggerSchemas load(String generation, boolean strict) {
    String path = "/kfp-swagger/" + generation + "/kfp_api_single_file.swagger.json";
    try (InputStream in = SwaggerSchemas.class.getResourceAsStream(path)) {
      JsonNode definitions = JSON.readTree(in).get("definitions").deepCopy();
      if (strict) {
        definitions.forEach(
            definition -> {
              if (definition.has("properties") && !definition.has("additionalProperties")) {
                ((ObjectNode) definition).put("additionalProperties", false);
              }
            });
      }
      return new SwaggerSchemas(definitions);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** The problems of {@code body} against definition {@code name}; empty when it conforms. */
  Set<ValidationMessage> validate(String name, String body) {
    ObjectNode schema = JSON.createObjectNode();
    schema.set("definitions", definitions);
    schema.put("$ref", "#/definitions/" + name);
    JsonSchema compiled = factory.getSchema(schema);
    try {
      return compiled.validate(JSON.readTree(body));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
