package com.jackhoman.kfp.releaser.kfp.http;

/**
 * The bearer token of one KFP namespace's identity, as {@link NamespaceTokens} issue it.
 *
 * @param tokens who issues the tokens
 * @param namespace the KFP namespace the transport acts in
 */
record NamespaceBearer(NamespaceTokens tokens, String namespace) implements Bearer {

  @Override
  public String current() {
    return tokens.tokenFor(namespace);
  }

  @Override
  public boolean renewAfterRejection(String refused) {
    tokens.refused(namespace, refused);
    return !tokens.tokenFor(namespace).equals(refused);
  }
}
