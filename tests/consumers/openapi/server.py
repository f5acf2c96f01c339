#!/usr/bin/env python3
"""A loopback Steam (and backpack.tf) for the OpenAPI consumers: it reads generated/openapi.json,
answers each operation with its first success example, and refuses, with a 400 and a one-line
reason, any request that is not what the document says Steam takes: an unknown or repeated
parameter (a comma list sent as `a=1&a=2`), a missing required one, a value that is not of the
parameter's schema (a bool sent as `true`, an `input_json` that is not the request's JSON), a
missing credential (403), or a credential sent to an operation that takes none.

Usage: server.py OPENAPI.json PORT_FILE KEY TOKEN
Listens on 127.0.0.1 on a free port, writes the port to PORT_FILE, serves until killed.
Every request is logged to stderr as `METHOD path?query -> status reason`.
"""
import json
import os
import sys
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from urllib.parse import parse_qs, urlsplit

import jsonschema

doc_path, port_file, key, token = sys.argv[1:]
with open(doc_path) as f:
    DOC = json.load(f)
CREDENTIALS = {"key": key, "token": token}


def validator(schema):
    """A 2020-12 validator for a schema of the document; its $refs resolve in the document."""
    root = {"$schema": "https://json-schema.org/draft/2020-12/schema", "components": DOC["components"]}
    root.update(schema)
    return jsonschema.Draft202012Validator(root)


def resolve(schema):
    while "$ref" in schema:
        schema = DOC["components"]["schemas"][schema["$ref"].rsplit("/", 1)[1]]
    return schema


def scalar_type(schema):
    """The JSON type a query value of this schema has (open enums are an anyOf of one type)."""
    schema = resolve(schema)
    for branch in [schema, *schema.get("anyOf", [])]:
        if "type" in resolve(branch):
            return resolve(branch)["type"]
    return "string"


def typed(text, schema):
    kind = scalar_type(schema)
    if kind == "integer":
        return int(text)
    if kind == "number":
        return float(text)
    return text


def query_value(param, values, query):
    """The parameter's value as the document describes it, from the raw query."""
    schema = param.get("schema")
    if "content" in param:
        return json.loads(values[0]), param["content"]["application/json"]["schema"]
    if param.get("style") == "deepObject":
        prefix = param["name"] + "["
        items = {k[len(prefix):-1]: v[0] for k, v in query.items() if k.startswith(prefix)}
        item = schema["additionalProperties"]
        return {i: typed(v, item) for i, v in items.items()}, schema
    if resolve(schema).get("type") == "array":
        # explode: false, the only array style Steam takes outside indexed arrays.
        return [typed(v, schema["items"]) for v in values[0].split(",")], schema
    return typed(values[0], schema), schema


def problem(op, query):
    """Why the request is not one the document allows, or None."""
    declared = {p["name"]: p for p in op.get("parameters", [])}
    security = op.get("security", [])
    schemes = DOC["components"]["securitySchemes"]
    wanted = {schemes[s]["name"] for req in security for s in req}
    for raw, values in query.items():
        name = raw.split("[", 1)[0]
        if name in CREDENTIALS:
            if name not in wanted:
                return 400, f"{name}: this operation takes no credential"
            continue
        if name not in declared:
            return 400, f"{raw}: no such parameter"
        if len(values) > 1:
            return 400, f"{raw}: sent {len(values)} times (a list is one comma-separated value)"
    for name, p in declared.items():
        present = [k for k in query if k == name or k.startswith(name + "[")]
        if not present:
            if p.get("required"):
                return 400, f"{name}: missing"
            continue
        try:
            value, schema = query_value(p, query.get(name, [""]), query)
        except ValueError as e:
            return 400, f"{name}: {e}"
        errors = list(validator(schema).iter_errors(value))
        if errors:
            return 400, f"{name}: {errors[0].message}"
    optional = {} in security
    for param in sorted(wanted):
        sent = query.get(param, [None])[0]
        if sent is None and optional:
            continue
        if sent != CREDENTIALS[param]:
            return 403, f"{param}: missing or wrong credential"
    return None


def success(op):
    examples = op["responses"]["200"]["content"]["application/json"].get("examples", {})
    first = sorted(examples)[0]
    return examples[first]["value"]


class Handler(BaseHTTPRequestHandler):
    def handle_one(self, method):
        url = urlsplit(self.path)
        op = DOC["paths"].get(url.path, {}).get(method)
        query = parse_qs(url.query, keep_blank_values=True)
        if op is None:
            status, body, kind = 404, f"no operation {method.upper()} {url.path}", "text/plain"
        elif found := problem(op, query):
            status, body, kind = found[0], found[1], "text/plain"
        else:
            status, body, kind = 200, json.dumps(success(op)), "application/json"
        reason = body if status != 200 else op["operationId"]
        safe = "&".join(f"{k}=<secret>" if k in CREDENTIALS else f"{k}={','.join(v)}" for k, v in query.items())
        print(f"{method.upper()} {url.path}?{safe} -> {status} {reason}", file=sys.stderr, flush=True)
        data = body.encode()
        self.send_response(status)
        self.send_header("Content-Type", kind)
        self.send_header("Content-Length", str(len(data)))
        self.end_headers()
        self.wfile.write(data)

    def do_GET(self):
        self.handle_one("get")

    def log_message(self, *args):
        pass


server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
with open(port_file + ".tmp", "w") as f:
    f.write(str(server.server_address[1]))
# Renamed when complete, so a reader never sees a half-written port.
os.replace(port_file + ".tmp", port_file)
server.serve_forever()
