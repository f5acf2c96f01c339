//! Servers: every host of every provider at the root, and each operation's own host on its
//! path item (public and publisher operations of one provider go to different hosts).

use serde_json::{Value, json};

use crate::model::{Model, Operation};

/// The root `servers`: each provider's host, then its publisher host.
pub fn all(model: &Model) -> Vec<Value> {
    let mut out = Vec::new();
    for p in model.providers.values() {
        out.push(server(&p.host, &p.title));
        if let Some(host) = &p.publisher_host {
            let text = format!("{}, publisher-only operations", p.title);
            out.push(server(host, &text));
        }
    }
    out
}

/// The one server of an operation's path item.
pub fn of(op: &Operation) -> Vec<Value> {
    vec![json!({ "url": url(&op.host) })]
}

fn server(host: &str, description: &str) -> Value {
    json!({ "url": url(host), "description": description })
}

fn url(host: &str) -> String {
    format!("https://{host}")
}
