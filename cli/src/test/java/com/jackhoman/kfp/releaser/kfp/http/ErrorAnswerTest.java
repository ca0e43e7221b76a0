package com.jackhoman.kfp.releaser.kfp.http;

import static org.assertj.core.api.Assertions.assertThat;

import com.jackhoman.kfp.releaser.kfp.KfpConflict;
import com.jackhoman.kfp.releaser.kfp.KfpNotFound;
import com.jackhoman.kfp.releaser.kfp.KfpRejected;
import com.jackhoman.kfp.releaser.kfp.KfpUnauthorized;
import com.jackhoman.kfp.releaser.kfp.KfpUnavailable;
import org.junit.jupiter.api.Test;

/** Every KFP error body shape ends as the right exception with KFP's own message. */
class ErrorAnswerTest {

  @Test
  void theStatusPicksTheExceptionType() {
    assertThat(ErrorAnswer.toException(400, "{}")).isInstanceOf(KfpRejected.class);
    assertThat(ErrorAnswer.toException(401, "{}")).isInstanceOf(KfpUnauthorized.class);
    assertThat(ErrorAnswer.toException(403, "{}")).isInstanceOf(KfpUnauthorized.class);
    assertThat(ErrorAnswer.toException(302, "<html>login</html>"))
        .isInstanceOf(KfpUnauthorized.class);
    assertThat(ErrorAnswer.toException(404, "{}")).isInstanceOf(KfpNotFound.class);
    assertThat(ErrorAnswer.toException(409, "{}")).isInstanceOf(KfpConflict.class);
    assertThat(ErrorAnswer.toException(501, "{}")).isInstanceOf(KfpUnavailable.class);
    assertThat(ErrorAnswer.toException(503, "{}").httpStatus()).isEqualTo(503);
  }

  @Test
  void aGatewayErrorCarriesKfpsMessage() {
    String body =
        "{\"code\":6,\"message\":\"Already exist error: name foo\",\"details\":[{\"code\":6}]}";

    assertThat(ErrorAnswer.toException(409, body))
        .hasMessageContaining("Already exist error: name foo");
  }

  @Test
  void aConflictKfpAbortedForAConcurrentChangeIsWorthARetryButATakenNameIsNot() {
    String aborted = "{\"code\":10,\"message\":\"Operation aborted\",\"details\":[]}";
    String alreadyExists = "{\"code\":6,\"message\":\"Already exist error\",\"details\":[]}";

    assertThat(ErrorAnswer.toException(409, aborted))
        .isInstanceOf(KfpUnavailable.class)
        .hasMessageContaining("Operation aborted");
    assertThat(ErrorAnswer.toException(409, alreadyExists)).isInstanceOf(KfpConflict.class);
  }

  @Test
  void kfpsBadRequestErrorIsAbortedOnTheWireButTerminal() {
    // util.NewBadKubernetesNameError: a BadRequestError, gRPC ABORTED (src/common/util/error.go)
    String badName =
        "{\"code\":10,\"message\":\"BadRequestError: Invalid pipeline name: pipeline names must"
            + " consist of lower case alphanumeric characters\"}";

    assertThat(ErrorAnswer.toException(409, badName))
        .isInstanceOf(KfpRejected.class)
        .hasMessageContaining("Invalid pipeline name");
  }

  @Test
  void aUserErrorKfpWrapsIntoA500IsTerminal() {
    // KFP 1.8.5 answers an unknown package format with 500 (server/pipeline_upload_server.go)
    String body =
        "{\"error_message\":\"Error creating pipeline: Create pipeline failed: InvalidInputError:"
            + " unknown template format: pipeline spec is invalid\"}";

    assertThat(ErrorAnswer.toException(500, body)).isInstanceOf(KfpRejected.class);
    assertThat(ErrorAnswer.toException(500, "{\"error_message\":\"database is locked\"}"))
        .isInstanceOf(KfpUnavailable.class);
  }

  @Test
  void anUploadRefusedForAuthorizationIsUnauthorizedAndWorthANewToken() {
    // canUploadVersionedPipeline's failures are 400 on every release
    String v2 =
        "{\"error_message\":\"Failed to create a pipeline due to authorization error:"
            + " Authorization Failure: token expired\"}";
    String v1 =
        "{\"error_message\":\"Authorization to namespace failed.: Authorization Failure.\"}";
    String generic217 = "{\"error_message\":\"Failed to create a pipeline\"}";

    assertThat(ErrorAnswer.toException(400, v2)).isInstanceOf(KfpUnauthorized.class);
    assertThat(ErrorAnswer.toException(400, v1)).isInstanceOf(KfpUnauthorized.class);
    assertThat(ErrorAnswer.toException(400, generic217)).isInstanceOf(KfpUnauthorized.class);
    assertThat(ErrorAnswer.mayBeRejectedIdentity(400, v2)).isTrue();
    assertThat(ErrorAnswer.mayBeRejectedIdentity(400, generic217)).isTrue();
    assertThat(ErrorAnswer.mayBeRejectedIdentity(400, "{\"error_message\":\"bad package\"}"))
        .isFalse();
  }

  @Test
  void anUploadErrorCarriesItsErrorMessage() {
    String body =
        "{\"error_message\":\"KFP only supports schema version 2.1.0\",\"error_details\":\"long\"}";

    assertThat(ErrorAnswer.toException(400, body))
        .isInstanceOf(KfpRejected.class)
        .hasMessageContaining("KFP only supports schema version 2.1.0");
  }

  @Test
  void aPlainTextErrorIsTakenAsTheMessage() {
    assertThat(ErrorAnswer.toException(400, "namespace is required\n"))
        .hasMessageEndingWith("namespace is required");
    assertThat(ErrorAnswer.toException(502, "")).hasMessageContaining("no message");
  }
}
