//! Checks a JSON value against a model type, reporting every mismatch with its JSON path.
//!
//! Used for the spec's examples (strict: every field must be described) and for recorded
//! responses (strict mode reports what the spec does not describe; that is response drift).

use std::collections::HashMap;
use std::fmt::Write as _;
use std::sync::{LazyLock, Mutex, PoisonError};

use serde_json::Value;

use super::{
    Constraints, EnumLit, MapKey, Model, NamedType, Operation, Scalar, TypeKind, TypeRef, Wire,
};

/// What kind of mismatch, so callers can filter (e.g. only unknown fields).
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord)]
pub enum MismatchKind {
    /// A field the spec does not describe.
    UnknownField,
    /// A required field or parameter that is absent.
    Missing,
    /// A value of the wrong JSON type or out of the type's range.
    WrongType,
    /// An enum value the spec does not list.
    UnknownEnumValue,
    /// A constraint (range, length, items, pattern) is violated.
    Constraint,
}

/// One place where a JSON value does not fit the model.
#[derive(Clone, Debug, PartialEq, Eq, PartialOrd, Ord)]
pub struct Mismatch {
    /// JSON path, e.g. `response.games[3].appid`.
    pub path: String,
    /// What kind of mismatch, for filtering.
    pub kind: MismatchKind,
    /// What is wrong, for people (the path is shown separately).
    pub message: String,
}

impl std::fmt::Display for Mismatch {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        let path = if self.path.is_empty() {
            "(root)"
        } else {
            &self.path
        };
        write!(f, "{path}: {}", self.message)
    }
}

/// Appends `.key` (or `["key"]` when the key is not a plain name) to a JSON path.
pub fn push_key(path: &str, key: &str) -> String {
    let plain = !key.is_empty()
        && key.chars().all(|c| c.is_ascii_alphanumeric() || c == '_')
        && !key.starts_with(|c: char| c.is_ascii_digit());
    match (path.is_empty(), plain) {
        (true, true) => key.to_string(),
        (false, true) => format!("{path}.{key}"),
        (_, false) => format!("{path}[{}]", Value::from(key)),
    }
}

fn push_index(path: &str, i: usize) -> String {
    format!("{path}[{i}]")
}

/// Checks values against one model.
pub struct Checker<'m> {
    model: &'m Model,
    out: Vec<Mismatch>,
    depth: usize,
}

/// Nesting limit: hostile input must not overflow the stack.
const MAX_DEPTH: usize = 128;

impl<'m> Checker<'m> {
    /// A checker for values of `model`'s types, with nothing found yet.
    pub fn new(model: &'m Model) -> Self {
        Checker {
            model,
            out: Vec::new(),
            depth: 0,
        }
    }

    /// Every mismatch found, sorted by path.
    pub fn finish(mut self) -> Vec<Mismatch> {
        self.out.sort();
        self.out
    }

    fn report(&mut self, path: &str, kind: MismatchKind, message: impl Into<String>) {
        self.out.push(Mismatch {
            path: path.to_string(),
            kind,
            message: message.into(),
        });
    }

    /// A whole response body, envelope included.
    pub fn response(&mut self, op: &Operation, body: &Value) {
        match &op.response.envelope {
            Some(env) => match body {
                Value::Object(map) => {
                    match map.get(env) {
                        Some(inner) => {
                            let p = push_key("", env);
                            self.value(&op.response.ty, None, inner, &p, &Constraints::default());
                        }
                        None => self.report(
                            "",
                            MismatchKind::Missing,
                            format!("missing envelope '{env}'"),
                        ),
                    }
                    for k in map.keys().filter(|k| *k != env) {
                        self.report(
                            &push_key("", k),
                            MismatchKind::UnknownField,
                            format!(
                                "field '{k}' is not described (the body should hold only '{env}')"
                            ),
                        );
                    }
                }
                other => self.report(
                    "",
                    MismatchKind::WrongType,
                    format!("expected an object with '{env}', found {}", describe(other)),
                ),
            },
            None => self.value(&op.response.ty, None, body, "", &Constraints::default()),
        }
    }

