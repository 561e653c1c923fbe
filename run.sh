#!/usr/bin/env bash
# Runs the whole of Courseline on this machine with only a JDK (17 or newer): Kafka, a MongoDB-wire server, SMTP with
# an inbox page, the development identity provider, the three services and the website (open http://localhost:8080).
# Builds first when a jar is missing or older than the sources. Ctrl-C stops everything. ./run.sh --fresh starts from
# empty data (.courseline/).
set -euo pipefail
cd "$(dirname "$0")"

if ! command -v java >/dev/null 2>&1; then
  echo "run.sh: no 'java' on the PATH; install a JDK 17 or newer" >&2
  exit 1
fi

# The processes the launcher runs from their runnable jars, and the launcher's own module.
services=(website catalogue-service enquiry-service notification-service)
modules=(local-stack "${services[@]}")

# True when any pom.xml or source file of the modules the run uses is newer than the given file.
sources_newer_than() {
  local inputs=(pom.xml docs/openapi)
  for module in "${modules[@]}"; do
    inputs+=("$module/pom.xml")
    [ -d "$module/src/main" ] && inputs+=("$module/src/main")
  done
  [ -n "$(find "${inputs[@]}" -type f -newer "$1" -print -quit)" ]
}

needs_build() {
  [ -d local-stack/target/lib ] || return 0
  local jar
  jar=$(ls local-stack/target/local-stack-*.jar 2>/dev/null | grep -v -e '-sources' -e '-tests' | head -n 1 || true)
  [ -n "$jar" ] || return 0
  sources_newer_than "$jar" && return 0
  for module in "${services[@]}"; do
    jar=$(ls "$module"/target/"$module"-*-exec.jar 2>/dev/null | head -n 1 || true)
    [ -n "$jar" ] || return 0
    sources_newer_than "$jar" && return 0
  done
  return 1
}

if needs_build; then
  echo "[run.sh] building (./mvnw -q -B -DskipTests install) ..."
  ./mvnw -q -B -DskipTests install
fi

launcher_jar=$(ls local-stack/target/local-stack-*.jar | grep -v -e '-sources' -e '-tests' | head -n 1)
# The launcher JVM also hosts the MongoDB-wire store (H2 file), SMTP with the newest 2,000 emails, the inbox and the
# identity provider. Under load it allocates heavily (BSON in and out of H2's pages), so it gets 1 GB, and G1 with a
# short pause goal, whose pauses hold up the store less than the serial collector's (docs/performance.md). The
# services' own JVM flags are the root pom's courseline.jvm.flags.
exec java -XX:+UseG1GC -XX:MaxGCPauseMillis=20 -Xms512m -Xmx1g \
  -Dlogback.configurationFile=dev/courseline/localstack/launcher/launcher-logback.xml \
  -cp "$launcher_jar:local-stack/target/lib/*" \
  dev.courseline.localstack.launcher.Launcher "$@"
