#!/usr/bin/env bash
# bench/registry.sh — skopeo push, pull and re-push of a ~100 MB image (3 layers of incompressible
# data) against our image-store and Debian's docker-registry (CNCF distribution), side by side on
# loopback, alternating runs. Prints the medians, the ratio ours/theirs of each, and each
# registry's idle resident memory. Runs as root; installs skopeo and docker-registry if missing.
#
#   bench/registry.sh [RUNS]        RUNS defaults to 5
#
# Every skopeo call runs in a private mount namespace with an empty tmpfs over its blob-info cache
# (/var/lib/containers/cache): otherwise skopeo remembers where it pushed a blob before and mounts
# it from there instead of uploading it, and "push to a fresh repository" would measure a mount.
set -euo pipefail

ROOT=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
# shellcheck source=infra/lib.sh
. "$ROOT/infra/lib.sh"
LIB_LOG_TAG=bench
RUNS=${1:-5}
LAYER_BYTES=$((34 * 1024 * 1024))
TOKEN=bench-$RANDOM$RANDOM
OURS_DLL="$ROOT/services/image-store/bin/Release/net10.0/Platform.ImageStore.dll"
SKOPEO_CACHE=/var/lib/containers/cache
WORK=""
declare -a STARTED=()

cleanup() {
    local pid
    for pid in "${STARTED[@]}"; do
        kill "$pid" 2>/dev/null || true
        wait "$pid" 2>/dev/null || true
    done
    [[ -n $WORK ]] && rm -rf "$WORK"
}
trap cleanup EXIT

free_port() {
    local port
    while :; do
        port=$((20000 + RANDOM % 30000))
        tcp_open 127.0.0.1 "$port" || { echo "$port"; return; }
    done
}

sha256_of() { sha256sum "$1" | cut -d' ' -f1; }

# Moves FILE into the layout's blob folder; prints "DIGEST SIZE".
add_blob() {
    local layout=$1 file=$2 digest size
    digest=$(sha256_of "$file")
    size=$(stat -c %s "$file")
    mv "$file" "$layout/blobs/sha256/$digest"
    echo "sha256:$digest $size"
}

# An OCI image layout with 3 gzip layers of random bytes, a config and a manifest tagged v1.
build_image() {
    local layout=$1 i digest size diff_ids="" layers="" config
    mkdir -p "$layout/blobs/sha256"
    for i in 1 2 3; do
        mkdir -p "$WORK/layer$i"
        head -c "$LAYER_BYTES" /dev/urandom >"$WORK/layer$i/data$i.bin"
        tar -C "$WORK/layer$i" -cf "$WORK/layer$i.tar" .
        diff_ids+="${diff_ids:+,}\"sha256:$(sha256_of "$WORK/layer$i.tar")\""
        gzip -1 -c "$WORK/layer$i.tar" >"$WORK/layer$i.tar.gz"
        read -r digest size < <(add_blob "$layout" "$WORK/layer$i.tar.gz")
        layers+="${layers:+,}{\"mediaType\":\"application/vnd.oci.image.layer.v1.tar+gzip\",\"digest\":\"$digest\",\"size\":$size}"
        rm -rf "$WORK/layer$i" "$WORK/layer$i.tar"
    done
    printf '{"architecture":"amd64","os":"linux","config":{},"rootfs":{"type":"layers","diff_ids":[%s]}}' "$diff_ids" >"$WORK/config.json"
    read -r digest size < <(add_blob "$layout" "$WORK/config.json")
    config="{\"mediaType\":\"application/vnd.oci.image.config.v1+json\",\"digest\":\"$digest\",\"size\":$size}"
    printf '{"schemaVersion":2,"mediaType":"application/vnd.oci.image.manifest.v1+json","config":%s,"layers":[%s]}' "$config" "$layers" >"$WORK/manifest.json"
    read -r digest size < <(add_blob "$layout" "$WORK/manifest.json")
    printf '{"schemaVersion":2,"manifests":[{"mediaType":"application/vnd.oci.image.manifest.v1+json","digest":"%s","size":%s,"annotations":{"org.opencontainers.image.ref.name":"v1"}}]}' "$digest" "$size" >"$layout/index.json"
    printf '{"imageLayoutVersion":"1.0.0"}' >"$layout/oci-layout"
}

