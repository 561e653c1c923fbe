#!/usr/bin/env bash
# Runs one benchmark against the system that ./run.sh is running, and writes its figures to benchmarks/results/.
#   benchmarks/run.sh intake        [-Dconcurrency=32 -Dwarmup=PT120S -Dduration=PT60S -Dreference=false]
#   benchmarks/run.sh lead-emails   [-Drate=100 -Dwarmup=PT60S -Dduration=PT600S]
#   benchmarks/run.sh enrolments    [-Dcrowd=500 -Dseats=20 -Drounds=5 -Dwarmup.rounds=3 -Dcourse=psm]
#   benchmarks/run.sh website       [-Dconcurrency=50 -Dthink=PT1S -Dwarmup=PT60S -Dduration=PT60S -Dapi.duration=PT20S -Dapis=false]
set -euo pipefail
cd "$(dirname "$0")/.."
benchmark=${1:?usage: benchmarks/run.sh intake|lead-emails|enrolments|website [-Dname=value ...]}
shift
./mvnw -q -B -Pbenchmarks -pl benchmarks,benchmarks/minimal-intake -am -DskipTests package
exec java -Xmx512m -Dorg.slf4j.simpleLogger.defaultLogLevel=warn "$@" -cp "benchmarks/target/classes:benchmarks/target/lib/*" dev.courseline.benchmarks.Benchmarks "$benchmark"
