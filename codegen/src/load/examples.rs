//! Examples: each operation's, and parameter defaults, checked against the complete model once
//! every type is resolved.

use std::collections::BTreeMap;

use super::cx::Cx;
use crate::diag::Diagnostics;
use crate::model::{Example, Model, Pos, value_check};
use crate::syntax::format::OperationDef;

/// An operation's examples; each name once, and each with a request or a response.
pub(super) fn examples(op: &OperationDef, cx: &mut Cx) -> Vec<Example> {
    let mut examples = Vec::new();
    let mut seen: BTreeMap<&str, Pos> = BTreeMap::new();
    for e in &op.examples {
        let pos = cx.pos(&e.name);
        if let Some(first) = seen.get(e.name.as_str()) {
            let message = format!("duplicate example '{}' (first at {first})", e.name.value);
            cx.error(&e.name, message);
            continue;
        }
        seen.insert(&e.name, pos.clone());
        if e.request.is_none() && e.response.is_none() {
            let message = format!(
                "example '{}' has neither request nor response",
                e.name.value
            );
            cx.error(&e.name, message);
        }
        examples.push(Example {
            name: e.name.value.clone(),
            source: e.source.clone(),
            description: e.description.clone(),
            request: e.request.as_ref().map(|v| v.value.clone()),
            response: e.response.as_ref().map(|v| v.value.clone()),
            status: e.status.unwrap_or(200),
            corrections: e.corrections.clone(),
            pos,
        });
    }
    examples
}

/// Checks every parameter default and example against the complete model.
pub(super) fn check_examples(model: &Model, diags: &mut Diagnostics) {
    for op in model.operations() {
        for p in &op.params {
            let Some(d) = &p.default else { continue };
            let mut c = value_check::Checker::new(model);
            c.value(&p.ty, Some(p.wire()), d, &p.name, &p.constraints);
            for m in c.finish() {
                diags.error(
                    p.pos.clone(),
                    format!(
                        "default of parameter '{}' does not fit its type: {m}",
                        p.name
                    ),
                );
            }
        }
        for ex in &op.examples {
            let checks = [
                ("request", ex.request.as_ref()),
                ("response", ex.response.as_ref()),
            ];
            for (what, value) in checks {
                let Some(v) = value else { continue };
                let mut c = value_check::Checker::new(model);
                if what == "request" {
                    c.request(op, v);
                } else if ex.status / 100 == 2 {
                    c.response(op, v);
                } else {
                    continue;
                }
                for m in c.finish() {
                    diags.error(
                        ex.pos.clone(),
                        format!(
                            "example '{}' {what} does not match {}: {m}",
                            ex.name,
                            op.id()
                        ),
                    );
                }
            }
        }
    }
}
