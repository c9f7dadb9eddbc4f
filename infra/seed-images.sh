#!/usr/bin/env bash
# infra/seed-images.sh — puts the base images the platform starts from into its registry, so a first
# run needs no network. Today: busybox:latest, a root filesystem built from Debian's busybox-static
# (/bin/busybox and a symlink per applet), imported with `platformctl image import`.
#
# The tarball is deterministic (sorted entries, mtime 0, owner 0:0, fixed modes), so importing it
# again gives the same digest: running this script twice is harmless.
#
# Environment (passed through to platformctl as the caller set it):
#   PLATFORMCTL        the CLI to run (default: $ROOT/bin/platformctl)
#   PLATFORM_REGISTRY  the registry to push to (HOST:PORT); else platformctl's own default
#   PLATFORM_TOKEN     the admin token; else the config file's token
#   PLATFORM_CONFIG    the config file platformctl reads
# Prints nothing on stdout; progress and the digest go to stderr.
set -euo pipefail

ROOT=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
# shellcheck source=infra/lib.sh
. "$ROOT/infra/lib.sh"
PLATFORMCTL=${PLATFORMCTL:-$ROOT/bin/platformctl}
BUSYBOX=/bin/busybox

# Writes the busybox root filesystem under $1.
build_busybox_rootfs() {
    local rootfs=$1 applet
    mkdir -p "$rootfs"/{bin,etc,tmp,proc,sys,dev,root,usr/bin}
    chmod 755 "$rootfs" "$rootfs"/{bin,etc,proc,sys,dev,usr,usr/bin}
    chmod 1777 "$rootfs/tmp"
    chmod 700 "$rootfs/root"
    install -m 755 "$BUSYBOX" "$rootfs/bin/busybox"
    for applet in $("$BUSYBOX" --list); do
        [[ $applet == busybox ]] || ln -s busybox "$rootfs/bin/$applet"
    done
    printf '%s\n' 'root:x:0:0:root:/root:/bin/sh' 'nobody:x:65534:65534:nobody:/nonexistent:/bin/false' >"$rootfs/etc/passwd"
    printf '%s\n' 'root:x:0:' 'nogroup:x:65534:' >"$rootfs/etc/group"
    chmod 644 "$rootfs/etc/passwd" "$rootfs/etc/group"
}

# Packs $1 into the tarball $2; the same files always give the same bytes.
pack_rootfs() {
    local rootfs=$1 tarball=$2
    tar --create --file "$tarball" --directory "$rootfs" --format=gnu \
        --sort=name --mtime=@0 --owner=0 --group=0 --numeric-owner \
        bin dev etc proc root sys tmp usr
}

main() {
    [[ -x $PLATFORMCTL ]] || fail "platformctl not found at $PLATFORMCTL (build it, or set PLATFORMCTL)"
    ensure_apt_packages busybox-static
    [[ -x $BUSYBOX ]] || fail "$BUSYBOX is missing although busybox-static is installed"
    local work digest
    work=$(mktemp -d /tmp/platform-seed.XXXXXX)
    # shellcheck disable=SC2064 # expand $work now: it is local to main
    trap "rm -rf '$work'" EXIT
    build_busybox_rootfs "$work/rootfs"
    pack_rootfs "$work/rootfs" "$work/busybox.tar"
    digest=$("$PLATFORMCTL" image import "$work/busybox.tar" busybox:latest --cmd sh | tail -n 1) \
        || fail "importing busybox:latest failed"
    info "seeded busybox:latest ($digest)"
}

main "$@"
