#!/usr/bin/env bash
# The progenitor anchor of issue 8, measured here on the same operations (BENCHMARKS.md,
# section "progenitor measured here").
#
# The issue's anchors are figures from another machine and another API. This script runs
# oxidecomputer/progenitor (from crates.io, pinned) on OpenAPI documents made from the
# project's spec and from the large imported spec (steamspec's openapi.json made OpenAPI 3.0 by
# to-openapi.py), beside steamspec, in one run:
#   - generation, whole process (hyperfine): `steamspec generate`; progenitor as a library
#     formatted the way steamspec formats (syn + prettyplease; a small program written to
#     $PG/lib); and `cargo progenitor`, its CLI, which formats with rustfmt;
#   - compile cost: a clean `cargo check` and debug `cargo build` of the crate `cargo
#     progenitor` writes, dependencies prebuilt, as compile-cost.sh times steam-webapi, and
#     steam-webapi timed the same way in the same run, for both specs;
#   - with CALLGRIND=1, the instructions of steamspec and of the progenitor library program;
#   - last, each ratio of steamspec to progenitor, from this run's figures.
#
# Usage: tests/bench-scripts/progenitor-anchor.sh [RUNS]   (default 3; compile medians)
# Set CARGO_INCREMENTAL=0 to time the crates as dependencies, as compile-cost.sh does.
# Needs crates.io (the first run installs progenitor and builds the program) and hyperfine.
# Everything progenitor's goes under $PG (default /tmp/progenitor), nothing into the checkout.
set -euo pipefail
ROOT=$(cd "$(dirname "$0")/../.." && pwd)
RUNS=${1:-3}
PG=${PG:-/tmp/progenitor}
PG_VERSION=0.15.1
export CARGO_TERM_COLOR=never
# shellcheck source=common.sh
. "$ROOT/tests/bench-scripts/common.sh"
mkdir -p "$PG"
build_steamspec
BIN=$STEAMSPEC
CC_TARGET=${CC_TARGET:-/tmp/cc-target}

# The OpenAPI 3.0 documents, from the 3.1 ones steamspec writes: the project's
# generated/openapi.json; the large spec's from its crate (a workspace copy in $PG/big, as
# compile-cost.sh makes in /tmp/big).
python3 "$ROOT/tests/bench-scripts/to-openapi.py" "$ROOT/generated/openapi.json" "$PG/project.json"
setup_big "$PG/big"
python3 "$ROOT/tests/bench-scripts/to-openapi.py" "$PG/big/generated/openapi.json" "$PG/big.json"

# progenitor's CLI, and its generator as a library (the same calls cargo-progenitor makes,
# then syn + prettyplease instead of rustfmt).
CLI=$PG/bin/cargo-progenitor
[ -x "$CLI" ] || cargo install -q --locked "cargo-progenitor@$PG_VERSION" --root "$PG"
mkdir -p "$PG/lib/src"
# Files are replaced only when their text changes, so cargo does not rebuild the program.
write_if_changed() { cat >"$1.new" && { cmp -s "$1.new" "$1" && rm "$1.new" || mv "$1.new" "$1"; }; }
write_if_changed "$PG/lib/Cargo.toml" <<TOML
[package]
name = "progenitor-lib-bench"
version = "0.1.0"
edition = "2024"
publish = false

[dependencies]
progenitor-impl = "=$PG_VERSION"
openapiv3 = "2"
serde_json = "1"
prettyplease = "0.2"
syn = { version = "2", features = ["full"] }

[workspace]
TOML
write_if_changed "$PG/lib/src/main.rs" <<'RUST'
fn main() {
    let mut args = std::env::args().skip(1);
    let (input, output) = (args.next().expect("IN.json"), args.next().expect("OUT.rs"));
    let text = std::fs::read_to_string(&input).expect("read");
    let api: openapiv3::OpenAPI = serde_json::from_str(&text).expect("an OpenAPI document");
    let mut generator = progenitor_impl::Generator::default();
    let tokens = generator.generate_tokens(&api).expect("generate");
    let file: syn::File = syn::parse2(tokens).expect("parse");
    std::fs::write(&output, prettyplease::unparse(&file)).expect("write");
}
RUST
(cd "$PG/lib" && CARGO_TARGET_DIR="$PG/lib/target" cargo build -q --release)
LIB=$PG/lib/target/release/progenitor-lib-bench

