//! Checks constraints against the type they constrain, and resolves them.

use super::cx::Cx;
use super::plain_int::check_plain_int;
use crate::model::{Constraints, Scalar, TypeRef};
use crate::syntax::format::ConstraintsDef;

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
pub(super) fn resolve(def: Option<&ConstraintsDef>, ty: &TypeRef, cx: &mut Cx) -> Constraints {
    let Some(def) = def else {
        return Constraints::default();
    };
    let sh = shape(ty);
    let tyname = ty.display();
    check_bounds(def, sh, &tyname, cx);
    check_lengths(def, sh, &tyname, cx);
    let mut out = Constraints {
        min: def.min.as_ref().map(|b| b.value),
        max: def.max.as_ref().map(|b| b.value),
        min_length: def.min_length.as_ref().map(|b| b.value),
        max_length: def.max_length.as_ref().map(|b| b.value),
        min_items: def.min_items.as_ref().map(|b| b.value),
        max_items: def.max_items.as_ref().map(|b| b.value),
        ..Constraints::default()
    };
    if let Some(p) = &def.pattern {
        if sh != Shape::Str {
            cx.error(p, format!("'pattern' applies to strings, not to {tyname}"));
        }
        match check_pattern(&p.value) {
            Ok(()) => out.pattern = Some(p.value.clone()),
            Err(e) => cx.error(p, format!("invalid pattern {:?}: {e}", p.value)),
        }
    }
    if let Some(items) = &def.items {
        match item_type(ty) {
            Some(inner) => {
                let c = resolve(Some(items), inner, cx);
                if !c.is_empty() {
                    out.items = Some(Box::new(c));
                }
            }
            None => cx.error(
                items,
                format!("'items' constraints apply to arrays and maps, not to {tyname}"),
            ),
        }
    }
    out
}

/// `min` and `max`: numbers only, inside the type's range, and in order.
fn check_bounds(def: &ConstraintsDef, sh: Shape, tyname: &str, cx: &mut Cx) {
    for (which, bound) in [("min", &def.min), ("max", &def.max)] {
        let Some(b) = bound else { continue };
        let outside = |lo: i128, hi: i128| {
            format!(
                "{which} {} is outside the range of {tyname} ({lo}..={hi})",
                b.value
            )
        };
        match sh {
            Shape::Int(lo, hi) => match b.value.as_int() {
                Some(v) if v < lo || v > hi => cx.error(b, outside(lo, hi)),
                Some(_) => {}
                // A whole number too large for i128 arrives as a float.
                None if b.value.as_f64().fract() == 0.0 => cx.error(b, outside(lo, hi)),
                None => cx.error(
                    b,
                    format!("{which} {} is not an integer, but {tyname} is", b.value),
                ),
            },
            Shape::Float => {}
            _ => cx.error(b, format!("'{which}' applies to numbers, not to {tyname}")),
        }
    }
    if let (Some(min), Some(max)) = (&def.min, &def.max)
        && min.value.as_f64() > max.value.as_f64()
    {
        cx.error(
            min,
            format!("min {} is greater than max {}", min.value, max.value),
        );
    }
}

/// Lengths (strings) and item counts (arrays and maps): plain numbers, on the right type, and
/// in order.
fn check_lengths(def: &ConstraintsDef, sh: Shape, tyname: &str, cx: &mut Cx) {
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
            let Some(b) = b else { continue };
            check_plain_int(name, b, cx);
            if sh != want {
                cx.error(b, format!("'{name}' applies to {words}, not to {tyname}"));
            }
        }
        if let (Some(l), Some(h)) = (lo, hi)
            && l.value > h.value
        {
            cx.error(
                l,
                format!(
                    "{lo_name} {} is greater than {hi_name} {}",
                    l.value, h.value
                ),
            );
        }
    }
}

