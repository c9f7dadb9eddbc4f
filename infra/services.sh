# shellcheck shell=bash
# infra/services.sh — start, stop and report the platform's services. Sourced by ./platform after lib.sh.
# Every service runs in the background with a PID file and a log under $PLATFORM_HOME/run and /logs.

PLATFORM_HOME=${PLATFORM_HOME:-/var/lib/platform}
GATEWAY_PORT=${PLATFORM_GATEWAY_PORT:-8080}
GATEWAY_TLS_PORT=${PLATFORM_GATEWAY_TLS_PORT:-6443}
IMAGE_STORE_PORT=${PLATFORM_IMAGE_STORE_PORT:-5000}
NODE_AGENT_PORT=${PLATFORM_NODE_AGENT_PORT:-10250}
SCHEDULER_METRICS_PORT=${PLATFORM_SCHEDULER_METRICS_PORT:-10251}
RABBITMQ_PORT=${PLATFORM_RABBITMQ_PORT:-5672}
SILO_PORT=${PLATFORM_ORLEANS_SILO_PORT:-11111}
ORLEANS_GATEWAY_PORT=${PLATFORM_ORLEANS_GATEWAY_PORT:-30000}
NODE_NAME=${PLATFORM_NODE_NAME:-$(hostname | tr '[:upper:]' '[:lower:]' | tr -c 'a-z0-9.\n-' '-')}
BUILD_CONFIGURATION=Release
RUN_DIR=$PLATFORM_HOME/run
LOG_DIR=$PLATFORM_HOME/logs
TOKEN_FILE=$PLATFORM_HOME/admin.token
GATEWAY_URL=http://127.0.0.1:$GATEWAY_PORT
CLI_CONFIG=${PLATFORM_CONFIG:-$HOME/.platform/config}
BRIDGE=${PLATFORM_BRIDGE:-platform0}
POD_CIDR=${PLATFORM_POD_CIDR:-10.88.0.0/24}
# Node agents on this machine. Agent 1 uses the settings above; agent i gets the name NODE_NAME-i, the
# port NODE_AGENT_PORT+10(i-1), the bridge BRIDGE-i and the i-th subnet of POD_CIDR's size after it.
NODES=${PLATFORM_NODES:-1}
# sqlite (embedded, one gateway) or postgres (a private PostgreSQL started here; gateways may share it).
STORAGE=${PLATFORM_STORAGE:-sqlite}
POSTGRES_PORT=${PLATFORM_POSTGRES_PORT:-55432}

# name → project folder and assembly; started in this order, stopped in reverse.
SERVICES=(api-gateway image-store scheduler node-agent)
declare -A ASSEMBLY=(
    [api-gateway]=Platform.ApiGateway [image-store]=Platform.ImageStore
    [scheduler]=Platform.Scheduler [node-agent]=Platform.NodeAgent
)

rabbitmq() {
    RABBITMQ_INSTANCE_DIR=$PLATFORM_HOME/rabbitmq RABBITMQ_PORT=$RABBITMQ_PORT "$ROOT/infra/rabbitmq.sh" "$@"
}

postgres() {
    POSTGRES_INSTANCE_DIR=$PLATFORM_HOME/postgres POSTGRES_PORT=$POSTGRES_PORT "$ROOT/infra/postgres.sh" "$@"
}

uses_postgres() {
    case $STORAGE in
    sqlite) return 1 ;;
    postgres) return 0 ;;
    *) fail "PLATFORM_STORAGE must be sqlite or postgres, not '$STORAGE'" ;;
    esac
}

# node-agent-2 and the other extra agents run the node-agent build.
service_dll() {
    local project=${1%%-[0-9]*}
    printf '%s/services/%s/bin/%s/net10.0/%s.dll' "$ROOT" "$project" "$BUILD_CONFIGURATION" "${ASSEMBLY[$project]}"
}

agent_service() { if (($1 == 1)); then echo node-agent; else echo "node-agent-$1"; fi; }
agent_node_name() { if (($1 == 1)); then echo "$NODE_NAME"; else echo "$NODE_NAME-$1"; fi; }
agent_port() { echo $((NODE_AGENT_PORT + 10 * ($1 - 1))); } # 10250, 10260...: clear of the scheduler's 10251
agent_bridge() { if (($1 == 1)); then echo "$BRIDGE"; else echo "$BRIDGE-$1"; fi; }

# The i-th block of POD_CIDR's size, counting POD_CIDR itself as the first.
agent_pod_cidr() {
    local address=${POD_CIDR%/*} length=${POD_CIDR#*/} a b c d
    IFS=. read -r a b c d <<<"$address"
    local value=$(((a << 24 | b << 16 | c << 8 | d) + ($1 - 1) * (1 << (32 - length))))
    printf '%d.%d.%d.%d/%d\n' $((value >> 24 & 255)) $((value >> 16 & 255)) $((value >> 8 & 255)) $((value & 255)) "$length"
}

