#!/usr/bin/env python3
"""Adds every listed method the spec does not describe yet, as an imported operation (issue 23).

Usage (at the repository root): python3 codegen/scripts/import-listed.py [FIXTURES]
FIXTURES defaults to ../shared/fixtures.

What is imported: every method version of the public listing 2026-07-09, and the methods of the
publisher-key view (listings/partner-combined.json) that no public listing ever showed (so
publisher-only: `visibility: publisher`, sent to partner.steam-api.com). Left out: game-specific
interfaces (`_<appid>`), methods that left the public listing (a partner-only method any public
listing of 2021-2026 shows was public once, and is gone), ISteamWebAPIUtil GetServerInfo (typed
on the `formats` branch), and every (interface, method, version) spec/ already has.

How: `steamspec import` writes one file per interface from the merged listing; an interface the
spec has no file for becomes spec/steam/imported/<Interface>.yaml (its `imported` block marks
every operation); the operations of an interface that has a file are appended to that file, each
marked `imported: <listing>`, under a banner comment. An older version of a typed method keeps
the typed method's names: it is named `<Method>V<n>` with `path` keeping the listed name (which
drift reads back). Run `cargo run -- lint` and `cargo run -- generate` afterwards.
"""
import glob
import json
import os
import re
import subprocess
import sys
import tempfile

ROOT = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
FIX = sys.argv[1] if len(sys.argv) > 1 else os.path.join(ROOT, "..", "shared", "fixtures")
PUBLIC = "listings/public/2026-07-09.json"
PARTNER = "listings/partner-combined.json"
SKIP = {("ISteamWebAPIUtil", "GetServerInfo")}
BANNER = "  # ---- Imported from the listings (untyped responses; spec/README.md, \"Promoting an imported method\") ----\n"


def load(path):
    with open(path) as f:
        return json.load(f)["apilist"]["interfaces"]


def game_specific(name):
    return re.search(r"_[0-9]+$", name) is not None


def ever_public():
    seen = set()
    for path in glob.glob(os.path.join(FIX, "listings/public/*.json")) + glob.glob(
        os.path.join(FIX, "listings/history/*.json")
    ):
        for i in load(path):
            for m in i["methods"]:
                seen.add((i["name"], m["name"]))
    return seen


def merged_listing():
    """The public listing, plus the partner-only methods; and which of them are publisher-only."""
    interfaces = {}
    for i in load(os.path.join(FIX, PUBLIC)):
        if not game_specific(i["name"]):
            interfaces[i["name"]] = {(m["name"], m["version"]): m for m in i["methods"]}
    public_once = ever_public()
    publisher = set()
    for i in load(os.path.join(FIX, PARTNER)):
        methods = interfaces.setdefault(i["name"], {})
        for m in i["methods"]:
            key = (m["name"], m["version"])
            if key in methods or (i["name"], m["name"]) in public_once:
                continue
            methods[key] = m
            publisher.add((i["name"], m["name"], m["version"]))
    listing = {"apilist": {"interfaces": [
        {"name": n, "methods": [m for k, m in sorted(ms.items()) if (n, k[0]) not in SKIP]}
        for n, ms in sorted(interfaces.items())
    ]}}
    return listing, publisher


def steamspec(*args):
    return subprocess.run(
        ["cargo", "run", "-q", "--", *args], cwd=ROOT, check=False, capture_output=True, text=True
    )


def missing_and_files(listing_path):
    """What drift finds the spec lacks: {(interface, listed method, version)}; and each file."""
    r = steamspec("drift", "--listing", listing_path, "--format", "json", "--fail-on", "never")
    if r.returncode != 0:
        sys.exit(r.stderr)
    findings = json.loads(r.stdout)["findings"]
    missing = {(f["interface"], f["method"], f["version"])
               for f in findings if f["rule"] == "method-added"}
    new_ifaces = {f["interface"] for f in findings if f["rule"] == "interface-added"}
    files = {}
    for path in glob.glob(os.path.join(ROOT, "spec/steam/**/*.yaml"), recursive=True):
        m = re.search(r"^interface: (\S+)$", open(path).read(), re.M)
        if m:
            files[m.group(1)] = path
    return missing, new_ifaces, files


