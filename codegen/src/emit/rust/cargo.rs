//! The `steam-webapi` manifest: fixed dependencies, and one feature per interface so a user who
//! needs one interface compiles one (async-stripe's answer to compile time).

use crate::model::Model;

/// Everything above `[features]`: the runtime's dependencies (hand-maintained here, since the
/// runtime is hand-written).
const MANIFEST_HEAD: &str = r#"[package]
name = "steam-webapi"
description = "Typed client for the Steam Web API and the backpack.tf notifications API"
edition.workspace = true
license.workspace = true
rust-version.workspace = true
version.workspace = true

[dependencies]
regex = { workspace = true }
reqwest = { workspace = true, features = ["rustls", "json"] }
schemars = { workspace = true, optional = true }
serde = { workspace = true }
serde_json = { workspace = true }
serde_path_to_error = "0.1"
steam-webapi-macros = { path = "../macros" }
tokio = { workspace = true, optional = true }
"#;

pub fn manifest(model: &Model) -> String {
    let mut out = String::from(MANIFEST_HEAD);
    out.push_str("\n[features]\n");
    let names: Vec<&str> = model.interfaces.keys().map(String::as_str).collect();
    let quoted: Vec<String> = names.iter().map(|n| format!("\"{n}\"")).collect();
    out.push_str(&format!("default = [{}]\n", quoted.join(", ")));
    out.push_str("# A blocking client (reqwest's blocking API).\n");
    out.push_str("blocking = [\"reqwest/blocking\"]\n");
    out.push_str("# JsonSchema impls on every type, carrying the same constraints as Validate.\n");
    out.push_str("schemars = [\"dep:schemars\"]\n");
    out.push_str("# One feature per interface.\n");
    for n in names {
        out.push_str(&format!("{n} = []\n"));
    }
    out
}
