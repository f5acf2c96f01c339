# Shared by the compile and anchor bench scripts (sourced, not run): timing a cargo command
# and importing the large spec. Expects ROOT (the checkout) and RUNS to be set.

# build_steamspec: the steamspec CLI in $STEAMSPEC, built once per script in the workspace's
# own target directory (called in the script's shell, not in $(...), so that the build is
# remembered).
build_steamspec() {
    [ -n "${STEAMSPEC:-}" ] && return
    CARGO_TARGET_DIR="$ROOT/target" cargo build -q --release -p steamspec --manifest-path "$ROOT/Cargo.toml"
    STEAMSPEC=$ROOT/target/release/steamspec
}

# import_big_spec OUT: the large spec (issue 8), imported into OUT-spec from the public listing
# 2021-01-30 merged with the publisher-key view, every interface, game-specific ones too.
import_big_spec() {
    local out=$1 fixtures=${FIXTURES:-$ROOT/../shared/fixtures/listings} ifaces
    build_steamspec
    python3 "$ROOT/tests/bench-scripts/merge-listings.py" "$out-listing.json" \
        "$fixtures/public/2021-01-30.json" "$fixtures/partner-combined.json" >&2
    ifaces=$(python3 -c 'import json,sys; print(" ".join("--interface " + i["name"] for i in json.load(open(sys.argv[1]))["apilist"]["interfaces"]))' "$out-listing.json")
    rm -rf "$out-spec"
    # shellcheck disable=SC2086
    "$STEAMSPEC" import --listing "$out-listing.json" --out "$out-spec" $ifaces >&2
}

# setup_big BIG: the large spec in BIG-spec, and a copy of the workspace in BIG whose
# generated crate is made from it, with the same runtime, macros and lockfile.
setup_big() {
    local big=$1
    import_big_spec "$big"
    rm -rf "$big"
    mkdir -p "$big"
    cp -r "$ROOT/generated" "$ROOT/macros" "$ROOT/codegen" "$ROOT/Cargo.lock" "$big/"
    rm -rf "$big/generated/benches"
    sed -e 's|^members = .*|members = ["codegen", "macros", "generated", "generated/runtime"]|' \
        -e 's|^default-members = .*|default-members = ["generated"]|' \
        "$ROOT/Cargo.toml" >"$big/Cargo.toml"
    "$STEAMSPEC" generate --spec "$big-spec" --out "$big/generated" | tail -1 >&2
    # The benches of generated/ are this repository's, not the copy's (the emitter writes their
    # entries only for this repository's spec; stripped again in case a copy has them).
    python3 - "$big/generated/Cargo.toml" <<'PY'
import sys
p = sys.argv[1]
s = open(p).read()
i = s.find("\n[dev-dependencies]")
if i >= 0:
    s = s[:i + 1]
open(p, "w").write(s)
PY
}

# time_case LABEL DIR COMMAND ARGS... -> "LABEL median_seconds (runs...) load", and the median
# appended to $TIMES_FILE when it is set
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
    # With TIMES_FILE set, the median is kept for a summary (label, tab, seconds).
    [ -z "${TIMES_FILE:-}" ] || printf '%s\t%s\n' "$label" "$median" >>"$TIMES_FILE"
}
