#!/usr/bin/env bash
# KFP client micro-benchmark: client calls/s over loopback against the in-process emulator, both
# adapters, 1 and 4 threads (about 40 s).
# Usage: bench/client.sh
set -euo pipefail
cd "$(dirname "$0")/.."
mvn -B -q test-compile dependency:build-classpath -pl cli -am -Dmdep.outputFile=target/bench.classpath
exec java -cp "cli/target/test-classes:cli/target/classes:$(cat cli/target/bench.classpath)" \
  com.jackhoman.kfp.releaser.bench.KfpClientBench
