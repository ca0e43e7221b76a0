package com.jackhoman.kfp.releaser.validate;

import java.util.List;

/**
 * One file given to {@code validate}: its name, its raw text and the documents parsed from it.
 *
 * @param name the file name as the user gave it, or {@code <stdin>}
 * @param text the raw text, kept so that a compiled package can be judged as KFP reads it
 * @param documents the non-empty documents, in file order
 */
public record SourceFile(String name, String text, List<SourceDocument> documents) {

  public SourceFile {
    documents = List.copyOf(documents);
  }
}
