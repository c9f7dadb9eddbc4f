#!/usr/bin/env bash
# Start-to-exit of `echo hi` in a busybox bundle: platform-runtime run against runc run on the same
# bundle, alternating, N runs each (default 20). Prints both medians and the ratio ours/runc.
# Needs root, busybox-static and runc (installed if missing), and a published platform-runtime
# (infra/publish-runtime.sh; ./platform up and ./platform test publish it).
set -euo pipefail
ROOT=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
. "$ROOT/infra/lib.sh"
LIB_LOG_TAG=bench
RUNS=${RUNS:-20}
OURS=$ROOT/out/platform-runtime/platform-runtime

[[ -x $OURS ]] || "$ROOT/infra/publish-runtime.sh"
ensure_apt_packages busybox-static runc

WORK=$(mktemp -d /tmp/bench-runtime.XXXXXX)
trap 'rm -rf "$WORK"' EXIT

make_bundle() {
    mkdir -p "$WORK/bundle/rootfs/"{bin,proc,sys,dev,etc,tmp}
    cp /bin/busybox "$WORK/bundle/rootfs/bin/"
    local applet
    for applet in $(/bin/busybox --list); do
        [[ $applet == busybox ]] || ln -s busybox "$WORK/bundle/rootfs/bin/$applet"
    done
    # runc's own default spec, so both runtimes get exactly the configuration runc users get.
    (cd "$WORK/bundle" && runc spec && sed -i 's/"terminal": true/"terminal": false/; s/"sh"$/"echo", "hi"/' config.json)
    grep -q '"echo", "hi"' "$WORK/bundle/config.json" || fail "could not set the bundle's command"
}

# Milliseconds, start to exit, of one run.
time_run() {
    local start end
    start=$(date +%s%N)
    "$@" >/dev/null
    end=$(date +%s%N)
    echo $(((end - start) / 1000))
}

median() { sort -n | awk '{ a[NR] = $1 } END { m = (NR % 2) ? a[(NR + 1) / 2] : (a[NR / 2] + a[NR / 2 + 1]) / 2; printf "%.1f", m / 1000 }'; }

make_bundle
: >"$WORK/ours" && : >"$WORK/runc"
for ((i = 1; i <= RUNS; i++)); do
    time_run "$OURS" --root "$WORK/state-ours" run --bundle "$WORK/bundle" "bench-ours-$i" >>"$WORK/ours"
    time_run runc --root "$WORK/state-runc" run --bundle "$WORK/bundle" "bench-runc-$i" >>"$WORK/runc"
done

ours=$(median <"$WORK/ours")
theirs=$(median <"$WORK/runc")
printf 'echo hi in busybox, start to exit, %d runs each, alternating\n' "$RUNS"
printf '  platform-runtime run  median %6s ms\n' "$ours"
printf '  runc run              median %6s ms\n' "$theirs"
awk -v a="$ours" -v b="$theirs" 'BEGIN { printf "  ratio platform-runtime / runc = %.2fx (target <= 0.60x)\n", a / b }'
