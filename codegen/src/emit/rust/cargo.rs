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
form_urlencoded = "1"
httpdate = "1"
regex.workspace = true
# HTTP runtime (src/runtime): rustls only, no default features.
reqwest = { workspace = true, features = ["rustls"] }
schemars = { workspace = true, features = ["derive"], optional = true }
serde.workspace = true
serde_json.workspace = true
serde_path_to_error = "0.1"
steam-webapi-macros = { path = "../macros", version = "0.1.0" }
"#;

pub fn manifest(model: &Model) -> String {
    let mut out = String::from(MANIFEST_HEAD);
    out.push_str("\n[features]\n");
    let names: Vec<&str> = model.interfaces.keys().map(String::as_str).collect();
    let quoted: Vec<String> = names.iter().map(|n| format!("\"{n}\"")).collect();
    out.push_str(&format!("default = [{}]\n", quoted.join(", ")));
    out.push_str("# `steam_webapi::blocking::Client`, on reqwest's blocking client.\n");
    out.push_str("blocking = [\"reqwest/blocking\"]\n");
    out.push_str(
        "# `schemars::JsonSchema` for every type, with the constraints Validate checks.\n",
    );
    out.push_str("schemars = [\"dep:schemars\"]\n");
    out.push_str("# One feature per interface.\n");
    for n in names {
        out.push_str(&format!("{n} = []\n"));
    }
    out
}
