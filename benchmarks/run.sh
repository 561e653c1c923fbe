#!/usr/bin/env bash
# Runs one benchmark against the system that ./run.sh is running, and writes its figures to benchmarks/results/.
#   benchmarks/run.sh intake        [-Dconcurrency=32 -Dwarmup=PT120S -Dduration=PT60S]
#   benchmarks/run.sh lead-emails   [-Drate=100 -Dduration=PT600S]
set -euo pipefail
cd "$(dirname "$0")/.."
benchmark=${1:?usage: benchmarks/run.sh intake|lead-emails [-Dname=value ...]}
shift
./mvnw -q -B -Pbenchmarks -pl benchmarks -am -DskipTests package
exec java -Xmx512m -Dorg.slf4j.simpleLogger.defaultLogLevel=warn "$@" -cp "benchmarks/target/classes:benchmarks/target/lib/*" dev.courseline.benchmarks.Benchmarks "$benchmark"