def op_blocks(text):
    """The imported file's operation blocks, by (method, version), and its header."""
    head, _, body = text.partition("operations:\n")
    blocks = re.split(r"(?m)^(?=  - method: )", body)
    out = {}
    for b in blocks:
        m = re.match(r"  - method: (\S+)\n    version: (\d+)\n", b)
        if m:
            path = re.search(r'^    path: "/[^/]+/([^/]+)/v\d+/"$', b, re.M)
            listed = path.group(1) if path else m.group(1)
            out[(listed, int(m.group(2)))] = b.rstrip("\n") + "\n"
    return head, out


def mark(block, listing_name, publisher, rename=None):
    lines = block.split("\n")
    m = re.match(r"  - method: (\S+)", lines[0])
    version = re.match(r"    version: (\d+)", lines[1]).group(1)
    iface_path = None
    if rename:
        lines[0] = f"  - method: {rename[1]}"
    extra = [f"    imported: {json.dumps(listing_name)}"]
    if publisher is True:
        extra.append("    visibility: publisher")
    elif publisher == "public":
        # In a file whose interface is publisher-only: the public listing shows this one.
        extra.append("    visibility: public")
    if rename and not any(l.startswith("    path: ") for l in lines):
        iface_path = f'    path: "/{rename[0]}/{m.group(1)}/v{version}/"'
        extra.append(iface_path)
    at = next(i for i, l in enumerate(lines) if l.startswith("    http: ")) + 1
    # `auth` stays right after `http` as the importer writes it (a publisher call needs the key).
    if at < len(lines) and lines[at].startswith("    auth: "):
        if publisher is True:
            del lines[at]
        else:
            at += 1
    return "\n".join(lines[:at] + extra + lines[at:])


def main():
    listing, publisher = merged_listing()
    listing_name = "public 2026-07-09 + partner"
    with tempfile.TemporaryDirectory() as tmp:
        path = os.path.join(tmp, "listing.json")
        json.dump(listing, open(path, "w"))
        wanted, new_ifaces, files = missing_and_files(path)
        index = json.load(open(os.path.join(ROOT, "generated/schemas/index.json")))
        typed_methods = {(o["interface"], o["method"]) for o in index["operations"]}
        r = steamspec("import", "--listing", path, "--out", os.path.join(tmp, "out"))
        if r.returncode != 0:
            sys.exit(r.stderr)
        os.makedirs(os.path.join(ROOT, "spec/steam/imported"), exist_ok=True)
        added = 0
        for out in sorted(glob.glob(os.path.join(tmp, "out/steam/*.yaml"))):
            text = open(out).read().replace(json.dumps(path), json.dumps("fixtures/" + PUBLIC))
            iface = re.search(r"^interface: (\S+)$", text, re.M).group(1)
            head, blocks = op_blocks(text)
            missing = {k: b for k, b in blocks.items()
                       if iface in new_ifaces or (iface, k[0], k[1]) in wanted}
            if not missing:
                continue
            pub = {k for k in missing if (iface, k[0], k[1]) in publisher}
            if iface not in files:
                body = "".join(
                    mark(b, listing_name, True).replace(f"    imported: {json.dumps(listing_name)}\n", "")
                    if k in pub else b
                    for k, b in sorted(missing.items())
                )
                head = head.replace("sources:\n", "sources:\n  - fixtures/" + PARTNER + "\n", 1) if pub else head
                dest = os.path.join(ROOT, "spec/steam/imported", iface + ".yaml")
                open(dest, "w").write(head + "operations:\n" + body)
            else:
                dest = files[iface]
                text = open(dest).read().rstrip("\n") + "\n"
                if BANNER not in text:
                    text += "\n" + BANNER
                publisher_file = re.search(r"^visibility: publisher$", text, re.M) is not None
                for k, b in sorted(missing.items()):
                    rename = (iface, f"{k[0]}V{k[1]}") if (iface, k[0]) in typed_methods else None
                    vis = True if k in pub else ("public" if publisher_file else False)
                    text += "\n" + mark(b, listing_name, vis, rename)
                open(dest, "w").write(text)
            added += len(missing)
            print(f"{os.path.relpath(dest, ROOT)}: {len(missing)} imported", file=sys.stderr)
        print(f"{added} operations imported", file=sys.stderr)


main()