image_bytes() { du -cb "$1"/blobs/sha256/* | tail -1 | cut -f1; }

start_ours() {
    local port=$1
    [[ -f $OURS_DLL ]] || dotnet build "$ROOT/services/image-store" -c Release -nologo -v quiet >/dev/null
    printf '%s' "$TOKEN" >"$WORK/admin.token"
    PLATFORM_HOME="$WORK/ours" PLATFORM_ADMIN_TOKEN_FILE="$WORK/admin.token" \
        PLATFORM_IMAGE_STORE_URL="http://127.0.0.1:$port" \
        dotnet "$OURS_DLL" >"$WORK/ours.log" 2>&1 &
    STARTED+=($!)
    OURS_PID=$!
}

# docker-registry with a config of its own: loopback only, filesystem storage in WORK, no auth.
start_theirs() {
    local port=$1
    mkdir -p "$WORK/theirs"
    cat >"$WORK/theirs.yml" <<YAML
version: 0.1
log:
  level: error
  accesslog:
    disabled: true
storage:
  filesystem:
    rootdirectory: $WORK/theirs
  cache:
    blobdescriptor: inmemory
  delete:
    enabled: true
http:
  addr: 127.0.0.1:$port
YAML
    docker-registry serve "$WORK/theirs.yml" >"$WORK/theirs.log" 2>&1 &
    STARTED+=($!)
    THEIRS_PID=$!
}

isolated_skopeo() {
    # shellcheck disable=SC2016 # $0 and $@ expand in the child shell
    unshare -m sh -c 'mount -t tmpfs tmpfs "$0" && exec skopeo "$@"' "$SKOPEO_CACHE" "$@" >/dev/null
}

# Runs a command, prints how long it took in seconds.
timed() {
    local start end
    start=$(date +%s%N)
    "$@"
    end=$(date +%s%N)
    awk -v s="$start" -v e="$end" 'BEGIN { printf "%.3f\n", (e - s) / 1e9 }'
}

push() { # REGISTRY_PORT REPO [CREDS...]
    local port=$1 repo=$2
    shift 2
    isolated_skopeo copy --dest-tls-verify=false "$@" "oci:$WORK/image:v1" "docker://127.0.0.1:$port/$repo:v1"
}

pull() { # REGISTRY_PORT REPO OUT
    isolated_skopeo copy --src-tls-verify=false "docker://127.0.0.1:$1/$2:v1" "oci:$3:v1"
}

median() { sort -n | awk '{ v[NR] = $1 } END { print v[int((NR + 1) / 2)] }'; }

rss_kib() { awk '/^VmRSS/ { print $2 }' "/proc/$1/status"; }

# Resident memory the process does not share with others through mapped files (its heaps and stacks).
anon_kib() { awk '/^RssAnon/ { print $2 }' "/proc/$1/status"; }

mib() { awk -v k="$1" 'BEGIN { printf "%.1f", k / 1024 }'; }

measure_round() { # NAME PORT RUN CREDS...
    local name=$1 port=$2 run=$3
    shift 3
    local repo="bench/$name-$run"
    timed push "$port" "$repo" "$@" >>"$WORK/$name.push"
    timed pull "$port" "$repo" "$WORK/pulled-$name-$run" >>"$WORK/$name.pull"
    timed push "$port" "$repo" "$@" >>"$WORK/$name.repush"
    rm -rf "$WORK/pulled-$name-$run"
}

report() {
    local bytes=$1 op ours theirs
    printf '\n%-8s %12s %12s %14s\n' "" "ours (s)" "theirs (s)" "ours/theirs"
    for op in push pull repush; do
        ours=$(median <"$WORK/ours.$op")
        theirs=$(median <"$WORK/theirs.$op")
        printf '%-8s %12s %12s %14s\n' "$op" "$ours" "$theirs" "$(awk -v a="$ours" -v b="$theirs" 'BEGIN { printf "%.2f", a / b }')"
    done
    for op in push pull; do
        printf '%s throughput: ours %s MB/s, theirs %s MB/s\n' "$op" \
            "$(awk -v b="$bytes" -v t="$(median <"$WORK/ours.$op")" 'BEGIN { printf "%.0f", b / t / 1e6 }')" \
            "$(awk -v b="$bytes" -v t="$(median <"$WORK/theirs.$op")" 'BEGIN { printf "%.0f", b / t / 1e6 }')"
    done
}

main() {
    ((EUID == 0)) || fail "run as root (installs packages, mounts a tmpfs in a private namespace for skopeo)"
    ensure_apt_packages skopeo docker-registry
    command -v dotnet >/dev/null || fail "the .NET 10 SDK (dotnet) is not installed"
    mkdir -p "$SKOPEO_CACHE"
    WORK=$(mktemp -d /tmp/registry-bench.XXXXXX)
    info "building the image (3 x $((LAYER_BYTES / 1024 / 1024)) MiB of random data, gzip layers)"
    build_image "$WORK/image"
    local bytes ours_port theirs_port run
    bytes=$(image_bytes "$WORK/image")
    ours_port=$(free_port)
    theirs_port=$(free_port)
    while ((theirs_port == ours_port)); do theirs_port=$(free_port); done
    start_ours "$ours_port"
    start_theirs "$theirs_port"
    wait_for_tcp 127.0.0.1 "$ours_port" 60 || fail "image-store did not start: $(tail -5 "$WORK/ours.log")"
    wait_for_tcp 127.0.0.1 "$theirs_port" 60 || fail "docker-registry did not start: $(tail -5 "$WORK/theirs.log")"
    sleep 2
    local ours_idle theirs_idle ours_anon theirs_anon
    ours_idle=$(rss_kib "$OURS_PID")
    theirs_idle=$(rss_kib "$THEIRS_PID")
    ours_anon=$(anon_kib "$OURS_PID")
    theirs_anon=$(anon_kib "$THEIRS_PID")
    info "image of $bytes bytes; image-store on :$ours_port, docker-registry on :$theirs_port; $RUNS runs each, alternating"
    for ((run = 1; run <= RUNS; run++)); do
        measure_round ours "$ours_port" "$run" --dest-creds "admin:$TOKEN"
        measure_round theirs "$theirs_port" "$run"
        info "run $run/$RUNS done"
    done
    sleep 2
    report "$bytes"
    printf 'idle VmRSS after start: ours %s MiB (RssAnon %s), theirs %s MiB (RssAnon %s)\n' \
        "$(mib "$ours_idle")" "$(mib "$ours_anon")" "$(mib "$theirs_idle")" "$(mib "$theirs_anon")"
    printf 'idle VmRSS after the runs: ours %s MiB (RssAnon %s), theirs %s MiB (RssAnon %s)\n' \
        "$(mib "$(rss_kib "$OURS_PID")")" "$(mib "$(anon_kib "$OURS_PID")")" "$(mib "$(rss_kib "$THEIRS_PID")")" "$(mib "$(anon_kib "$THEIRS_PID")")"
}

main "$@"