check_nodes_setting() {
    [[ $NODES =~ ^[1-9][0-9]*$ ]] || fail "PLATFORM_NODES must be a whole number of node agents, not '$NODES'"
    local bridge
    bridge=$(agent_bridge "$NODES")
    ((${#bridge} <= 15)) || fail "bridge name $bridge is longer than the kernel's 15 characters; shorten PLATFORM_BRIDGE"
}

service_env() {
    printf '%s\n' \
        "PLATFORM_HOME=$PLATFORM_HOME" \
        "PLATFORM_RABBITMQ_URL=amqp://guest:guest@127.0.0.1:$RABBITMQ_PORT/" \
        "PLATFORM_GATEWAY_URL=$GATEWAY_URL" \
        "PLATFORM_GATEWAY_TLS_URL=https://127.0.0.1:$GATEWAY_TLS_PORT" \
        "PLATFORM_IMAGE_STORE_URL=http://127.0.0.1:$IMAGE_STORE_PORT" \
        "PLATFORM_NODE_AGENT_URL=http://127.0.0.1:$NODE_AGENT_PORT" \
        "PLATFORM_SCHEDULER_METRICS_URL=http://127.0.0.1:$SCHEDULER_METRICS_PORT" \
        "PLATFORM_NODE_NAME=$NODE_NAME" \
        "PLATFORM_ORLEANS_SILO_PORT=$SILO_PORT" \
        "PLATFORM_ORLEANS_GATEWAY_PORT=$ORLEANS_GATEWAY_PORT" \
        "PLATFORM_ADMIN_TOKEN_FILE=$TOKEN_FILE" \
        "PLATFORM_BRIDGE=$BRIDGE" \
        "PLATFORM_POD_CIDR=$POD_CIDR" \
        "PLATFORM_RUNTIME_BIN=$ROOT/out/platform-runtime/platform-runtime"
    if uses_postgres; then printf '%s\n' "PLATFORM_POSTGRES_URL=$(postgres url)"; fi
}

ensure_dependencies() {
    command -v dotnet >/dev/null || fail "the .NET 10 SDK (dotnet) is not installed; this machine kind ships it"
    ensure_apt_packages curl ca-certificates
    "$ROOT/infra/rabbitmq.sh" install
    if uses_postgres; then "$ROOT/infra/postgres.sh" install; fi
}

# Builds when a source file changed since the last successful build.
build_solution() {
    # The build belongs to the checkout, not to a PLATFORM_HOME: benchmarks with homes of their own reuse it.
    local stamp=$ROOT/out/release-build.stamp
    if [[ -f $stamp ]] && [[ -z $(find "$ROOT/libs" "$ROOT/services" "$ROOT/cli" "$ROOT"/Directory.*.props \
        -newer "$stamp" \( -name '*.cs' -o -name '*.csproj' -o -name '*.props' \) -not -path '*/obj/*' -not -path '*/bin/*' -print -quit) ]]; then
        info "build is up to date"
        return
    fi
    info "building ($BUILD_CONFIGURATION)"
    dotnet build "$ROOT/Platform.sln" -c "$BUILD_CONFIGURATION" -nologo -v quiet -p:UseSharedCompilation=true >"$LOG_DIR/build.log" 2>&1 \
        || { tail -30 "$LOG_DIR/build.log" >&2; fail "build failed; see $LOG_DIR/build.log"; }
    "$ROOT/infra/publish-runtime.sh" >>"$LOG_DIR/build.log" 2>&1 || fail "publishing platform-runtime failed; see $LOG_DIR/build.log"
    "$ROOT/infra/publish-cli.sh" >>"$LOG_DIR/build.log" 2>&1 || fail "publishing platformctl failed; see $LOG_DIR/build.log"
    dotnet build-server shutdown >/dev/null 2>&1 || true
    touch "$stamp"
}

# kubectl sends its token only over TLS: the kubeconfig names the gateway's HTTPS port and trusts its
# self-signed certificate (written by the gateway on first start).
write_kubeconfig() {
    local ca=$PLATFORM_HOME/api-gateway/tls/ca.crt
    (umask 077 && cat >"$PLATFORM_HOME/kubeconfig" <<KUBECONFIG
apiVersion: v1
kind: Config
clusters:
  - name: platform
    cluster:
      server: https://127.0.0.1:$GATEWAY_TLS_PORT
      certificate-authority-data: $(base64 -w0 "$ca")
users:
  - name: admin
    user:
      token: $(cat "$TOKEN_FILE")
contexts:
  - name: platform
    context: {cluster: platform, user: admin, namespace: default}
current-context: platform
KUBECONFIG
    )
}

ensure_admin_token() {
    if [[ ! -s $TOKEN_FILE ]]; then
        (umask 077 && head -c 32 /dev/urandom | base64 | tr -d '/+=\n' >"$TOKEN_FILE")
        info "created admin token in $TOKEN_FILE"
    fi
    chmod 600 "$TOKEN_FILE"
    mkdir -p "$(dirname "$CLI_CONFIG")"
    (umask 077 && printf 'server: %s\ntoken: %s\n' "$GATEWAY_URL" "$(cat "$TOKEN_FILE")" >"$CLI_CONFIG")
    # bin/platformctl is the NativeAOT binary infra/publish-cli.sh published (and linked) during the build.
    mkdir -p "$ROOT/bin"
    ln -sfn "$ROOT/out/platformctl/platformctl" "$ROOT/bin/platformctl"
}

# start_service NAME [VAR=value...]: the extra settings override service_env's.
start_service() {
    local name=$1 pid_file=$RUN_DIR/$1.pid log=$LOG_DIR/$1.log
    shift
    if read_pid_file "$pid_file" >/dev/null; then
        info "$name already runs (pid $(cat "$pid_file"))"
        return
    fi
    local -a environment
    mapfile -t environment < <(service_env)
    environment+=("$@")
    # setsid: the service gets its own session, so it outlives this shell and is stopped by its PID alone.
    env "${environment[@]}" setsid dotnet "$(service_dll "$name")" >>"$log" 2>&1 </dev/null &
    echo $! >"$pid_file"
    info "started $name (pid $!, log $log)"
}

stop_service() {
    local name=$1 pid_file=$RUN_DIR/$1.pid pid
    if ! pid=$(read_pid_file "$pid_file"); then
        rm -f "$pid_file"
        return
    fi
    kill -TERM "$pid" 2>/dev/null || true
    local deadline=$((SECONDS + 20))
    while pid_alive "$pid" && ((SECONDS < deadline)); do sleep 0.1; done
    if pid_alive "$pid"; then
        warn "$name did not stop within 20 s; killing it"
        kill -KILL "$pid" 2>/dev/null || true
    fi
    rm -f "$pid_file"
    info "stopped $name"
}

wait_for_http() {
    local url=$1 timeout_s=$2 deadline=$((SECONDS + $2))
    until curl -fsS -o /dev/null --max-time 2 "$url" 2>/dev/null; do
        ((SECONDS < deadline)) || fail "$url did not answer within $timeout_s s"
        sleep 0.2
    done
}

# Agent 1 with the settings as given; the others each with a name, port, bridge and subnet of their own.
start_node_agents() {
    local index
    start_service node-agent
    for ((index = 2; index <= NODES; index++)); do
        start_service "$(agent_service "$index")" "PLATFORM_NODE_NAME=$(agent_node_name "$index")" \
            "PLATFORM_NODE_AGENT_URL=http://127.0.0.1:$(agent_port "$index")" \
            "PLATFORM_BRIDGE=$(agent_bridge "$index")" "PLATFORM_POD_CIDR=$(agent_pod_cidr "$index")"
        # down removes the bridge even when it runs with another PLATFORM_NODES.
        agent_bridge "$index" >"$RUN_DIR/$(agent_service "$index").bridge"
    done
}

wait_for_nodes_ready() {
    local index
    for ((index = 1; index <= NODES; index++)); do wait_for_node_ready "$(agent_node_name "$index")"; done
}

wait_for_node_ready() {
    local node=$1 deadline=$((SECONDS + 60)) status
    while ((SECONDS < deadline)); do
        status=$(curl -fsS --max-time 2 -H "Authorization: Bearer $(cat "$TOKEN_FILE")" \
            "$GATEWAY_URL/api/v1/nodes/$node" 2>/dev/null \
            | jq -r '.status.conditions[]? | select(.type == "Ready") | .status' 2>/dev/null || true)
        [[ $status == True ]] && return
        sleep 0.3
    done
    fail "node $node did not become Ready within 60 s; see the node agent's log in $LOG_DIR"
}

cmd_up() {
    local start
    start=$(now_seconds)
    mkdir -p "$RUN_DIR" "$LOG_DIR"
    check_nodes_setting
    ensure_dependencies
    ensure_apt_packages jq
    build_solution
    ensure_admin_token
    rabbitmq start
    if uses_postgres; then postgres start; fi
    start_service api-gateway
    wait_for_http "$GATEWAY_URL/healthz" 60
    write_kubeconfig
    start_service image-store
    start_service scheduler
    start_node_agents
    wait_for_http "http://127.0.0.1:$IMAGE_STORE_PORT/healthz" 60
    PLATFORM_REGISTRY=127.0.0.1:$IMAGE_STORE_PORT PLATFORM_CONFIG=$CLI_CONFIG "$ROOT/infra/seed-images.sh"
    wait_for_nodes_ready
    info "platform is up in $(elapsed_since "$start") s: gateway $GATEWAY_URL, $NODES node(s) Ready, the first $NODE_NAME"
    info "try: bin/platformctl apply -f examples/hello-pod.yaml && bin/platformctl get pods"
    info "kubectl: export KUBECONFIG=$PLATFORM_HOME/kubeconfig"
    info "metrics (Prometheus): $GATEWAY_URL/metrics (with the admin token), http://127.0.0.1:$SCHEDULER_METRICS_PORT/metrics," \
        "http://127.0.0.1:$NODE_AGENT_PORT/metrics, http://127.0.0.1:$IMAGE_STORE_PORT/metrics"
    echo "$GATEWAY_URL"
}

# Containers outlive the node agent (their runtime shims are detached), so down stops them itself: a
# SIGKILL through the runtime, a wait for each shim to record the exit and remove its state, a forced
# delete of anything left, then the containers' root filesystems are unmounted.
stop_containers() {
    local runtime=${PLATFORM_RUNTIME_BIN:-$ROOT/out/platform-runtime/platform-runtime} root id deadline mount
    for root in "$PLATFORM_HOME"/nodes/*/runtime; do
        [[ -d $root && -x $runtime ]] || continue
        for id in $(ls "$root"); do "$runtime" --root "$root" kill "$id" KILL 2>/dev/null || true; done
        deadline=$((SECONDS + 20))
        while [[ -n $(ls -A "$root") ]] && ((SECONDS < deadline)); do sleep 0.1; done
        for id in $(ls "$root"); do "$runtime" --root "$root" delete --force "$id" 2>/dev/null || true; done
    done
    awk -v nodes="$PLATFORM_HOME/nodes/" 'index($5, nodes) == 1 { print $5 }' /proc/self/mountinfo | sort -r |
        while read -r mount; do umount "$mount" 2>/dev/null || umount -l "$mount" 2>/dev/null || true; done
}

cmd_down() {
    local index pid_file
    for pid_file in "$RUN_DIR"/node-agent-*.pid; do
        if [[ -e $pid_file ]]; then stop_service "$(basename "$pid_file" .pid)"; fi
    done
    for ((index = ${#SERVICES[@]} - 1; index >= 0; index--)); do
        stop_service "${SERVICES[$index]}"
    done
    stop_containers
    remove_pod_network
    rabbitmq stop
    postgres stop
}

# The node agent leaves pod networks in place when it stops (a later agent takes them over); down
# removes them: each pod's namespace mount (its veth goes with it), then the node bridge.
remove_pod_network() {
    local netns
    for netns in "$PLATFORM_HOME"/nodes/*/network/netns/*; do
        [[ -e $netns ]] || continue
        umount -l "$netns" 2>/dev/null || true
        rm -f "$netns"
    done
    rm -rf "$PLATFORM_HOME"/nodes/*/network/pods "$PLATFORM_HOME"/nodes/*/network/addresses
    local bridge record
    for record in "$RUN_DIR"/node-agent-*.bridge; do
        [[ -e $record ]] || continue
        bridge=$(cat "$record")
        if ip link show "$bridge" >/dev/null 2>&1; then ip link delete "$bridge" type bridge; fi
        rm -f "$record"
    done
    if ip link show "$BRIDGE" >/dev/null 2>&1; then
        ip link delete "$BRIDGE" type bridge
    fi
}

service_status() {
    local name=$1 pid
    if pid=$(read_pid_file "$RUN_DIR/$name.pid"); then
        printf '%-12s running  pid %-8s log %s\n' "$name" "$pid" "$LOG_DIR/$name.log"
    else
        printf '%-12s stopped  %-12s log %s\n' "$name" "" "$LOG_DIR/$name.log"
    fi
}

cmd_status() {
    local name pid_file
    for name in "${SERVICES[@]}"; do service_status "$name"; done
    for pid_file in "$RUN_DIR"/node-agent-*.pid; do
        if [[ -e $pid_file ]]; then service_status "$(basename "$pid_file" .pid)"; fi
    done
    if rabbitmq status >/dev/null 2>&1; then
        printf '%-12s running  port %-7s dir %s\n' rabbitmq "$RABBITMQ_PORT" "$PLATFORM_HOME/rabbitmq"
    else
        printf '%-12s stopped\n' rabbitmq
    fi
    if postgres status >/dev/null 2>&1; then
        printf '%-12s running  port %-7s dir %s\n' postgres "$POSTGRES_PORT" "$PLATFORM_HOME/postgres"
    fi
}
