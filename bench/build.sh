#!/usr/bin/env bash
# bench/build.sh — an 8-step Dockerfile (WORKDIR, ENV, COPY of 200 files / ~5 MB, three RUNs, CMD)
# built by `platformctl build` (on a node agent of a private `./platform up`) and by
# `buildah bud --layers`, alternating, in four situations: cold (no cache), fully cached, the 5th
# instruction changed, one copied file changed. Prints the medians, and buildah's time over ours.
# Runs as root; installs buildah if missing; leaves nothing running.
#
#   bench/build.sh [RUNS]        RUNS defaults to 5
set -euo pipefail

ROOT=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
RUNS=${1:-5}
WORK=$(mktemp -d /tmp/platform-bench-build.XXXXXX)
export PLATFORM_HOME=$WORK/home PLATFORM_CONFIG=$WORK/cli-config
free_port() { python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1])'; }
export PLATFORM_GATEWAY_PORT=$(free_port) PLATFORM_IMAGE_STORE_PORT=$(free_port) PLATFORM_NODE_AGENT_PORT=$(free_port)
# RabbitMQ's distribution and control ports are its port + 20000 and + 30000, so its own port stays low.
export PLATFORM_RABBITMQ_PORT=25676 PLATFORM_ORLEANS_SILO_PORT=$(free_port) PLATFORM_ORLEANS_GATEWAY_PORT=$(free_port)
REGISTRY=127.0.0.1:$PLATFORM_IMAGE_STORE_PORT
BUILDAH=(buildah --root "$WORK/buildah/root" --runroot "$WORK/buildah/run" --storage-driver overlay)

cleanup() {
    "$ROOT/platform" down >/dev/null 2>&1 || true
    "${BUILDAH[@]}" rm --all >/dev/null 2>&1 || true
    umount -R "$WORK/buildah/root/overlay" 2>/dev/null || true
    rm -rf "$WORK"
}
trap cleanup EXIT

command -v buildah >/dev/null || { apt-get update -qq && apt-get install -y -qq buildah >/dev/null; }
"$ROOT/platform" up >"$WORK/up.log" 2>&1 || { cat "$WORK/up.log"; exit 1; }
CLI="$ROOT/bin/platformctl"

# The context: 200 files of ~25 KB of random text.
mkdir -p "$WORK/context/src"
for i in $(seq 1 200); do head -c 19000 /dev/urandom | base64 -w 76 >"$WORK/context/src/file$i.txt"; done
write_dockerfile() { # $1: the value the 5th instruction echoes
    cat >"$WORK/context/Dockerfile" <<DOCKERFILE
FROM $REGISTRY/busybox:latest
WORKDIR /app
ENV MODE=bench
COPY src/ /app/src/
RUN echo "$1" > /app/step5.txt
RUN find /app/src -type f | wc -l > /app/count
RUN cat /app/src/* | md5sum > /app/sum
CMD ["cat", "/app/count"]
DOCKERFILE
}
write_dockerfile initial
"${BUILDAH[@]}" pull --tls-verify=false "docker://$REGISTRY/busybox:latest" >/dev/null

now_ms() { echo $(( $(date +%s%N) / 1000000 )); }
ours() { "$CLI" build --registry "$REGISTRY" -q -t bench:latest "$@" "$WORK/context" >/dev/null; }
theirs() { "${BUILDAH[@]}" bud --layers --isolation chroot --tls-verify=false -q -t bench:latest "$@" "$WORK/context" >/dev/null; }
timed() { local start; start=$(now_ms); "$@"; echo $(( $(now_ms) - start )); }

declare -A TIMES
record() { TIMES[$1]+="$2 "; }
for run in $(seq 1 "$RUNS"); do
    for tool in ours theirs; do
        record "$tool-cold" "$(timed "$tool" --no-cache)"
        record "$tool-cached" "$(timed "$tool")"
        write_dockerfile "changed $tool $run"
        record "$tool-step5" "$(timed "$tool")"
        echo "changed $tool $run" >>"$WORK/context/src/file100.txt"
        record "$tool-file" "$(timed "$tool")"
    done
done

median() { tr ' ' '\n' <<<"$1" | grep -v '^$' | sort -n | awk '{a[NR]=$1} END {print (NR%2 ? a[(NR+1)/2] : (a[NR/2]+a[NR/2+1])/2)}'; }
printf '%-22s %14s %14s %18s\n' "build ($RUNS runs)" "platformctl" "buildah" "buildah / ours"
for case in cold cached step5 file; do
    ours_ms=$(median "${TIMES[ours-$case]}")
    theirs_ms=$(median "${TIMES[theirs-$case]}")
    label=$case
    [[ $case == step5 ]] && label="5th instruction"
    [[ $case == file ]] && label="one copied file"
    printf '%-22s %11s ms %11s ms %17sx\n' "$label" "$ours_ms" "$theirs_ms" "$(awk -v a="$theirs_ms" -v b="$ours_ms" 'BEGIN {printf "%.2f", a/b}')"
done
