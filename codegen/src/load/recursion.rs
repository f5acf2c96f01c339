//! Recursive struct types: a struct that holds itself by value, directly or through `Option`,
//! has no size in Rust (E0072), so the loader refuses it where the spec says it.

use std::collections::BTreeSet;

use crate::diag::Diagnostics;
use crate::model::*;

/// Reports struct types that contain themselves directly or through `Option` (E0072: infinite
/// size); arrays and maps hold their values behind a pointer, so they may recurse.
pub(super) fn check_recursion(model: &Model, diags: &mut Diagnostics) {
    for t in model.types.values() {
        let mut path = Vec::new();
        let mut visited = BTreeSet::new();
        // Each cycle once: from its first member in name order.
        if !leads_back(model, &t.name, &t.name, &mut visited, &mut path)
            || path.iter().any(|(owner, _)| *owner < t.name.as_str())
        {
            continue;
        }
        let chain: Vec<String> = path
            .iter()
            .map(|(owner, f)| format!("{owner}.{}", f.name))
            .collect();
        diags.error(
            path[0].1.pos.clone(),
            format!(
                "type '{}' contains itself ({} -> {}); recursive types are not supported",
                t.name,
                chain.join(" -> "),
                t.name
            ),
        );
    }
}

/// Whether a chain of struct fields of named types leads from `at` to `start`; `path` holds it.
fn leads_back<'m>(
    model: &'m Model,
    at: &str,
    start: &str,
    visited: &mut BTreeSet<&'m str>,
    path: &mut Vec<(&'m str, &'m Field)>,
) -> bool {
    let Some((name, TypeKind::Struct(fields))) =
        model.types.get_key_value(at).map(|(n, t)| (n, &t.kind))
    else {
        return false;
    };
    for f in fields {
        let TypeRef::Named(next) = &f.ty else {
            continue;
        };
        path.push((name.as_str(), f));
        if next == start
            || (visited.insert(next.as_str()) && leads_back(model, next, start, visited, path))
        {
            return true;
        }
        path.pop();
    }
    false
}
