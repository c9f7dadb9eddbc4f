#!/usr/bin/env bash
# Pods per second from the apply of one Deployment with REPLICAS (default 1000) busybox `sleep` pods
# to all of them available, on a private single-node platform (its own PLATFORM_HOME and ports, so a
# running `./platform up` is untouched). Prints the time to the first and to the last available pod,
# the rate, and the gateway's and node agent's resident memory at the end; then deletes the Deployment
# and prints how long until every pod is gone. PLATFORM_CONTAINER_RUNTIME=process measures the
# control plane alone (pods as plain processes, no container start cost). BENCH_NODES=N (default 1)
# runs N node agents on this machine (`PLATFORM_NODES`), each with its own bridge and /20.
set -euo pipefail
ROOT=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
. "$ROOT/infra/lib.sh"
LIB_LOG_TAG=bench
REPLICAS=${REPLICAS:-1000}
export PLATFORM_NODES=${BENCH_NODES:-1}

export PLATFORM_HOME=${BENCH_HOME:-$(mktemp -d /tmp/bench-deploy.XXXXXX)}
export PLATFORM_GATEWAY_PORT=18081 PLATFORM_GATEWAY_TLS_PORT=18444 PLATFORM_IMAGE_STORE_PORT=15001 PLATFORM_NODE_AGENT_PORT=20251
export PLATFORM_RABBITMQ_PORT=25675 PLATFORM_ORLEANS_SILO_PORT=21112 PLATFORM_ORLEANS_GATEWAY_PORT=23001
export PLATFORM_CONFIG=$PLATFORM_HOME/cli-config PLATFORM_NODE_NAME=bench-node PLATFORM_MAX_PODS=$((REPLICAS + 10))
# A bridge of its own, and a pod subnet with room for every replica (a /24 holds 253 pods).
export PLATFORM_BRIDGE=${PLATFORM_BRIDGE:-pbench0} PLATFORM_POD_CIDR=${PLATFORM_POD_CIDR:-10.89.0.0/20} PLATFORM_SERVICE_CIDR=${PLATFORM_SERVICE_CIDR:-10.97.0.0/16}
API=http://127.0.0.1:$PLATFORM_GATEWAY_PORT

cleanup() {
    "$ROOT/platform" down >/dev/null 2>&1 || true
    rm -rf "$PLATFORM_HOME"
}
trap cleanup EXIT

now_ms() { date +%s%3N; }
api() { curl -sf -H "Authorization: Bearer $(cat "$PLATFORM_HOME/admin.token")" "$@"; }
available() { api "$API/apis/apps/v1/namespaces/default/deployments/bench" | jq '.status.availableReplicas // 0'; }
pods() { api "$API/api/v1/namespaces/default/pods?labelSelector=app%3Dbench" | jq '.items | length'; }
rss_mib() { awk '/VmRSS/ { printf "%.1f", $2 / 1024 }' "/proc/$(cat "$PLATFORM_HOME/run/$1.pid")/status"; }

"$ROOT/platform" up >/dev/null
start=$(now_ms)
api -X POST -H 'Content-Type: application/yaml' "$API/apis/apps/v1/namespaces/default/deployments" --data-binary @- >/dev/null <<YAML
apiVersion: apps/v1
kind: Deployment
metadata: {name: bench}
spec:
  replicas: $REPLICAS
  selector: {matchLabels: {app: bench}}
  template:
    metadata: {labels: {app: bench}}
    spec:
      terminationGracePeriodSeconds: 1
      containers:
        - {name: main, image: busybox, command: [sleep, "3600"], resources: {requests: {cpu: 1m, memory: 1Mi}}}
YAML
first=""
while :; do
    n=$(available || echo 0) # a transient error of a loaded gateway is not the end of the run
    [[ -z $first && $n -gt 0 ]] && first=$(now_ms)
    ((n >= REPLICAS)) && break
    sleep 0.5
done
done_at=$(now_ms)
spread=$(api "$API/api/v1/namespaces/default/pods?labelSelector=app%3Dbench" \
    | jq -r '[.items[].spec.nodeName] | group_by(.) | map("\(.[0]) \(length)") | join(", ")')
gateway_rss=$(rss_mib api-gateway)
agent_rss=$(rss_mib node-agent)

awk -v n="$REPLICAS" -v f="$((first - start))" -v s="$((done_at - start))" \
    -v g="$gateway_rss" -v a="$agent_rss" -v launcher="${PLATFORM_CONTAINER_RUNTIME:-platform-runtime}" \
    -v nodes="$PLATFORM_NODES" -v spread="$spread" 'BEGIN {
    printf "Deployment of %d replicas on %d node(s) on this machine (launcher %s)\n", n, nodes, launcher
    printf "  apply to first pod available: %.1f s\n", f / 1000
    printf "  apply to all %d available:   %.1f s, %.1f pods/s\n", n, s / 1000, n / (s / 1000)
    printf "  pods per node: %s\n", spread
    printf "  resident memory then: api-gateway %s MiB, first node-agent %s MiB\n", g, a
}'

# Printed before the delete phase, so a failing delete cannot hide the figures above. The DELETE answers
# once the Deployment is gone; the garbage collector deletes its ReplicaSet and pods after it. A refused
# DELETE is reported, and the pods are still awaited.
delete_start=$(now_ms)
if ! api -X DELETE "$API/apis/apps/v1/namespaces/default/deployments/bench" >/dev/null; then
    warn "DELETE of the Deployment failed; waiting for its pods anyway"
fi
until (($(pods) == 0)); do sleep 0.5; done
deleted=$(now_ms)
awk -v n="$REPLICAS" -v d="$((deleted - delete_start))" 'BEGIN {
    printf "  delete to every pod gone:     %.1f s, %.1f pods/s\n", d / 1000, n / (d / 1000)
}'
