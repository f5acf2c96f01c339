//! The `steam-webapi` manifest: fixed dependencies, and one feature per interface so a user who
//! needs one interface compiles one (async-stripe's answer to compile time).

use crate::model::Model;

/// Everything above `[features]`: what the generated code names besides the runtime (serde for
/// the enums' impls, serde_json for `json` values, schemars for the `schemars` feature), and
/// the runtime crate.
const MANIFEST_HEAD: &str = r#"[package]
name = "steam-webapi"
description = "Typed client for the Steam Web API and the backpack.tf notifications API"
edition.workspace = true
license.workspace = true
rust-version.workspace = true
version.workspace = true
repository.workspace = true
readme = "README.md"
keywords = ["steam", "steam-web-api", "api-client", "backpacktf"]
categories = ["api-bindings", "web-programming::http-client"]

[package.metadata.docs.rs]
all-features = true

[dependencies]
schemars = { workspace = true, optional = true }
serde.workspace = true
serde_json.workspace = true
# The hand-written runtime (runtime/): clients, errors, validation, wire helpers. Exactly this
# version: the generated code uses its `__private` items, which follow no semver.
steam-webapi-runtime = { path = "runtime", version = "=0.1.0" }
# The fake Steam of `testing` (feature `testing`): a loopback HTTP server on its own thread.
form_urlencoded = { version = "1", optional = true }
http-body-util = { version = "0.1", optional = true }
hyper = { version = "1", optional = true, features = ["server", "http1"] }
hyper-util = { version = "0.1", optional = true, features = ["tokio"] }
tokio = { workspace = true, optional = true, features = ["sync"] }
"#;

/// The interfaces the benchmarks use: the tail is written only for a spec that has them all
/// (this repository's), so a crate generated from another spec gets no bench entries.
const BENCH_INTERFACES: &[&str] = &[
    "IGameNotificationsService",
    "IPlayerService",
    "ISteamHub",
    "ISteamNews",
    "ISteamUser",
    "ISteamUserStats",
    "ISteamWebAPIUtil",
    "Notifications",
];

/// Everything after the features: the benchmarks of `benches/` (issue 8), hand-written like the
/// runtime. `steamspec` reads the spec's examples for the decode benchmark.
const MANIFEST_TAIL: &str = r#"
[dev-dependencies]
criterion.workspace = true
# The formats bench's baseline: quick-xml's own serde into a hand-written struct.
quick-xml = { version = "0.42", features = ["serialize"] }
reqwest = { workspace = true, features = ["rustls"] }
steamspec = { path = "../codegen" }
tokio.workspace = true
# The client bench's run with the `tracing` feature: a subscriber that takes every span and event.
tracing = { version = "0.1", default-features = false, features = ["std"] }

# Typed decode through the runtime vs. plain serde_json (issue 8.4).
[[bench]]
name = "decode"
harness = false
required-features = ["IGameNotificationsService", "IPlayerService", "ISteamHub", "ISteamNews", "ISteamUser", "ISteamUserStats", "ISteamWebAPIUtil", "Notifications"]

# The client against a loopback server vs. plain reqwest + serde_json (issue 8.6).
[[bench]]
name = "client"
harness = false
required-features = ["ISteamUser"]

# Typed decode of XML and VDF vs. JSON and quick-xml's serde (issue 21.8).
[[bench]]
name = "formats"
harness = false
required-features = ["IPlayerService", "ISteamUser"]
"#;

pub fn manifest(model: &Model) -> String {
    let mut out = String::from(MANIFEST_HEAD);
    out.push_str("\n[features]\n");
    let names: Vec<&str> = model.interfaces.keys().map(String::as_str).collect();
    let quoted: Vec<String> = names.iter().map(|n| format!("\"{n}\"")).collect();
    out.push_str(&format!("default = [{}]\n", quoted.join(", ")));
    out.push_str("# `steam_webapi::blocking::Client`, on reqwest's blocking client.\n");
    out.push_str("blocking = [\"steam-webapi-runtime/blocking\"]\n");
    out.push_str(
        "# `schemars::JsonSchema` for every type: the schemas of `schemas/` (the wire form).\n",
    );
    out.push_str("schemars = [\"dep:schemars\", \"steam-webapi-runtime/schemars\"]\n");
    out.push_str("# A span per call and events per attempt, pause and budget wait.\n");
    out.push_str("tracing = [\"steam-webapi-runtime/tracing\"]\n");
    out.push_str("# `budget::RedisStore`: one request budget shared by many processes.\n");
    out.push_str("redis = [\"steam-webapi-runtime/redis\"]\n");
    out.push_str("# `steam_webapi::testing`: a fake Steam on loopback, made from the spec.\n");
    out.push_str(
        "testing = [\"dep:form_urlencoded\", \"dep:http-body-util\", \"dep:hyper\", \"dep:hyper-util\", \"dep:tokio\"]\n",
    );
    out.push_str("# One feature per interface.\n");
    for n in names {
        out.push_str(&format!("{n} = []\n"));
    }
    if BENCH_INTERFACES
        .iter()
        .all(|n| model.interfaces.contains_key(*n))
    {
        out.push_str(MANIFEST_TAIL);
    }
    out
}
