//! Operations and their parameters.

use std::collections::BTreeMap;

use super::{Change, Level, docs, push};
use crate::model::{Model, Operation, Param};

pub fn compare(old: &Model, new: &Model, out: &mut Vec<Change>) {
    let index = |m: &'_ Model| -> BTreeMap<String, Operation> {
        m.operations().map(|o| (o.id(), o.clone())).collect()
    };
    let (before, after) = (index(old), index(new));
    for (id, o) in &before {
        if !after.contains_key(id) {
            let msg = format!(
                "operation {id} removed (its client method `{}` is gone)",
                o.fn_name
            );
            push(out, Level::Major, "operation-removed", id, msg, &o.pos);
        }
    }
    for (id, n) in &after {
        match before.get(id) {
            None => {
                let msg = format!("operation {id} added (client method `{}`)", n.fn_name);
                push(out, Level::Minor, "operation-added", id, msg, &n.pos);
            }
            Some(o) => operation(id, o, n, out),
        }
    }
}

fn operation(id: &str, o: &Operation, n: &Operation, out: &mut Vec<Change>) {
    let moved = (o.http, &o.host, &o.path) != (n.http, &n.host, &n.path);
    if moved {
        let msg = format!(
            "{id} now calls {:?} {}{} (was {:?} {}{})",
            n.http, n.host, n.path, o.http, o.host, o.path
        );
        push(out, Level::Major, "operation-moved", id, msg, &n.pos);
    }
    if o.response.ty != n.response.ty || o.response.envelope != n.response.envelope {
        let msg = format!(
            "the response of {id} is now {} (was {})",
            n.response.ty.display(),
            o.response.ty.display()
        );
        push(out, Level::Major, "response-retyped", id, msg, &n.pos);
    }
    if o.fn_name != n.fn_name || o.request_type != n.request_type {
        let msg = format!(
            "the client names changed: `{}`/{} (was `{}`/{})",
            n.fn_name, n.request_type, o.fn_name, o.request_type
        );
        push(out, Level::Major, "operation-renamed", id, msg, &n.pos);
    }
    docs(
        out,
        id,
        "the description",
        &o.description,
        &n.description,
        &n.pos,
    );
    docs(out, id, "the notes", &o.notes, &n.notes, &n.pos);
    let by_name = |ps: &[Param]| -> BTreeMap<String, Param> {
        ps.iter().map(|p| (p.name.clone(), p.clone())).collect()
    };
    let (before, after) = (by_name(&o.params), by_name(&n.params));
    for (name, p) in &before {
        if !after.contains_key(name) {
            let subject = format!("{id}/{name}");
            let msg = format!(
                "parameter '{name}' removed (request field `{}`)",
                p.rust_name
            );
            push(out, Level::Major, "parameter-removed", subject, msg, &n.pos);
        }
    }
    for (name, np) in &after {
        let subject = format!("{id}/{name}");
        match before.get(name) {
            None if np.optional => {
                let msg = format!("optional parameter '{name}' added");
                push(out, Level::Minor, "parameter-added", subject, msg, &np.pos);
            }
            None => {
                let msg = format!("required parameter '{name}' added: every caller must set it");
                push(out, Level::Major, "parameter-added", subject, msg, &np.pos);
            }
            Some(op) => parameter(&subject, op, np, out),
        }
    }
}

fn parameter(subject: &str, o: &Param, n: &Param, out: &mut Vec<Change>) {
    let name = &n.name;
    if o.ty != n.ty || o.encoding != n.encoding {
        let msg = format!(
            "parameter '{name}' is now {} (was {})",
            n.ty.display(),
            o.ty.display()
        );
        push(out, Level::Major, "parameter-retyped", subject, msg, &n.pos);
    }
    if o.optional && !n.optional {
        let msg = format!("parameter '{name}' is now required");
        push(
            out,
            Level::Major,
            "parameter-required",
            subject,
            msg,
            &n.pos,
        );
    }
    if !o.optional && n.optional {
        // The schema accepts more; the Rust field turns from T into Option<T>.
        let msg = format!(
            "parameter '{name}' is now optional (the request field `{}` becomes an Option)",
            n.rust_name
        );
        push(
            out,
            Level::Major,
            "parameter-optional",
            subject,
            msg,
            &n.pos,
        );
    }
    if o.constraints != n.constraints {
        let msg = format!("the constraints of parameter '{name}' changed");
        push(
            out,
            Level::Major,
            "parameter-constraints-changed",
            subject,
            msg,
            &n.pos,
        );
    }
    if o.rust_name != n.rust_name {
        let msg = format!(
            "the request field of '{name}' is now `{}` (was `{}`)",
            n.rust_name, o.rust_name
        );
        push(out, Level::Major, "parameter-renamed", subject, msg, &n.pos);
    }
    docs(
        out,
        subject,
        "the description",
        &o.description,
        &n.description,
        &n.pos,
    );
    docs(out, subject, "the notes", &o.notes, &n.notes, &n.pos);
}
