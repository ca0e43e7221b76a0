package com.jackhoman.kfp.releaser.recurringrun;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.jackhoman.kfp.releaser.kfp.KfpTrigger;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The digest of everything a KFP recurring run was created with, written into its description: KFP
 * cannot update a recurring run, so a changed spec is found by comparing digests, from KFP alone.
 */
final class SpecDigest {

  private static final Pattern STAMP = Pattern.compile("\\s?\\[kfp-releaser spec ([0-9a-f]+)]$");

  private static final ObjectMapper SORTED =
      new ObjectMapper().enable(SerializationFeature.ORDER_MAP_ENTRIES_BY_KEYS);

  private SpecDigest() {}

  /** The digest of a recurring run's contents (its enabled state is not part of it). */
  static String of(
      String name,
      String description,
      String experimentId,
      String pipelineId,
      String pipelineVersionId,
      KfpTrigger trigger,
      Map<String, Object> parameters,
      int maxConcurrency,
      boolean noCatchup,
      String serviceAccount) {
    Map<String, Object> contents = new TreeMap<>();
    contents.put("name", name);
    contents.put("description", description);
    contents.put("experimentId", experimentId);
    contents.put("pipelineId", pipelineId);
    contents.put("pipelineVersionId", pipelineVersionId);
    contents.put("trigger", trigger.toString());
    contents.put("parameters", parameters);
    contents.put("maxConcurrency", maxConcurrency);
    contents.put("noCatchup", noCatchup);
    contents.put("serviceAccount", serviceAccount);
    try {
      byte[] hash =
          MessageDigest.getInstance("SHA-256")
              .digest(SORTED.writeValueAsString(contents).getBytes(StandardCharsets.UTF_8));
      return HexFormat.of().formatHex(hash, 0, 8);
    } catch (NoSuchAlgorithmException | JsonProcessingException impossible) {
      throw new IllegalStateException("Could not digest a recurring run", impossible);
    }
  }

  /** The description KFP stores: the user's text followed by the digest. */
  static String stamp(String description, String digest) {
    String text = description == null || description.isEmpty() ? "" : description + " ";
    return text + "[kfp-releaser spec " + digest + "]";
  }

  /** The digest a KFP description (without the owner mark) carries, if any. */
  static Optional<String> readFrom(String description) {
    if (description == null) {
      return Optional.empty();
    }
    Matcher matcher = STAMP.matcher(description);
    return matcher.find() ? Optional.of(matcher.group(1)) : Optional.empty();
  }
}
