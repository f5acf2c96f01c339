//! Pass 1: every name the spec defines (interfaces, named types, the request and response types
//! and method names made from operations), so references resolve in any order and clashes in
//! the generated code are reported where the spec makes them.

use std::collections::{BTreeMap, BTreeSet};

use crate::load::cx::Cx;
use crate::load::names;
use crate::model::{Pos, Scalar};
use crate::syntax::format::{InterfaceFile, OperationDef};
use crate::syntax::pos::Sp;

/// Declares one interface file's names: its interface, its types and its operations' types.
pub(super) fn declare(
    def: &InterfaceFile,
    ops: &[OpNames],
    types: &mut TypeNames,
    interfaces: &mut InterfaceNames,
    cx: &mut Cx,
) {
    let iface = &def.interface;
    interfaces.define(iface, cx);
    if let Some(file_name) = file_name_mismatch(cx.file(), &iface.value) {
        let message = format!(
            "file name '{file_name}' does not match interface '{}'",
            iface.value
        );
        cx.warning(iface, message);
    }
    for (name, def) in def.types.iter() {
        check_type_name(name, cx);
        types.define(name, iface, cx);
        if def.enumeration.is_some() {
            types.enums.insert(name.value.clone());
        }
    }
    let mut op_seen = BTreeSet::new();
    for (op, names) in def.operations.iter().zip(ops) {
        // A duplicated operation is reported once, in pass 3, not again as its types.
        if !op_seen.insert((op.method.value.as_str(), op.version.value)) {
            continue;
        }
        if let Some(resp) = &names.response {
            types.define(resp, iface, cx);
        }
        types.define_request(&names.request, iface, cx);
    }
}

/// The names made from one operation, computed once for every pass.
pub(super) struct OpNames {
    /// The generated request type, placed at the method name.
    pub request: Sp<String>,
    /// The inline response type, when the response defines fields.
    pub response: Option<Sp<String>>,
    /// The method on the interface's accessor struct.
    pub fn_name: String,
}

impl OpNames {
    /// The names of each of an interface's operations, in order. A method with several
    /// versions gets the version in every name made from it.
    pub fn of_all(ops: &[OperationDef]) -> Vec<OpNames> {
        ops.iter().map(|op| OpNames::of(op, ops)).collect()
    }

    fn of(op: &OperationDef, all: &[OperationDef]) -> OpNames {
        let several = all
            .iter()
            .filter(|o| o.method.value == op.method.value)
            .count()
            > 1;
        // Method names are PascalCase as a rule; listings also hold `snake_case` ones.
        let method = if names::is_pascal_case(&op.method) {
            op.method.value.clone()
        } else {
            names::type_name(&op.method)
        };
        let (base, fn_name) = if several {
            let v = op.version.value;
            (
                format!("{method}V{v}"),
                format!("{}_v{v}", names::field_name(&op.method)),
            )
        } else {
            (method, names::field_name(&op.method))
        };
        let response = op
            .response
            .fields
            .as_ref()
            .map(|_| match &op.response.name {
                Some(n) => n.clone(),
                None => Sp::new(format!("{base}Response"), op.method.at),
            });
        OpNames {
            request: Sp::new(format!("{base}Request"), op.method.at),
            response,
            fn_name,
        }
    }
}

/// Every interface name, and the names made from it: its module (`src/api/<module>.rs`), its
/// Cargo feature and its accessor method on the client.
#[derive(Default)]
pub(super) struct InterfaceNames {
    exact: BTreeMap<String, Pos>,
    /// By lowercase name: `schemas/operations/<Interface>/` is a folder per interface.
    lower: BTreeMap<String, (String, Pos)>,
    modules: BTreeMap<String, (String, Pos)>,
}

