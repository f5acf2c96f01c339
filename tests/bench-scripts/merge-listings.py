#!/usr/bin/env python3
"""Merges GetSupportedAPIList listings into one (issue 8 benchmarks: the "large spec").

Usage: merge-listings.py OUT.json LISTING.json...

Interfaces are matched by name and methods by (name, version); a later listing's
entry replaces an earlier one's (pass the public listing first and the publisher-key
view last, so a method both show is taken from the publisher-key view, which
describes publisher-only parameters too). Everything else is the union.
"""
import json
import sys

out, *inputs = sys.argv[1:]
interfaces = {}
for path in inputs:
    with open(path) as f:
        listing = json.load(f)
    for iface in listing["apilist"]["interfaces"]:
        methods = interfaces.setdefault(iface["name"], {})
        for m in iface["methods"]:
            methods[(m["name"], m["version"])] = m
merged = {
    "apilist": {
        "interfaces": [
            {"name": name, "methods": list(methods.values())}
            for name, methods in interfaces.items()
        ]
    }
}
with open(out, "w") as f:
    json.dump(merged, f, indent=2)
print(f"{out}: {len(interfaces)} interfaces, "
      f"{sum(len(m) for m in interfaces.values())} method versions")
