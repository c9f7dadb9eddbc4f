#!/usr/bin/env bash
# infra/rabbitmq.sh — a private RabbitMQ broker instance with every socket on 127.0.0.1.
#
# Usage: infra/rabbitmq.sh install|start|stop|status|url|ctl ARGS...
#
#   install   install Debian's rabbitmq-server if missing, and make sure the package's own
#             stock broker (all interfaces, shared cookie) is not left running
#   start     start the instance and wait until AMQP accepts connections; one line when ready.
#             Already running and answering: exits 0 at once.
#   stop      graceful shutdown (bounded), then kill what is left of this node, then its epmd
#             once no node is registered there any more. Exit 0 also when nothing ran.
#   status    one line; exit 0 when running and answering, 1 otherwise
#   url       prints amqp://guest:guest@127.0.0.1:PORT/
#   ctl ARGS  rabbitmqctl against this instance, e.g. `ctl list_queues name durable messages`
#
# The instance, from the environment (defaults in brackets):
#   RABBITMQ_INSTANCE_DIR   [${PLATFORM_HOME:-/var/lib/platform}/rabbitmq] config files, data
#                           (mnesia), logs, pid file and the instance's own Erlang cookie.
#                           Nothing of the instance lives outside it. Data survives stop/start.
#   RABBITMQ_PORT           [5672] AMQP listener
#   RABBITMQ_DIST_PORT      [RABBITMQ_PORT+20000] Erlang distribution listener
#   RABBITMQ_EPMD_PORT      [4369] epmd; give a second instance its own (e.g. 4370) so the two
#                           share no epmd and stopping one never touches the other's
#   RABBITMQ_START_TIMEOUT  [60] seconds until the broker must accept AMQP connections
#   RABBITMQ_STOP_TIMEOUT   [30] seconds for the graceful shutdown before the node is killed
# The node is named platform-<RABBITMQ_PORT>@localhost, so instances never clash.
# rabbitmqctl's own distribution port is taken from RABBITMQ_DIST_PORT+10000 .. +10010.
#
# Example, a test instance beside the default one:
#   RABBITMQ_INSTANCE_DIR=/tmp/rmq-test RABBITMQ_PORT=5673 RABBITMQ_EPMD_PORT=4370 \
#       infra/rabbitmq.sh start
set -euo pipefail

INFRA_DIR=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
LIB_LOG_TAG=rabbitmq
# shellcheck source=infra/lib.sh
. "$INFRA_DIR/lib.sh"

# The /usr/sbin wrappers of the package `su` to user rabbitmq, which resets HOME to
# /var/lib/rabbitmq (every instance would share the package's cookie) and cds there. The real
# scripts behind them honour our environment, so call those directly, as the calling user.
RMQ_BIN=/usr/lib/rabbitmq/bin

is_port() { [[ $1 =~ ^[0-9]+$ ]] && (($1 >= 1 && $1 <= 65535)); }

