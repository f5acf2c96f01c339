// Checks generated/schemas the way a Node consumer uses them: ajv's draft 2020-12 validator in
// strict mode, every schema file added by its $id (relative $refs resolve through the ids), then
//   - every schema compiles (no unknown keyword or format, no unresolvable $ref),
//   - every example of the spec validates against its operation's request/response schema,
//     both the per-operation file and the bundle's $defs entry,
//   - the hand-made payloads of ../invalid_payloads.json: `valid` accepted, `invalid` rejected.
// Prints `PASS name` / `FAIL name: why` lines and exits 1 on any failure.
//
// usage: node check_schemas.mjs [--schemas DIR] [--spec DIR]

import { readFileSync, readdirSync, statSync } from "node:fs";
import { join, relative, dirname, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import Ajv2020 from "ajv/dist/2020.js";
import yaml from "js-yaml";

const here = dirname(fileURLToPath(import.meta.url));
const root = resolve(here, "../../..");
const BASE = "https://steamspec.invalid/schemas/";

function arg(name, fallback) {
  const i = process.argv.indexOf(name);
  return i >= 0 ? resolve(process.argv[i + 1]) : fallback;
}
const schemasDir = arg("--schemas", join(root, "generated/schemas"));
const specDir = arg("--spec", join(root, "spec"));

let passed = 0;
let failed = 0;
function pass(name) {
  passed++;
  console.log(`PASS node: ${name}`);
}
function fail(name, why) {
  failed++;
  console.log(`FAIL node: ${name}: ${why}`);
}
function walk(dir, ext) {
  const out = [];
  for (const e of readdirSync(dir).sort()) {
    const p = join(dir, e);
    if (statSync(p).isDirectory()) out.push(...walk(p, ext));
    else if (ext.some((x) => p.endsWith(x))) out.push(p);
  }
  return out;
}
const show = (errors) =>
  (errors || []).slice(0, 3).map((e) => `${e.instancePath || "/"} ${e.message}`).join("; ");

// strict: true makes unknown keywords and formats, ambiguous types and the like errors.
const ajv = new Ajv2020({ strict: true, allErrors: true });

// 1. Load every schema by its $id.
const ids = [];
for (const file of walk(schemasDir, [".json"])) {
  const rel = relative(schemasDir, file).split("\\").join("/");
  if (rel === "index.json") continue;
  let schema;
  try {
    schema = JSON.parse(readFileSync(file, "utf8"));
    if (schema.$id !== BASE + rel) throw new Error(`$id is ${schema.$id}, expected ${BASE + rel}`);
    ajv.addSchema(schema);
    ids.push(schema.$id);
  } catch (e) {
    fail(`load ${rel}`, e.message);
  }
}

// 2. Compile every schema: strict-mode violations and unresolvable $refs surface here.
let compiled = 0;
for (const id of ids) {
  try {
    ajv.getSchema(id);
    compiled++;
  } catch (e) {
    fail(`compile ${id.slice(BASE.length)}`, e.message);
  }
}
if (compiled === ids.length && ids.length > 0) pass(`all ${ids.length} schemas compile in strict mode`);
else if (ids.length === 0) fail("schemas", `no schema found in ${schemasDir}`);

function validator(ref) {
  try {
    const v = ajv.getSchema(ref);
    if (!v) throw new Error(`no schema ${ref}`);
    return v;
  } catch (e) {
    return null;
  }
}

// 3. Every example of the spec.
let examples = 0;
for (const file of walk(specDir, [".yaml", ".yml"])) {
  const doc = yaml.load(readFileSync(file, "utf8"));
  if (!doc || !doc.interface || !Array.isArray(doc.operations)) continue;
  for (const op of doc.operations) {
    const base = `operations/${doc.interface}/${op.method}.v${op.version}`;
    const bundleKey = `${doc.interface}.${op.method}.v${op.version}`;
    for (const ex of op.examples || []) {
      const sides = [];
      if (ex.request !== undefined) sides.push(["request", ex.request]);
      const status = ex.status ?? 200;
      if (ex.response !== undefined && status >= 200 && status < 300) sides.push(["response", ex.response]);
      for (const [side, payload] of sides) {
        const name = `${doc.interface}/${op.method}/v${op.version} example ${ex.name} ${side}`;
        for (const ref of [`${BASE}${base}.${side}.json`, `${BASE}bundle.json#/$defs/${bundleKey}.${side}`]) {
          const v = validator(ref);
          if (!v) {
            fail(name, `cannot compile ${ref}`);
          } else if (!v(payload)) {
            fail(name, `${ref.slice(BASE.length)}: ${show(v.errors)}`);
          } else {
            examples++;
          }
        }
      }
    }
  }
}
if (examples > 0) pass(`${examples} example payloads valid (files and bundle)`);
else fail("examples", "no example checked");

// 4. Hand-made invalid payloads (each with a valid twin, so the rejection is the one change).
const cases = JSON.parse(readFileSync(join(here, "../invalid_payloads.json"), "utf8"));
for (const c of cases) {
  const v = validator(BASE + c.schema);
  if (!v) {
    fail(c.name, `cannot compile ${c.schema}`);
    continue;
  }
  const ok = v(c.valid);
  const okErrors = show(v.errors);
  const bad = v(c.invalid);
  if (!ok) fail(c.name, `the valid twin is rejected: ${okErrors}`);
  else if (bad) fail(c.name, "the invalid payload is accepted");
  else pass(`rejected: ${c.name}`);
}

console.log(`node checks: ${passed} passed, ${failed} failed`);
process.exit(failed === 0 ? 0 : 1);
