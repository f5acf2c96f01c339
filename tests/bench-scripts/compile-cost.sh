#!/usr/bin/env bash
# Compile cost of the generated crate (issue 8.2; BENCHMARKS.md "Compile cost").
#
# Times a clean `cargo check` and a clean debug `cargo build` of steam-webapi alone, its
# dependencies prebuilt (the runtime crate steam-webapi-runtime among them, as progenitor's
# generated clients depend on progenitor-client): every run is `cargo clean -p steam-webapi`
# then the timed command. The runtime crate is timed on its own too.
# Cases: this repository's generated/ (all interfaces, --all-features, one interface, none: the
# crate's fixed cost), and cargo's own time with nothing to do; and the
# large spec imported from the public listing 2021-01-30 merged with the publisher-key view
# (every interface, game-specific ones too), generated into a copy of the crate under
# $BIG (default /tmp/big) with the same runtime, macros and lockfile.
#
# Usage: tests/bench-scripts/compile-cost.sh [RUNS]   (default 3; prints the median)
# Uses its own CARGO_TARGET_DIR (default /tmp/cc-target) so it never cleans the workspace's.
# Two checkouts must not share one: cargo names path packages by name and version, not path.
set -euo pipefail
ROOT=$(cd "$(dirname "$0")/../.." && pwd)
RUNS=${1:-3}
BIG=${BIG:-/tmp/big}
export CARGO_TARGET_DIR=${CARGO_TARGET_DIR:-/tmp/cc-target}
export CARGO_TERM_COLOR=never

# shellcheck source=common.sh
. "$ROOT/tests/bench-scripts/common.sh"

[ -d "$BIG/generated/src/api" ] && [ "${REBUILD_BIG:-0}" = 0 ] || setup_big "$BIG"
echo "CARGO_TARGET_DIR=$CARGO_TARGET_DIR, $RUNS runs each, median; $(nproc) cores"
ops_small=$(cat "$ROOT"/generated/src/api/*.rs | grep -c 'const INFO: ::steam_webapi::__private::EndpointInfo')
ops_big=$(cat "$BIG"/generated/src/api/*.rs | grep -c 'const INFO: ::steam_webapi::__private::EndpointInfo')
echo "operations: project $ops_small, large spec $ops_big"
# Cargo's own share of every figure: the same command when there is nothing to do.
CLEAN=0 time_case "cargo check with nothing to do" "$ROOT" check
for cmd in check build; do
    time_case "project $cmd (default: all interfaces)" "$ROOT" $cmd
    time_case "project $cmd --all-features" "$ROOT" $cmd --all-features
    time_case "project $cmd ISteamUser only" "$ROOT" $cmd --no-default-features --features ISteamUser
    time_case "project $cmd no interface" "$ROOT" $cmd --no-default-features
    # The fixed part of the --all-features case: what a crate with no operation costs.
    time_case "project $cmd no interface, blocking+schemars" "$ROOT" $cmd --no-default-features --features blocking,schemars
    PKG=steam-webapi-runtime time_case "runtime crate $cmd (a dependency above)" "$ROOT" $cmd
    time_case "large $cmd (default: all interfaces)" "$BIG" $cmd
    time_case "large $cmd ISteamUser only" "$BIG" $cmd --no-default-features --features ISteamUser
done