echo "== generation, whole process ($(nproc) cores)"
ops() { python3 -c 'import json,sys; print(sum(len(set(p) - {"servers"}) for p in json.load(open(sys.argv[1]))["paths"].values()))' "$1"; }
echo "operations: project $(ops "$PG/project.json"), large spec $(ops "$PG/big.json")"
hyperfine -N --warmup 2 --runs "${GEN_RUNS:-20}" --export-json "$PG/generation.json" \
    "$BIN generate --spec $ROOT/spec --out $PG/steamspec-project" \
    "$LIB $PG/project.json $PG/lib-project.rs" \
    "$CLI progenitor -i $PG/project.json -o $PG/crate-project -n progenitor-project -v 0.1.0" \
    "$BIN generate --spec $PG/big-spec --out $PG/steamspec-big" \
    "$LIB $PG/big.json $PG/lib-big.rs" \
    "$CLI progenitor -i $PG/big.json -o $PG/crate-big -n progenitor-big -v 0.1.0"
if [ "${CALLGRIND:-0}" = 1 ]; then
    # Instructions, which a slow or busy window does not change (the "Collected" line).
    count() { valgrind --tool=callgrind --callgrind-out-file=/dev/null "$@" 2>&1 | grep -o 'Collected : [0-9]*'; }
    rm -rf "$PG/cg-project" "$PG/cg-big"
    echo "instructions: steamspec project $(count "$BIN" generate --spec "$ROOT/spec" --out "$PG/cg-project")"
    echo "instructions: progenitor library project $(count "$LIB" "$PG/project.json" "$PG/lib-project.rs")"
    echo "instructions: steamspec large $(count "$BIN" generate --spec "$PG/big-spec" --out "$PG/cg-big")"
    echo "instructions: progenitor library large $(count "$LIB" "$PG/big.json" "$PG/lib-big.rs")"
fi
bytes() { cat "$@" | wc -c; }
echo "Rust written, bytes: project $(bytes "$ROOT"/generated/src/api/*.rs) against" \
    "$(bytes "$PG/lib-project.rs"); large spec $(bytes "$PG/steamspec-big"/src/api/*.rs) against" \
    "$(bytes "$PG/lib-big.rs")"

echo "== compile cost, CARGO_INCREMENTAL=${CARGO_INCREMENTAL:-default}, $RUNS runs each, median"
TIMES_FILE=$PG/compile-times.tsv
rm -f "$TIMES_FILE"
for crate in project big; do
    # A crate of its own, outside any workspace.
    grep -q '^\[workspace\]' "$PG/crate-$crate/Cargo.toml" || echo '[workspace]' >>"$PG/crate-$crate/Cargo.toml"
done
for cmd in check build; do
    CARGO_TARGET_DIR=$CC_TARGET time_case "steam-webapi $cmd (project)" "$ROOT" $cmd
    CARGO_TARGET_DIR=$CC_TARGET time_case "steam-webapi $cmd (big)" "$PG/big" $cmd
    for crate in project big; do
        CARGO_TARGET_DIR=$PG/target PKG=progenitor-$crate time_case "progenitor $cmd ($crate)" "$PG/crate-$crate" $cmd
    done
done

# The ratios, steamspec over progenitor, each from figures of this run.
echo "== ratios, steamspec / progenitor (target: 0.1 for generation, 0.5 for compile cost)"
python3 - "$PG/generation.json" "$TIMES_FILE" <<'PY'
import json, sys
# The hyperfine commands' order: for each spec, steamspec, progenitor's library, its CLI.
runs = [r["mean"] for r in json.load(open(sys.argv[1]))["results"]]
for i, spec in enumerate(["project", "large"]):
    ours, lib, cli = runs[3 * i:3 * i + 3]
    print(f"generation, {spec:7}: {ours / lib:.3f} of the library, {ours / cli:.3f} of the CLI")
times = dict(line.rstrip("\n").split("\t") for line in open(sys.argv[2]))
for cmd in ["check", "build"]:
    for crate, label in [("project", "project"), ("big", "large")]:
        ours = float(times[f"steam-webapi {cmd} ({crate})"])
        theirs = float(times[f"progenitor {cmd} ({crate})"])
        print(f"{cmd}, {label:7}: {ours / theirs:.3f} of progenitor's crate")
PY
