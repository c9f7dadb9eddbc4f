#!/usr/bin/env bash
# Publishes the container runtime command with NativeAOT to out/platform-runtime/ and links it as
# bin/platform-runtime: a NativeAOT process starts in milliseconds and can fork into namespaces.
set -euo pipefail
ROOT=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
dotnet publish "$ROOT/cli/platform-runtime/Platform.RuntimeCli.csproj" -c Release -nologo -v quiet \
    -p:UseSharedCompilation=true -o "$ROOT/out/platform-runtime"
mkdir -p "$ROOT/bin"
ln -sfn "$ROOT/out/platform-runtime/platform-runtime" "$ROOT/bin/platform-runtime"
