#!/usr/bin/env bash
# 50 containers running `sleep` started and then removed through the node agent, on a private
# single-node platform (its own PLATFORM_HOME and ports, so a running `./platform up` is untouched).
# Prints containers per second for start (apply to all Running) and for removal (delete to all gone),
# and the node agent's resident memory with the containers running. COUNT overrides 50.
set -euo pipefail
ROOT=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
. "$ROOT/infra/lib.sh"
LIB_LOG_TAG=bench
COUNT=${COUNT:-50}

export PLATFORM_HOME=${BENCH_HOME:-$(mktemp -d /tmp/bench-agent.XXXXXX)}
export PLATFORM_GATEWAY_PORT=18080 PLATFORM_GATEWAY_TLS_PORT=18443 PLATFORM_IMAGE_STORE_PORT=15000 PLATFORM_NODE_AGENT_PORT=20250
export PLATFORM_RABBITMQ_PORT=25674 PLATFORM_ORLEANS_SILO_PORT=21111 PLATFORM_ORLEANS_GATEWAY_PORT=23000
export PLATFORM_CONFIG=$PLATFORM_HOME/cli-config PLATFORM_NODE_NAME=bench-node
CTL="$ROOT/bin/platformctl"

cleanup() {
    "$ROOT/platform" down >/dev/null 2>&1 || true
    rm -rf "$PLATFORM_HOME"
}
trap cleanup EXIT

now_ms() { date +%s%3N; }

count_phase() { "$CTL" get pods -o json | jq "[.items[] | select(.status.phase == \"$1\")] | length"; }

manifests() {
    local i
    for ((i = 1; i <= COUNT; i++)); do
        printf -- '---\napiVersion: v1\nkind: Pod\nmetadata: {name: sleeper-%d}\nspec:\n  restartPolicy: Never\n  terminationGracePeriodSeconds: 1\n  containers:\n    - {name: main, image: busybox, command: [sleep, "3600"], resources: {requests: {cpu: 10m, memory: 4Mi}}}\n' "$i"
    done
}

"$ROOT/platform" up >/dev/null
start=$(now_ms)
manifests | "$CTL" apply -f - >/dev/null
until (($(count_phase Running) == COUNT)); do sleep 0.2; done
started=$(now_ms)
agent_rss=$(awk '/VmRSS/ { print $2 }' "/proc/$(cat "$PLATFORM_HOME/run/node-agent.pid")/status")

delete_start=$(now_ms)
for ((i = 1; i <= COUNT; i++)); do "$CTL" delete pod "sleeper-$i" --wait=false >/dev/null & done
wait
until (($("$CTL" get pods -o json | jq '.items | length') == 0)); do sleep 0.2; done
deleted=$(now_ms)

awk -v n="$COUNT" -v s="$((started - start))" -v d="$((deleted - delete_start))" -v rss="$agent_rss" 'BEGIN {
    printf "%d containers through the node agent (apply to Running, delete to gone)\n", n
    printf "  start:  %.1f s, %.1f containers/s\n", s / 1000, n / (s / 1000)
    printf "  remove: %.1f s, %.1f containers/s\n", d / 1000, n / (d / 1000)
    printf "  node agent resident memory with %d containers running: %.1f MiB\n", n, rss / 1024
}'
