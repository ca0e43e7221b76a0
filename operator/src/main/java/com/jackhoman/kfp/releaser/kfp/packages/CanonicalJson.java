package com.jackhoman.kfp.releaser.kfp.packages;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.BigIntegerNode;
import com.fasterxml.jackson.databind.node.DecimalNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.TreeMap;
import java.util.function.UnaryOperator;

/** Writes a JSON tree in one canonical text so that equal documents hash the same. */
public final class CanonicalJson {

  private static final ObjectMapper JSON =
      JsonMapper.builder().enable(JsonGenerator.Feature.WRITE_BIGDECIMAL_AS_PLAIN).build();

  private CanonicalJson() {}

  /** Returns the tree with keys sorted recursively, no whitespace and numbers normalised. */
  static String write(JsonNode tree) {
    try {
      return JSON.writeValueAsString(normalised(tree));
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("a JSON tree could not be written", e);
    }
  }

  /** Returns the lowercase hex SHA-256 of the UTF-8 bytes of {@code text}. */
  static String sha256Hex(String text) {
    try {
      MessageDigest sha256 = MessageDigest.getInstance("SHA-256");
      return HexFormat.of().formatHex(sha256.digest(text.getBytes(StandardCharsets.UTF_8)));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("every Java platform provides SHA-256", e);
    }
  }

  /**
   * Returns the tree with the keys of every object in it sorted, values as they are (as Go's
   * encoding/json writes a {@code map[string]interface{}}).
   */
  public static JsonNode withSortedKeys(JsonNode node) {
    return sorted(node, CanonicalJson::withSortedKeys);
  }

  private static JsonNode sorted(JsonNode node, UnaryOperator<JsonNode> values) {
    if (node.isObject()) {
      TreeMap<String, JsonNode> sorted = new TreeMap<>();
      node.properties().forEach(field -> sorted.put(field.getKey(), field.getValue()));
      ObjectNode result = JsonNodeFactory.instance.objectNode();
      sorted.forEach((key, value) -> result.set(key, values.apply(value)));
      return result;
    }
    if (node.isArray()) {
      ArrayNode result = JsonNodeFactory.instance.arrayNode();
      node.forEach(element -> result.add(values.apply(element)));
      return result;
    }
    return node;
  }

  private static JsonNode normalised(JsonNode node) {
    if (node.isContainerNode()) {
      return sorted(node, CanonicalJson::normalised);
    }
    if (node.isNumber()) {
      BigDecimal number = node.decimalValue().stripTrailingZeros();
      return number.scale() <= 0
          ? BigIntegerNode.valueOf(number.toBigIntegerExact())
          : DecimalNode.valueOf(number);
    }
    return node;
  }
}