    /// A request's parameters as one JSON object (wire names).
    pub fn request(&mut self, op: &Operation, params: &Value) {
        let Value::Object(map) = params else {
            self.report(
                "",
                MismatchKind::WrongType,
                format!(
                    "expected an object of parameters, found {}",
                    describe(params)
                ),
            );
            return;
        };
        for p in &op.params {
            match map.get(&p.name) {
                Some(v) => self.value(&p.ty, None, v, &push_key("", &p.name), &p.constraints),
                None if !p.optional => self.report(
                    &push_key("", &p.name),
                    MismatchKind::Missing,
                    format!("required parameter '{}' is missing", p.name),
                ),
                None => {}
            }
        }
        for k in map.keys() {
            if !op.params.iter().any(|p| &p.name == k) {
                let names = op.params.iter().map(|p| p.name.as_str());
                self.report(
                    &push_key("", k),
                    MismatchKind::UnknownField,
                    format!(
                        "unknown parameter '{k}'{}",
                        crate::diag::did_you_mean(k, names)
                    ),
                );
            }
        }
    }

    /// One value of type `ty`. `wire` overrides how scalars are written (from a field).
    pub fn value(
        &mut self,
        ty: &TypeRef,
        wire: Option<Wire>,
        v: &Value,
        path: &str,
        c: &Constraints,
    ) {
        if self.depth >= MAX_DEPTH {
            self.report(path, MismatchKind::WrongType, "value nested too deeply");
            return;
        }
        self.depth += 1;
        match ty {
            TypeRef::Scalar(s) => self.scalar(*s, wire, v, path, c),
            TypeRef::Named(n) => match self.model.type_named(n) {
                Some(t) => self.named(t, v, path),
                None => self.report(path, MismatchKind::WrongType, format!("unknown type '{n}'")),
            },
            TypeRef::Array(item) => match v {
                Value::Array(items) => {
                    self.count(items.len(), path, c);
                    let ic = c.items.as_deref().cloned().unwrap_or_default();
                    for (i, x) in items.iter().enumerate() {
                        self.value(item, wire, x, &push_index(path, i), &ic);
                    }
                }
                other => self.report(
                    path,
                    MismatchKind::WrongType,
                    format!("expected an array, found {}", describe(other)),
                ),
            },
            TypeRef::Map(key, item) => match v {
                Value::Object(map) => {
                    self.count(map.len(), path, c);
                    let ic = c.items.as_deref().cloned().unwrap_or_default();
                    for (k, x) in map {
                        let p = push_key(path, k);
                        if !key_fits(*key, k) {
                            self.report(
                                &p,
                                MismatchKind::WrongType,
                                format!("map key '{k}' is not a {}", key.scalar().name()),
                            );
                        }
                        self.value(item, wire, x, &p, &ic);
                    }
                }
                other => self.report(
                    path,
                    MismatchKind::WrongType,
                    format!("expected an object, found {}", describe(other)),
                ),
            },
        }
        self.depth -= 1;
    }

    fn count(&mut self, n: usize, path: &str, c: &Constraints) {
        let n = n as u64;
        if let Some(min) = c.min_items.filter(|m| n < *m) {
            self.report(
                path,
                MismatchKind::Constraint,
                format!("{n} items, fewer than the minimum {min}"),
            );
        }
        if let Some(max) = c.max_items.filter(|m| n > *m) {
            self.report(
                path,
                MismatchKind::Constraint,
                format!("{n} items, more than the maximum {max}"),
            );
        }
    }

    fn named(&mut self, t: &NamedType, v: &Value, path: &str) {
        match &t.kind {
            TypeKind::Struct(fields) => {
                let Value::Object(map) = v else {
                    self.report(
                        path,
                        MismatchKind::WrongType,
                        format!("expected a {} object, found {}", t.name, describe(v)),
                    );
                    return;
                };
                for f in fields {
                    let p = push_key(path, &f.name);
                    match map.get(&f.name) {
                        Some(Value::Null) if f.presence.is_nullable() => {}
                        Some(Value::Null) => self.report(
                            &p,
                            MismatchKind::WrongType,
                            format!("'{}' is null but not nullable", f.name),
                        ),
                        Some(x) => self.value(&f.ty, Some(f.wire), x, &p, &f.constraints),
                        None if !f.presence.is_optional() => self.report(
                            &p,
                            MismatchKind::Missing,
                            format!("required field '{}' is missing", f.name),
                        ),
                        None => {}
                    }
                }
                for k in map.keys() {
                    if !fields.iter().any(|f| &f.name == k) {
                        let names = fields.iter().map(|f| f.name.as_str());
                        self.report(
                            &push_key(path, k),
                            MismatchKind::UnknownField,
                            format!(
                                "field '{k}' is not described in {}{}",
                                t.name,
                                crate::diag::did_you_mean(k, names)
                            ),
                        );
                    }
                }
            }
            TypeKind::Enum(e) => {
                let lit = match v {
                    Value::String(s) => Some(EnumLit::Str(s.clone())),
                    Value::Number(n) => n.as_i64().map(EnumLit::Int),
                    _ => None,
                };
                let ok_type = matches!(
                    (&lit, e.repr),
                    (Some(EnumLit::Str(_)), super::EnumRepr::String)
                        | (Some(EnumLit::Int(_)), super::EnumRepr::Integer)
                );
                if !ok_type {
                    let want = match e.repr {
                        super::EnumRepr::String => "a string",
                        super::EnumRepr::Integer => "an integer",
                    };
                    self.report(
                        path,
                        MismatchKind::WrongType,
                        format!("expected {want} ({}), found {}", t.name, describe(v)),
                    );
                } else if let Some(lit) = lit
                    && !e.values.iter().any(|x| x.value == lit)
                {
                    let mut known = String::new();
                    for (i, x) in e.values.iter().enumerate() {
                        let _ = write!(known, "{}{}", if i > 0 { ", " } else { "" }, x.value);
                    }
                    self.report(
                        path,
                        MismatchKind::UnknownEnumValue,
                        format!("{lit} is not a known {} value (known: {known})", t.name),
                    );
                }
            }
        }
    }

