# shellcheck shell=bash
# infra/lib.sh — small shared helpers for the platform's bash scripts.
#
# Source it (it changes no shell options and starts nothing):
#     . "$(dirname "${BASH_SOURCE[0]}")/lib.sh"
#
# Logging (all to stderr, so a script's stdout stays free for results):
#   info MSG...              "[platform] MSG"
#   warn MSG...              "[platform] warning: MSG"
#   fail MSG...              "[platform] error: MSG", then exit 1 (exits the calling script)
#   LIB_LOG_TAG              prefix shown in brackets; default "platform"
#
# Waiting:
#   tcp_open HOST PORT                 0 if a TCP connect succeeds right now (bash /dev/tcp, ≤2 s)
#   wait_for_tcp HOST PORT TIMEOUT_S   0 once HOST:PORT accepts a connection, 1 after TIMEOUT_S
#   now_seconds                        seconds since the epoch with milliseconds, e.g. 1700000000.123
#   elapsed_since START                seconds since START (from now_seconds), one decimal: "12.3"
#
# Processes:
#   pid_alive PID            0 if PID is a live process (zombies count as dead)
#   read_pid_file FILE       prints the pid in FILE if that process is alive; 1 otherwise
#
# Packages (Debian):
#   ensure_apt_packages PKG...  installs only the packages that are missing, quietly, running
#                               `apt-get update` once first when the package lists are empty or
#                               do not know a package. While it installs, a temporary policy-rc.d
#                               stops maintainer scripts from starting the packages' stock daemons
#                               (they listen on all interfaces; the platform runs its own private
#                               instances). Set APT_ALLOW_SERVICE_START=1 to let them start.
#   apt_package_installed PKG   0 if PKG is installed

LIB_LOG_TAG=${LIB_LOG_TAG:-platform}

info() { printf '[%s] %s\n' "$LIB_LOG_TAG" "$*" >&2; }
warn() { printf '[%s] warning: %s\n' "$LIB_LOG_TAG" "$*" >&2; }
fail() {
    printf '[%s] error: %s\n' "$LIB_LOG_TAG" "$*" >&2
    exit 1
}

now_seconds() { date +%s.%3N; }

elapsed_since() {
    local start=$1
    awk -v s="$start" -v e="$(now_seconds)" 'BEGIN { printf "%.1f", e - s }'
}

# A connect runs in a child bash under `timeout` because /dev/tcp has no timeout of its own and
# would hang for minutes on an address that drops packets.
tcp_open() {
    local host=$1 port=$2
    # shellcheck disable=SC2016 # $0/$1 expand in the child, from the arguments after the script
    timeout 2 bash -c 'exec 3<>"/dev/tcp/$0/$1"' "$host" "$port" 2>/dev/null
}

wait_for_tcp() {
    local host=$1 port=$2 timeout_s=$3
    local deadline=$((SECONDS + timeout_s))
    until tcp_open "$host" "$port"; do
        ((SECONDS < deadline)) || return 1
        sleep 0.2
    done
}

# `kill -0` alone would call a zombie alive; a zombie has released its ports and files.
pid_alive() {
    local pid=$1 state
    [[ $pid =~ ^[0-9]+$ ]] || return 1
    state=$(awk '{ print $3 }' "/proc/$pid/stat" 2>/dev/null) || return 1
    [[ -n $state && $state != Z && $state != X ]]
}

read_pid_file() {
    local file=$1 pid
    [[ -r $file ]] || return 1
    pid=$(tr -dc '0-9' <"$file")
    pid_alive "$pid" || return 1
    printf '%s\n' "$pid"
}

apt_package_installed() {
    [[ $(dpkg-query -W -f='${Status}' "$1" 2>/dev/null) == "install ok installed" ]]
}

# True when apt has no candidate for a package, i.e. the lists are missing or stale.
_apt_lists_lack() {
    local pkg policy
    for pkg in "$@"; do
        # Into a variable first: `| grep -q` would SIGPIPE apt-cache and, under pipefail, fail.
        policy=$(apt-cache policy "$pkg" 2>/dev/null) || return 0
        [[ $policy == *"Candidate: "[!\(]* ]] || return 0
    done
    return 1
}

# Marker line that lets a later run recognise (and remove) a policy-rc.d that an interrupted
# run of ensure_apt_packages left behind, without ever touching one the machine came with.
_LIB_POLICY_MARK='# temporary: written by platform infra/lib.sh ensure_apt_packages'

_policy_rc_d_block() {
    local file=/usr/sbin/policy-rc.d
    if [[ -e $file ]] && ! grep -qF "$_LIB_POLICY_MARK" "$file"; then
        return 1 # the machine's own policy: keep it, and do not remove it afterwards
    fi
    printf '#!/bin/sh\n%s\nexit 101\n' "$_LIB_POLICY_MARK" >"$file"
    chmod 755 "$file"
}

_policy_rc_d_unblock() { rm -f /usr/sbin/policy-rc.d; }

ensure_apt_packages() {
    local missing=() pkg log rc=0 own_policy=0
    for pkg in "$@"; do
        apt_package_installed "$pkg" || missing+=("$pkg")
    done
    ((${#missing[@]})) || return 0
    ((EUID == 0)) || fail "need root to install: ${missing[*]}"
    export DEBIAN_FRONTEND=noninteractive
    log=$(mktemp)
    if _apt_lists_lack "${missing[@]}"; then
        info "apt-get update"
        apt-get update -q >"$log" 2>&1 || { cat "$log" >&2; rm -f "$log"; fail "apt-get update failed"; }
    fi
    info "installing ${missing[*]}"
    if [[ ${APT_ALLOW_SERVICE_START:-0} != 1 ]] && _policy_rc_d_block; then own_policy=1; fi
    apt-get install -y -q "${missing[@]}" >"$log" 2>&1 || rc=$?
    if ((own_policy)); then _policy_rc_d_unblock; fi
    if ((rc != 0)); then
        tail -n 30 "$log" >&2
        rm -f "$log"
        fail "apt-get install ${missing[*]} failed (exit $rc)"
    fi
    rm -f "$log"
}
