package com.jackhoman.kfp.releaser.bench;

import com.jackhoman.kfp.releaser.emulator.LoggedRequest;
import java.util.Arrays;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Function;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * Calls grouped by method and path pattern (ids, namespaces and object names replaced by
 * placeholders), or reconciles by kind, most frequent first: where a phase's work goes.
 *
 * @param counts the number of calls per "METHOD pattern"
 */
public record CallBreakdown(Map<String, Long> counts) {

  private static final Pattern UUID =
      Pattern.compile("[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}");

  /** KFP calls from the emulator's request log, KFP ids replaced by {@code {id}}. */
  public static CallBreakdown ofKfp(Collection<LoggedRequest> requests) {
    return of(requests, r -> r.method() + " " + UUID.matcher(r.path()).replaceAll("{id}"));
  }

  /**
   * Kubernetes writes, with namespace and object names replaced by {@code {ns}} and {@code {name}}.
   */
  public static CallBreakdown ofKubernetes(Collection<KubernetesWriteLog.Write> writes) {
    return of(writes, w -> w.method() + " " + kubernetesPattern(w.path()));
  }

  /** Reconciles by the kind of the reconciled object. */
  public static CallBreakdown ofReconciles(Collection<ReconcileLog.Reconcile> reconciles) {
    return of(reconciles, ReconcileLog.Reconcile::kind);
  }

  private static <T> CallBreakdown of(Collection<T> calls, Function<T, String> pattern) {
    Map<String, Long> counts =
        calls.stream().collect(Collectors.groupingBy(pattern, Collectors.counting()));
    return new CallBreakdown(
        counts.entrySet().stream()
            .sorted(Map.Entry.<String, Long>comparingByValue().reversed())
            .collect(
                Collectors.toMap(
                    Map.Entry::getKey, Map.Entry::getValue, (a, b) -> a, LinkedHashMap::new)));
  }

  private static String kubernetesPattern(String path) {
    String[] segments = path.split("/", -1);
    int namespaces = Arrays.asList(segments).indexOf("namespaces");
    if (namespaces >= 0 && namespaces + 1 < segments.length) {
      segments[namespaces + 1] = "{ns}";
    }
    if (namespaces >= 0 && namespaces + 3 < segments.length) {
      segments[namespaces + 3] = "{name}";
    }
    return String.join("/", segments);
  }

  /** One line per pattern, "count METHOD pattern", each starting with {@code indent}. */
  public String lines(String indent) {
    if (counts.isEmpty()) {
      return indent + "(none)\n";
    }
    StringBuilder text = new StringBuilder();
    counts.forEach((call, count) -> text.append("%s%8d  %s%n".formatted(indent, count, call)));
    return text.toString();
  }
}
