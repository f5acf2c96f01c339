#!/usr/bin/env bash
# Incremental against non-incremental compilation of the generated crate (BENCHMARKS.md,
# "Compile cost", session 8): a clean `cargo check --all-features` of steam-webapi, then a
# check after each of three regenerations (`steamspec generate` after a spec edit: a doc line
# changed, an optional parameter added, the spec restored). Alternates the two modes run by run.
#
# Usage: tests/bench-scripts/incremental-recheck.sh [RUNS]   (default 5)
# Uses its own CARGO_TARGET_DIR (default /tmp/cc-target), as compile-cost.sh does. The spec
# and the generated files are restored on exit, whatever happens.
set -euo pipefail
ROOT=$(cd "$(dirname "$0")/../.." && pwd)
RUNS=${1:-5}
SPEC=$ROOT/spec/steam/ISteamUser.yaml
SAVED=$(mktemp)
cp "$SPEC" "$SAVED"
cd "$ROOT"
CARGO_TARGET_DIR="$ROOT/target" cargo build -q --release -p steamspec
BIN=$ROOT/target/release/steamspec
export CARGO_TARGET_DIR=${CARGO_TARGET_DIR:-/tmp/cc-target}
regenerate() { "$BIN" generate >/dev/null; }
trap 'cp "$SAVED" "$SPEC"; rm -f "$SAVED"; regenerate' EXIT

check() {
    local t0 t1
    t0=$(date +%s.%N)
    cargo check -q -p steam-webapi --all-features >/dev/null 2>&1
    t1=$(date +%s.%N)
    echo "$t1 - $t0" | bc
}

cargo check -q -p steam-webapi --all-features # dependencies built
for _ in $(seq "$RUNS"); do
    for mode in incremental not-incremental; do
        if [ "$mode" = not-incremental ]; then export CARGO_INCREMENTAL=0; else unset CARGO_INCREMENTAL; fi
        cp "$SAVED" "$SPEC" && regenerate
        cargo clean -q -p steam-webapi
        clean=$(check)
        sed -i 's/64 bit Steam ID to return friend list for\./64 bit Steam ID whose friend list to return./' "$SPEC"
        regenerate
        doc=$(check)
        python3 - "$SPEC" <<'PY'
import sys
p = sys.argv[1]
s = open(p).read()
anchor = 'description: "Relationship filter. Possibles values: all, friend."\n'
assert anchor in s
s = s.replace(anchor, anchor + (
    "      - name: added\n"
    "        type: uint32\n"
    "        optional: true\n"
    "        description: An added parameter.\n"), 1)
open(p, "w").write(s)
PY
        regenerate
        field=$(check)
        cp "$SAVED" "$SPEC" && regenerate
        back=$(check)
        printf '%-16s clean %5.2f s  doc %5.2f s  parameter %5.2f s  restored %5.2f s  load %s\n' \
            "$mode" "$clean" "$doc" "$field" "$back" "$(cut -d' ' -f1 /proc/loadavg)"
    done
done
