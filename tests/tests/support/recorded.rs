//! Shared by recorded_responses/ and more_recorded_responses.rs: the spec model, the response
//! JSON Schemas of the bundle, and one call of the generated client against a loopback server
//! that answers with a recorded body.

use std::collections::BTreeMap;
use std::sync::{Mutex, OnceLock};

use serde_json::Value;
use steam_webapi::__private::Endpoint;
use steam_webapi::{Client, Error, ProviderId, RetryPolicy};
use steamspec::responses::{self, Finding, Location, Mode};
use wiremock::matchers::{method, path};
use wiremock::{Mock, MockServer, ResponseTemplate};

const BUNDLE: &str = concat!(
    env!("CARGO_MANIFEST_DIR"),
    "/../generated/schemas/bundle.json"
);
/// The key every loopback client sends; no error text may contain it.
pub const KEY: &str = "SECRETKEY-recorded-5f0c2a9e";

pub use steamspec_tests::spec_example::model;

/// Every error of `body` against the operation's response schema: a root
/// `{"$ref": "#/$defs/<I>.<M>.v<N>.response"}` on the bundle.
pub fn schema_errors(op_id: &str, body: &Value) -> Vec<String> {
    type Cache = Mutex<BTreeMap<String, &'static jsonschema::Validator>>;
    static VALIDATORS: OnceLock<Cache> = OnceLock::new();
    static BUNDLE_JSON: OnceLock<Value> = OnceLock::new();
    let bundle = BUNDLE_JSON
        .get_or_init(|| serde_json::from_str(&std::fs::read_to_string(BUNDLE).unwrap()).unwrap());
    let key = format!("{}.response", op_id.replace('/', "."));
    let validator = {
        let mut cache = VALIDATORS.get_or_init(Default::default).lock().unwrap();
        *cache.entry(key.clone()).or_insert_with(|| {
            let mut root = bundle.clone();
            root["$ref"] = Value::from(format!("#/$defs/{key}"));
            Box::leak(Box::new(
                jsonschema::draft202012::new(&root).unwrap_or_else(|e| panic!("{key}: {e}")),
            ))
        })
    };
    validator
        .iter_errors(body)
        .map(|e| format!("{}: {e}", e.instance_path()))
        .collect()
}

/// Serves `body` with `status` and `content_type` at `req`'s path on a loopback server (which
/// must get exactly one call) and sends `req` there with the generated client.
pub fn call<E: Endpoint>(
    req: &E,
    status: u16,
    content_type: &str,
    body: &[u8],
) -> Result<E::Response, Error> {
    let runtime = tokio::runtime::Builder::new_current_thread()
        .enable_all()
        .build()
        .unwrap();
    runtime.block_on(async {
        let server = MockServer::start().await;
        let client = Client::builder()
            .base_url(ProviderId::Steam, &server.uri())
            .allow_http(true)
            .api_key(KEY)
            .retry(RetryPolicy::none())
            .timeout(std::time::Duration::from_secs(20))
            .build()
            .unwrap();
        Mock::given(method(E::INFO.http.as_str()))
            .and(path(E::INFO.path))
            .respond_with(ResponseTemplate::new(status).set_body_raw(body.to_vec(), content_type))
            .expect(1)
            .mount(&server)
            .await;
        client.execute(req).await
    })
}

/// The recorded body is valid against the operation's response schema (a partial body inside
/// the full response it came from), and strict mode finds nothing the spec does not describe.
pub fn assert_schema_valid_and_strict_clean(file: &str, op_id: &str, body: &Value, at: &Location) {
    let full = at.wrap(body.clone());
    let errors = schema_errors(op_id, &full);
    assert!(
        errors.is_empty(),
        "{file}: schema errors:\n{}",
        errors.join("\n")
    );
    let spec_op = responses::find_operation(model(), op_id).unwrap();
    let findings = responses::check(model(), spec_op, body, at, Mode::Strict).unwrap();
    assert!(
        findings.is_empty(),
        "{file}: response drift:\n{}",
        lines(&findings)
    );
}

/// The content type a body without recorded headers is served with: HTML for a page, else JSON.
pub fn content_type_of(bytes: &[u8]) -> &'static str {
    if bytes.trim_ascii_start().starts_with(b"<") {
        "text/html; charset=UTF-8"
    } else {
        "application/json; charset=UTF-8"
    }
}

/// Never the key, in any form an error can be shown in.
pub fn assert_no_key(file: &str, err: &Error) {
    for text in [err.to_string(), format!("{err:?}"), format!("{err:#?}")] {
        assert!(!text.contains(KEY), "{file}: the key leaks: {text}");
        assert!(!text.contains("SECRETKEY"), "{file}: the key leaks: {text}");
    }
}

/// `Error::Http` with `status` and exactly this excerpt, free of markup.
pub fn assert_http_error(file: &str, err: &Error, status: u16, text: &str) {
    match err {
        Error::Http { status: s, excerpt } => {
            assert_eq!((*s, excerpt.as_str()), (status, text), "{file}");
            assert!(
                !excerpt.contains('<'),
                "{file}: markup in the excerpt: {excerpt}"
            );
        }
        other => panic!("{file}: expected Error::Http, got {other:?}"),
    }
}

pub fn lines(findings: &[Finding]) -> String {
    findings
        .iter()
        .map(|f| format!("  {f}"))
        .collect::<Vec<_>>()
        .join("\n")
}