impl InterfaceNames {
    fn define(&mut self, iface: &Sp<String>, cx: &mut Cx) {
        let pos = cx.pos(iface);
        let name = iface.value.as_str();
        if !names::is_api_name(name) {
            cx.error(iface, format!("invalid interface name '{name}'"));
            return;
        }
        if let Some(first) = self.exact.get(name) {
            let message = format!("duplicate interface '{name}' (first defined at {first})");
            cx.error(iface, message);
            return;
        }
        self.exact.insert(name.to_string(), pos.clone());
        let module = names::module_name(name);
        if let Some(problem) = interface_name_clash(name, &module) {
            cx.error(iface, problem);
        }
        if let Some((other, first)) = self.modules.get(&module) {
            cx.error(
                iface,
                format!("interface '{name}' and interface '{other}' (at {first}) both become module `{module}` (src/api/{module}.rs); rename one"),
            );
            return;
        }
        self.modules.insert(module, (name.to_string(), pos.clone()));
        let lower = name.to_ascii_lowercase();
        if let Some((other, first)) = self.lower.get(&lower) {
            let message = case_clash("interface", name, other, first, "schema folders");
            cx.error(iface, message);
            return;
        }
        self.lower.insert(lower, (name.to_string(), pos));
    }
}

/// Two names of one kind that differ only in case: the files made from them (`what`) would be
/// one on a case-insensitive file system.
pub(super) fn case_clash(kind: &str, name: &str, other: &str, first: &Pos, what: &str) -> String {
    format!(
        "{kind} '{name}' and {kind} '{other}' (at {first}) differ only in case: their {what} would \
         be one on a case-insensitive file system"
    )
}

/// Why code made from an interface's name would not build, if it would not.
fn interface_name_clash(name: &str, module: &str) -> Option<String> {
    let lower = name.to_ascii_lowercase();
    if names::is_not_raw(name) {
        // The accessor struct is named as the interface.
        Some(format!(
            "interface name '{name}' cannot be a Rust identifier"
        ))
    } else if names::CRATE_FEATURES.contains(&lower.as_str()) {
        Some(format!(
            "interface '{name}' clashes with the crate's own Cargo feature `{lower}` (each interface is a feature); rename the interface"
        ))
    } else if names::CLIENT_METHODS.contains(&module) {
        Some(format!(
            "interface '{name}' would get the accessor `Client::{module}()`, which clashes with the client's own `{module}()`; rename the interface"
        ))
    } else if names::CRATE_ROOT_ITEMS.contains(&module) {
        Some(format!(
            "interface '{name}' would get module `{module}`, which the crate's own `steam_webapi::{module}` hides; rename the interface"
        ))
    } else {
        None
    }
}

/// Type names are written as Rust names as they are: PascalCase, and never `Self`.
pub(super) fn check_type_name(name: &Sp<String>, cx: &mut Cx) {
    if !names::is_pascal_case(name) {
        let message = format!(
            "type name '{}' must be PascalCase (e.g. '{}')",
            name.value,
            names::type_name(name)
        );
        cx.error(name, message);
    } else if names::is_not_raw(name) {
        cx.error(
            name,
            format!("type name '{}' cannot be a Rust identifier", name.value),
        );
    }
}

/// Every type name defined anywhere, with where and in which interface.
#[derive(Default)]
pub(super) struct TypeNames {
    /// Named and inline response types: unique across the spec (each has a schema file).
    pub defined: BTreeMap<String, (Pos, String)>,
    /// Request types live only in their interface's Rust module: unique per interface.
    requests: BTreeMap<(String, String), Pos>,
    /// Names of enum types (query parameters may be enums, not structs).
    pub enums: BTreeSet<String>,
    /// Rust names, to catch names that differ only in case conversion.
    rust: BTreeMap<String, (String, Pos)>,
    /// Lowercase names: `schemas/types/<Name>.json` must stay apart on a case-insensitive
    /// file system.
    lower: BTreeMap<String, (String, Pos)>,
}

