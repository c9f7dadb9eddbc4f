#!/usr/bin/env bash
# Time-to-scale-out and time-to-scale-in of the HorizontalPodAutoscaler with its default reaction settings
# (1 s decisions over 5 s usage windows), one node, for a CPU target and for the Pods metric requests_per_second.
#
#   bench/autoscale.sh               starts a private single-node platform (own PLATFORM_HOME and ports; a running
#                                    `./platform up` is untouched) and stops it afterwards
#   BENCH_RUNNING=1 bench/autoscale.sh
#                                    uses the cluster `./platform up` started
#   BENCH_CASES="rps" bench/autoscale.sh
#                                    only some of the cases (default "cpu rps")
#
# cpu: examples/autoscale.yaml's busybox pods requesting 100m CPU (limit 200m) that burn CPU while /tmp/burn exists in
#      their container; the autoscaler keeps 1-4 pods at 50 % of request. The load step is one pod starting to burn
#      (through exec); the load ends when the file is removed.
# rps: examples/autoscale-rps.yaml's busybox httpd pods behind a Service; the autoscaler keeps 1-4 pods at 10 requests
#      per second each, as the ingress counts them. The load step is hey (Debian's) starting 20 s of about 40 requests
#      per second through the ingress on loopback (-c 4 -q 10); the load ends when hey does.
# Both with a scale-down window of SCALE_DOWN_WINDOW seconds (default 15):
#   time-to-scale-out = load step → every replica the autoscaler asked for is Running
#   time-to-scale-in  = load end  → one pod left (and that minus the scale-down window: the reaction itself)
# Peers: issue #8's target (scale-out under 10 s) and Kubernetes with metrics-server, which typically takes 30-90 s
# to scale out (15 s sync, 15-60 s metric resolution) and scales in only after its 300 s default window; for requests
# per second, KEDA's HTTP add-on scrapes its interceptors and feeds the HPA through the same loop. No Kubernetes
# cluster runs on these machines, so those are the documented figures, not a measurement.
set -euo pipefail
ROOT=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
. "$ROOT/infra/lib.sh"
LIB_LOG_TAG=bench
WINDOW=${SCALE_DOWN_WINDOW:-15}
CASES=${BENCH_CASES:-cpu rps}
ensure_apt_packages jq curl hey

if [[ -n ${BENCH_RUNNING:-} ]]; then
    PLATFORM_HOME=${PLATFORM_HOME:-/var/lib/platform}
    SERVER="http://127.0.0.1:${PLATFORM_GATEWAY_PORT:-8080}"
    cleanup() {
        local name
        for name in "bench-burn-$$" "bench-rps-$$"; do
            ctl delete hpa "$name" >/dev/null 2>&1 || true
            ctl delete deployment "$name" >/dev/null 2>&1 || true
            ctl delete service "$name" >/dev/null 2>&1 || true
        done
    }
else
    export PLATFORM_HOME=${BENCH_HOME:-$(mktemp -d /tmp/bench-autoscale.XXXXXX)}
    export PLATFORM_GATEWAY_PORT=18083 PLATFORM_IMAGE_STORE_PORT=15003 PLATFORM_NODE_AGENT_PORT=20253
    export PLATFORM_RABBITMQ_PORT=25677 PLATFORM_ORLEANS_SILO_PORT=21114 PLATFORM_ORLEANS_GATEWAY_PORT=23003
    export PLATFORM_CONFIG=$PLATFORM_HOME/cli-config PLATFORM_NODE_NAME=bench-autoscale
    SERVER="http://127.0.0.1:$PLATFORM_GATEWAY_PORT"
    cleanup() {
        "$ROOT/platform" down >/dev/null 2>&1 || true
        rm -rf "$PLATFORM_HOME"
    }
fi
HEY_PID=
HEY_OUT=$(mktemp /tmp/bench-autoscale-hey.XXXXXX)
trap '[[ -n $HEY_PID ]] && kill "$HEY_PID" 2>/dev/null; rm -f "$HEY_OUT"; cleanup' EXIT

ctl() { PLATFORM_TOKEN=$TOKEN "$ROOT/bin/platformctl" --server "$SERVER" "$@"; }
api() { curl -s -H "Authorization: Bearer $TOKEN" "$SERVER$1"; }
now_ms() { date +%s%3N; }
deployment() { api "/apis/apps/v1/namespaces/default/deployments/$NAME"; }
hpa() { api "/apis/autoscaling/v2/namespaces/default/horizontalpodautoscalers/$NAME"; }
running_pods() {
    api "/api/v1/namespaces/default/pods?labelSelector=app%3D$NAME" |
        jq '[.items[] | select(.status.phase == "Running" and .metadata.deletionTimestamp == null)] | length'
}
wait_until() { # CONDITION-FUNCTION TIMEOUT_S WHAT
    local deadline=$((SECONDS + $2))
    until "$1"; do
        ((SECONDS < deadline)) || fail "timed out after $2 s waiting for $3"
        sleep 0.1
    done
}
metrics_read() { [[ $(hpa | jq -r '.status.conditions[]? | select(.type == "ScalingActive") | .status') == True ]]; }
scaled_out() {
    local wanted
    wanted=$(deployment | jq '.spec.replicas')
    ((wanted > 1)) && [[ $(running_pods) == "$wanted" ]]
}
scaled_in() { [[ $(deployment | jq '.spec.replicas') == 1 && $(running_pods) == 1 ]]; }

