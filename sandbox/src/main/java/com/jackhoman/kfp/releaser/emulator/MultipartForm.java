package com.jackhoman.kfp.releaser.emulator;

import java.nio.charset.StandardCharsets;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Finds one file part of a {@code multipart/form-data} body, as the upload handlers read it. */
final class MultipartForm {

  private static final Pattern BOUNDARY = Pattern.compile("boundary=\"?([^\";]+)\"?");
  private static final Pattern DISPOSITION =
      Pattern.compile("name=\"([^\"]*)\"(?:; *filename=\"([^\"]*)\")?", Pattern.CASE_INSENSITIVE);

  /** A file part: its file name and content. */
  record FilePart(String fileName, String content) {}

  private MultipartForm() {}

  /** The part called {@code field}, absent when the body is not multipart or lacks it. */
  static Optional<FilePart> file(ApiRequest request, String field) {
    Matcher boundary = BOUNDARY.matcher(request.header("content-type").orElse(""));
    if (!boundary.find()) {
      return Optional.empty();
    }
    String body = new String(request.body(), StandardCharsets.ISO_8859_1);
    String delimiter = "--" + boundary.group(1);
    for (String part : body.split(Pattern.quote(delimiter))) {
      int headerEnd = part.indexOf("\r\n\r\n");
      if (headerEnd < 0) {
        continue;
      }
      Matcher disposition = DISPOSITION.matcher(part.substring(0, headerEnd));
      if (disposition.find() && disposition.group(1).equals(field)) {
        String content = part.substring(headerEnd + 4);
        if (content.endsWith("\r\n")) {
          content = content.substring(0, content.length() - 2);
        }
        byte[] raw = content.getBytes(StandardCharsets.ISO_8859_1);
        String fileName = disposition.group(2) == null ? "" : disposition.group(2);
        return Optional.of(new FilePart(fileName, new String(raw, StandardCharsets.UTF_8)));
      }
    }
    return Optional.empty();
  }
}
