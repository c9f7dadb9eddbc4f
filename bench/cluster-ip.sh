#!/usr/bin/env bash
# What the node agent's userspace cluster-IP proxy costs: `hey` against a busybox httpd pod through its
# Service's cluster IP (the agent's listener on the node's dummy link, then the pod) and straight at the
# pod's own address, alternating, from the host (which reaches both). Prints requests per second and
# p50/p99 latency side by side, and the proxied figure over the direct one.
#
#   bench/cluster-ip.sh                starts a private single-node platform (own PLATFORM_HOME, ports,
#                                      bridge, pod and service ranges) and stops it afterwards
#   BENCH_RUNNING=1 bench/cluster-ip.sh
#                                      uses the cluster `./platform up` started
#
# ROUNDS (3) alternations of DURATION (10s) each, CONCURRENCY (8) connections; every request is a new
# TCP connection (hey -disable-keepalive), the case where a proxy adds the most.
set -euo pipefail
ROOT=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
. "$ROOT/infra/lib.sh"
LIB_LOG_TAG=bench
ROUNDS=${ROUNDS:-3}
DURATION=${DURATION:-10s}
CONCURRENCY=${CONCURRENCY:-8}
ensure_apt_packages hey jq curl

if [[ -n ${BENCH_RUNNING:-} ]]; then
    PLATFORM_HOME=${PLATFORM_HOME:-/var/lib/platform}
    SERVER="http://127.0.0.1:${PLATFORM_GATEWAY_PORT:-8080}"
    cleanup_platform() { :; }
else
    export PLATFORM_HOME=${BENCH_HOME:-$(mktemp -d /tmp/bench-clusterip.XXXXXX)}
    export PLATFORM_GATEWAY_PORT=18082 PLATFORM_IMAGE_STORE_PORT=15002 PLATFORM_NODE_AGENT_PORT=20252
    export PLATFORM_RABBITMQ_PORT=25676 PLATFORM_ORLEANS_SILO_PORT=21113 PLATFORM_ORLEANS_GATEWAY_PORT=23002
    export PLATFORM_SCHEDULER_METRICS_PORT=20253 PLATFORM_GATEWAY_TLS_PORT=16444
    export PLATFORM_CONFIG=$PLATFORM_HOME/cli-config PLATFORM_NODE_NAME=bench-node
    export PLATFORM_BRIDGE=pbenchip0 PLATFORM_POD_CIDR=10.87.0.0/24 PLATFORM_SERVICE_CIDR=10.95.0.0/24
    SERVER="http://127.0.0.1:$PLATFORM_GATEWAY_PORT"
    cleanup_platform() {
        "$ROOT/platform" down >/dev/null 2>&1 || true
        rm -rf "$PLATFORM_HOME"
    }
fi
NAME="bench-cip-$$"
api() { curl -s -H "Authorization: Bearer $TOKEN" "$@"; }
cleanup() {
    if [[ -n ${TOKEN:-} ]]; then
        api -o /dev/null -X DELETE "$SERVER/apis/apps/v1/namespaces/default/deployments/$NAME" || true
        api -o /dev/null -X DELETE "$SERVER/api/v1/namespaces/default/services/$NAME" || true
    fi
    cleanup_platform
}
trap cleanup EXIT

if [[ -z ${BENCH_RUNNING:-} ]]; then
    info "starting a private platform under $PLATFORM_HOME"
    "$ROOT/platform" up >/dev/null
fi
TOKEN=$(cat "$PLATFORM_HOME/admin.token")

api -o /dev/null -X POST -H 'Content-Type: application/yaml' "$SERVER/api/v1/namespaces/default/services" --data-binary @- <<YAML
apiVersion: v1
kind: Service
metadata: {name: $NAME}
spec:
  selector: {app: $NAME}
  ports: [{name: http, port: 80, targetPort: 8080}]
YAML
api -o /dev/null -X POST -H 'Content-Type: application/yaml' "$SERVER/apis/apps/v1/namespaces/default/deployments" --data-binary @- <<YAML
apiVersion: apps/v1
kind: Deployment
metadata: {name: $NAME}
spec:
  replicas: 1
  selector: {matchLabels: {app: $NAME}}
  template:
    metadata: {labels: {app: $NAME}}
    spec:
      terminationGracePeriodSeconds: 1
      containers:
        - name: httpd
          image: busybox:latest
          command: [sh, -c, "mkdir -p /www && echo hello > /www/index.html && exec httpd -f -p 8080 -h /www"]
          resources: {requests: {cpu: 10m, memory: 4Mi}}
YAML

info "waiting for the pod and its endpoint"
CLUSTER_IP=$(api "$SERVER/api/v1/namespaces/default/services/$NAME" | jq -r .spec.clusterIP)
for _ in $(seq 1 120); do
    POD_IP=$(api "$SERVER/api/v1/namespaces/default/endpoints/$NAME" | jq -r '.subsets[0].addresses[0].ip // empty')
    if [[ -n $POD_IP ]] && curl -sf -o /dev/null --max-time 2 "http://$CLUSTER_IP/"; then break; fi
    sleep 1
done
[[ -n ${POD_IP:-} ]] || fail "the service $NAME never got a ready endpoint reachable on $CLUSTER_IP"

# One hey run: prints "requests_per_second p50_ms p99_ms".
run() {
    hey -z "$DURATION" -c "$CONCURRENCY" -disable-keepalive "$1" | awk '
        /Requests\/sec:/ { rps = $2 }
        /  50% in/ { p50 = $3 * 1000 }
        /  99% in/ { p99 = $3 * 1000 }
        END { printf "%.0f %.2f %.2f\n", rps, p50, p99 }'
}

proxied=$(mktemp) direct=$(mktemp)
for ((round = 1; round <= ROUNDS; round++)); do
    info "round $round/$ROUNDS: cluster IP $CLUSTER_IP:80, then pod $POD_IP:8080"
    run "http://$CLUSTER_IP/" >>"$proxied"
    run "http://$POD_IP:8080/" >>"$direct"
done

median() { sort -n | awk '{ v[NR] = $1 } END { print v[int((NR + 1) / 2)] }'; }
read -r p_rps p_p50 p_p99 <<<"$(for c in 1 2 3; do cut -d' ' -f$c "$proxied" | median; done | xargs)"
read -r d_rps d_p50 d_p99 <<<"$(for c in 1 2 3; do cut -d' ' -f$c "$direct" | median; done | xargs)"
rm -f "$proxied" "$direct"
awk -v pr="$p_rps" -v p5="$p_p50" -v p9="$p_p99" -v dr="$d_rps" -v d5="$d_p50" -v d9="$d_p99" -v n="$ROUNDS" -v c="$CONCURRENCY" 'BEGIN {
    printf "busybox httpd, new connection per request, %d connections, median of %d rounds\n", c, n
    printf "  %-34s %12s %10s %10s\n", "", "requests/s", "p50 ms", "p99 ms"
    printf "  %-34s %12d %10.2f %10.2f\n", "cluster IP (agent userspace proxy)", pr, p5, p9
    printf "  %-34s %12d %10.2f %10.2f\n", "pod IP (direct, no proxy)", dr, d5, d9
    printf "  %-34s %12.2f %10.2f %10.2f\n", "proxied / direct", pr / dr, p5 / d5, p9 / d9
}'