# Sets OUT_MS, IN_MS and REPLICAS for the case.
cpu_case() {
    NAME="bench-burn-$$"
    sed -e "s/name: burner/name: $NAME/; s/app: burner/app: $NAME/g; s/stabilizationWindowSeconds: 30 .*/stabilizationWindowSeconds: $WINDOW/" \
        "$ROOT/examples/autoscale.yaml" | ctl apply -f - >/dev/null
    wait_until scaled_in 120 "the first pod to run"
    wait_until metrics_read 120 "the autoscaler to read the pods' CPU"
    local pod start
    pod=$(api "/api/v1/namespaces/default/pods?labelSelector=app%3D$NAME" | jq -r '.items[0].metadata.name')

    info "cpu: load step: $pod burns CPU"
    start=$(now_ms)
    ctl exec "$pod" -- touch /tmp/burn
    wait_until scaled_out 120 "the new replicas to run"
    OUT_MS=$(($(now_ms) - start))
    REPLICAS=$(deployment | jq '.spec.replicas')

    info "cpu: load end"
    start=$(now_ms)
    ctl exec "$pod" -- rm -f /tmp/burn
    wait_until scaled_in $((WINDOW + 120)) "the replicas to fall back to 1"
    IN_MS=$(($(now_ms) - start))
}

rps_case() {
    NAME="bench-rps-$$"
    sed -e "s/\brps\b/$NAME/g; s/stabilizationWindowSeconds: 30 .*/stabilizationWindowSeconds: $WINDOW/" \
        "$ROOT/examples/autoscale-rps.yaml" | ctl apply -f - >/dev/null
    wait_until scaled_in 120 "the first pod to run"
    wait_until metrics_read 120 "the autoscaler to read the pods' requests per second"
    local start

    info "rps: load step: hey, 20 s at about 40 requests per second through the ingress"
    start=$(now_ms)
    hey -z 20s -c 4 -q 10 "$SERVER/apps/default/$NAME/" >"$HEY_OUT" 2>&1 &
    HEY_PID=$!
    wait_until scaled_out 120 "the new replicas to run"
    OUT_MS=$(($(now_ms) - start))
    REPLICAS=$(deployment | jq '.spec.replicas')

    wait "$HEY_PID" || fail "hey failed: $(cat "$HEY_OUT")"
    HEY_PID=
    info "rps: load end ($(grep -m1 'Requests/sec' "$HEY_OUT" | tr -s ' '))"
    start=$(now_ms)
    wait_until scaled_in $((WINDOW + 120)) "the replicas to fall back to 1"
    IN_MS=$(($(now_ms) - start))
}

if [[ -z ${BENCH_RUNNING:-} ]]; then
    info "starting a private platform under $PLATFORM_HOME"
    "$ROOT/platform" up >/dev/null
fi
TOKEN=$(cat "$PLATFORM_HOME/admin.token")

results=()
for case in $CASES; do
    case $case in
    cpu) cpu_case ;;
    rps) rps_case ;;
    *) fail "unknown case $case (cpu, rps)" ;;
    esac
    results+=("$case $OUT_MS $IN_MS $REPLICAS")
done

printf '%s\n' "${results[@]}" | awk -v w="$WINDOW" '
BEGIN {
    printf "HorizontalPodAutoscaler reaction, one node, 1 -> N pods and back, scale-down window %d s\n", w
    printf "  %-40s %10s %28s %10s\n", "", "platform", "Kubernetes + metrics-server", "ratio"
}
{
    what = $1 == "cpu" ? "cpu 50 % of request" : "requests_per_second 10 per pod"
    printf "  %s (1 -> %d pods)\n", what, $4
    printf "  %-40s %8.1f s %28s %10.2f\n", "  time-to-scale-out (to Running)", $2 / 1000, "30-90 s (typical)", $2 / 30000
    printf "  %-40s %8s   %28s %10.2f\n", "    target of issue #8", "", "10 s", $2 / 10000
    printf "  %-40s %8.1f s %28s\n", "  time-to-scale-in", $3 / 1000, "300 s window + 15-60 s"
    printf "  %-40s %8.1f s %28s %10.2f\n", "    less the window", ($3 - w * 1000) / 1000, "15-60 s (typical)", ($3 - w * 1000) / 15000
}'
