#!/usr/bin/env bash
# Emulator micro-benchmark: requests/s for get and list at 1,000 pipelines over loopback.
# Usage: bench/emulator.sh [clients] [seconds-per-measurement]
set -euo pipefail
cd "$(dirname "$0")/.."
mvn -B -q test-compile dependency:build-classpath -pl cli -am -Dmdep.outputFile=target/bench.classpath
exec java -cp "cli/target/test-classes:cli/target/classes:$(cat cli/target/bench.classpath)" \
  com.jackhoman.kfp.releaser.bench.EmulatorBench "$@"
