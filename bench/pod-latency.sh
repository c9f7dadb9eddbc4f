#!/usr/bin/env bash
# p50/p99 of one pod's apply-to-Running latency with the image cached, over COUNT (50) pods submitted
# one after another, against issue #6's target (p99 <= 0.5 s) and the Kubernetes SLO (p99 <= 5 s).
#
#   bench/pod-latency.sh             starts a private single-node platform (own PLATFORM_HOME and ports;
#                                    a running `./platform up` is untouched) and stops it afterwards
#   BENCH_RUNNING=1 bench/pod-latency.sh
#                                    uses the cluster `./platform up` started (PLATFORM_HOME, default
#                                    /var/lib/platform, and PLATFORM_GATEWAY_PORT, default 8080)
#
# Two figures per pod: seen by the client (POST sent to Running read back, polling every 10 ms) and
# recorded by the cluster (the container's startedAt minus the pod's creationTimestamp, same clock).
# A first pod pulls the image and is not counted. COUNT overrides 50.
set -euo pipefail
ROOT=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
. "$ROOT/infra/lib.sh"
LIB_LOG_TAG=bench
COUNT=${COUNT:-50}

if [[ -n ${BENCH_RUNNING:-} ]]; then
    PLATFORM_HOME=${PLATFORM_HOME:-/var/lib/platform}
    SERVER="http://127.0.0.1:${PLATFORM_GATEWAY_PORT:-8080}"
    cleanup() { :; }
else
    export PLATFORM_HOME=${BENCH_HOME:-$(mktemp -d /tmp/bench-latency.XXXXXX)}
    export PLATFORM_GATEWAY_PORT=18081 PLATFORM_IMAGE_STORE_PORT=15001 PLATFORM_NODE_AGENT_PORT=20251
    export PLATFORM_RABBITMQ_PORT=25675 PLATFORM_ORLEANS_SILO_PORT=21112 PLATFORM_ORLEANS_GATEWAY_PORT=23001
    export PLATFORM_CONFIG=$PLATFORM_HOME/cli-config PLATFORM_NODE_NAME=bench-node
    SERVER="http://127.0.0.1:$PLATFORM_GATEWAY_PORT"
    cleanup() {
        "$ROOT/platform" down >/dev/null 2>&1 || true
        rm -rf "$PLATFORM_HOME"
    }
fi
PODS="$SERVER/api/v1/namespaces/default/pods"
PREFIX="latency-$$"
trap cleanup EXIT

api() { curl -s -H "Authorization: Bearer $TOKEN" "$@"; }

now_ms() { date +%s%3N; }

manifest() {
    printf 'apiVersion: v1\nkind: Pod\nmetadata: {name: %s}\nspec:\n  restartPolicy: Never\n  terminationGracePeriodSeconds: 1\n  containers:\n    - {name: main, image: busybox, command: [sleep, "3600"], resources: {requests: {cpu: 10m, memory: 4Mi}}}\n' "$1"
}

# The pod's phase, or None once it is gone (the answer is then a Status, not a Pod).
phase() { api "$PODS/$1" | jq -r 'if .kind == "Pod" then .status.phase // "None" else "None" end'; }

# Milliseconds from the pod's creation to its container's start, as the cluster recorded them.
recorded_ms() {
    api "$PODS/$1" | jq -r '
        def ms: capture("^(?<base>[^.+Z]+)(\\.(?<frac>[0-9]+))?")
              | ((.base + "Z") | fromdateiso8601) * 1000 + (((.frac // "0") + "000")[0:3] | tonumber);
        (.status.containerStatuses[0].state.running.startedAt | ms) - (.metadata.creationTimestamp | ms)'
}

# One pod: POST, then poll until Running; prints "client_ms recorded_ms"; then deletes it and waits until gone.
one_pod() {
    local name=$1 start seen
    start=$(now_ms)
    manifest "$name" | api -o /dev/null -X POST -H 'Content-Type: application/yaml' --data-binary @- "$PODS"
    until [[ $(phase "$name") == Running ]]; do sleep 0.01; done
    seen=$(now_ms)
    printf '%d %d\n' "$((seen - start))" "$(recorded_ms "$name")"
    api -o /dev/null -X DELETE "$PODS/$name"
    until [[ $(phase "$name") == None ]]; do sleep 0.05; done
}

percentiles() { # stdin: one number per line; prints "p50 p99" (nearest rank)
    sort -n | awk '{ v[NR] = $1 } END {
        p50 = int(NR * 0.50); if (p50 < NR * 0.50) p50++; p99 = int(NR * 0.99); if (p99 < NR * 0.99) p99++
        printf "%d %d\n", v[p50], v[p99] }'
}

if [[ -z ${BENCH_RUNNING:-} ]]; then
    info "starting a private platform under $PLATFORM_HOME"
    "$ROOT/platform" up >/dev/null
fi
TOKEN=$(cat "$PLATFORM_HOME/admin.token")

info "warm-up pod (pulls busybox once)"
one_pod "$PREFIX-warm" >/dev/null
results=$(mktemp)
for ((i = 1; i <= COUNT; i++)); do
    one_pod "$PREFIX-$i" >>"$results"
done

read -r client50 client99 < <(cut -d' ' -f1 "$results" | percentiles)
read -r cluster50 cluster99 < <(cut -d' ' -f2 "$results" | percentiles)
rm -f "$results"
awk -v n="$COUNT" -v c50="$client50" -v c99="$client99" -v s50="$cluster50" -v s99="$cluster99" 'BEGIN {
    printf "apply-to-Running latency of one pod, image cached, %d pods one after another\n", n
    printf "  %-44s %8s %8s %18s %14s\n", "", "p50", "p99", "p99/target 0.5 s", "p99/SLO 5 s"
    printf "  %-44s %6d ms %6d ms %18.2f %14.2f\n", "client (POST to Running read back)", c50, c99, c99 / 500, c99 / 5000
    printf "  %-44s %6d ms %6d ms %18.2f %14.2f\n", "cluster (creationTimestamp to startedAt)", s50, s99, s99 / 500, s99 / 5000
}'
