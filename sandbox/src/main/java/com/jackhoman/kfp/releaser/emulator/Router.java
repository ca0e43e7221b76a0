package com.jackhoman.kfp.releaser.emulator;

import com.google.gson.JsonObject;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Maps method and path templates such as {@code /apis/v2beta1/pipelines/{pipeline_id}} to
 * endpoints, answering unknown paths with 404 and known paths with the wrong method with 501, as
 * grpc-gateway does; upload routes render errors in their own body shape.
 */
final class Router {

  private static final Pattern VARIABLE = Pattern.compile("\\{([a-z_.]+)}");

  private record Route(String method, Pattern path, List<String> variables, Endpoint endpoint) {}

  private final List<Route> routes = new ArrayList<>();
  private final List<Pattern> uploadPaths = new ArrayList<>();

  /** Adds a route; {@code method} null accepts any method. */
  Router add(String method, String template, Endpoint endpoint) {
    List<String> variables = new ArrayList<>();
    Matcher matcher = VARIABLE.matcher(template);
    StringBuilder regex = new StringBuilder();
    int last = 0;
    while (matcher.find()) {
      regex.append(Pattern.quote(template.substring(last, matcher.start()))).append("([^/:]+)");
      variables.add(matcher.group(1));
      last = matcher.end();
    }
    regex.append(Pattern.quote(template.substring(last)));
    routes.add(new Route(method, Pattern.compile(regex.toString()), variables, endpoint));
    return this;
  }

  /** Adds an upload route: any method, errors as {@code {error_message, error_details}}. */
  Router addUpload(String template, Endpoint endpoint) {
    uploadPaths.add(Pattern.compile(Pattern.quote(template)));
    return add(null, template, endpoint);
  }

  /** Whether {@code path} is an upload route, whose errors have their own body shape. */
  boolean isUpload(String path) {
    return uploadPaths.stream().anyMatch(p -> p.matcher(path).matches());
  }

  /** The answer to {@code error} in the body shape of the route {@code path} belongs to. */
  ApiResponse failure(String path, KfpError error) {
    return new ApiResponse(
        error.httpStatus(), (isUpload(path) ? error.uploadBody() : error.gatewayBody()).toString());
  }

  ApiResponse dispatch(ApiRequest request) {
    try {
      return route(request);
    } catch (KfpError error) {
      return failure(request.path(), error);
    }
  }

  private ApiResponse route(ApiRequest request) {
    boolean pathKnown = false;
    for (Route route : routes) {
      Matcher matcher = route.path().matcher(request.path());
      if (!matcher.matches()) {
        continue;
      }
      pathKnown = true;
      if (route.method() == null || route.method().equals(request.method())) {
        Map<String, String> variables = new HashMap<>();
        for (int i = 0; i < route.variables().size(); i++) {
          variables.put(route.variables().get(i), matcher.group(i + 1));
        }
        return route.endpoint().handle(request.withPathVariables(variables));
      }
    }
    if (pathKnown) {
      throw KfpError.unimplemented("Method Not Allowed");
    }
    JsonObject body = new JsonObject();
    body.addProperty("code", 5);
    body.addProperty("message", "Not Found");
    return new ApiResponse(404, body.toString());
  }
}
