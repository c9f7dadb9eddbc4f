#!/usr/bin/env bash
# infra/postgres.sh — a private PostgreSQL instance listening only on 127.0.0.1, for control-plane
# state when the platform is configured to use PostgreSQL instead of its embedded SQLite.
#
# Usage: infra/postgres.sh install|start|stop|status|url
#
#   install   install Debian's postgresql if missing (its stock cluster is never started)
#   start     initialise the instance on first use, start it and wait until it accepts
#             connections, create the database; one line when ready. Already running: exits 0.
#   stop      fast shutdown (bounded), then kill what is left of this instance. Exit 0 also when
#             nothing ran.
#   status    one line; exit 0 when running and answering, 1 otherwise
#   url       prints the Npgsql connection string of the instance
#
# The instance, from the environment (defaults in brackets):
#   POSTGRES_INSTANCE_DIR   [${PLATFORM_HOME:-/var/lib/platform}/postgres] data directory, socket,
#                           log. Nothing of the instance lives outside it. Data survives stop/start.
#   POSTGRES_PORT           [55432] TCP port on 127.0.0.1 (not 5432: the stock cluster's)
#   POSTGRES_DATABASE       [platform]
#   POSTGRES_START_TIMEOUT  [60] seconds until the server must accept connections
# The server runs as the Debian package's `postgres` user (initdb refuses root); loopback
# connections as user `postgres` are trusted, nothing else is accepted.
set -euo pipefail

INFRA_DIR=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
LIB_LOG_TAG=postgres
# shellcheck source=infra/lib.sh
. "$INFRA_DIR/lib.sh"

load_instance() {
    local dir=${POSTGRES_INSTANCE_DIR:-${PLATFORM_HOME:-/var/lib/platform}/postgres}
    [[ $dir == /* ]] || dir=$PWD/$dir
    [[ $dir =~ ^[A-Za-z0-9/._+-]+$ ]] || fail "POSTGRES_INSTANCE_DIR may only use [A-Za-z0-9/._+-]: $dir"
    INSTANCE_DIR=${dir%/}
    DATA_DIR=$INSTANCE_DIR/data
    LOG_FILE=$INSTANCE_DIR/postgres.log
    PORT=${POSTGRES_PORT:-55432}
    if ! [[ $PORT =~ ^[0-9]+$ ]] || ((PORT < 1 || PORT > 65535)); then fail "bad POSTGRES_PORT: $PORT"; fi
    DATABASE=${POSTGRES_DATABASE:-platform}
    [[ $DATABASE =~ ^[a-z_][a-z0-9_]*$ ]] || fail "POSTGRES_DATABASE may only use [a-z0-9_]: $DATABASE"
    START_TIMEOUT=${POSTGRES_START_TIMEOUT:-60}
}

# The newest installed server version's binaries (Debian keeps them out of PATH).
server_bin() {
    local bin
    bin=$(find /usr/lib/postgresql -mindepth 3 -maxdepth 3 -name pg_ctl 2>/dev/null | sort -V | tail -n 1)
    [[ -n $bin ]] || fail "PostgreSQL server binaries not found; run: infra/postgres.sh install"
    dirname "$bin"
}

as_postgres() { runuser -u postgres -- "$@"; }

cmd_install() {
    ensure_apt_packages postgresql
}

initialise() {
    [[ -f $DATA_DIR/PG_VERSION ]] && return 0
    info "initialising $DATA_DIR"
    mkdir -p "$INSTANCE_DIR"
    chown postgres:postgres "$INSTANCE_DIR"
    chmod 700 "$INSTANCE_DIR"
    as_postgres test -w "$INSTANCE_DIR" || fail "user postgres cannot reach $INSTANCE_DIR (a parent directory is closed to it)"
    as_postgres "$BIN/initdb" --pgdata="$DATA_DIR" --username=postgres --auth=trust --encoding=UTF8 \
        --no-instructions >"$INSTANCE_DIR/initdb.log" 2>&1 || { cat "$INSTANCE_DIR/initdb.log" >&2; fail "initdb failed"; }
    # Loopback TCP and the instance's own socket only.
    cat >>"$DATA_DIR/postgresql.conf" <<EOF
listen_addresses = '127.0.0.1'
port = $PORT
unix_socket_directories = '$INSTANCE_DIR'
fsync = on
EOF
    printf 'local all postgres trust\nhost all postgres 127.0.0.1/32 trust\n' >"$DATA_DIR/pg_hba.conf"
}

answering() { as_postgres "$BIN/pg_isready" -q -h 127.0.0.1 -p "$PORT" -d postgres; }

cmd_start() {
    BIN=$(server_bin)
    initialise
    if running && answering; then
        info "already running on 127.0.0.1:$PORT"
        return 0
    fi
    as_postgres "$BIN/pg_ctl" start --pgdata="$DATA_DIR" --log="$LOG_FILE" --silent --wait \
        --timeout="$START_TIMEOUT" >/dev/null || { tail -n 20 "$LOG_FILE" >&2 || true; fail "the server did not start"; }
    local deadline=$((SECONDS + START_TIMEOUT))
    until answering; do
        ((SECONDS < deadline)) || fail "not accepting connections after ${START_TIMEOUT}s (see $LOG_FILE)"
        sleep 0.2
    done
    create_database
    info "ready on 127.0.0.1:$PORT (database $DATABASE)"
}

create_database() {
    local exists
    exists=$(as_postgres "$BIN/psql" -h 127.0.0.1 -p "$PORT" -d postgres -tAc \
        "SELECT 1 FROM pg_database WHERE datname = '$DATABASE'")
    [[ $exists == 1 ]] || as_postgres "$BIN/psql" -q -h 127.0.0.1 -p "$PORT" -d postgres -c "CREATE DATABASE $DATABASE" >/dev/null
}

running() { [[ -f $DATA_DIR/postmaster.pid ]] && pid_alive "$(head -n 1 "$DATA_DIR/postmaster.pid")"; }

cmd_stop() {
    running || return 0
    BIN=$(server_bin)
    local pid
    pid=$(head -n 1 "$DATA_DIR/postmaster.pid")
    as_postgres "$BIN/pg_ctl" stop --pgdata="$DATA_DIR" --mode=fast --silent --wait --timeout=30 >/dev/null 2>&1 || true
    if pid_alive "$pid"; then
        warn "server $pid did not stop in 30 s; killing it"
        kill -9 "$pid" 2>/dev/null || true
    fi
    info "stopped"
}

cmd_status() {
    BIN=$(server_bin)
    if running && answering; then
        echo "running on 127.0.0.1:$PORT"
    else
        echo "not running"
        return 1
    fi
}

cmd_url() { echo "Host=127.0.0.1;Port=$PORT;Username=postgres;Database=$DATABASE"; }

load_instance
case ${1:-} in
install) cmd_install ;;
start) cmd_start ;;
stop) cmd_stop ;;
status) cmd_status ;;
url) cmd_url ;;
*) fail "usage: infra/postgres.sh install|start|stop|status|url" ;;
esac