load_instance() {
    local dir=${RABBITMQ_INSTANCE_DIR:-${PLATFORM_HOME:-/var/lib/platform}/rabbitmq}
    [[ $dir == /* ]] || dir=$PWD/$dir # relative to the caller's directory, not to ours
    # Paths go unquoted into a sh-sourced env file and into Erlang command lines.
    [[ $dir =~ ^[A-Za-z0-9/._+-]+$ ]] || fail "RABBITMQ_INSTANCE_DIR may only use [A-Za-z0-9/._+-]: $dir"
    INSTANCE_DIR=${dir%/}
    PORT=${RABBITMQ_PORT:-5672}
    is_port "$PORT" || fail "bad RABBITMQ_PORT: $PORT"
    DIST_PORT=${RABBITMQ_DIST_PORT:-$((PORT + 20000))}
    EPMD_PORT=${RABBITMQ_EPMD_PORT:-4369}
    CTL_PORT_MIN=$((DIST_PORT + 10000))
    if ! { is_port "$DIST_PORT" && is_port "$EPMD_PORT" && is_port "$((CTL_PORT_MIN + 10))"; }; then
        fail "bad port: dist $DIST_PORT, epmd $EPMD_PORT, ctl $CTL_PORT_MIN..$((CTL_PORT_MIN + 10))"
    fi
    START_TIMEOUT=${RABBITMQ_START_TIMEOUT:-60}
    STOP_TIMEOUT=${RABBITMQ_STOP_TIMEOUT:-30}
    [[ $START_TIMEOUT =~ ^[1-9][0-9]*$ && $STOP_TIMEOUT =~ ^[1-9][0-9]*$ ]] ||
        fail "RABBITMQ_START_TIMEOUT/RABBITMQ_STOP_TIMEOUT must be whole seconds"
    NODE=platform-$PORT@localhost
    ENV_FILE=$INSTANCE_DIR/rabbitmq-env.conf
    PID_FILE=$INSTANCE_DIR/rabbitmq.pid
    LOG_DIR=$INSTANCE_DIR/log
    NODE_LOG=$LOG_DIR/$NODE.log
}

# Everything started from here (server, rabbitmqctl, epmd) gets the same environment, so every
# call reaches this node, with this cookie, through this epmd.
export_instance_env() {
    local var
    # A RABBITMQ_* variable in the environment beats rabbitmq-env.conf; drop them all (including
    # our own settings, read already) so the instance is exactly what the env file says.
    for var in $(compgen -e); do
        if [[ $var == RABBITMQ_* ]]; then unset "$var"; fi
    done
    export RABBITMQ_CONF_ENV_FILE=$ENV_FILE
    export HOME=$INSTANCE_DIR # Erlang reads $HOME/.erlang.cookie: a private cookie per instance
    export ERL_EPMD_PORT=$EPMD_PORT ERL_EPMD_ADDRESS=127.0.0.1
    export ERL_CRASH_DUMP=$INSTANCE_DIR/erl_crash.dump
    export LC_ALL=C.UTF-8 # the Elixir CLI warns on every call under a non-UTF-8 locale
}

url() { printf 'amqp://guest:guest@127.0.0.1:%s/\n' "$PORT"; }

write_env_file() {
    local loopback_dist="-kernel inet_dist_use_interface {127,0,0,1}"
    cat >"$ENV_FILE.tmp" <<EOF
# Written by infra/rabbitmq.sh on every start: change the script, not this file.
# Sourced by the rabbitmq-server/rabbitmqctl scripts; export RABBITMQ_CONF_ENV_FILE=$ENV_FILE
# and HOME=$INSTANCE_DIR to reach this node with rabbitmqctl.
NODENAME=$NODE
NODE_IP_ADDRESS=127.0.0.1
NODE_PORT=$PORT
DIST_PORT=$DIST_PORT
CONFIG_FILE=$INSTANCE_DIR/rabbitmq.conf
ADVANCED_CONFIG_FILE=$INSTANCE_DIR/advanced.config
ENABLED_PLUGINS_FILE=$INSTANCE_DIR/enabled_plugins
MNESIA_BASE=$INSTANCE_DIR/mnesia
LOG_BASE=$LOG_DIR
PID_FILE=$PID_FILE
MOTD_FILE=$INSTANCE_DIR/motd
# epmd: the node starts it when none runs on this port, bound to this address only.
ERL_EPMD_PORT=$EPMD_PORT
ERL_EPMD_ADDRESS=127.0.0.1
# rabbitmqctl is a distributed Erlang node too: its listener stays on loopback, in its own range.
CTL_DIST_PORT_MIN=$CTL_PORT_MIN
CTL_DIST_PORT_MAX=$((CTL_PORT_MIN + 10))
CTL_ERL_ARGS="$loopback_dist"
SERVER_ADDITIONAL_ERL_ARGS="$loopback_dist"
EOF
    mv "$ENV_FILE.tmp" "$ENV_FILE"
}

write_config_files() {
    cat >"$INSTANCE_DIR/rabbitmq.conf" <<EOF
# Written by infra/rabbitmq.sh on every start: change the script, not this file.
listeners.tcp.1 = 127.0.0.1:$PORT
log.file.level = info
log.console = false
EOF
    # No plugins: the platform needs AMQP only (no management UI listening on another port).
    echo '[].' >"$INSTANCE_DIR/enabled_plugins"
    write_env_file
}

# Written before the first start so that the server and the first rabbitmqctl cannot race to
# create two different cookies. Erlang insists that only the owner may read it.
ensure_cookie() {
    local cookie=$INSTANCE_DIR/.erlang.cookie
    [[ -s $cookie ]] && return 0
    (umask 077 && od -An -N16 -tx1 /dev/urandom | tr -d ' \n' | tr a-f A-F >"$cookie")
}

# The server's beam.smp, found by its environment rather than by the pid file alone: the pid
# file appears only some seconds into the boot, and a stale one may name a recycled pid.
# rabbitmqctl runs are beam.smp processes with the same environment; "-s rabbit boot" on the
# command line is what only the server has.
server_pids() {
    local pid environ cmdline
    for pid in $(pgrep -x beam.smp || true); do
        environ=$(tr '\0' '\n' 2>/dev/null <"/proc/$pid/environ") || continue
        cmdline=$(tr '\0' ' ' 2>/dev/null <"/proc/$pid/cmdline") || continue
        [[ $'\n'$environ$'\n' == *$'\n'"RABBITMQ_CONF_ENV_FILE=$ENV_FILE"$'\n'* ]] || continue
        [[ $cmdline == *' -s rabbit boot '* ]] || continue
        echo "$pid"
    done
}

server_pid() {
    local pids
    pids=$(server_pids)
    [[ -n $pids ]] || return 1
    head -n 1 <<<"$pids"
}

ctl() { "$RMQ_BIN/rabbitmqctl" -n "$NODE" "$@"; }

# rabbitmqctl bounded in time (`timeout` cannot run a shell function, hence the repetition).
ctl_within() {
    local secs=$1
    shift
    timeout "$secs" "$RMQ_BIN/rabbitmqctl" -n "$NODE" "$@"
}

require_installed() {
    [[ -x $RMQ_BIN/rabbitmq-server ]] || fail "rabbitmq-server is not installed: run '$0 install' first"
}

# Fail fast with a clear message instead of letting the broker crash on a taken port.
check_ports_free() {
    local port
    for port in "$PORT" "$DIST_PORT"; do
        if tcp_open 127.0.0.1 "$port"; then
            ss -Hltnp "sport = :$port" >&2 2>/dev/null || true
            fail "port $port is already in use, not by the instance in $INSTANCE_DIR"
        fi
    done
}

# The data directory is per node name, and the name comes from the port: the same instance dir
# started with another RABBITMQ_PORT starts empty. Say so rather than seem to lose the data.
warn_other_nodes_data() {
    local d others=()
    for d in "$INSTANCE_DIR"/mnesia/platform-*@localhost; do
        [[ -d $d && ${d##*/} != "$NODE" ]] && others+=("${d##*/}")
    done
    ((${#others[@]} == 0)) ||
        warn "$INSTANCE_DIR also holds the data of ${others[*]}; $NODE (port $PORT) has its own"
}

# -detached: the VM daemonizes and outlives this script. The wrapper's own output (env file
# errors and the like) goes to startup.log; the broker itself logs to $NODE_LOG.
launch_server() {
    rm -f "$PID_FILE"
    (cd "$INSTANCE_DIR" && exec "$RMQ_BIN/rabbitmq-server" -detached) \
        >>"$LOG_DIR/startup.log" 2>&1 </dev/null
}

seconds_left() {
    local left=$((DEADLINE - SECONDS))
    echo $((left > 1 ? left : 1))
}

# await_startup fails at once while the node has not registered with epmd yet (the first
# second or two of the boot), so retry it until the deadline, unless the VM has died.
await_ready() {
    DEADLINE=$((SECONDS + START_TIMEOUT))
    until ctl_within "$(($(seconds_left) + 5))" await_startup --timeout "$(seconds_left)" >/dev/null 2>&1; do
        server_pid >/dev/null || { FAILURE="exited during boot"; return 1; }
        ((SECONDS < DEADLINE)) || return 1
        sleep 1
    done
    wait_for_tcp 127.0.0.1 "$PORT" "$(seconds_left)"
}

file_size() { stat -c %s "$1" 2>/dev/null || echo 0; }

# Log sizes before this launch: on failure show only what this start wrote, not the tail of the
# previous run (whose shutdown lines would otherwise pass for the cause).
LOG_OFFSETS=(0 0)
mark_logs() {
    LOG_OFFSETS=("$(file_size "$LOG_DIR/startup.log")" "$(file_size "$NODE_LOG")")
    if [[ -e $INSTANCE_DIR/erl_crash.dump ]]; then
        mv -f "$INSTANCE_DIR/erl_crash.dump" "$INSTANCE_DIR/erl_crash.dump.prev"
    fi
}

show_logs() {
    local files=("$LOG_DIR/startup.log" "$NODE_LOG") i lines
    for i in 0 1; do
        [[ -f ${files[i]} ]] || continue
        lines=$(tail -c "+$((LOG_OFFSETS[i] + 1))" "${files[i]}" | tail -n 30) || continue
        [[ -n $lines ]] || continue
        printf -- '---- last lines of %s\n%s\n' "${files[i]}" "$lines" >&2
    done
    if [[ -s $INSTANCE_DIR/erl_crash.dump ]]; then
        printf -- '---- %s\n' "$INSTANCE_DIR/erl_crash.dump" >&2
        head -n 3 "$INSTANCE_DIR/erl_crash.dump" >&2
    fi
}

cmd_start() {
    local t0 pid
    t0=$(now_seconds)
    require_installed
    mkdir -p "$INSTANCE_DIR/mnesia" "$LOG_DIR"
    if pid=$(server_pid); then
        if tcp_open 127.0.0.1 "$PORT"; then
            echo "rabbitmq $NODE already running (pid $pid) on $(url)"
            return 0
        fi
        info "$NODE is still booting (pid $pid); waiting for it"
    else
        check_ports_free
        warn_other_nodes_data
        write_config_files
        ensure_cookie
        info "starting $NODE (data in $INSTANCE_DIR/mnesia)"
        mark_logs
        launch_server
    fi
    FAILURE="did not accept AMQP on 127.0.0.1:$PORT within ${START_TIMEOUT}s"
    if ! await_ready; then
        show_logs || true # must not stop us from clearing the node away below
        # A half-started node would hold the ports and confuse the next start: clear it away.
        stop_instance >/dev/null 2>&1 || true
        fail "$NODE $FAILURE (instance stopped; logs in $LOG_DIR)"
    fi
    echo "rabbitmq $NODE ready on $(url) (pid $(server_pid), $(elapsed_since "$t0") s)"
}

# Waits up to SECONDS_ for every pid to be gone; 1 if some are still there.
wait_pids_gone() {
    local limit=$1 pid
    shift
    local deadline=$((SECONDS + limit))
    for pid in "$@"; do
        while pid_alive "$pid"; do
            ((SECONDS < deadline)) || return 1
            sleep 0.2
        done
    done
}

# kill_pids WHAT PID...: TERM, then KILL what ignores it.
kill_pids() {
    local what=$1
    shift
    (($#)) || return 0
    warn "killing $what: pid $*"
    kill -TERM "$@" 2>/dev/null || true
    wait_pids_gone 10 "$@" && return 0
    kill -KILL "$@" 2>/dev/null || true
    wait_pids_gone 5 "$@" || fail "could not kill pid $*"
}

stop_node() {
    local pids
    pids=$(server_pids)
    [[ -n $pids ]] || return 0
    # Graceful first: the broker syncs its message stores, so durable data restarts cleanly.
    ctl_within "$STOP_TIMEOUT" shutdown >/dev/null 2>&1 ||
        warn "graceful shutdown of $NODE failed or took over ${STOP_TIMEOUT}s"
    # shellcheck disable=SC2046 # one pid per word
    kill_pids "what is left of $NODE" $(server_pids)
}

# The node started this epmd (or shares it). Kill it only when no node is registered in it any
# more: with a per-instance RABBITMQ_EPMD_PORT that is right after our node left; with a shared
# port it stays while any other instance still uses it. (epmd refuses -kill with live nodes too.)
stop_epmd_if_unused() {
    local names
    names=$(epmd -names 2>/dev/null) || return 0 # no epmd on this port
    if grep -q '^name ' <<<"$names"; then
        info "epmd on port $EPMD_PORT still serves: $(awk '/^name /{printf "%s ", $2}' <<<"$names")— left running"
        return 0
    fi
    epmd -kill >/dev/null 2>&1 || true
}

stop_instance() {
    stop_node
    stop_epmd_if_unused
    rm -f "$PID_FILE"
}

cmd_stop() {
    local t0 was_running=0
    t0=$(now_seconds)
    if server_pid >/dev/null; then was_running=1; fi
    stop_instance
    if ((was_running)); then
        echo "rabbitmq $NODE stopped ($(elapsed_since "$t0") s)"
    else
        echo "rabbitmq $NODE was not running"
    fi
}

cmd_status() {
    local pid
    if ! pid=$(server_pid); then
        echo "rabbitmq $NODE not running"
        return 1
    fi
    if ! tcp_open 127.0.0.1 "$PORT"; then
        echo "rabbitmq $NODE not answering on 127.0.0.1:$PORT (pid $pid; booting or stuck)"
        return 1
    fi
    echo "rabbitmq $NODE running (pid $pid) on $(url)"
}

# Stock broker = the package's own node, started by its init script or unit as user rabbitmq.
# Our instances run as the calling user (root here), so any rabbitmq-owned beam/epmd is stock.
stop_stock_broker() {
    local pids
    if [[ -d /run/systemd/system ]] && command -v systemctl >/dev/null; then
        systemctl disable --now rabbitmq-server >/dev/null 2>&1 || true # else it starts at boot
    fi
    pids=$(pgrep -u rabbitmq -x beam.smp 2>/dev/null || true)
    if [[ -n $pids ]]; then
        warn "the package's stock broker is running (pid $pids, all interfaces): stopping it"
        timeout 30 /usr/sbin/rabbitmqctl shutdown >/dev/null 2>&1 || true
        # shellcheck disable=SC2046
        kill_pids "the stock broker" $(pgrep -u rabbitmq -x beam.smp 2>/dev/null || true)
    fi
    pids=$(pgrep -u rabbitmq -x epmd 2>/dev/null || true)
    if [[ -n $pids ]]; then
        # shellcheck disable=SC2086
        kill_pids "the stock epmd" $pids
    fi
}

cmd_install() {
    ((EUID == 0)) || fail "install needs root"
    # lib's ensure_apt_packages keeps the postinst from starting the stock broker; the check
    # below also catches one started before (another install path, an older run).
    ensure_apt_packages rabbitmq-server
    stop_stock_broker
    echo "rabbitmq-server $(dpkg-query -W -f='${Version}' rabbitmq-server) installed"
}

usage() {
    sed -n '2,/^set -euo/p' "$0" | sed '$d; s/^# \{0,1\}//' >&2
    exit 2
}

main() {
    local cmd=${1:-}
    (($#)) && shift
    case $cmd in
        install) cmd_install ;;
        url) load_instance && url ;;
        start | stop | status | ctl)
            load_instance
            export_instance_env
            case $cmd in
                start) cmd_start ;;
                stop) cmd_stop ;;
                status) cmd_status ;;
                ctl) require_installed && ctl "$@" ;;
            esac
            ;;
        *) usage ;;
    esac
}

main "$@"
