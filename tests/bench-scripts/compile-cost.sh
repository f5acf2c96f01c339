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
FIXTURES=${FIXTURES:-$ROOT/../shared/fixtures/listings}
export CARGO_TARGET_DIR=${CARGO_TARGET_DIR:-/tmp/cc-target}
export CARGO_TERM_COLOR=never

# The large spec and its crate.
setup_big() {
    # The CLI is built in the workspace's own target directory.
    CARGO_TARGET_DIR="$ROOT/target" cargo build -q --release -p steamspec --manifest-path "$ROOT/Cargo.toml"
    local bin=$ROOT/target/release/steamspec
    python3 "$ROOT/tests/bench-scripts/merge-listings.py" "$BIG-listing.json" \
        "$FIXTURES/public/2021-01-30.json" "$FIXTURES/partner-combined.json" >&2
    local ifaces
    ifaces=$(python3 -c 'import json,sys; print(" ".join("--interface " + i["name"] for i in json.load(open(sys.argv[1]))["apilist"]["interfaces"]))' "$BIG-listing.json")
    rm -rf "$BIG" "$BIG-spec"
    # shellcheck disable=SC2086
    "$bin" import --listing "$BIG-listing.json" --out "$BIG-spec" $ifaces >&2
    mkdir -p "$BIG"
    cp -r "$ROOT/generated" "$ROOT/macros" "$ROOT/codegen" "$ROOT/Cargo.lock" "$BIG/"
    rm -rf "$BIG/generated/benches"
    sed -e 's|^members = .*|members = ["codegen", "macros", "generated", "generated/runtime"]|' \
        -e 's|^default-members = .*|default-members = ["generated"]|' \
        "$ROOT/Cargo.toml" >"$BIG/Cargo.toml"
    "$bin" generate --spec "$BIG-spec" --out "$BIG/generated" | tail -1 >&2
    # The benches of generated/ are this repository's, not the copy's (the emitter writes their
    # entries only for this repository's spec; stripped again in case a copy has them).
    python3 - "$BIG/generated/Cargo.toml" <<'PY'
import sys
p = sys.argv[1]
s = open(p).read()
i = s.find("\n[dev-dependencies]")
if i >= 0:
    s = s[:i + 1]
open(p, "w").write(s)
PY
}

# time_case LABEL DIR COMMAND ARGS... -> "LABEL median_seconds (runs...) load"
# The package timed is steam-webapi, or $PKG; with CLEAN=0 it is not cleaned first, so cargo
# finds nothing to do.
time_case() {
    local label=$1 dir=$2 pkg=${PKG:-steam-webapi}
    shift 2
    # Dependencies built; a failing build would time an error, so it stops the script.
    if ! (cd "$dir" && cargo "$@" -q -p "$pkg" >/dev/null 2>&1); then
        echo "$label: cargo $* -p $pkg fails in $dir" >&2
        exit 1
    fi
    local times=()
    for _ in $(seq "$RUNS"); do
        [ "${CLEAN:-1}" = 0 ] || (cd "$dir" && cargo clean -q -p "$pkg")
        local t0 t1
        t0=$(date +%s.%N)
        (cd "$dir" && cargo "$@" -q -p "$pkg" >/dev/null 2>&1)
        t1=$(date +%s.%N)
        times+=("$(echo "$t1 - $t0" | bc)")
    done
    local median
    median=$(printf '%s\n' "${times[@]}" | sort -n | awk '{a[NR]=$1} END {print a[int((NR+1)/2)]}')
    printf '%-40s %7.2f s   runs: %s   load: %s\n' "$label" "$median" "${times[*]}" \
        "$(cut -d' ' -f1-3 /proc/loadavg)"
}

[ -d "$BIG/generated/src/api" ] && [ "${REBUILD_BIG:-0}" = 0 ] || setup_big
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
