//! Pass 3: interfaces and their operations. An operation resolves in four parts: where it is
//! sent (`endpoint`), what it takes (`parameters`, `rules`) and what comes back (`response`).

mod batch;
mod endpoint;
mod pages;
mod parameters;
mod response;
mod rules;

use std::collections::BTreeMap;

use super::names::{OpNames, TypeNames, case_clash};
use super::providers::error_model;
use crate::load::cx::Cx;
use crate::load::examples::examples;
use crate::load::names;
use crate::model::{
    ErrorModel, Field, Imported, Interface, Model, NamedType, Operation, Pos, Provider, Response,
    TypeKind, TypeRef,
};
use crate::syntax::format::{InterfaceFile, OperationDef};

/// What an interface's operations resolve against.
pub(super) struct Scope<'a> {
    /// The interface file.
    pub def: &'a InterfaceFile,
    /// Its provider.
    pub provider: &'a Provider,
    /// Every type name of the spec.
    pub names: &'a TypeNames,
}

/// The interface of one file, with the operations that resolve; inline response types join
/// `model`.
pub(super) fn interface(
    scope: &Scope,
    op_names: &[OpNames],
    model: &mut Model,
    cx: &mut Cx,
) -> Interface {
    let def = scope.def;
    let iface_errors = match &def.errors {
        Some(e) => error_model(e, cx),
        None => Some(scope.provider.errors.clone()),
    };
    let mut seen = Seen::default();
    let mut ops = Vec::new();
    for (op, names) in def.operations.iter().zip(op_names) {
        if !seen.operation(op, cx) {
            continue;
        }
        let resolved = operation(scope, iface_errors.as_ref(), op, names, &model.types, cx);
        let Some((o, inline)) = resolved else {
            continue;
        };
        if !seen.fn_name(&o, &o.fn_name, cx) {
            continue;
        }
        let extra = [o.batch_fn_name(), o.pages_fn_name()];
        if !extra
            .into_iter()
            .flatten()
            .all(|name| seen.fn_name(&o, &name, cx))
        {
            continue;
        }
        if let Some(t) = inline {
            model.types.entry(t.name.clone()).or_insert(t);
        }
        ops.push(o);
    }
    ops.sort_by(|a, b| (&a.method, a.version).cmp(&(&b.method, b.version)));
    let imported = def.imported.as_ref().map(|i| Imported {
        listing: i.listing.clone(),
        todo: i.todo.clone(),
    });
    let name = def.interface.value.clone();
    Interface {
        module: names::module_name(&name),
        name,
        provider: scope.provider.id.clone(),
        description: def.description.clone(),
        sources: def.sources.clone(),
        notes: def.notes.clone(),
        imported,
        operations: ops,
        file: cx.file().to_string(),
        pos: cx.pos(&def.interface),
    }
}

/// The operations of one interface seen so far, to report duplicates.
#[derive(Default)]
struct Seen {
    ids: BTreeMap<(String, u32), Pos>,
    lower: BTreeMap<(String, u32), (String, Pos)>,
    fn_names: BTreeMap<String, Pos>,
}

impl Seen {
    /// Records `op`; false when it duplicates an earlier one (reported, and left out).
    fn operation(&mut self, op: &OperationDef, cx: &mut Cx) -> bool {
        let pos = cx.pos(&op.method);
        let key = (op.method.value.clone(), op.version.value);
        if let Some(first) = self.ids.get(&key) {
            let message = format!(
                "duplicate operation {}/v{} (first at {first})",
                op.method.value, op.version.value
            );
            cx.error(&op.method, message);
            return false;
        }
        self.ids.insert(key, pos.clone());
        let lower = (op.method.to_ascii_lowercase(), op.version.value);
        if let Some((other, first)) = self.lower.get(&lower) {
            let message = case_clash("method", &op.method, other, first, "schema files");
            cx.error(&op.method, message);
        }
        self.lower.insert(lower, (op.method.value.clone(), pos));
        true
    }

    /// Records `name`, a method of `o` on the accessor struct; false when it cannot be used.
    fn fn_name(&mut self, o: &Operation, name: &str, cx: &mut Cx) -> bool {
        if name == names::CONSTRUCTOR {
            cx.error_at(
                o.pos.clone(),
                format!("operation method name `new` clashes with the constructor `{}::new`; rename the method", o.interface),
            );
            return false;
        }
        if let Some(first) = self.fn_names.get(name) {
            let message =
                format!("operation method name `{name}` is used twice (first at {first})");
            cx.error_at(o.pos.clone(), message);
            return false;
        }
        self.fn_names.insert(name.to_owned(), o.pos.clone());
        true
    }
}

/// One operation, and its inline response type if it has one; `None` when any part of it has
/// an error.
fn operation(
    scope: &Scope,
    iface_errors: Option<&ErrorModel>,
    op: &OperationDef,
    names: &OpNames,
    types: &BTreeMap<String, NamedType>,
    cx: &mut Cx,
) -> Option<(Operation, Option<NamedType>)> {
    let cp = cx.checkpoint();
    let endpoint = endpoint::resolve(scope, op, cx);
    let params = parameters::resolve(scope, op, endpoint.input, cx);
    let rules = rules::resolve(op, &params, cx);
    let (response, inline) = response::resolve(scope, op, names, cx);
    let errors = match &op.errors {
        Some(e) => error_model(e, cx),
        None => iface_errors.cloned(),
    };
    let examples = examples(op, cx);
    let fields = response
        .as_ref()
        .and_then(|r| response_fields(r, types, inline.as_ref()));
    let batch = (op.batch.as_ref()).and_then(|def| batch::resolve(def, &params, fields, cx));
    let pages = (op.pages.as_ref()).and_then(|def| pages::resolve(def, &params, fields, cx));
    let (Some(response), Some(errors), true) = (response, errors, cx.clean_since(cp)) else {
        return None;
    };
    let operation = Operation {
        interface: scope.def.interface.value.clone(),
        provider: scope.provider.id.clone(),
        method: op.method.value.clone(),
        version: op.version.value,
        http: op.http.value,
        host: endpoint.host,
        path: endpoint.path,
        visibility: endpoint.visibility,
        status: endpoint.status,
        auth: endpoint.auth,
        imported: op
            .imported
            .as_ref()
            .map(|l| l.value.clone())
            .or_else(|| scope.def.imported.as_ref().map(|i| i.listing.clone())),
        description: op.description.value.clone(),
        listing_description: op.listing_description.clone(),
        notes: op.notes.clone(),
        input: endpoint.input,
        params,
        rules,
        request_type: names.request.value.clone(),
        response,
        errors,
        examples,
        fn_name: names.fn_name.clone(),
        batch,
        pages,
        pos: cx.pos(&op.method),
    };
    Some((operation, inline))
}

/// The fields of the response's struct, if it is one.
fn response_fields<'a>(
    response: &Response,
    types: &'a BTreeMap<String, NamedType>,
    inline: Option<&'a NamedType>,
) -> Option<&'a [Field]> {
    let TypeRef::Named(name) = &response.ty else {
        return None;
    };
    let t = inline
        .filter(|t| t.name == *name)
        .or_else(|| types.get(name))?;
    match &t.kind {
        TypeKind::Struct(fields) => Some(fields),
        TypeKind::Enum(_) => None,
    }
}
