#!/usr/bin/env bash
# The operator's steady-state cost: KFP reads and writes per drift period once N objects are
# Ready (sandbox: embedded API, KFP emulator, operator in one JVM).
# Usage: bench/steady-state.sh [objects, default 100] [drift period in seconds, default 10]
set -euo pipefail
cd "$(dirname "$0")/.."
mvn -B -q test-compile dependency:build-classpath -Dmdep.outputFile=target/bench.classpath
exec java -cp "target/test-classes:target/classes:$(cat target/bench.classpath)" \
  com.jackhoman.kfp.releaser.bench.SteadyStateBench "$@"
