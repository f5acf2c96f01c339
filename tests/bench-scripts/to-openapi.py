#!/usr/bin/env python3
"""Writes the OpenAPI 3.0 document progenitor reads (issue 8: the progenitor anchor, measured
here; BENCHMARKS.md "Generation"), from the OpenAPI 3.1 document `steamspec generate` writes
(`openapi.json`, made in Rust from the model: codegen/src/emit/openapi).

Usage: to-openapi.py OPENAPI_3_1.json OUT.json

progenitor (its `openapiv3` crate) reads OpenAPI 3.0 only, and panics on much that Steam needs,
so the conversion keeps what the earlier version of this script gave it (the benchmark's figures
stay comparable) and says what it changes:
  - JSON Schema 2020-12 becomes the OpenAPI 3.0 dialect: `const` a one-value `enum`, a `null`
    type or branch `nullable`; `propertyNames` (map keys), `dependentRequired` and
    `$comment`/`$id`/`$schema` are dropped (a `$ref`'s siblings, such as a description, stay,
    as before: OpenAPI 3.0 tools ignore them);
  - a Service's `input_json` (a JSON-content query parameter or form field) becomes a JSON
    request body of the request schema, and a form body a JSON one;
  - query parameters lose `style`/`explode` (comma lists, indexed arrays), which progenitor
    does not read;
  - only the success responses are kept (the error models' `4XX`/`5XX` text bodies are not
    what the benchmark measures).

The document is checked before it is written: every `$ref` names a component, and no keyword
that OpenAPI 3.0 lacks is left; a problem is reported at its JSON path, and nothing is written.
tests/consumers/run.sh runs this on generated/openapi.json, so the benchmark's input cannot rot.
"""
import json
import sys

source, out = sys.argv[1:]

# Dropped in the conversion; with the two it rewrites, what OpenAPI 3.0 lacks.
DROPPED = {"$comment", "$id", "$schema", "propertyNames", "dependentRequired"}
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
        if key == "const":
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
        elif key == "properties":
            result[key] = {k: convert(v) for k, v in value.items()}
        else:
            result[key] = convert(value)
    return result


def json_body(schema):
    return {"required": True, "content": {"application/json": {"schema": schema}}}


def operation(op):
    """A 3.1 operation as the earlier script wrote it: query parameters, or a JSON body."""
    op = dict(op)
    params = []
    for p in op.get("parameters", []):
        if "content" in p:  # input_json
            op["requestBody"] = json_body(p["content"]["application/json"]["schema"])
            continue
        params.append({k: v for k, v in p.items() if k not in ("style", "explode")})
    op["parameters"] = params
    form = op.get("requestBody", {}).get("content", {}).get("application/x-www-form-urlencoded")
    if form:
        props = form["schema"]["properties"]
        # A Service's form carries input_json (and format); another method's form, its fields.
        op["requestBody"] = json_body(props["input_json"] if "input_json" in props else form["schema"])
    op["responses"] = {k: v for k, v in op["responses"].items() if k.startswith("2")}
    return convert(op)


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
            if key in ("properties", "schemas", "paths", "examples"):
                # Names here are property, component, path or example names, not keywords;
                # an example's value is data.
                for name, child in value.items():
                    if key != "examples":
                        walk(child, f"{at}/{name}")
            else:
                walk(value, at)

    walk(document, "#")
    return found


with open(source) as f:
    openapi = json.load(f)
paths = {
    path: {k: (v if k == "servers" else operation(v)) for k, v in item.items()}
    for path, item in openapi["paths"].items()
}
components = dict(openapi["components"])
components["schemas"] = {k: convert(v) for k, v in openapi["components"]["schemas"].items()}
document = {**openapi, "openapi": "3.0.3", "paths": paths, "components": components}
found = problems(document)
if found:
    sys.exit("to-openapi.py: the document would not be OpenAPI 3.0:\n  " + "\n  ".join(found))
with open(out, "w") as f:
    json.dump(document, f, indent=2, sort_keys=True)
count = sum(len([k for k in p if k != "servers"]) for p in paths.values())
print(f"{out}: {count} operations, {len(components['schemas'])} schemas")
