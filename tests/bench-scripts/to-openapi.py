#!/usr/bin/env python3
"""Writes an OpenAPI 3.0 document for a spec, so that progenitor can generate a client for the
same operations (issue 8: the progenitor anchor, measured here; BENCHMARKS.md "Generation").

Usage: to-openapi.py SPEC_DIR SCHEMAS_DIR OUT.json

SCHEMAS_DIR is what `steamspec generate --spec SPEC_DIR` wrote under schemas/: its index gives
the operations, its request and response schemas their parameters and bodies, and bundle.json
the named types. SPEC_DIR gives each operation's HTTP method. Query operations become query
parameters; `input_json` operations a JSON request body. JSON Schema 2020-12 is turned into the
OpenAPI 3.0 dialect: `const` becomes a one-value `enum`, a `null` type or branch `nullable`, and
`propertyNames` (map keys; OpenAPI 3.0 has no such keyword) is dropped.

The document is checked before it is written: every `$ref` names a component, and no keyword
that OpenAPI 3.0 lacks is left; a problem is reported at its JSON path, and nothing is written.
tests/consumers/run.sh runs this on generated/schemas, so the benchmark's input cannot rot.
"""
import json
import os
import re
import sys

import yaml

spec_dir, schemas_dir, out = sys.argv[1:]


def load(path):
    with open(os.path.join(schemas_dir, path)) as f:
        return json.load(f)


def http_methods():
    """(interface, method, version) -> HTTP method, from every YAML file of the spec."""
    found = {}
    for root, _, files in os.walk(spec_dir):
        for name in files:
            if not name.endswith(".yaml") or name == "providers.yaml":
                continue
            with open(os.path.join(root, name)) as f:
                doc = yaml.safe_load(f)
            for op in doc.get("operations", []):
                found[(doc["interface"], op["method"], op["version"])] = op["http"].lower()
    return found


def ref_target(ref):
    # "#/$defs/X" in the bundle, "../../types/X.json" in the operation schemas.
    name = ref.rsplit("/", 1)[1]
    return "#/components/schemas/" + (name[:-5] if name.endswith(".json") else name)


# Dropped in the conversion; with the two it rewrites, what OpenAPI 3.0 lacks.
DROPPED = {"$comment", "$id", "$schema", "propertyNames"}
NOT_IN_OPENAPI_3_0 = DROPPED | {"$defs", "const"}


def convert(schema):
    if isinstance(schema, list):
        return [convert(s) for s in schema]
    if not isinstance(schema, dict):
        return schema
    result = {}
    for key, value in schema.items():
        if key in DROPPED:
            continue
        if key == "$ref":
            result[key] = ref_target(value)
        elif key == "const":
            result["enum"] = [value]
        elif key == "type" and isinstance(value, list):
            rest = [t for t in value if t != "null"]
            if len(rest) == 1:
                result["type"] = rest[0]
            else:
                result["anyOf"] = [{"type": t} for t in rest]
            if "null" in value:
                result["nullable"] = True
        elif key == "anyOf" and {"type": "null"} in value:
            # `T or null`: a nullable T (OpenAPI 3.0 allows no sibling of a $ref, hence allOf).
            rest = [convert(s) for s in value if s != {"type": "null"}]
            one = rest[0] if len(rest) == 1 else {"anyOf": rest}
            result.update({"allOf": [one]} if "$ref" in one else one)
            result["nullable"] = True
        elif key in ("properties", "$defs"):
            result[key] = {k: convert(v) for k, v in value.items()}
        else:
            result[key] = convert(value)
    return result


def snake(name):
    return re.sub(r"(?<=[a-z0-9])(?=[A-Z])", "_", name).lower()


def operation(entry, http, components):
    base = f'{entry["interface"]}{entry["method"]}V{entry["version"]}'
    request = convert(load(entry["request"]))
    response = convert(load(entry["response"]))
    components[base + "Body"] = response
    description = request.get("description", "")
    op = {
        "operationId": snake(f'{entry["interface"]}_{entry["method"]}_v{entry["version"]}'),
        "description": description,
        "responses": {
            "200": {
                "description": "successful operation",
                "content": {
                    "application/json": {"schema": {"$ref": f"#/components/schemas/{base}Body"}}
                },
            }
        },
    }
    properties = request.get("properties", {})
    if http == "get" or "query parameters" in description:
        required = set(request.get("required", []))
        op["parameters"] = [
            {
                "in": "query",
                "name": name,
                "required": name in required,
                "description": prop.get("description", ""),
                "schema": {k: v for k, v in prop.items() if k != "description"},
            }
            for name, prop in properties.items()
        ]
    else:
        components[base + "Input"] = request
        op["requestBody"] = {
            "required": True,
            "content": {
                "application/json": {"schema": {"$ref": f"#/components/schemas/{base}Input"}}
            },
        }
    return op


def problems(document):
    """Where the document breaks OpenAPI 3.0: unresolved references, leftover keywords."""
    components = document["components"]["schemas"]
    found = []

    def walk(node, path):
        if isinstance(node, list):
            for i, item in enumerate(node):
                walk(item, f"{path}/{i}")
            return
        if not isinstance(node, dict):
            return
        for key, value in node.items():
            at = f"{path}/{key}"
            if key == "$ref":
                name = value.removeprefix("#/components/schemas/")
                if name == value or name not in components:
                    found.append(f"{at}: {value} names no component")
            elif key in NOT_IN_OPENAPI_3_0:
                found.append(f"{at}: not an OpenAPI 3.0 keyword")
            elif key == "type" and (isinstance(value, list) or value == "null"):
                found.append(f"{at}: {json.dumps(value)} is not an OpenAPI 3.0 type")
            if key in ("properties", "schemas"):
                # Names here are property or component names, not keywords.
                for name, child in value.items():
                    walk(child, f"{at}/{name}")
            else:
                walk(value, at)

    walk(document, "#")
    return found


methods = http_methods()
bundle = convert(load("bundle.json"))
components = dict(bundle.get("$defs", {}))
paths = {}
for entry in load("index.json")["operations"]:
    http = methods[(entry["interface"], entry["method"], entry["version"])]
    path = f'/{entry["interface"]}/{entry["method"]}/v{entry["version"]}/'
    paths.setdefault(path, {})[http] = operation(entry, http, components)
document = {
    "openapi": "3.0.3",
    "info": {"title": "steamspec " + spec_dir, "version": "1.0.0"},
    "paths": paths,
    "components": {"schemas": components},
}
found = problems(document)
if found:
    sys.exit("to-openapi.py: the document would not be OpenAPI 3.0:\n  " + "\n  ".join(found))
with open(out, "w") as f:
    json.dump(document, f, indent=2, sort_keys=True)
print(f"{out}: {sum(len(p) for p in paths.values())} operations, {len(components)} schemas")
