#!/usr/bin/env bash
# Start-to-exit of `platformctl version --client` (the NativeAOT binary bin/platformctl runs) against
# `kubectl version --client`, N runs each (default 30, after 3 warm-up runs each).
# Uses hyperfine (installed from apt if missing) for the runs; prints both medians and the ratio
# ours/kubectl. The target is a ratio of at most 0.5. Publishes platformctl first if it is missing.
set -euo pipefail
ROOT=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
. "$ROOT/infra/lib.sh"
LIB_LOG_TAG=bench
RUNS=${RUNS:-30}
OURS=$ROOT/out/platformctl/platformctl

[[ -x $OURS ]] || "$ROOT/infra/publish-cli.sh"
command -v kubectl >/dev/null || fail "kubectl is not installed; it is the peer this benchmark compares with"
ensure_apt_packages hyperfine jq

WORK=$(mktemp -d /tmp/bench-cli.XXXXXX)
trap 'rm -rf "$WORK"' EXIT

# Neither reads a config that could make it talk to a server: --client never does, and both get an empty home.
export HOME=$WORK PLATFORM_CONFIG=$WORK/none KUBECONFIG=$WORK/none
hyperfine --shell=none --warmup 3 --runs "$RUNS" --export-json "$WORK/runs.json" \
    "$OURS version --client" "kubectl version --client" >"$WORK/hyperfine.log" 2>&1 \
    || { cat "$WORK/hyperfine.log" >&2; fail "hyperfine failed"; }

# Medians in milliseconds, in the order the commands were given.
mapfile -t medians < <(jq -r '.results[].median * 1000' "$WORK/runs.json")
ours=${medians[0]}
theirs=${medians[1]}
printf '%-40s %10s\n' "command ($RUNS runs each)" "median"
printf '%-40s %8.1f ms\n' "platformctl version --client" "$ours"
printf '%-40s %8.1f ms\n' "kubectl version --client" "$theirs"
awk -v a="$ours" -v b="$theirs" 'BEGIN { printf "%-40s %10.2f  (target <= 0.50)\n", "ratio platformctl/kubectl", a / b }'
