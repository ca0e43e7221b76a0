package com.jackhoman.kfp.releaser.kfp.http;

/**
 * Where the bearer token for acting in one KFP namespace comes from, so that multi-user KFP applies
 * its own RBAC per team: e.g. a token issued for a service account of that namespace. Implemented
 * outside {@code kfp/}, which knows nothing of how tokens are issued.
 */
public interface NamespaceTokens {

  /** The token to call KFP with about objects of {@code namespace}. */
  String tokenFor(String namespace);

  /** KFP refused {@code token} for {@code namespace}: do not hand it out again. */
  void refused(String namespace, String token);
}