    fn scalar(&mut self, s: Scalar, wire: Option<Wire>, v: &Value, path: &str, c: &Constraints) {
        let wire = wire.unwrap_or(s.default_wire());
        let bad = |this: &mut Self, what: &str| {
            this.report(
                path,
                MismatchKind::WrongType,
                format!("expected {what}, found {}", describe(v)),
            )
        };
        match s {
            Scalar::Json => {}
            Scalar::Bool => {
                if !v.is_boolean() {
                    bad(self, "a boolean");
                }
            }
            Scalar::String => match v {
                Value::String(x) => self.string_constraints(x, path, c),
                _ => bad(self, "a string"),
            },
            Scalar::Float => {
                let n = match (v, wire) {
                    (Value::Number(n), Wire::Number | Wire::Either) => n.as_f64(),
                    (Value::String(x), Wire::String | Wire::Either) => {
                        x.trim().parse::<f64>().ok().filter(|f| f.is_finite())
                    }
                    _ => None,
                };
                match n {
                    Some(f) => self.range(f, path, c),
                    None => bad(self, &format!("a float {}", wire_words(wire))),
                }
            }
            _ => {
                let (lo, hi) = s.int_range().unwrap_or((0, 0));
                let n: Option<i128> = match (v, wire) {
                    (Value::Number(n), Wire::Number | Wire::Either) => n
                        .as_i64()
                        .map(i128::from)
                        .or_else(|| n.as_u64().map(i128::from)),
                    (Value::String(x), Wire::String | Wire::Either) if is_int_text(x) => {
                        x.parse::<i128>().ok()
                    }
                    _ => None,
                };
                match n {
                    Some(i) if i < lo || i > hi => {
                        bad(self, &format!("a {} (out of range {lo}..={hi})", s.name()))
                    }
                    Some(i) => self.range(i as f64, path, c),
                    None => bad(self, &format!("a {} {}", s.name(), wire_words(wire))),
                }
            }
        }
    }

    fn range(&mut self, x: f64, path: &str, c: &Constraints) {
        if let Some(min) = c.min.filter(|m| x < m.as_f64()) {
            self.report(
                path,
                MismatchKind::Constraint,
                format!("{x} is less than the minimum {min}"),
            );
        }
        if let Some(max) = c.max.filter(|m| x > m.as_f64()) {
            self.report(
                path,
                MismatchKind::Constraint,
                format!("{x} is greater than the maximum {max}"),
            );
        }
    }

    fn string_constraints(&mut self, s: &str, path: &str, c: &Constraints) {
        let n = s.chars().count() as u64;
        if let Some(min) = c.min_length.filter(|m| n < *m) {
            self.report(
                path,
                MismatchKind::Constraint,
                format!("{n} characters, fewer than the minimum {min}"),
            );
        }
        if let Some(max) = c.max_length.filter(|m| n > *m) {
            self.report(
                path,
                MismatchKind::Constraint,
                format!("{n} characters, more than the maximum {max}"),
            );
        }
        if let Some(p) = &c.pattern
            && compiled(p).is_some_and(|re| !re.is_match(s))
        {
            self.report(
                path,
                MismatchKind::Constraint,
                format!("{:?} does not match the pattern {p}", s),
            );
        }
    }
}

