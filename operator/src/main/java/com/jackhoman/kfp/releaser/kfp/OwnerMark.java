package com.jackhoman.kfp.releaser.kfp;

import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The mark that ties a KFP object to the one custom resource owning it, written as KFP tags or as a
 * description suffix, and read back from either.
 */
public record OwnerMark(String namespace, String name, String uid) {

  /** Tag key holding the owner's uid; tag keys may not contain dots. */
  public static final String UID_TAG = "kfp-releaser-owner-uid";

  /** Tag key holding the owner's namespace. */
  public static final String NAMESPACE_TAG = "kfp-releaser-owner-namespace";

  /** Tag key holding the owner's name. */
  public static final String NAME_TAG = "kfp-releaser-owner-name";

  private static final String PREFIX = " [kfp-releaser owner ";
  private static final Pattern SUFFIX =
      Pattern.compile("\\s?\\[kfp-releaser owner ([^/\\s\\]]+)/([^\\s\\]]+) uid=([^\\s\\]]+)]$");

  public OwnerMark {
    Objects.requireNonNull(namespace, "namespace");
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(uid, "uid");
  }

  /** The description KFP should store: the user's text followed by this mark. */
  public String appendTo(String description) {
    return (description == null ? "" : description)
        + PREFIX
        + namespace
        + "/"
        + name
        + " uid="
        + uid
        + "]";
  }

  /**
   * A text that occurs in a marked description only when this owner wrote it (for a substring
   * filter).
   */
  public String descriptionNeedle() {
    return " uid=" + uid + "]";
  }

  /** Whether a mark read from KFP is this one. */
  public boolean is(Optional<OwnerMark> found) {
    return found.filter(this::equals).isPresent();
  }

  /** The KFP tags that carry this mark. */
  public Map<String, String> tags() {
    return Map.of(UID_TAG, uid, NAMESPACE_TAG, namespace, NAME_TAG, name);
  }

  /** Reads the mark at the end of a KFP description, if there is one. */
  public static Optional<OwnerMark> fromDescription(String description) {
    if (description == null) {
      return Optional.empty();
    }
    Matcher matcher = SUFFIX.matcher(description);
    return matcher.find()
        ? Optional.of(new OwnerMark(matcher.group(1), matcher.group(2), matcher.group(3)))
        : Optional.empty();
  }

  /** The user's part of a KFP description, without any mark. */
  public static String stripFrom(String description) {
    return description == null ? "" : SUFFIX.matcher(description).replaceFirst("");
  }

  /** Reads the mark from KFP tags, if all three tags are present. */
  public static Optional<OwnerMark> fromTags(Map<String, String> tags) {
    if (tags == null
        || !tags.containsKey(UID_TAG)
        || !tags.containsKey(NAMESPACE_TAG)
        || !tags.containsKey(NAME_TAG)) {
      return Optional.empty();
    }
    return Optional.of(
        new OwnerMark(tags.get(NAMESPACE_TAG), tags.get(NAME_TAG), tags.get(UID_TAG)));
  }
}
