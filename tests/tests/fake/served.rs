//! Every spec'd operation is served at its path and method, with its first example.

use serde_json::Value;
use steam_webapi::ProviderId;
use steam_webapi::testing::FakeSteam;
use steamspec::model::{InputEncoding, Visibility};
use steamspec_tests::spec_example::{SpecCall, model};

/// The fake's base URL for the example's operation.
fn base(fake: &FakeSteam, call: &SpecCall) -> String {
    if call.op.visibility == Visibility::Publisher {
        fake.publisher_url()
    } else if call.op.provider == "backpacktf" {
        fake.base_url(ProviderId::Backpacktf)
    } else {
        fake.base_url(ProviderId::Steam)
    }
}

/// Sends the example's request as the spec lays it out; the status and body of the answer.
async fn send(http: &reqwest::Client, fake: &FakeSteam, call: &SpecCall) -> (u16, Value) {
    let mut pairs = call.expected_params();
    if call.op.input == InputEncoding::InputJson {
        pairs.push(("input_json".into(), call.request().to_string()));
    }
    let encoded = form_urlencoded::Serializer::new(String::new())
        .extend_pairs(&pairs)
        .finish();
    let url = format!("{}{}", base(fake, call), call.path());
    let method = reqwest::Method::from_bytes(call.method().as_bytes()).unwrap();
    let req = if call.params_in_body() {
        http.request(method, url)
            .header("content-type", "application/x-www-form-urlencoded")
            .body(encoded)
    } else {
        http.request(method, format!("{url}?{encoded}"))
    };
    let resp = req.send().await.unwrap();
    let status = resp.status().as_u16();
    let body = resp.bytes().await.unwrap();
    (status, serde_json::from_slice(&body).unwrap_or(Value::Null))
}

#[tokio::test]
async fn every_example_request_is_accepted_and_answered_with_the_first_example() {
    let fake = FakeSteam::start().unwrap();
    let http = reqwest::Client::new();
    let mut sent = 0;
    for op in model().operations() {
        let Some(first) = op.examples.iter().find(|e| e.response.is_some()) else {
            continue;
        };
        for example in op.examples.iter().filter(|e| e.request.is_some()) {
            let call = SpecCall::new(&op.id(), &example.name);
            let (status, body) = send(&http, &fake, &call).await;
            assert_eq!(
                status,
                first.status,
                "{}: {:?}",
                call.label(),
                fake.mismatches()
            );
            assert_eq!(Some(&body), first.response.as_ref(), "{}", call.label());
            sent += 1;
        }
    }
    assert!(sent > 30, "only {sent} examples have a request");
    assert_eq!(fake.mismatches(), vec![]);
    assert_eq!(fake.received_all().len(), sent);
}

#[tokio::test]
async fn every_operation_has_a_route() {
    let fake = FakeSteam::start().unwrap();
    let http = reqwest::Client::new();
    for op in model().operations() {
        let call_base = match (op.visibility, op.provider.as_str()) {
            (Visibility::Publisher, _) => fake.publisher_url(),
            (_, "backpacktf") => fake.base_url(ProviderId::Backpacktf),
            _ => fake.base_url(ProviderId::Steam),
        };
        let method = format!("{:?}", op.http).to_uppercase();
        let method = reqwest::Method::from_bytes(method.as_bytes()).unwrap();
        let resp = http
            .request(method, format!("{call_base}{}", op.path))
            .send()
            .await
            .unwrap();
        // Without parameters or credential: refused as a bad request, never "no such path".
        assert_ne!(resp.status().as_u16(), 404, "{}", op.id());
    }
    let unknown = http
        .get(format!(
            "{}/ISteamUser/NoSuchMethod/v1/",
            fake.base_url(ProviderId::Steam)
        ))
        .send()
        .await
        .unwrap();
    assert_eq!(unknown.status().as_u16(), 404);
}
