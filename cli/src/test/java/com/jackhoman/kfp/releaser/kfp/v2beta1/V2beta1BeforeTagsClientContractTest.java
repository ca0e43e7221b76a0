package com.jackhoman.kfp.releaser.kfp.v2beta1;

import com.jackhoman.kfp.releaser.kfp.KfpClient;
import com.jackhoman.kfp.releaser.kfp.http.KfpEndpoint;
import com.jackhoman.kfp.releaser.kfp.http.KfpTransport;
import com.jackhoman.kfp.releaser.kfp.http.MarkPlace;
import com.jackhoman.kfp.releaser.kfp.http.Sleeper;

/**
 * The client contract for the v2beta1 adapter as it talks to KFP 2.14 to 2.16, which have no
 * pipeline tags: pipelines and versions carry the owner mark in their description instead.
 */
class V2beta1BeforeTagsClientContractTest extends V2beta1ClientContractTest {

  @Override
  protected KfpClient connect(KfpEndpoint endpoint, Sleeper sleeper) {
    return V2beta1Api.client(new KfpTransport(endpoint, sleeper), MarkPlace.DESCRIPTION);
  }
}
