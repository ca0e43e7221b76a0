#!/usr/bin/env bash
# Client calls per second over loopback against the in-process KFP emulator (about 40 s).
# Usage, from the repository root: bash bench/kfp-client-bench.sh
set -euo pipefail
cd "$(dirname "$0")/.."
mvn -B -q compile dependency:build-classpath -Dmdep.outputFile=target/bench.classpath
# The JDK HttpServer under the emulator delays small writes (Nagle) unless told otherwise, which
# caps every client at ~22 calls/s per thread (40 ms delayed-ACK stalls); the flag removes that.
exec java -Dsun.net.httpserver.nodelay=true -cp "target/classes:$(cat target/bench.classpath)" bench/KfpClientBench.java
