//! Checks constraints against the type they constrain, and resolves them.

use std::sync::Arc;

use crate::diag::Diagnostics;
use crate::model::{Constraints, Scalar, TypeRef};
use crate::spec::format::ConstraintsDef;

/// What a constrained type is, as far as constraints care.
#[derive(Clone, Copy, PartialEq)]
enum Shape {
    Int(i128, i128),
    Float,
    Str,
    Collection,
    Other,
}

fn shape(ty: &TypeRef) -> Shape {
    match ty {
        TypeRef::Scalar(Scalar::String) => Shape::Str,
        TypeRef::Scalar(Scalar::Float) => Shape::Float,
        TypeRef::Scalar(s) => match s.int_range() {
            Some((lo, hi)) => Shape::Int(lo, hi),
            None => Shape::Other,
        },
        TypeRef::Array(_) | TypeRef::Map(..) => Shape::Collection,
        // Named types carry their own constraints on their fields.
        TypeRef::Named(_) => Shape::Other,
    }
}

fn item_type(ty: &TypeRef) -> Option<&TypeRef> {
    match ty {
        TypeRef::Array(t) | TypeRef::Map(_, t) => Some(t),
        _ => None,
    }
}

/// Checks `def` against `ty` and returns the resolved constraints.
pub fn resolve(
    def: Option<&ConstraintsDef>,
    ty: &TypeRef,
    file: &Arc<str>,
    diags: &mut Diagnostics,
) -> Constraints {
    let Some(def) = def else {
        return Constraints::default();
    };
    let sh = shape(ty);
    let tyname = ty.display();
    let mut out = Constraints::default();

    // Numeric bounds.
    for (which, bound) in [("min", &def.min), ("max", &def.max)] {
        let Some(b) = bound else { continue };
        let pos = b.pos(file);
        match sh {
            Shape::Int(lo, hi) => match b.value.as_int() {
                Some(v) if v < lo || v > hi => diags.error(
                    pos,
                    format!(
                        "{which} {} is outside the range of {tyname} ({lo}..={hi})",
                        b.value
                    ),
                ),
                Some(_) => {}
                // A whole number too large for i128 arrives as a float.
                None if b.value.as_f64().fract() == 0.0 => diags.error(
                    pos,
                    format!(
                        "{which} {} is outside the range of {tyname} ({lo}..={hi})",
                        b.value
                    ),
                ),
                None => diags.error(
                    pos,
                    format!("{which} {} is not an integer, but {tyname} is", b.value),
                ),
            },
            Shape::Float => {}
            _ => diags.error(
                pos,
                format!("'{which}' applies to numbers, not to {tyname}"),
            ),
        }
    }
    if let (Some(min), Some(max)) = (&def.min, &def.max)
        && min.value.as_f64() > max.value.as_f64()
    {
        diags.error(
            min.pos(file),
            format!("min {} is greater than max {}", min.value, max.value),
        );
    }
    out.min = def.min.as_ref().map(|b| b.value);
    out.max = def.max.as_ref().map(|b| b.value);

    // Lengths and item counts.
    let pairs = [
        (
            "min_length",
            "max_length",
            &def.min_length,
            &def.max_length,
            Shape::Str,
            "strings",
        ),
        (
            "min_items",
            "max_items",
            &def.min_items,
            &def.max_items,
            Shape::Collection,
            "arrays and maps",
        ),
    ];
    for (lo_name, hi_name, lo, hi, want, words) in pairs {
        for (name, b) in [(lo_name, lo), (hi_name, hi)] {
            if let Some(b) = b
                && sh != want
            {
                diags.error(
                    b.pos(file),
                    format!("'{name}' applies to {words}, not to {tyname}"),
                );
            }
        }
        if let (Some(l), Some(h)) = (lo, hi)
            && l.value > h.value
        {
            diags.error(
                l.pos(file),
                format!(
                    "{lo_name} {} is greater than {hi_name} {}",
                    l.value, h.value
                ),
            );
        }
    }
    out.min_length = def.min_length.as_ref().map(|b| b.value);
    out.max_length = def.max_length.as_ref().map(|b| b.value);
    out.min_items = def.min_items.as_ref().map(|b| b.value);
    out.max_items = def.max_items.as_ref().map(|b| b.value);

    if let Some(p) = &def.pattern {
        if sh != Shape::Str {
            diags.error(
                p.pos(file),
                format!("'pattern' applies to strings, not to {tyname}"),
            );
        }
        match check_pattern(&p.value) {
            Ok(()) => out.pattern = Some(p.value.clone()),
            Err(e) => diags.error(p.pos(file), format!("invalid pattern {:?}: {e}", p.value)),
        }
    }

    if let Some(items) = &def.items {
        match item_type(ty) {
            Some(inner) => {
                let c = resolve(Some(items), inner, file, diags);
                if !c.is_empty() {
                    out.items = Some(Box::new(c));
                }
            }
            None => diags.error(
                items.pos(file),
                format!("'items' constraints apply to arrays and maps, not to {tyname}"),
            ),
        }
    }
    out
}

/// A pattern must compile in Rust and stay within what ECMA-262 (ajv, Python's `re` via
/// jsonschema) reads the same way: no lookaround or backreferences (Rust rejects those
/// anyway), no Unicode classes beyond `\d \w \s`.
fn check_pattern(p: &str) -> Result<(), String> {
    regex_syntax::Parser::new()
        .parse(p)
        .map_err(|e| first_line(&e.to_string()))?;
    // Non-capturing groups are portable; inline flags and Unicode classes are not.
    let flags = p
        .match_indices("(?")
        .any(|(i, _)| !p[i + 2..].starts_with(':'));
    if p.contains("\\p{") || p.contains("\\P{") || flags {
        return Err(
            "Unicode classes and inline flags are not portable to JSON Schema validators".into(),
        );
    }
    Ok(())
}

fn first_line(s: &str) -> String {
    s.lines()
        .rev()
        .find(|l| l.starts_with("error:"))
        .map(|l| l.trim_start_matches("error:").trim().to_string())
        .unwrap_or_else(|| s.lines().next().unwrap_or("").to_string())
}
