//! Named types (structs and enums), their fields, and type expressions.

use std::collections::BTreeMap;

use super::names::TypeNames;
use crate::diag::did_you_mean;
use crate::load::constraints;
use crate::load::cx::Cx;
use crate::load::names;
use crate::model::{
    EnumLit, EnumRepr, EnumType, EnumValue, Field, MapKey, NamedType, Pos, Presence, Scalar,
    TypeKind, TypeRef, Wire,
};
use crate::syntax::format::{EnumDef, EnumValueDef, FieldDef, TypeDef};
use crate::syntax::ordered_map::OrderedMap;
use crate::syntax::pos::Sp;
use crate::syntax::typeexpr::{self, TypeExpr};

/// The most fields a struct may have: the generated `Deserialize` tracks the keys it has seen
/// in one `u64` (`codec::MAX_FIELDS` of the runtime).
const MAX_FIELDS: usize = 64;

/// Resolves a type expression; reports unknown names with a did-you-mean.
pub(super) fn type_ref(
    iface: &str,
    ty: &Sp<String>,
    names: &TypeNames,
    cx: &mut Cx,
) -> Option<TypeRef> {
    // Point inside the expression: plain scalars start at the node's column, quoted ones
    // (`"array<Player>"`, the node two characters longer than its text) one further.
    let quote = u32::from(ty.at.len as usize == ty.value.chars().count() + 2);
    let file = cx.file().clone();
    let at = |offset: usize| Pos::new(&file, ty.at.line, ty.at.col + quote + offset as u32);
    let expr = match typeexpr::parse(ty) {
        Ok(e) => e,
        Err(e) => {
            // The place says where; a huge expression is shown by its start.
            let shown: String = ty.value.chars().take(80).collect();
            let cut = if shown.len() < ty.value.len() {
                "…"
            } else {
                ""
            };
            cx.error_at(
                at(e.offset),
                format!("invalid type '{shown}{cut}': {}", e.message),
            );
            return None;
        }
    };
    let mut errs = Vec::new();
    let r = resolve_expr(&expr, iface, names, &mut |off, msg| errs.push((off, msg)));
    for (off, msg) in errs {
        cx.error_at(at(off), msg);
    }
    r
}

/// The type a parsed expression names; `report` takes each problem with its offset in the
/// expression.
fn resolve_expr(
    e: &TypeExpr,
    iface: &str,
    names: &TypeNames,
    report: &mut dyn FnMut(usize, String),
) -> Option<TypeRef> {
    match e {
        TypeExpr::Name(n, off) => {
            if let Some(s) = Scalar::from_name(n) {
                return Some(TypeRef::Scalar(s));
            }
            let Some((at, owner)) = names.defined.get(n) else {
                let hint = did_you_mean(n, names.candidates());
                report(*off, format!("unknown type '{n}'{hint}"));
                return None;
            };
            // Each interface is its own Rust module (and Cargo feature).
            if owner != iface {
                report(
                    *off,
                    format!(
                        "type '{n}' is defined in interface '{owner}' (at {at}); a type can only be used by the file that defines it"
                    ),
                );
                return None;
            }
            Some(TypeRef::Named(n.clone()))
        }
        TypeExpr::Array(inner) => Some(TypeRef::Array(Box::new(resolve_expr(
            inner, iface, names, report,
        )?))),
        TypeExpr::Map(key, value) => {
            let k = map_key(key.as_deref(), report)?;
            Some(TypeRef::Map(
                k,
                Box::new(resolve_expr(value, iface, names, report)?),
            ))
        }
    }
}

fn map_key(key: Option<&TypeExpr>, report: &mut dyn FnMut(usize, String)) -> Option<MapKey> {
    match key {
        None => Some(MapKey::String),
        Some(TypeExpr::Name(n, off)) => match n.as_str() {
            "string" => Some(MapKey::String),
            "uint32" => Some(MapKey::Uint32),
            "uint64" => Some(MapKey::Uint64),
            "steamid" => Some(MapKey::SteamId),
            _ => {
                report(
                    *off,
                    format!("map keys must be string, uint32, uint64 or steamid, not '{n}'"),
                );
                None
            }
        },
        Some(_) => {
            report(
                0,
                "map keys must be string, uint32, uint64 or steamid".into(),
            );
            None
        }
    }
}

