//! Renders a planned interface as a spec file.

use std::fmt::Write as _;

use super::plan::{InterfacePlan, OpPlan, ParamPlan};
use super::yaml::{quoted, scalar};

pub fn interface(plan: &InterfacePlan, listing_name: &str) -> String {
    let mut o = String::from("# yaml-language-server: $schema=../spec.schema.json\n");
    let _ = writeln!(o, "interface: {}", scalar(&plan.name));
    o.push_str("provider: steam\n");
    let _ = writeln!(
        o,
        "description: {}",
        quoted(&format!(
            "{} as listed by GetSupportedAPIList (imported; to be described from the docs).",
            plan.name
        ))
    );
    let _ = writeln!(o, "sources:\n  - {}", quoted(listing_name));
    let _ = writeln!(o, "imported:\n  listing: {}\n  todo:", quoted(listing_name));
    for t in &plan.todo {
        let _ = writeln!(o, "    - {}", quoted(t));
    }
    if plan.ops.is_empty() {
        o.push_str("operations: []\n");
        return o;
    }
    o.push_str("operations:\n");
    for op in &plan.ops {
        operation(&mut o, op);
    }
    o
}

fn operation(o: &mut String, op: &OpPlan) {
    let _ = writeln!(o, "  - method: {}", scalar(&op.method));
    let _ = writeln!(o, "    version: {}", op.version);
    let _ = writeln!(o, "    http: {}", op.http);
    if let Some(a) = op.auth {
        let _ = writeln!(o, "    auth: {a}");
    }
    if let Some(p) = &op.path {
        let _ = writeln!(o, "    path: {}", quoted(p));
    }
    if op.input_json {
        o.push_str("    input: input_json\n");
    }
    let _ = writeln!(o, "    description: {}", quoted(&op.description));
    if let Some(d) = &op.listing_description {
        let _ = writeln!(o, "    listing_description: {}", quoted(d));
    }
    list(o, "    ", "notes", &op.notes);
    if !op.params.is_empty() {
        o.push_str("    parameters:\n");
        for p in &op.params {
            param(o, p);
        }
    }
    // The whole body, whatever its envelope (`response`, `result`, none): untyped until typed.
    o.push_str(
        "    response:\n      type: json\n      description: The whole body, untyped (imported).\n",
    );
}

fn param(o: &mut String, p: &ParamPlan) {
    let _ = writeln!(o, "      - name: {}", scalar(&p.name));
    let _ = writeln!(o, "        type: {}", scalar_type(&p.ty));
    if p.optional {
        o.push_str("        optional: true\n");
    }
    if let Some(e) = p.encoding {
        let _ = writeln!(o, "        encoding: {e}");
    }
    if let Some(r) = &p.rust_name {
        let _ = writeln!(o, "        rust_name: {}", scalar(r));
    }
    if let Some(d) = &p.description {
        let _ = writeln!(o, "        description: {}", quoted(d));
        let _ = writeln!(o, "        listing_description: {}", quoted(d));
    }
    if let Some((ty, note)) = &p.listing {
        let _ = writeln!(o, "        listing:\n          type: {}", quoted(ty));
        if p.listing_required {
            o.push_str("          optional: false\n");
        }
        let _ = writeln!(o, "          note: {}", quoted(note));
    }
    list(o, "        ", "notes", &p.notes);
}

/// Type expressions (`array<uint64>`) are quoted only when needed.
fn scalar_type(t: &str) -> String {
    if t.chars()
        .all(|c| c.is_ascii_alphanumeric() || matches!(c, '<' | '>' | '_'))
    {
        t.to_string()
    } else {
        quoted(t)
    }
}

fn list(o: &mut String, indent: &str, key: &str, items: &[String]) {
    if items.is_empty() {
        return;
    }
    let _ = writeln!(o, "{indent}{key}:");
    for i in items {
        let _ = writeln!(o, "{indent}  - {}", quoted(i));
    }
}
