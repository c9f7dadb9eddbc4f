#!/usr/bin/env bash
# The whole test suite, as `./platform test` and CI run it: installs what the tests need, builds the
# solution once, runs every test project, and ends with the totals on one line: "N passed, N failed".
# Tests start the services they need themselves (RabbitMQ, the platform's services) on free loopback ports.
set -euo pipefail

ROOT=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
# shellcheck source=infra/lib.sh
. "$ROOT/infra/lib.sh"
LIB_LOG_TAG=test
CONFIGURATION=Release
RESULTS=$(mktemp -d /tmp/platform-test-results.XXXXXX)
trap 'rm -rf "$RESULTS"' EXIT

install_test_dependencies() {
    command -v dotnet >/dev/null || fail "the .NET 10 SDK (dotnet) is not installed"
    ensure_apt_packages curl ca-certificates docker-registry skopeo
    # The container runtime's tests run busybox containers, side by side with runc.
    ensure_apt_packages busybox-static runc
    # podman pulls from the image store and runs what it pulled, as a real client of the registry.
    ensure_apt_packages podman
    # Every service's /metrics is checked with promtool and scraped by a real Prometheus.
    ensure_apt_packages prometheus
    # The requests-per-second autoscaling test drives load through the ingress with hey.
    ensure_apt_packages hey
    "$ROOT/infra/rabbitmq.sh" install
    "$ROOT/infra/postgres.sh" install
}

build() {
    info "building Platform.sln ($CONFIGURATION)"
    if ! dotnet build "$ROOT/Platform.sln" -c "$CONFIGURATION" -nologo -v quiet -p:UseSharedCompilation=true >"$RESULTS/build.log" 2>&1; then
        grep -E "error|Error" "$RESULTS/build.log" | sort -u | head -40 >&2
        echo "0 passed, 1 failed"
        fail "the build failed"
    fi
    info "publishing platform-runtime (NativeAOT)"
    if ! "$ROOT/infra/publish-runtime.sh" >>"$RESULTS/build.log" 2>&1; then
        tail -20 "$RESULTS/build.log" >&2
        echo "0 passed, 1 failed"
        fail "publishing platform-runtime failed"
    fi
    info "publishing platformctl (NativeAOT)"
    if ! "$ROOT/infra/publish-cli.sh" >>"$RESULTS/build.log" 2>&1; then
        tail -20 "$RESULTS/build.log" >&2
        echo "0 passed, 1 failed"
        fail "publishing platformctl failed"
    fi
    dotnet build-server shutdown >/dev/null 2>&1 || true
    # ./platform up and the benchmarks reuse a Release build made here (infra/services.sh build_solution).
    if [[ $CONFIGURATION == Release ]]; then touch "$ROOT/out/release-build.stamp"; fi
}

# Reads the passed and failed counts from the TRX files dotnet test wrote.
count_outcomes() {
    local outcome=$1
    # grep finds nothing when no test has that outcome: that is a count of 0, not an error.
    cat "$RESULTS"/*.trx 2>/dev/null | { grep -o "<UnitTestResult [^>]*outcome=\"$outcome\"" || true; } | wc -l
}

run_projects() {
    local project failed_projects=0
    for project in "$ROOT"/tests/*/*.csproj; do
        grep -q "<IsTestProject>true</IsTestProject>" "$project" || continue # shared test support, not tests
        info "running $(basename "$project" .csproj)"
        if ! dotnet test "$project" -c "$CONFIGURATION" --no-build --nologo \
            --logger "trx;LogFilePrefix=$(basename "$project" .csproj)" --results-directory "$RESULTS" \
            --logger "console;verbosity=normal" "$@"; then
            failed_projects=$((failed_projects + 1))
        fi
    done
    return "$failed_projects"
}

main() {
    install_test_dependencies
    build
    local status=0
    run_projects "$@" || status=$?
    local passed failed
    passed=$(count_outcomes Passed)
    failed=$(count_outcomes Failed)
    # A project that crashed before reporting still counts as a failure.
    if ((status != 0 && failed == 0)); then failed=$status; fi
    echo "$passed passed, $failed failed"
    ((failed == 0 && status == 0))
}

main "$@"