pub(super) fn named_type(
    iface: &str,
    name: &Sp<String>,
    def: &TypeDef,
    names: &TypeNames,
    cx: &mut Cx,
) -> Option<NamedType> {
    let kind = match (&def.fields, &def.enumeration) {
        (Some(fields), None) => TypeKind::Struct(fields_of(iface, name, fields, names, cx)?),
        (None, Some(e)) => TypeKind::Enum(enum_type(name, e, cx)?),
        (Some(_), Some(_)) => {
            let message = format!("type '{}' has both 'fields' and 'enum'", name.value);
            cx.error(name, message);
            return None;
        }
        (None, None) => {
            cx.error(
                name,
                format!("type '{}' needs 'fields' or 'enum'", name.value),
            );
            return None;
        }
    };
    Some(NamedType {
        name: name.value.clone(),
        interface: iface.to_string(),
        description: def.description.clone(),
        notes: def.notes.clone(),
        kind,
        pos: cx.pos(name),
    })
}

/// The fields of the struct `owner`; `None` when any cannot be resolved.
pub(super) fn fields_of(
    iface: &str,
    owner: &Sp<String>,
    defs: &OrderedMap<FieldDef>,
    names: &TypeNames,
    cx: &mut Cx,
) -> Option<Vec<Field>> {
    let cp = cx.checkpoint();
    let mut out = Vec::new();
    if defs.len() > MAX_FIELDS {
        // The generated decoder keeps one bit per field (codec::MAX_FIELDS of the runtime).
        cx.error(
            owner,
            format!(
                "{} has {} fields, more than the {MAX_FIELDS} a generated type may have; group some into a nested type",
                owner.value,
                defs.len()
            ),
        );
    }
    let mut rust_seen: BTreeMap<String, (String, Pos)> = BTreeMap::new();
    let mut wire_seen: BTreeMap<&str, Pos> = BTreeMap::new();
    for (wire_name, def) in defs.iter() {
        let pos = cx.pos(wire_name);
        if let Some(first) = wire_seen.get(wire_name.as_str()) {
            let message = format!(
                "duplicate field '{}' in {} (first at {first})",
                wire_name.value, owner.value
            );
            cx.error(wire_name, message);
            continue;
        }
        wire_seen.insert(wire_name, pos.clone());
        let rust_name = cx.recover(|cx| rust_name_of(wire_name, def.rust_name.as_ref(), cx));
        if let Some((other, first)) = rust_seen.get(&rust_name) {
            cx.error(
                wire_name,
                format!(
                    "field '{}' and field '{other}' (at {first}) both become `{rust_name}` in Rust; set rust_name on one",
                    wire_name.value
                ),
            );
        } else {
            rust_seen.insert(rust_name.clone(), (wire_name.value.clone(), pos.clone()));
        }
        let Some(ty) = type_ref(iface, &def.ty, names, cx) else {
            continue;
        };
        let (wire, constraints) = cx.recover(|cx| {
            let wire = wire_of(&ty, def.wire.as_ref(), cx);
            (
                wire,
                constraints::resolve(def.constraints.as_ref(), &ty, cx),
            )
        });
        out.push(Field {
            name: wire_name.value.clone(),
            rust_name,
            ty,
            presence: Presence::of(
                def.optional.as_ref().is_some_and(|o| o.value),
                def.nullable.as_ref().is_some_and(|o| o.value),
            ),
            wire,
            description: def.description.clone(),
            constraints,
            notes: def.notes.clone(),
            pos,
        });
    }
    cx.clean_since(cp).then_some(out)
}

fn wire_of(ty: &TypeRef, w: Option<&Sp<Wire>>, cx: &mut Cx) -> Wire {
    let leaf = ty.leaf_scalar();
    match (w, leaf) {
        (Some(w), Some(Scalar::SteamId)) if w.value != Wire::String => {
            cx.error(
                w,
                "a steamid is always a string on the wire: JSON numbers lose precision above 2^53",
            );
            Wire::String
        }
        (Some(w), Some(s)) if s.is_numeric() => w.value,
        (Some(w), _) => {
            cx.error(
                w,
                format!("'wire' applies to numbers, not to {}", ty.display()),
            );
            Wire::Number
        }
        (None, Some(s)) => s.default_wire(),
        (None, None) => Wire::Number,
    }
}

