package com.jackhoman.kfp.releaser.emulator;

/**
 * How an upload answers a caller it cannot authenticate or authorize: always 400 with the upload
 * body, never 401/403 ({@code server/pipeline_upload_server.go} {@code UploadPipeline} and {@code
 * UploadPipelineVersion} pass every {@code canUploadVersionedPipeline} error to {@code
 * writeErrorToResponse(w, http.StatusBadRequest, ...)}): 1.8.5 wraps it with "Authorization to
 * namespace failed.: Authorization Failure.", 2.0.5 to 2.14.0 with "Failed to create a pipeline
 * [version] due to authorization error: Authorization Failure", and 2.17.0 hides it behind a bare
 * "Failed to create a pipeline [version]".
 */
final class UploadAuthFailure {

  private UploadAuthFailure() {}

  /**
   * @param reason the authenticator's own text, e.g. "Unauthenticated: ..."
   */
  static KfpError of(ReleaseProfile release, String path, String reason) {
    String what = path.endsWith("/upload_version") ? "a pipeline version" : "a pipeline";
    if (release == ReleaseProfile.KFP_1_8_5) {
      return KfpError.upload(
          400, "Authorization to namespace failed.: Authorization Failure.: " + reason);
    }
    if (release.atLeast(ReleaseProfile.KFP_2_17_0)) {
      return KfpError.upload(400, "Failed to create " + what);
    }
    return KfpError.upload(
        400,
        "Failed to create "
            + what
            + " due to authorization error: Authorization Failure: "
            + reason);
  }
}
