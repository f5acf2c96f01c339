//! Raw spec files -> the resolved model. Every check reports and goes on, so one run reports
//! every problem; nothing here panics on any input.
//!
//! The passes: providers; every name (`names`), so references resolve in any order; named
//! types (`types`); interfaces and their operations (`operations`); then checks on the whole
//! model (`recursion`, `examples`).

mod names;
mod operations;
mod providers;
mod types;

use std::collections::{BTreeMap, BTreeSet};
use std::sync::Arc;

use super::cx::Cx;
use super::examples::check_examples;
use super::recursion::check_recursion;
use crate::diag::{Diagnostics, did_you_mean};
use crate::model::{Model, Provider};
use crate::syntax::format::{InterfaceFile, ProvidersFile};
use names::{InterfaceNames, OpNames, TypeNames};

/// A parsed interface file and its display path.
pub struct Parsed {
    pub file: Arc<str>,
    pub def: InterfaceFile,
}

pub fn resolve(
    providers: (&Arc<str>, ProvidersFile),
    files: Vec<Parsed>,
    diags: &mut Diagnostics,
) -> Model {
    let (providers_file, providers_def) = providers;
    let mut model = Model {
        providers: BTreeMap::new(),
        interfaces: BTreeMap::new(),
        types: BTreeMap::new(),
        files: std::iter::once(providers_file.to_string())
            .chain(files.iter().map(|f| f.file.to_string()))
            .collect(),
    };
    let mut cx = Cx::new(providers_file, diags);
    for (id, def) in providers_def.providers.iter() {
        if let Some(p) = providers::provider(id, def, &mut cx) {
            model.providers.insert(id.value.clone(), p);
        }
    }

    // Pass 1: interface names and every type name, so references can be resolved in any order.
    let op_names: Vec<Vec<OpNames>> = files
        .iter()
        .map(|f| OpNames::of_all(&f.def.operations))
        .collect();
    let mut names = TypeNames::default();
    let mut interfaces = InterfaceNames::default();
    for (f, ops) in files.iter().zip(&op_names) {
        let mut cx = Cx::new(&f.file, diags);
        names::declare(&f.def, ops, &mut names, &mut interfaces, &mut cx);
    }

    // Pass 2: named types.
    for f in &files {
        let mut cx = Cx::new(&f.file, diags);
        for (name, def) in f.def.types.iter() {
            if let Some(t) = types::named_type(&f.def.interface, name, def, &names, &mut cx) {
                model.types.entry(t.name.clone()).or_insert(t);
            }
        }
    }

    // Pass 3: interfaces and operations (inline response types join the model here).
    let defined: BTreeSet<&str> = providers_def
        .providers
        .iter()
        .map(|(id, _)| id.value.as_str())
        .collect();
    for (f, ops) in files.iter().zip(&op_names) {
        let mut cx = Cx::new(&f.file, diags);
        let Some(provider) = provider_of(f, &model, &defined, &mut cx) else {
            continue;
        };
        let scope = operations::Scope {
            def: &f.def,
            provider: &provider,
            names: &names,
        };
        let i = operations::interface(&scope, ops, &mut model, &mut cx);
        model.interfaces.entry(i.name.clone()).or_insert(i);
    }

    check_recursion(&model, diags);

    // Pass 4: examples, against the complete model.
    check_examples(&model, diags);
    model
}

/// The provider of an interface file; an unknown one is reported, but not one that is
/// defined with errors (reported already).
fn provider_of(
    f: &Parsed,
    model: &Model,
    defined: &BTreeSet<&str>,
    cx: &mut Cx,
) -> Option<Provider> {
    let id = &f.def.provider;
    if let Some(p) = model.providers.get(&id.value) {
        return Some(p.clone());
    }
    if !defined.contains(id.value.as_str()) {
        let known = model.providers.keys().map(String::as_str);
        let message = format!("unknown provider '{}'{}", id.value, did_you_mean(id, known));
        cx.error(id, message);
    }
    None
}