/// The Rust name of a field or parameter: `over` when it is a valid identifier, else the
/// converted wire name.
pub(super) fn rust_name_of(wire: &Sp<String>, over: Option<&Sp<String>>, cx: &mut Cx) -> String {
    match over {
        Some(o) if names::is_valid_ident(o) => o.value.clone(),
        Some(o) => {
            let message = format!("rust_name '{}' is not a valid Rust identifier", o.value);
            cx.error(o, message);
            names::field_name(wire)
        }
        None => names::field_name(wire),
    }
}

fn enum_type(owner: &Sp<String>, def: &EnumDef, cx: &mut Cx) -> Option<EnumType> {
    let repr = def.repr.value;
    let open = def.open.as_ref().is_none_or(|o| o.value);
    if def.values.is_empty() {
        cx.error(owner, format!("enum '{}' has no values", owner.value));
        return None;
    }
    let cp = cx.checkpoint();
    let mut values = Vec::new();
    let mut seen_values: BTreeMap<EnumLit, Pos> = BTreeMap::new();
    let mut seen_names: BTreeMap<String, Pos> = BTreeMap::new();
    for v in &def.values {
        let pos = cx.pos(&v.value);
        let Some(lit) = enum_lit(v, repr, cx) else {
            continue;
        };
        if let Some(first) = seen_values.get(&lit) {
            let message = format!(
                "duplicate enum value {lit} in {} (first at {first})",
                owner.value
            );
            cx.error(&v.value, message);
            continue;
        }
        seen_values.insert(lit.clone(), pos.clone());
        let Some(rust_name) = variant_name(v, &lit, cx) else {
            continue;
        };
        if open && rust_name == "Unknown" {
            cx.error(
                &v.value,
                "variant name 'Unknown' is reserved for unknown values of open enums",
            );
        }
        if let Some(first) = seen_names.get(&rust_name) {
            let message = format!(
                "duplicate variant name '{rust_name}' in {} (first at {first})",
                owner.value
            );
            cx.error(&v.value, message);
            continue;
        }
        seen_names.insert(rust_name.clone(), pos.clone());
        values.push(EnumValue {
            rust_name,
            value: lit,
            description: v.description.clone(),
            pos,
        });
    }
    cx.clean_since(cp)
        .then_some(EnumType { repr, open, values })
}

/// An enum value as the literal of its `repr`.
fn enum_lit(v: &EnumValueDef, repr: EnumRepr, cx: &mut Cx) -> Option<EnumLit> {
    match (&v.value.value, repr) {
        (serde_json::Value::String(s), EnumRepr::String) => Some(EnumLit::Str(s.clone())),
        (serde_json::Value::Number(n), EnumRepr::Integer) => match n.as_i64() {
            Some(i) => Some(EnumLit::Int(i)),
            None if n.is_u64() => {
                let message =
                    format!("enum value {n} is too large (integer enums hold int64 values)");
                cx.error(&v.value, message);
                None
            }
            None => not_of_repr(v, repr, cx),
        },
        _ => not_of_repr(v, repr, cx),
    }
}

fn not_of_repr<T>(v: &EnumValueDef, repr: EnumRepr, cx: &mut Cx) -> Option<T> {
    let (want, repr) = match repr {
        EnumRepr::String => ("a string", "string"),
        EnumRepr::Integer => ("an integer", "integer"),
    };
    let message = format!("enum value {} is not {want} (repr: {repr})", v.value.value);
    cx.error(&v.value, message);
    None
}

/// A variant's Rust name: its `name`, or the string value converted; integer values need a
/// `name`. `None` when there is none to use.
fn variant_name(v: &EnumValueDef, lit: &EnumLit, cx: &mut Cx) -> Option<String> {
    match (&v.name, lit) {
        (Some(n), _) => {
            if !names::is_pascal_case(n) {
                cx.error(n, format!("variant name '{}' must be PascalCase", n.value));
            } else if names::is_not_raw(n) {
                let message = format!("variant name '{}' cannot be a Rust identifier", n.value);
                cx.error(n, message);
            }
            Some(n.value.clone())
        }
        (None, EnumLit::Str(s)) => Some(names::type_name(s)),
        (None, EnumLit::Int(i)) => {
            let message = format!("integer enum value {i} needs a 'name'");
            cx.error(&v.value, message);
            None
        }
    }
}
