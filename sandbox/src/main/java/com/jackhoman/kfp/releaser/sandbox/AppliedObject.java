package com.jackhoman.kfp.releaser.sandbox;

/**
 * One object the sandbox applied, or tried to.
 *
 * @param kind e.g. {@code Pipeline}
 * @param namespace its namespace
 * @param name its name
 * @param refused why the API server refused it, or null when it was stored
 */
public record AppliedObject(String kind, String namespace, String name, String refused) {

  /** How it is named in messages: {@code Kind namespace/name}. */
  public String label() {
    return kind + " " + namespace + "/" + name;
  }
}
