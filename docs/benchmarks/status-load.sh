#!/usr/bin/env bash
# Load run of the public status page (issue 4/8): starts SteadyDesk on a throw-away embedded PostgreSQL with one
# major crisis and a dozen public updates, then runs wrk -t2 -c64 against /status and /status?lang=en.
# Usage (from the repository root): docs/benchmarks/status-load.sh [seconds=30] [connections=64]
# Needs /usr/bin/wrk. Builds offline; run it on an otherwise idle machine for figures worth comparing.
set -euo pipefail
cd "$(dirname "$0")/../.."
./mvnw -B -o -q process-test-classes
./mvnw -B -o -q dependency:build-classpath -Dmdep.outputFile=target/cp.txt
exec java -Xmx1g -cp "target/test-classes:target/classes:$(cat target/cp.txt)" \
    com.steadydesk.crisis.StatusPageLoadBenchmark "${1:-30}" "${2:-64}"
