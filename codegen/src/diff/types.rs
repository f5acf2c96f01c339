//! Named types: structs and their fields, enums and their values.

use std::collections::BTreeMap;

use super::{Change, Level, docs, push};
use crate::model::{EnumType, Field, Model, NamedType, Presence, TypeKind};

pub fn compare(old: &Model, new: &Model, out: &mut Vec<Change>) {
    for (name, t) in &old.types {
        if !new.types.contains_key(name) {
            let msg = format!("type {name} removed (its Rust type and schema are gone)");
            push(out, Level::Major, "type-removed", name, msg, &t.pos);
        }
    }
    for (name, n) in &new.types {
        match old.types.get(name) {
            None => {
                let msg = format!("type {name} added");
                push(out, Level::Minor, "type-added", name, msg, &n.pos);
            }
            Some(o) => named(name, o, n, out),
        }
    }
}

fn named(name: &str, o: &NamedType, n: &NamedType, out: &mut Vec<Change>) {
    docs(
        out,
        name,
        "the description",
        &o.description,
        &n.description,
        &n.pos,
    );
    docs(out, name, "the notes", &o.notes, &n.notes, &n.pos);
    match (&o.kind, &n.kind) {
        (TypeKind::Struct(a), TypeKind::Struct(b)) => fields(name, a, b, out),
        (TypeKind::Enum(a), TypeKind::Enum(b)) => values(name, a, b, &n.pos, out),
        _ => {
            let msg = format!("type {name} changed between struct and enum");
            push(out, Level::Major, "type-retyped", name, msg, &n.pos);
        }
    }
}

fn fields(name: &str, old: &[Field], new: &[Field], out: &mut Vec<Change>) {
    let index = |fs: &[Field]| -> BTreeMap<String, Field> {
        fs.iter().map(|f| (f.name.clone(), f.clone())).collect()
    };
    let (before, after) = (index(old), index(new));
    for (f, of) in &before {
        if !after.contains_key(f) {
            let msg = format!("field '{f}' removed from {name}");
            push(
                out,
                Level::Major,
                "field-removed",
                format!("{name}.{f}"),
                msg,
                &of.pos,
            );
        }
    }
    for (f, nf) in &after {
        let subject = format!("{name}.{f}");
        let Some(of) = before.get(f) else {
            let msg = format!("field '{f}' added to {name}");
            push(out, Level::Minor, "field-added", subject, msg, &nf.pos);
            continue;
        };
        if (&of.ty, of.wire) != (&nf.ty, nf.wire) {
            let msg = format!(
                "field '{f}' is now {} (was {})",
                nf.ty.display(),
                of.ty.display()
            );
            push(
                out,
                Level::Major,
                "field-retyped",
                subject.clone(),
                msg,
                &nf.pos,
            );
        }
        if of.presence != nf.presence {
            let word = |p: Presence| match p {
                Presence::Required => "required",
                Presence::Optional => "optional",
                Presence::Nullable => "nullable",
                Presence::OptionalNullable => "optional and nullable",
            };
            let msg = format!(
                "field '{f}' is now {} (was {}): its Rust type changes",
                word(nf.presence),
                word(of.presence)
            );
            push(
                out,
                Level::Major,
                "field-optionality-changed",
                subject.clone(),
                msg,
                &nf.pos,
            );
        }
        if of.rust_name != nf.rust_name {
            let msg = format!(
                "field '{f}' is now `{}` in Rust (was `{}`)",
                nf.rust_name, of.rust_name
            );
            push(
                out,
                Level::Major,
                "field-renamed",
                subject.clone(),
                msg,
                &nf.pos,
            );
        }
        docs(
            out,
            &subject,
            "the description",
            &of.description,
            &nf.description,
            &nf.pos,
        );
    }
}

fn values(
    name: &str,
    old: &EnumType,
    new: &EnumType,
    pos: &crate::syntax::pos::Pos,
    out: &mut Vec<Change>,
) {
    if old.repr != new.repr || old.open != new.open {
        let msg = format!("enum {name} changed its wire form or openness");
        push(out, Level::Major, "enum-retyped", name, msg, pos);
    }
    for ov in &old.values {
        match new.values.iter().find(|v| v.value == ov.value) {
            None => {
                let msg = format!(
                    "value {} ({}) removed from {name}",
                    ov.value.to_json(),
                    ov.rust_name
                );
                push(
                    out,
                    Level::Major,
                    "enum-value-removed",
                    format!("{name}.{}", ov.rust_name),
                    msg,
                    &ov.pos,
                );
            }
            Some(nv) if nv.rust_name != ov.rust_name => {
                let msg = format!(
                    "value {} of {name} is now `{}` (was `{}`)",
                    nv.value.to_json(),
                    nv.rust_name,
                    ov.rust_name
                );
                push(
                    out,
                    Level::Major,
                    "enum-value-renamed",
                    format!("{name}.{}", ov.rust_name),
                    msg,
                    &nv.pos,
                );
            }
            Some(nv) => docs(
                out,
                &format!("{name}.{}", nv.rust_name),
                "the description",
                &ov.description,
                &nv.description,
                &nv.pos,
            ),
        }
    }
    for nv in &new.values {
        if !old.values.iter().any(|v| v.value == nv.value) {
            let msg = format!(
                "value {} ({}) added to {name}",
                nv.value.to_json(),
                nv.rust_name
            );
            push(
                out,
                Level::Minor,
                "enum-value-added",
                format!("{name}.{}", nv.rust_name),
                msg,
                &nv.pos,
            );
        }
    }
}
