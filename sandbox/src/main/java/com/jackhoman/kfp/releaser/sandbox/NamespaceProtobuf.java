package com.jackhoman.kfp.releaser.sandbox;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Optional;

/**
 * Reads the name out of the protobuf Namespace that {@code kubectl create namespace} sends: the
 * {@code k8s\0} envelope, a {@code runtime.Unknown} whose field 2 is the Namespace, whose field 1
 * is its ObjectMeta, whose field 1 is the name.
 */
final class NamespaceProtobuf {

  private static final byte[] MAGIC = {'k', '8', 's', 0};

  private NamespaceProtobuf() {}

  /** The namespace's name, or empty if the body is not such a message. */
  static Optional<String> name(byte[] body) {
    if (body.length < MAGIC.length || !Arrays.equals(body, 0, 4, MAGIC, 0, 4)) {
      return Optional.empty();
    }
    return field(Arrays.copyOfRange(body, 4, body.length), 2)
        .flatMap(namespace -> field(namespace, 1))
        .flatMap(metadata -> field(metadata, 1))
        .map(name -> new String(name, StandardCharsets.UTF_8));
  }

  /** The bytes of the first length-delimited field {@code number} of a message. */
  private static Optional<byte[]> field(byte[] message, int number) {
    int[] position = {0};
    while (position[0] < message.length) {
      long key = varint(message, position);
      int wireType = (int) (key & 7);
      switch (wireType) {
        case 0 -> varint(message, position);
        case 1 -> position[0] += 8;
        case 5 -> position[0] += 4;
        case 2 -> {
          int length = (int) varint(message, position);
          int start = position[0];
          position[0] += length;
          if (key >>> 3 == number && position[0] <= message.length) {
            return Optional.of(Arrays.copyOfRange(message, start, position[0]));
          }
        }
        default -> {
          return Optional.empty();
        }
      }
    }
    return Optional.empty();
  }

  private static long varint(byte[] message, int[] position) {
    long value = 0;
    for (int shift = 0; position[0] < message.length && shift < 64; shift += 7) {
      byte b = message[position[0]++];
      value |= (long) (b & 0x7f) << shift;
      if ((b & 0x80) == 0) {
        break;
      }
    }
    return value;
  }
}
