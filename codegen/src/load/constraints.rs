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

/// A pattern must compile in Rust and stay within what ECMA-262 (ajv) and Python's `re` (via
/// jsonschema) read the same way: no lookaround or backreferences (Rust rejects those anyway), no
/// inline flags, no named groups (each dialect spells them its own way), no Unicode classes
/// beyond `\d \w \s`. Read off the parsed pattern, so an escaped `\(?` is a literal.
fn check_pattern(p: &str) -> Result<(), String> {
    regex_syntax::Parser::new()
        .parse(p)
        .map_err(|e| first_line(&e.to_string()))?;
    let ast = regex_syntax::ast::parse::Parser::new()
        .parse(p)
        .map_err(|e| first_line(&e.to_string()))?;
    match regex_syntax::ast::visit(&ast, NotPortable) {
        Ok(()) => Ok(()),
        Err(what) => Err(format!("{what} are not portable to JSON Schema validators")),
    }
}

/// Stops at the first construct JSON Schema validators read differently, naming it.
struct NotPortable;

impl regex_syntax::ast::Visitor for NotPortable {
    type Output = ();
    type Err = &'static str;

    fn finish(self) -> Result<(), &'static str> {
        Ok(())
    }

    fn visit_pre(&mut self, ast: &regex_syntax::ast::Ast) -> Result<(), &'static str> {
        use regex_syntax::ast::{Ast, GroupKind};
        match ast {
            Ast::Flags(_) => Err("inline flags"),
            Ast::ClassUnicode(_) => Err("Unicode classes"),
            Ast::Group(g) => match &g.kind {
                GroupKind::CaptureName { .. } => Err("named groups"),
                // `(?:…)` is portable; `(?i:…)` carries flags.
                GroupKind::NonCapturing(flags) if !flags.items.is_empty() => Err("inline flags"),
                _ => Ok(()),
            },
            _ => Ok(()),
        }
    }

    fn visit_class_set_item_pre(
        &mut self,
        item: &regex_syntax::ast::ClassSetItem,
    ) -> Result<(), &'static str> {
        match item {
            regex_syntax::ast::ClassSetItem::Unicode(_) => Err("Unicode classes"),
            _ => Ok(()),
        }
    }
}

fn first_line(s: &str) -> String {
    s.lines()
        .rev()
        .find(|l| l.starts_with("error:"))
        .map(|l| l.trim_start_matches("error:").trim().to_string())
        .unwrap_or_else(|| s.lines().next().unwrap_or("").to_string())
}

#[cfg(test)]
mod tests {
    use super::check_pattern;

    #[test]
    fn portable_patterns_pass() {
        for p in [
            "^[0-9]{17}$",
            "^(?:ab)+$",
            r"^\(?[0-9]{3}\)?$",
            "[(?]",
            r"^\d+\s\w*$",
            "(a|b)c",
        ] {
            assert_eq!(check_pattern(p), Ok(()), "{p}");
        }
    }

    #[test]
    fn patterns_read_differently_elsewhere_are_named() {
        for (p, what) in [
            ("(?i)^hub$", "inline flags"),
            ("^(?i:hub)$", "inline flags"),
            (r"^\p{L}+$", "Unicode classes"),
            (r"^[\P{L}x]+$", "Unicode classes"),
            ("(?P<id>[0-9]+)", "named groups"),
            ("(?<id>[0-9]+)", "named groups"),
        ] {
            assert_eq!(
                check_pattern(p),
                Err(format!("{what} are not portable to JSON Schema validators")),
                "{p}"
            );
        }
        assert!(check_pattern("(a").is_err());
    }
}
