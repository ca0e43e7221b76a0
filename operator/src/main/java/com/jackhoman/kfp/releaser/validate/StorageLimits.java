package com.jackhoman.kfp.releaser.validate;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.charset.StandardCharsets;
import java.util.Optional;

/**
 * The sizes a default cluster refuses to store an object at, and what kube-apiserver answers then.
 *
 * <p>Three limits, from the smallest: etcd refuses a request over {@code --max-request-bytes}
 * (default 1572864, go.etcd.io/etcd/server/embed/config.go {@code DefaultMaxRequestBytes}; checked
 * in etcdserver/v3_server.go {@code processInternalRaftRequestOnce}), which kube-apiserver passes
 * on as 500 {@code etcdserver: request is too large}; kube-apiserver's etcd client sends no gRPC
 * message over 2 MiB (2097152), and passes the client's {@code ResourceExhausted} on as 500; and
 * kube-apiserver reads no request body over 3 MiB (3145728), answering 413 before decoding
 * (k8s.io/apiserver/pkg/endpoints/handlers/rest.go {@code limitedReadBody}). kube-apiserver retries
 * a write that was too large without {@code managedFields} (handlers/create.go and update.go,
 * {@code isTooLargeError}), so they do not count.
 *
 * <p>What etcd gets is the object's key ({@code /registry/<group>/<resource>/<namespace>/<name>})
 * and its JSON (with {@code uid}, {@code creationTimestamp}, {@code generation}, without {@code
 * resourceVersion} and {@code managedFields}) in protobuf framing of 96 bytes; the gRPC message is
 * 17 bytes less. The framing was recorded from kube-apiserver v1.32.13 with etcd 3.4.23 here: a
 * PipelineVersion of 1572561 bytes as JSON (named {@code big} in namespace {@code fid-rec}, key 56
 * bytes, stored value 1572712 bytes) was stored, one byte more was refused with {@code etcdserver:
 * request is too large}; one of 2096867 bytes was refused with {@code rpc error: code =
 * ResourceExhausted desc = trying to send message larger than max (2097153 vs. 2097152)}. Above
 * 2097152 bytes protobuf's length prefixes take one byte more each, three in all.
 */
public final class StorageLimits {

  /** etcd's default {@code --max-request-bytes}. */
  public static final long ETCD_MAX_REQUEST_BYTES = 1572864;

  /** The largest gRPC message kube-apiserver's etcd client sends. */
  public static final long GRPC_MAX_SEND_BYTES = 2097152;

  /** kube-apiserver's {@code MaxRequestBodyBytes}. */
  public static final long MAX_REQUEST_BODY_BYTES = 3145728;

  private static final long RAFT_FRAMING_BYTES = 96;
  private static final long GRPC_FRAMING_BYTES = 79;
  private static final long WIDER_LENGTH_PREFIXES = 3;

  /** What kube-apiserver fills in on create, as long as it writes it (a uid, a timestamp). */
  private static final String UID = "00000000-0000-0000-0000-000000000000";

  private static final String TIMESTAMP = "2026-01-01T00:00:00Z";

  private StorageLimits() {}

  /**
   * Why a default cluster would not store this object.
   *
   * @param code the HTTP status kube-apiserver answers with
   * @param message its {@code Status} message, word for word
   * @param bytes the size that is over the limit
   * @param limit the limit in bytes
   */
  public record Refusal(int code, String message, long bytes, long limit) {}

  /**
   * Why a default cluster would not store {@code object} under {@code key}, or empty when it would.
   *
   * @param key the object's etcd key, see {@link #key}
   * @param object the object as it would be stored
   */
  public static Optional<Refusal> refusal(String key, JsonNode object) {
    long json = storedJson(object).getBytes(StandardCharsets.UTF_8).length;
    long keyBytes = key.getBytes(StandardCharsets.UTF_8).length;
    long grpc =
        keyBytes
            + json
            + GRPC_FRAMING_BYTES
            + (json + 1 >= GRPC_MAX_SEND_BYTES ? WIDER_LENGTH_PREFIXES : 0);
    if (grpc > GRPC_MAX_SEND_BYTES) {
      return Optional.of(
          new Refusal(
              500,
              "rpc error: code = ResourceExhausted desc = trying to send message larger than max ("
                  + grpc
                  + " vs. "
                  + GRPC_MAX_SEND_BYTES
                  + ")",
              grpc,
              GRPC_MAX_SEND_BYTES));
    }
    long raft = keyBytes + json + RAFT_FRAMING_BYTES;
    if (raft > ETCD_MAX_REQUEST_BYTES) {
      return Optional.of(
          new Refusal(500, "etcdserver: request is too large", raft, ETCD_MAX_REQUEST_BYTES));
    }
    return Optional.empty();
  }

  /** kube-apiserver's 413 for a request body over {@link #MAX_REQUEST_BODY_BYTES}, if it is. */
  public static Optional<Refusal> bodyRefusal(long bodyBytes) {
    return bodyBytes > MAX_REQUEST_BODY_BYTES
        ? Optional.of(
            new Refusal(
                413,
                "Request entity too large: limit is " + MAX_REQUEST_BODY_BYTES,
                bodyBytes,
                MAX_REQUEST_BODY_BYTES))
        : Optional.empty();
  }

  /**
   * The etcd key kube-apiserver stores an object under: {@code /registry/<resource>/...} for the
   * core group, {@code /registry/<group>/<resource>/...} for others.
   *
   * @param group the API group, empty for the core group
   * @param resource the plural, e.g. {@code pipelineversions}
   * @param namespace the namespace, or null for a cluster-scoped object
   * @param name the object's name
   */
  public static String key(String group, String resource, String namespace, String name) {
    return "/registry/"
        + (group.isEmpty() ? "" : group + "/")
        + resource
        + "/"
        + (namespace == null ? "" : namespace + "/")
        + name;
  }

  /** The object's JSON as kube-apiserver hands it to etcd. */
  private static String storedJson(JsonNode object) {
    ObjectNode stored = object.deepCopy();
    ObjectNode metadata = stored.withObject("metadata");
    metadata.remove("resourceVersion");
    metadata.remove("managedFields");
    if (!metadata.has("uid")) {
      metadata.put("uid", UID);
    }
    if (!metadata.has("creationTimestamp")) {
      metadata.put("creationTimestamp", TIMESTAMP);
    }
    if (!metadata.has("generation")) {
      metadata.put("generation", 1);
    }
    return stored.toString();
  }
}
