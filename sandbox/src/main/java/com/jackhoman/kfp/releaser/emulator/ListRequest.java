package com.jackhoman.kfp.releaser.emulator;

import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;
import java.util.Locale;

/**
 * The paging, sorting and filtering options of one list call, read from {@code page_size}, {@code
 * page_token}, {@code sort_by} and {@code filter}.
 */
record ListRequest(
    int pageSize,
    String sortField,
    boolean descending,
    String sortBy,
    String filterText,
    List<Predicate> predicates,
    PageToken token) {

  private static final int DEFAULT_PAGE_SIZE = 20;
  private static final int MAX_PAGE_SIZE = 200;

  /** Where the next page starts: the sort value and id of its first row. */
  record PageToken(Comparable<?> value, String id) {}

  static ListRequest from(ApiRequest request, FilterReader filters) {
    int pageSize = pageSize(request);
    String sortBy = request.queryParameter("sort_by").orElse("");
    String filterText = request.queryParameter("filter").orElse("");
    PageToken token = null;
    if (request.queryParameter("page_token").isPresent()) {
      JsonObject json = decodeToken(request.queryParameter("page_token").get());
      String tokenSort = json.get("sort_by").getAsString();
      String tokenFilter = json.get("filter").getAsString();
      if ((!sortBy.isEmpty() && !sortBy.equals(tokenSort))
          || (!filterText.isEmpty() && !filterText.equals(tokenFilter))) {
        throw KfpError.invalidArgument("page token does not match the supplied sort_by or filter");
      }
      sortBy = tokenSort;
      filterText = tokenFilter;
      var value = json.get("value").getAsJsonPrimitive();
      token =
          new PageToken(
              value.isNumber() ? (Comparable<?>) value.getAsLong() : value.getAsString(),
              json.get("id").getAsString());
    }
    String[] sortParts = sortBy.trim().split("\\s+");
    String sortField = sortBy.isBlank() ? "created_at" : sortParts[0];
    boolean descending = false;
    if (sortParts.length == 2) {
      String direction = sortParts[1].toLowerCase(Locale.ROOT);
      if (!direction.equals("asc") && !direction.equals("desc")) {
        throw KfpError.invalidArgument("Invalid sorting order: " + sortParts[1]);
      }
      descending = direction.equals("desc");
    } else if (sortParts.length > 2) {
      throw KfpError.invalidArgument("Invalid sort_by: " + sortBy);
    }
    List<Predicate> predicates = filterText.isEmpty() ? List.of() : filters.read(filterText);
    return new ListRequest(pageSize, sortField, descending, sortBy, filterText, predicates, token);
  }

  String nextToken(Comparable<?> value, String id) {
    JsonObject json = new JsonObject();
    json.addProperty("sort_by", sortBy);
    json.addProperty("filter", filterText);
    if (value instanceof Long number) {
      json.addProperty("value", number);
    } else {
      json.addProperty("value", value.toString());
    }
    json.addProperty("id", id);
    return Base64.getUrlEncoder().encodeToString(json.toString().getBytes(StandardCharsets.UTF_8));
  }

  private static int pageSize(ApiRequest request) {
    int size;
    try {
      size = Integer.parseInt(request.queryParameter("page_size").orElse("0"));
    } catch (NumberFormatException e) {
      throw KfpError.invalidArgument("Invalid page_size: " + e.getMessage());
    }
    if (size < 0) {
      throw KfpError.invalidArgument("The page size should be greater than 0. Got " + size);
    }
    return size == 0 ? DEFAULT_PAGE_SIZE : Math.min(size, MAX_PAGE_SIZE);
  }

  private static JsonObject decodeToken(String token) {
    try {
      return JsonParser.parseString(
              new String(Base64.getUrlDecoder().decode(token), StandardCharsets.UTF_8))
          .getAsJsonObject();
    } catch (RuntimeException e) {
      throw KfpError.invalidArgument("Invalid page token: " + token);
    }
  }
}
