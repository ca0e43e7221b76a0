package com.jackhoman.kfp.releaser.faults;

import com.jackhoman.kfp.releaser.sandbox.ApiFaults;

/**
 * The Kubernetes faults a campaign injects: the embedded API's own, or those of an {@link
 * ApiServerProxy} in front of a real cluster.
 */
interface KubernetesFaults {

  /** Answers this share (0 to 1) of the writes to a status subresource with 409 Conflict. */
  void conflictOnStatusWrites(double rate);

  /** Ends every watch open now; clients see the stream close and must watch again. */
  void dropWatches();

  /** How many status writes were refused and watches ended so far. */
  long injected();

  /** The faults of the embedded API. */
  static KubernetesFaults of(ApiFaults embedded) {
    return new KubernetesFaults() {
      @Override
      public void conflictOnStatusWrites(double rate) {
        embedded.conflictOnStatusWrites(rate);
      }

      @Override
      public void dropWatches() {
        embedded.dropWatches();
      }

      @Override
      public long injected() {
        return embedded.injected();
      }
    };
  }
}
