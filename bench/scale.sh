#!/usr/bin/env bash
# The scale benchmark (issue 9): N objects applied at once against the embedded Kubernetes API
# and the KFP emulator with L ms added to every KFP call; one Markdown table row per N, each N in
# a fresh JVM so that heap and CPU are its own. docs/performance.md explains the columns.
# Usage: bench/scale.sh [N...] [--latency-ms 20] [--parallelism 10] [--steady-minutes 10]
#                       [--drift-period-s 10] [--probes 20] [--warmup-objects 100] [--verbose]
#                       [--kubeconfig FILE]
# With --kubeconfig the runs go to that cluster instead of a fresh embedded API: each run makes
# namespaces of its own (scale-<random>-NNNN), the operator watches only those, and they are
# deleted at the end; our CRDs are applied (server-side, forced) to the cluster.
# The counts come first; N defaults to 100 1000 and must be a multiple of 20.
set -euo pipefail
cd "$(dirname "$0")/.."
counts=()
while [[ $# -gt 0 && "$1" =~ ^[0-9]+$ ]]; do
  counts+=("$1")
  shift
done
[[ ${#counts[@]} -gt 0 ]] || counts=(100 1000)
mvn -B -q test-compile dependency:build-classpath -pl cli -am -Dmdep.outputFile=target/bench.classpath >&2
classpath="cli/target/test-classes:cli/target/classes:$(cat cli/target/bench.classpath)"
header=()
for n in "${counts[@]}"; do
  java -Dorg.slf4j.simpleLogger.defaultLogLevel=warn -cp "$classpath" \
    com.jackhoman.kfp.releaser.bench.ScaleBench "$n" "${header[@]}" "$@"
  header=(--no-header)
done
