#!/usr/bin/env bash
# Times `kfp-releaser validate` on examples/ and on a generated folder of N manifests
# (default 1000: N/4 each of Pipeline, PipelineVersion with a KFP v2 package, Experiment and
# RecurringRun with typed parameters), 5 runs each, and prints the median wall time next to the
# time of a one-manifest run (JVM start and set-up), so the per-manifest cost can be read off.
#
#   mvn -B -q package -DskipTests && bench/validate.sh [N]
set -euo pipefail
cd "$(dirname "$0")/.."
n=${1:-1000}
jar=target/kfp-releaser.jar
[ -f "$jar" ] || { echo "build the jar first: mvn -B -q package -DskipTests" >&2; exit 2; }
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT

sets=$((n / 4))
mkdir -p "$work/generated" "$work/one"
for i in $(seq 1 "$sets"); do
  cat > "$work/generated/team-$i.yaml" <<YAML
apiVersion: kfp.jackhoman.com/v1alpha1
kind: Pipeline
metadata: {name: train-$i, namespace: team-$((i % 20))}
spec: {description: Pipeline $i}
---
apiVersion: kfp.jackhoman.com/v1alpha1
kind: PipelineVersion
metadata: {name: train-$i-v1, namespace: team-$((i % 20))}
spec:
  pipeline: train-$i
  workflow:
    pipelineInfo: {name: train-$i}
    root:
      inputDefinitions:
        parameters:
          message: {parameterType: STRING}
          epochs: {parameterType: NUMBER_INTEGER}
          rate: {parameterType: NUMBER_DOUBLE, defaultValue: 0.1, isOptional: true}
      dag: {tasks: {}}
    schemaVersion: 2.1.0
    sdkVersion: kfp-2.14.6
---
apiVersion: kfp.jackhoman.com/v1alpha1
kind: Experiment
metadata: {name: exp-$i, namespace: team-$((i % 20))}
---
apiVersion: kfp.jackhoman.com/v1alpha1
kind: RecurringRun
metadata: {name: nightly-$i, namespace: team-$((i % 20))}
spec:
  versionRef: train-$i-v1
  experimentRef: exp-$i
  schedule: {cron: "$((i % 60)) 2 * * *"}
  parameters:
  - {name: message, value: hello}
  - {name: epochs, value: $i}
YAML
done
cp examples/whalesay/pipeline.yaml "$work/one/"

median_ms() {
  local times=()
  for _ in 1 2 3 4 5; do
    local start end
    start=$(date +%s%N)
    java -jar "$jar" validate "$@" >/dev/null
    end=$(date +%s%N)
    times+=($(((end - start) / 1000000)))
  done
  printf '%s\n' "${times[@]}" | sort -n | sed -n 3p
}

one=$(median_ms "$work/one")
examples=$(median_ms examples)
generated=$(median_ms "$work/generated")
echo "validate, median of 5 runs on $(nproc) cores, $(java -version 2>&1 | head -1)"
echo "  1 manifest (JVM start + set-up):      ${one} ms"
echo "  examples/ ($(find examples -name '*.yaml' | wc -l) files):                  ${examples} ms"
echo "  $((sets * 4)) generated manifests ($sets files): ${generated} ms"
echo "  per 100 manifests after start-up:     $(((generated - one) * 100 / (sets * 4))) ms"