/// A pattern must compile in Rust and stay within what ECMA-262 with the `u` flag (ajv) and
/// Python's `re` (via jsonschema) read the same way. Rust rejects lookaround and
/// backreferences itself; the rest is read off the parsed pattern (so an escaped `\(?` is a
/// literal), and the pattern is compiled as the generated client will compile it, size limit
/// included.
fn check_pattern(p: &str) -> Result<(), String> {
    regex_syntax::Parser::new()
        .parse(p)
        .map_err(|e| first_line(&e.to_string()))?;
    let ast = regex_syntax::ast::parse::Parser::new()
        .parse(p)
        .map_err(|e| first_line(&e.to_string()))?;
    regex_syntax::ast::visit(&ast, NotPortable)
        .map_err(|what| format!("{what} are not portable to JSON Schema validators"))?;
    regex::Regex::new(p)
        .map(drop)
        .map_err(|e| first_line(&e.to_string()))
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
        use regex_syntax::ast::{AssertionKind, Ast, GroupKind};
        match ast {
            Ast::Flags(_) => Err("inline flags"),
            Ast::ClassUnicode(_) => Err("Unicode classes"),
            Ast::Group(g) => match &g.kind {
                GroupKind::CaptureName { .. } => Err("named groups"),
                // `(?:…)` is portable; `(?i:…)` carries flags.
                GroupKind::NonCapturing(flags) if !flags.items.is_empty() => Err("inline flags"),
                _ => Ok(()),
            },
            // `^ $ \b \B` only: `\A`, `\z`, `\b{start}` and `\<` are Rust's own.
            Ast::Assertion(a) => match a.kind {
                AssertionKind::StartLine
                | AssertionKind::EndLine
                | AssertionKind::WordBoundary
                | AssertionKind::NotWordBoundary => Ok(()),
                _ => Err("assertions other than ^, $, \\b and \\B"),
            },
            // `x++`: a syntax error in ECMA-262.
            Ast::Repetition(r) if matches!(*r.ast, Ast::Repetition(_)) => {
                Err("repetitions of a repetition")
            }
            Ast::Literal(l) => literal(l),
            _ => Ok(()),
        }
    }

    fn visit_class_set_item_pre(
        &mut self,
        item: &regex_syntax::ast::ClassSetItem,
    ) -> Result<(), &'static str> {
        use regex_syntax::ast::ClassSetItem;
        match item {
            ClassSetItem::Unicode(_) => Err("Unicode classes"),
            ClassSetItem::Ascii(_) => Err("POSIX classes ([[:alpha:]])"),
            ClassSetItem::Bracketed(_) => Err("nested classes"),
            ClassSetItem::Literal(l) => literal(l),
            _ => Ok(()),
        }
    }

    fn visit_class_set_binary_op_pre(
        &mut self,
        _: &regex_syntax::ast::ClassSetBinaryOp,
    ) -> Result<(), &'static str> {
        Err("class set operations (--, &&, ~~)")
    }
}

/// Literals spelled in a way only Rust reads: `\x{41}`, `\U0001F600`, `\a`, escapes ECMA-262's
/// `u` mode refuses (`\%`, `\#`, `\&`, `\~`), and an unescaped `]`, `{` or `}`, which
/// ECMA-262 reads as a syntax error or, first in a class, as the end of an empty class.
fn literal(l: &regex_syntax::ast::Literal) -> Result<(), &'static str> {
    use regex_syntax::ast::{HexLiteralKind, LiteralKind, SpecialLiteralKind};
    match &l.kind {
        LiteralKind::HexBrace(_) | LiteralKind::HexFixed(HexLiteralKind::UnicodeLong) => {
            Err("escapes \\x{…} and \\U…")
        }
        LiteralKind::Special(SpecialLiteralKind::Bell | SpecialLiteralKind::Space) => {
            Err("escapes \\a and \\ (space)")
        }
        LiteralKind::Superfluous | LiteralKind::Octal => Err("escapes of ordinary characters"),
        LiteralKind::Meta if matches!(l.c, '#' | '&' | '~') => {
            Err("escapes of ordinary characters")
        }
        LiteralKind::Verbatim if matches!(l.c, ']' | '{' | '}') => {
            Err("unescaped brackets and braces")
        }
        _ => Ok(()),
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
            r"^v\.[0-9]+$",
            r"^\x41\u0041[\]\-]\t$",
            r"\bword\B",
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
            (r"\Aabc", "assertions other than ^, $, \\b and \\B"),
            (r"abc\z", "assertions other than ^, $, \\b and \\B"),
            ("[[:alpha:]]", "POSIX classes ([[:alpha:]])"),
            ("[a-z--b]", "class set operations (--, &&, ~~)"),
            ("[a&&b]", "class set operations (--, &&, ~~)"),
            ("[a[bc]]", "nested classes"),
            (r"\x{41}", "escapes \\x{…} and \\U…"),
            (r"\%", "escapes of ordinary characters"),
            (r"\#", "escapes of ordinary characters"),
            ("[]a]", "unescaped brackets and braces"),
            ("x++", "repetitions of a repetition"),
        ] {
            assert_eq!(
                check_pattern(p),
                Err(format!("{what} are not portable to JSON Schema validators")),
                "{p}"
            );
        }
        assert!(check_pattern("(a").is_err());
        // Parses, but compiles past the regex crate's size limit: the client could not use it.
        let err = check_pattern("(a{1000}){1000}").unwrap_err();
        assert!(err.contains("size limit"), "{err}");
    }
}