/// The compiled `pattern`, or `None` when it does not compile (the loader reports that at the
/// constraint). Compiled once per process: the same few patterns are checked against every
/// example and every recorded response, and compiling was a twentieth of loading the spec.
pub(crate) fn compiled(pattern: &str) -> Option<regex::Regex> {
    static CACHE: LazyLock<Mutex<HashMap<String, Option<regex::Regex>>>> =
        LazyLock::new(Mutex::default);
    let mut cache = CACHE.lock().unwrap_or_else(PoisonError::into_inner);
    if let Some(re) = cache.get(pattern) {
        return re.clone();
    }
    let re = regex::Regex::new(pattern).ok();
    cache.insert(pattern.to_owned(), re.clone());
    re
}

fn wire_words(w: Wire) -> &'static str {
    match w {
        Wire::Number => "as a JSON number",
        Wire::String => "as a string of digits",
        Wire::Either => "as a number or a numeric string",
    }
}

/// Whether `k` is a key of this kind: the client reads uint32 keys into `u32` and the others
/// into `u64`, so digits alone are not enough (`"4294967296"` is no uint32).
fn key_fits(key: MapKey, k: &str) -> bool {
    match key {
        MapKey::String => true,
        MapKey::Uint32 => is_digits(k) && k.parse::<u32>().is_ok(),
        MapKey::Uint64 | MapKey::SteamId => is_digits(k) && k.parse::<u64>().is_ok(),
    }
}

fn is_digits(s: &str) -> bool {
    !s.is_empty() && s.bytes().all(|b| b.is_ascii_digit())
}

fn is_int_text(s: &str) -> bool {
    let digits = s.strip_prefix('-').unwrap_or(s);
    is_digits(digits) && digits.len() <= 39
}

/// A short description of a JSON value for messages: `string "100"`, `number 5`, `an object`.
pub fn describe(v: &Value) -> String {
    match v {
        Value::Null => "null".into(),
        Value::Bool(b) => format!("boolean {b}"),
        Value::Number(n) => format!("number {n}"),
        Value::String(s) => {
            let short: String = s.chars().take(40).collect();
            if short.len() < s.len() {
                format!("string {short:?}...")
            } else {
                format!("string {s:?}")
            }
        }
        Value::Array(_) => "an array".into(),
        Value::Object(_) => "an object".into(),
    }
}

#[cfg(test)]
mod tests {
    use std::collections::BTreeMap;

    use super::*;
    use crate::model::Scalar;

    fn mismatches(values: &[&str], pattern: &str) -> Vec<String> {
        let model = Model {
            providers: BTreeMap::new(),
            interfaces: BTreeMap::new(),
            types: BTreeMap::new(),
            files: Vec::new(),
        };
        let c = Constraints {
            pattern: Some(pattern.into()),
            ..Constraints::default()
        };
        let mut checker = Checker::new(&model);
        for (i, v) in values.iter().enumerate() {
            let path = format!("v[{i}]");
            checker.value(
                &TypeRef::Scalar(Scalar::String),
                None,
                &Value::from(*v),
                &path,
                &c,
            );
        }
        checker.finish().into_iter().map(|m| m.path).collect()
    }

    /// Every value is checked against its pattern, the compiled one reused included; a pattern
    /// that does not compile checks nothing (the loader reports it at the constraint).
    #[test]
    fn map_keys_must_fit_their_type() {
        use super::key_fits;
        assert!(key_fits(MapKey::Uint32, "4294967295"));
        assert!(!key_fits(MapKey::Uint32, "4294967296"));
        assert!(key_fits(MapKey::Uint64, "18446744073709551615"));
        assert!(!key_fits(MapKey::SteamId, "18446744073709551616"));
        assert!(!key_fits(MapKey::Uint64, "-1"));
        assert!(!key_fits(MapKey::Uint32, ""));
        assert!(key_fits(MapKey::String, ""));
    }

    #[test]
    fn patterns_are_checked_every_time() {
        let values = ["#token", "plain", "#other", "neither"];
        assert_eq!(mismatches(&values, "^#.+$"), ["v[1]", "v[3]"]);
        assert_eq!(mismatches(&values, "^#.+$"), ["v[1]", "v[3]"]);
        assert_eq!(mismatches(&values, "^[a-z]+$"), ["v[0]", "v[2]"]);
        assert!(mismatches(&values, "(unclosed").is_empty());
    }
}
