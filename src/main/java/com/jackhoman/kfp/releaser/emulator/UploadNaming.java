package com.jackhoman.kfp.releaser.emulator;

/** Reads the naming query parameters both upload endpoints share. */
final class UploadNaming {

  private UploadNaming() {}

  static PipelineIntake.Naming of(ApiRequest request) {
    return new PipelineIntake.Naming(
        request.queryParameter("name").orElse(""),
        request.queryParameter("display_name").orElse(""),
        request.queryParameter("description").orElse(""),
        request.queryParameter("namespace").orElse(""),
        request.queryParameter("code_source_url").orElse(""));
  }
}
