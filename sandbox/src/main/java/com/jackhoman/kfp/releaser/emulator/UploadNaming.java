package com.jackhoman.kfp.releaser.emulator;

import com.google.gson.JsonParser;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Reads the naming query parameters both upload endpoints share, as the release's {@code
 * server/pipeline_upload_server.go} reads them: {@code name}, {@code description}, {@code
 * namespace} always, {@code display_name} from 2.14.0 ({@code DisplayNameQueryStringKey}), {@code
 * tags} from 2.17.0 ({@code TagsQueryStringKey}); any other parameter is never read.
 */
final class UploadNaming {

  private UploadNaming() {}

  static PipelineIntake.Naming of(ApiRequest request, ReleaseProfile release) {
    return new PipelineIntake.Naming(
        request.queryParameter("name").orElse(""),
        release.pipelinesHaveName() ? request.queryParameter("display_name").orElse("") : "",
        request.queryParameter("description").orElse(""),
        request.queryParameter("namespace").orElse(""),
        request.queryParameter("code_source_url").orElse(""));
  }

  /** The {@code tags} query parameter, a JSON object of strings (2.17 on); none when absent. */
  static Map<String, String> tags(ApiRequest request, ReleaseProfile release) {
    Map<String, String> tags = new LinkedHashMap<>();
    String text = request.queryParameter("tags").orElse("");
    if (text.isEmpty() || !release.pipelineTags()) {
      return tags;
    }
    try {
      JsonParser.parseString(text)
          .getAsJsonObject()
          .entrySet()
          .forEach(tag -> tags.put(tag.getKey(), tag.getValue().getAsString()));
    } catch (RuntimeException notAnObjectOfStrings) {
      throw KfpError.invalidArgument("Invalid tags: " + text);
    }
    return tags;
  }
}
