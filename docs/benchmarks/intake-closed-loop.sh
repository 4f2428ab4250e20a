#!/usr/bin/env bash
# Closed-loop intake run (issue 1/8): SteadyDesk on a throw-away embedded PostgreSQL, wrk POSTing tickets on loopback,
# and the CPU time per created ticket of each JVM thread group and of the embedded PostgreSQL (read from /proc), which
# tells where an intake's cost goes and what the two cores can carry at most.
# Usage (from the repository root): docs/benchmarks/intake-closed-loop.sh [seconds=30] [connections=64] [think-ms=0] [warm-up-s=60]
# With think-ms > 0 each connection waits that long after every answer (docs/benchmarks/intake-paced.lua): C connections
# then offer about C / (think + latency) tickets a second, and the latency figures are those of that load.
# Needs /usr/bin/wrk and Linux /proc. The database is on disk under target/intake-pgdata with fsync on, as in
# production. A warm-up run (same load) lets the JIT settle first; the second run is reported.
set -euo pipefail
cd "$(dirname "$0")/../.."
SECONDS_RUN=${1:-30}; CONNECTIONS=${2:-64}; export THINK_MS=${3:-0}; WARMUP=${4:-60}
SCRIPT=docs/benchmarks/intake-post.lua; [ "$THINK_MS" != 0 ] && SCRIPT=docs/benchmarks/intake-paced.lua
./mvnw -B -o -q process-test-classes
./mvnw -B -o -q dependency:build-classpath -Dmdep.outputFile=target/cp.txt
ENV_FILE=target/intake-server.env; rm -f "$ENV_FILE"
rm -rf target/intake-pgdata
java -Xmx2g -cp "target/test-classes:target/classes:$(cat target/cp.txt)" com.steadydesk.inbox.IntakeServer "$ENV_FILE" \
    "--steadydesk.embedded-db.data-directory=$PWD/target/intake-pgdata" \
    > target/intake-server.log 2>&1 &
SERVER=$!
trap 'kill $SERVER 2>/dev/null || true' EXIT
for _ in $(seq 1 120); do [ -f "$ENV_FILE" ] && break; sleep 1; done
# shellcheck disable=SC1090
source "$ENV_FILE"; export TOKEN
POSTMASTER=$(awk '{print $4}' "/proc/$PGBACKEND/stat")

ticks() { # name ticks (1/100 s) per JVM thread group, and "postgres" for the postmaster and its children
    for t in /proc/$JVM/task/*; do
        s=$(cat "$t/stat" 2>/dev/null) || continue
        name=$(echo "$s" | sed 's/.*(\(.*\)).*/\1/; s/[0-9]\+/N/g; s/ /_/g')
        echo "jvm:$name $(echo "${s##*) }" | awk '{print $12 + $13}')"
    done | awk '{a[$1] += $2} END {for (k in a) print k, a[k]}'
    pg=0
    for p in /proc/[0-9]*; do
        s=$(cat "$p/stat" 2>/dev/null) || continue
        rest=${s##*) }
        parent=$(echo "$rest" | awk '{print $2}')
        if [ "$parent" = "$POSTMASTER" ] || [ "${p#/proc/}" = "$POSTMASTER" ]; then
            pg=$((pg + $(echo "$rest" | awk '{print $12 + $13}')))
        fi
    done
    echo "postgres $pg"
}

run() {
    ticks | sort > target/intake-cpu-before
    wrk -t2 -c"$CONNECTIONS" -d"$1s" --latency -s "$SCRIPT" "http://127.0.0.1:$PORT" > target/intake-wrk.out
    sleep 2
    ticks | sort > target/intake-cpu-after
}

echo "warm-up run: $WARMUP s ..."; run "$WARMUP"
echo "measured run: $CONNECTIONS connections, think time $THINK_MS ms, $SECONDS_RUN s"; run "$SECONDS_RUN"
grep -E "Latency|requests in|Requests/sec|Non-2xx|50%|90%|99%" target/intake-wrk.out
N=$(grep -o "[0-9]* requests in" target/intake-wrk.out | awk '{print $1}')
join target/intake-cpu-before target/intake-cpu-after | awk -v n="$N" '
    { d = $3 - $2; if (d > 0) { printf "%-32s %6.2f ms CPU per ticket\n", $1, d * 10 / n; t += d } }
    END { printf "%-32s %6.2f ms CPU per ticket (%d tickets)\n", "total", t * 10 / n, n }' | sort -k2 -rn