impl TypeNames {
    fn define(&mut self, name: &Sp<String>, iface: &str, cx: &mut Cx) {
        let pos = cx.pos(name);
        if let Some(s) = Scalar::from_name(name) {
            cx.error(name, format!("type name '{}' is a builtin type", s.name()));
            return;
        }
        if matches!(name.as_str(), "array" | "map") {
            cx.error(name, format!("type name '{}' is reserved", name.value));
            return;
        }
        if let Some((first, _)) = self.defined.get(&name.value) {
            let message = format!("duplicate type '{}' (first defined at {first})", name.value);
            cx.error(name, message);
            return;
        }
        check_not_interface(name, iface, cx);
        let rust = names::type_name(name);
        let lower = name.to_ascii_lowercase();
        if let Some((other, first)) = self.rust.get(&rust) {
            let message = format!(
                "type '{}' and type '{other}' (at {first}) both become `{rust}` in Rust",
                name.value
            );
            cx.error(name, message);
        } else if let Some((other, first)) = self.lower.get(&lower) {
            cx.error(name, case_clash("type", name, other, first, "schema files"));
        } else {
            self.rust.insert(rust, (name.value.clone(), pos.clone()));
            self.lower.insert(lower, (name.value.clone(), pos.clone()));
        }
        self.defined
            .insert(name.value.clone(), (pos, iface.to_string()));
    }

    /// A generated request type: it must not clash with its interface's other types.
    fn define_request(&mut self, name: &Sp<String>, iface: &str, cx: &mut Cx) {
        check_not_interface(name, iface, cx);
        if let Some((first, owner)) = self.defined.get(&name.value)
            && owner == iface
        {
            cx.error(
                name,
                format!("the request type '{}' of this operation clashes with the type defined at {first}", name.value),
            );
            return;
        }
        let key = (iface.to_string(), name.value.clone());
        if let Some(first) = self.requests.get(&key) {
            cx.error(
                name,
                format!("the operation at {first} generates the same request type `{}`; rename one method", name.value),
            );
            return;
        }
        self.requests.insert(key, cx.pos(name));
    }

    /// Every name a type reference may use, for did-you-mean hints.
    pub fn candidates(&self) -> impl Iterator<Item = &str> {
        self.defined
            .keys()
            .map(String::as_str)
            .chain(Scalar::ALL.iter().map(|s| s.name()))
    }
}

/// A type named as its interface would be a second item `<Interface>` in the interface's module,
/// next to the accessor struct.
fn check_not_interface(name: &Sp<String>, iface: &str, cx: &mut Cx) {
    if name.value == iface {
        cx.error(
            name,
            format!("type '{}' has the name of its interface, whose accessor struct is named so too; rename the type", name.value),
        );
    }
}

/// The file's name when it is not the interface's name with `.yaml` or `.yml` (the loader reads
/// both); `None` when it matches.
fn file_name_mismatch<'f>(file: &'f str, interface: &str) -> Option<&'f str> {
    let file_name = file.rsplit(['/', '\\']).next().unwrap_or(file);
    let stem = file_name
        .strip_suffix(".yaml")
        .or_else(|| file_name.strip_suffix(".yml"))
        .unwrap_or(file_name);
    (!stem.is_empty() && stem != interface).then_some(file_name)
}

#[cfg(test)]
mod tests {
    use super::file_name_mismatch;

    #[test]
    fn a_file_is_named_after_its_interface_with_either_extension() {
        assert_eq!(
            file_name_mismatch("spec/steam/ISteamApps.yaml", "ISteamApps"),
            None
        );
        assert_eq!(
            file_name_mismatch("spec/steam/ISteamApps.yml", "ISteamApps"),
            None
        );
        assert_eq!(
            file_name_mismatch("spec\\steam\\ISteamApps.yml", "ISteamApps"),
            None
        );
        assert_eq!(
            file_name_mismatch("spec/steam/ISteamApps.yml", "ISteamUser"),
            Some("ISteamApps.yml")
        );
        assert_eq!(
            file_name_mismatch("ISteamHubCopy.yaml", "ISteamHub"),
            Some("ISteamHubCopy.yaml")
        );
    }
}
