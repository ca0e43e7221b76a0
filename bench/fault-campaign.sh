#!/usr/bin/env bash
# The long fault campaign: 600 objects over 24 namespaces, a seeded random workload (10 changes a
# second) and faults on KFP and Kubernetes for the given time, then the time until every invariant
# holds again, once per seed. Exits 1 when an invariant broke in any (and lists what broke).
# Usage: bench/fault-campaign.sh [--seeds FIRST-LAST (default 1)] [--seconds N of faults per seed (default 600)]
# One summary line per seed, then a total line.
set -euo pipefail
cd "$(dirname "$0")/.."
mvn -B -q test-compile dependency:build-classpath -pl cli -am -Dmdep.outputFile=target/bench.classpath
exec java -Dorg.slf4j.simpleLogger.defaultLogLevel=error -cp "cli/target/test-classes:cli/target/classes:$(cat cli/target/bench.classpath)" \
  com.jackhoman.kfp.releaser.bench.FaultCampaignBench "$@"
