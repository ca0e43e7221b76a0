package com.jackhoman.kfp.releaser.kfp.http;

import com.jackhoman.kfp.releaser.kfp.KfpFeatures;
import com.jackhoman.kfp.releaser.kfp.OwnerMark;
import java.util.Map;
import java.util.Optional;

/**
 * Where a KFP object carries its owner mark: in KFP tags (v2beta1 pipelines and versions, from KFP
 * 2.17 on) or as a description suffix (everything else), and so how it is written and searched.
 */
public enum MarkPlace {
  TAGS,
  DESCRIPTION;

  /** Where v2beta1 pipelines and versions carry the mark on this release: tags from KFP 2.17. */
  public static MarkPlace on(KfpFeatures features) {
    return features.pipelineTags() ? TAGS : DESCRIPTION;
  }

  /** The tags to send: the mark's when it lives in tags, else none (null, so no field is sent). */
  public Map<String, String> tagsFor(OwnerMark owner) {
    return this == TAGS ? owner.tags() : null;
  }

  /** The tags as the JSON object the upload endpoints take in a query parameter, or null. */
  public String tagsJsonFor(OwnerMark owner) {
    return this == TAGS ? KfpJson.GSON.toJson(owner.tags()) : null;
  }

  /** The description to send: the user's text, followed by the mark when it lives there. */
  public String descriptionFor(String text, OwnerMark owner) {
    return this == TAGS ? text : owner.appendTo(text);
  }

  /** The list filter that pre-selects objects carrying this owner's mark. */
  public ListFilter filterFor(ListFilter.Dialect dialect, OwnerMark owner) {
    return this == TAGS
        ? ListFilter.in(dialect).equalTo("tags." + OwnerMark.UID_TAG, owner.uid())
        : ListFilter.in(dialect).contains("description", owner.descriptionNeedle());
  }

  /** The mark found on an object, in its tags or else its description. */
  public static Optional<OwnerMark> read(Map<String, String> tags, String description) {
    return OwnerMark.fromTags(tags).or(() -> OwnerMark.fromDescription(description));
  }
}
