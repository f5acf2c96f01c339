#!/usr/bin/env bash
# Compile cost of the generated crate as the spec grows (issue 23 item 4; BENCHMARKS.md
# "Compile cost of the breadth"): a clean `cargo check` and a clean debug `cargo build` of
# steam-webapi alone (dependencies prebuilt; `cargo clean -p steam-webapi` before each run),
# with --all-features and with one interface ($ONE, default ISteamHub: an interface this growth
# leaves unchanged, so its figure shows what the rest of the crate costs it). Prints the median wall time and the
# median CPU time (user + system of cargo and rustc): on a shared machine the CPU time is the
# steadier figure. Run it on two commits to compare them.
#
# Usage: tests/bench-scripts/growth-cost.sh [RUNS]   (default 3)
set -euo pipefail
ROOT=$(cd "$(dirname "$0")/../.." && pwd)
RUNS=${1:-3}
ONE=${ONE:-ISteamHub}
export CARGO_TARGET_DIR=${CARGO_TARGET_DIR:-$ROOT/target}
export CARGO_TERM_COLOR=never
cd "$ROOT"
ops=$(cat generated/src/api/*.rs | grep -c 'const INFO: ::steam_webapi::__private::EndpointInfo')
echo "$(git rev-parse --short HEAD)$(git diff --quiet -- generated || echo +changes): $ops operations; $RUNS runs, median; $(nproc) cores"

median() { sort -n | awk '{a[NR]=$1} END {print a[int((NR+1)/2)]}'; }

case_() {
    local label=$1
    shift
    cargo "$@" -q -p steam-webapi >/dev/null 2>&1 || { echo "$label: cargo $* fails" >&2; exit 1; }
    local walls=() cpus=()
    for _ in $(seq "$RUNS"); do
        cargo clean -q -p steam-webapi
        local out tmp
        tmp=$(mktemp)
        /usr/bin/time -o "$tmp" -f '%e %U %S' cargo "$@" -q -p steam-webapi >/dev/null 2>&1
        out=$(tail -1 "$tmp")
        rm -f "$tmp"
        walls+=("$(echo "$out" | awk '{print $1}')")
        cpus+=("$(echo "$out" | awk '{printf "%.2f", $2 + $3}')")
    done
    printf '%-32s wall %6.2f s  cpu %6.2f s   (wall runs: %s; load %s)\n' "$label" \
        "$(printf '%s\n' "${walls[@]}" | median)" "$(printf '%s\n' "${cpus[@]}" | median)" \
        "${walls[*]}" "$(cut -d' ' -f1 /proc/loadavg)"
}

for cmd in check build; do
    case_ "$cmd --all-features" $cmd --all-features
    case_ "$cmd $ONE only" $cmd --no-default-features --features "$ONE"
done
