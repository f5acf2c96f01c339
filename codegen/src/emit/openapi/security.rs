//! The credential: one `apiKey` scheme in the query per provider (`key` for Steam, `token` for
//! backpack.tf, as `providers.yaml` declares), and a second one for publisher keys where the
//! provider has a publisher host.

use serde_json::{Map, Value, json};

use crate::model::{Auth, Model, Operation, Provider, Visibility};

/// `components/securitySchemes`, by scheme name.
pub fn schemes(model: &Model) -> Map<String, Value> {
    let mut out = Map::new();
    for p in model.providers.values() {
        let env = p
            .auth_env
            .as_deref()
            .map(|e| format!(" (the steamspec tools read it from `{e}`)"))
            .unwrap_or_default();
        let text = format!(
            "The {}, sent as the `{}` query parameter{env}.",
            p.auth_name, p.auth_param
        );
        out.insert(name(p, Visibility::Public), scheme(p, &text));
        if let Some(host) = &p.publisher_host {
            let text = format!(
                "A {} with publisher access, sent as the `{}` query parameter; required by the \
                 operations on {host}. Call those only from a secure server.",
                p.auth_name, p.auth_param
            );
            out.insert(name(p, Visibility::Publisher), scheme(p, &text));
        }
    }
    out
}

/// The scheme name for a provider's credential of one visibility, e.g. `steam_key`,
/// `steam_publisher_key`, `backpacktf_token`.
pub fn name(p: &Provider, visibility: Visibility) -> String {
    match visibility {
        Visibility::Public => format!("{}_{}", p.id, p.auth_param),
        Visibility::Publisher => format!("{}_publisher_{}", p.id, p.auth_param),
    }
}

fn scheme(p: &Provider, description: &str) -> Value {
    json!({
        "type": "apiKey",
        "in": "query",
        "name": p.auth_param,
        "description": description,
    })
}

/// An operation's `security`: the scheme when the credential is required, the scheme or nothing
/// when optional, no requirement when the operation never sends it. A publisher operation of a
/// provider without a publisher host (it names its own host) takes the ordinary scheme.
pub fn of(p: &Provider, op: &Operation) -> Value {
    let visibility = match p.publisher_host {
        Some(_) => op.visibility,
        None => Visibility::Public,
    };
    let scheme = json!({ name(p, visibility): [] });
    match op.auth {
        Auth::Required => json!([scheme]),
        Auth::Optional => json!([scheme, {}]),
        Auth::None => json!([]),
    }
}
