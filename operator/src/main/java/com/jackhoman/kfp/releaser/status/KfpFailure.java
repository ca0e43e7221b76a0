package com.jackhoman.kfp.releaser.status;

import com.jackhoman.kfp.releaser.kfp.KfpConflict;
import com.jackhoman.kfp.releaser.kfp.KfpException;
import com.jackhoman.kfp.releaser.kfp.KfpRejected;
import com.jackhoman.kfp.releaser.kfp.KfpUnauthorized;
import io.javaoperatorsdk.operator.AggregatedOperatorException;
import java.util.Optional;

/**
 * What a failed reconcile means for an object's conditions: KFP refusing the spec is terminal
 * ({@code Rejected}, {@code Conflict}); anything else is KFP being unavailable, and is retried.
 *
 * @param reason the Ready condition's reason
 * @param message what happened and what to do, for a person
 */
public record KfpFailure(Reason reason, String message) {

  /** Reads a failure out of what a reconcile threw. */
  public static KfpFailure of(Throwable error) {
    Throwable cause = kfpCause(error).map(Throwable.class::cast).orElse(error);
    if (cause instanceof KfpRejected rejected) {
      return new KfpFailure(
          Reason.Rejected,
          "KFP refused the request: "
              + rejected.getMessage()
              + ". Fix the spec; nothing is retried until it changes");
    }
    if (cause instanceof KfpConflict conflict) {
      return new KfpFailure(
          Reason.Conflict,
          "KFP reports a conflict: "
              + conflict.getMessage()
              + ". Another client may own the name; rename this object or remove the KFP object");
    }
    if (cause instanceof KfpUnauthorized unauthorized) {
      return new KfpFailure(
          Reason.KfpUnavailable,
          "KFP refused the operator's credentials: "
              + unauthorized.getMessage()
              + ". Check the token file and user header the operator runs with; retrying");
    }
    return new KfpFailure(
        Reason.KfpUnavailable,
        "Could not reach KFP: " + String.valueOf(cause.getMessage()) + "; retrying");
  }

  private static Optional<KfpException> kfpCause(Throwable error) {
    for (Throwable t = error; t != null; t = t.getCause()) {
      if (t instanceof KfpException kfp) {
        return Optional.of(kfp);
      }
      if (t instanceof AggregatedOperatorException aggregated) {
        for (Exception inner : aggregated.getAggregatedExceptions().values()) {
          Optional<KfpException> found = kfpCause(inner);
          if (found.isPresent()) {
            return found;
          }
        }
      }
    }
    return Optional.empty();
  }
}
