"""Checks generated/schemas the way a Python consumer uses them.

`jsonschema`'s Draft202012Validator with a `referencing` Registry that holds every schema file by
its $id, so the relative $refs between files resolve, then:
  - every schema is a valid draft 2020-12 schema and all its $refs resolve,
  - every example of the spec validates against its operation's request/response schema, both
    the per-operation file and the bundle's $defs entry,
  - the hand-made payloads of ../invalid_payloads.json: `valid` accepted, `invalid` rejected.
Prints `PASS name` / `FAIL name: why` lines and exits 1 on any failure.

usage: python check_schemas.py [--schemas DIR] [--spec DIR]
"""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path
from typing import Any, Iterator

import yaml
from jsonschema import Draft202012Validator
from jsonschema.exceptions import SchemaError
from referencing import Registry, Resource
from referencing.exceptions import Unresolvable
from referencing.jsonschema import DRAFT202012

HERE = Path(__file__).resolve().parent
ROOT = HERE.parents[2]
BASE = "https://steamspec.invalid/schemas/"

passed = 0
failed = 0


def ok(name: str) -> None:
    global passed
    passed += 1
    print(f"PASS python: {name}")


def fail(name: str, why: str) -> None:
    global failed
    failed += 1
    print(f"FAIL python: {name}: {why}")


def load_registry(schemas: Path) -> tuple[Registry, list[str]]:
    """Every schema file (not index.json) as a resource under its $id."""
    resources: list[tuple[str, Resource[Any]]] = []
    for path in sorted(schemas.rglob("*.json")):
        rel = path.relative_to(schemas).as_posix()
        if rel == "index.json":
            continue
        try:
            contents = json.loads(path.read_text(encoding="utf-8"))
            if contents.get("$id") != BASE + rel:
                raise ValueError(f"$id is {contents.get('$id')!r}, expected {BASE + rel!r}")
            Draft202012Validator.check_schema(contents)
        except (ValueError, SchemaError) as e:
            fail(f"load {rel}", str(e).splitlines()[0])
            continue
        resources.append((contents["$id"], DRAFT202012.create_resource(contents)))
    registry: Registry = Registry().with_resources(resources).crawl()
    return registry, [uri for uri, _ in resources]


def validator(registry: Registry, ref: str) -> Draft202012Validator:
    return Draft202012Validator({"$ref": ref}, registry=registry)


def errors(v: Draft202012Validator, instance: Any) -> list[str]:
    """Validation errors; an unresolvable $ref on the way is an error too."""
    try:
        return [f"/{'/'.join(map(str, e.absolute_path))} {e.message}" for e in v.iter_errors(instance)]
    except Unresolvable as e:
        return [f"unresolvable $ref: {e}"]


def refs(node: Any) -> Iterator[str]:
    if isinstance(node, dict):
        for k, v in node.items():
            if k == "$ref" and isinstance(v, str):
                yield v
            else:
                yield from refs(v)
    elif isinstance(node, list):
        for v in node:
            yield from refs(v)


def check_refs(registry: Registry, ids: list[str]) -> None:
    """Every $ref of every file resolves (a broken one would otherwise surface only on use)."""
    bad = []
    for uri in ids:
        resolver = registry.resolver(base_uri=uri)
        for ref in refs(registry.contents(uri)):
            try:
                resolver.lookup(ref)
            except Unresolvable:
                bad.append(f"{uri[len(BASE):]}: {ref}")
    if bad:
        fail("every $ref resolves", "; ".join(bad[:5]))
    elif ids:
        ok(f"all $refs of {len(ids)} schemas resolve")
    else:
        fail("schemas", "no schema found")


def check_examples(registry: Registry, spec: Path) -> None:
    checked = 0
    for path in sorted([*spec.rglob("*.yaml"), *spec.rglob("*.yml")]):
        doc = yaml.safe_load(path.read_text(encoding="utf-8"))
        if not isinstance(doc, dict) or "interface" not in doc:
            continue
        iface = doc["interface"]
        for op in doc.get("operations") or []:
            key = f"{iface}.{op['method']}.v{op['version']}"
            base = f"operations/{iface}/{op['method']}.v{op['version']}"
            for ex in op.get("examples") or []:
                sides = []
                if "request" in ex:
                    sides.append(("request", ex["request"]))
                if "response" in ex and 200 <= int(ex.get("status", 200)) < 300:
                    sides.append(("response", ex["response"]))
                for side, payload in sides:
                    name = f"{iface}/{op['method']}/v{op['version']} example {ex['name']} {side}"
                    for ref in (f"{BASE}{base}.{side}.json", f"{BASE}bundle.json#/$defs/{key}.{side}"):
                        errs = errors(validator(registry, ref), payload)
                        if errs:
                            fail(name, f"{ref[len(BASE):]}: {'; '.join(errs[:3])}")
                        else:
                            checked += 1
    if checked:
        ok(f"{checked} example payloads valid (files and bundle)")
    else:
        fail("examples", "no example checked")


def check_invalid(registry: Registry) -> None:
    cases = json.loads((HERE.parent / "invalid_payloads.json").read_text(encoding="utf-8"))
    for c in cases:
        v = validator(registry, BASE + c["schema"])
        good = errors(v, c["valid"])
        bad = errors(v, c["invalid"])
        if good:
            fail(c["name"], f"the valid twin is rejected: {'; '.join(good[:3])}")
        elif not bad:
            fail(c["name"], "the invalid payload is accepted")
        else:
            ok(f"rejected: {c['name']}")


def main() -> int:
    ap = argparse.ArgumentParser()
    ap.add_argument("--schemas", type=Path, default=ROOT / "generated" / "schemas")
    ap.add_argument("--spec", type=Path, default=ROOT / "spec")
    args = ap.parse_args()
    registry, ids = load_registry(args.schemas)
    check_refs(registry, ids)
    check_examples(registry, args.spec)
    check_invalid(registry)
    print(f"python checks: {passed} passed, {failed} failed")
    return 0 if failed == 0 else 1


if __name__ == "__main__":
    sys.exit(main())
