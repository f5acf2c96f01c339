//! Fuzzing the response decoding of every operation (proptest; cargo-fuzz
//! needs nightly). `__private::__decode_for_fuzz::<E>` runs exactly what the
//! client does with a response once it has arrived: status checks, the
//! envelope, success codes, the typed decode, error excerpts.
//!
//! For each of the spec's operations: arbitrary bytes with arbitrary
//! statuses; the spec's example bodies and the real recorded bodies of
//! `../shared/fixtures/responses`, mutated as JSON (values replaced, removed,
//! retyped, nested deep) and as bytes (flips, cuts, splices). Properties:
//! no panic, an error is one line of text, and whatever decodes re-encodes
//! and decodes to the same value (up to float rounding).
//!
//! Long run: `FUZZ_CASES=200000 cargo test --release -p steamspec-tests
//! --test fuzz_decode -- --nocapture --test-threads 1` (cases per target,
//! over all operations).

mod support;

use std::collections::BTreeSet;

use proptest::prelude::*;
use serde_json::{Map, Value};
use steam_webapi::__private::{__decode_for_fuzz, Endpoint};
use steam_webapi::Error;
use steam_webapi::{isteam_hub as hub, isteam_user as user};
use steamspec_tests::spec_example;
use support::mutate::{all_keys, byte_mutation, json_mutation, mutate, mutate_bytes};
use support::{fixtures_named, fuzz, fuzz_cases};

/// One operation's decode path, type-erased.
struct Op {
    id: String,
    envelope: Option<&'static str>,
    /// Decodes; on success, also checks the round trip.
    run: fn(u16, &[u8]) -> Result<(), Error>,
}

fn op<E>() -> Op
where
    E: Endpoint,
    E::Response: serde::Serialize + PartialEq + std::fmt::Debug,
{
    let info = E::INFO;
    Op {
        id: format!("{}/{}/v{}", info.interface, info.method, info.version),
        envelope: info.envelope,
        run: |status, body| {
            let value = __decode_for_fuzz::<E>(status, body)?;
            let _ = format!("{value:?}");
            round_trip::<E>(&value);
            Ok(())
        },
    }
}

/// What decoded re-encodes (inside its envelope) into a body that decodes to
/// the same value; JSON numbers may differ by float rounding only.
fn round_trip<E>(value: &E::Response)
where
    E: Endpoint,
    E::Response: serde::Serialize + PartialEq + std::fmt::Debug,
{
    let inner = serde_json::to_value(value).expect("a decoded response serializes");
    let body = match E::INFO.envelope {
        Some(key) => Value::Object(Map::from_iter([(key.to_owned(), inner.clone())])),
        None => inner.clone(),
    };
    let bytes = serde_json::to_vec(&body).unwrap();
    let again = __decode_for_fuzz::<E>(200, &bytes).unwrap_or_else(|e| {
        panic!(
            "{} decoded, re-encoded as {}, and then failed: {e}",
            std::any::type_name::<E>(),
            String::from_utf8_lossy(&bytes)
        )
    });
    if again != *value {
        let twice = serde_json::to_value(&again).unwrap();
        assert!(
            same_json(&inner, &twice),
            "{}: round trip changed the value:\n{inner}\n{twice}",
            std::any::type_name::<E>()
        );
    }
}

fn same_json(a: &Value, b: &Value) -> bool {
    match (a, b) {
        (Value::Number(x), Value::Number(y)) => match (x.as_f64(), y.as_f64()) {
            (Some(x), Some(y)) if x.is_finite() && y.is_finite() => {
                x == y || (x - y).abs() <= f64::EPSILON * 4.0 * x.abs().max(y.abs())
            }
            _ => x == y,
        },
        (Value::Array(x), Value::Array(y)) => {
            x.len() == y.len() && x.iter().zip(y).all(|(a, b)| same_json(a, b))
        }
        (Value::Object(x), Value::Object(y)) => {
            x.len() == y.len()
                && x.iter()
                    .all(|(k, v)| y.get(k).is_some_and(|w| same_json(v, w)))
        }
        _ => a == b,
    }
}

/// Every operation of the spec (the generated crate's list, so it stays complete).
fn ops() -> Vec<Op> {
    macro_rules! each {
        ($($request:ty),*) => {
            vec![$(op::<$request>()),*]
        };
    }
    steam_webapi::__for_each_request!(each)
}

/// Runs one input; the error, if any, must be printable on one line.
fn check(op: &Op, status: u16, body: &[u8]) {
    if let Err(err) = (op.run)(status, body) {
        let text = err.to_string();
        assert!(!text.contains('\n'), "{}: not one line: {text}", op.id);
        let _ = format!("{err:?}{err:#?}");
        if (200..300).contains(&status) {
            assert!(
                err.status().is_none_or(|s| s == status),
                "{}: {err:?}",
                op.id
            );
        }
    }
}

/// Every operation's seed bodies: the spec's examples and the recorded
/// fixtures of that operation (`ISteamUser.GetPlayerSummaries.v2.*.json`).
/// (operation, status, body, from the spec). Some fixtures are only the
/// inner object or a Python repr turned JSON: seeds, not success cases.
fn seeds(ops: &[Op]) -> Vec<(usize, u16, Value, bool)> {
    let model = spec_example::model();
    let mut out = Vec::new();
    for (i, op) in ops.iter().enumerate() {
        let spec_op = model
            .operations()
            .find(|o| o.id() == op.id)
            .unwrap_or_else(|| panic!("{} is not in spec/", op.id));
        for example in &spec_op.examples {
            if let Some(body) = &example.response {
                out.push((i, example.status, body.clone(), true));
            }
        }
        let prefix = op.id.replace('/', ".") + ".";
        for name in fixtures_named(&prefix, ".json") {
            let bytes = support::fixture(&name);
            if let Ok(body) = serde_json::from_slice::<Value>(&bytes) {
                let status = if name.contains("-400-") {
                    400
                } else if name.contains("-403-") {
                    403
                } else {
                    200
                };
                out.push((i, status, body, false));
            }
        }
    }
    out
}

#[test]
fn every_operation_of_the_spec_is_fuzzed() {
    let ids: BTreeSet<String> = ops().into_iter().map(|o| o.id).collect();
    let spec: BTreeSet<String> = spec_example::operation_ids().into_iter().collect();
    assert_eq!(ids, spec);
    // And every seed that the spec says succeeds does.
    let ops = ops();
    let mut decoded = 0;
    for (i, status, body, from_spec) in seeds(&ops) {
        let bytes = serde_json::to_vec(&body).unwrap();
        let result = (ops[i].run)(status, &bytes);
        if from_spec && (200..300).contains(&status) {
            match result {
                Ok(()) => decoded += 1,
                // ISteamHub's examples include failure codes in a 200.
                Err(Error::NoMatch { .. } | Error::Api { .. }) => {}
                Err(e) => panic!("{} example: {e}", ops[i].id),
            }
        }
    }
    assert!(decoded >= 28, "{decoded} examples decoded");
}

fn status() -> impl Strategy<Value = u16> {
    prop_oneof![
        6 => Just(200u16),
        1 => prop::sample::select(vec![201u16, 204, 301, 302, 400, 401, 403, 404, 410, 429, 500, 502, 503]),
        1 => 100u16..600,
    ]
}

#[test]
fn arbitrary_bytes() {
    let ops = ops();
    let n = ops.len();
    let bytes = prop_oneof![
        prop::collection::vec(any::<u8>(), 0..64),
        prop::collection::vec(any::<u8>(), 0..2048),
        // JSON-ish byte soup.
        prop::collection::vec(
            prop::sample::select(b"{}[]\":,0123456789.eE+-tfnul \\ur\"response\"".to_vec()),
            0..256
        ),
    ];
    fuzz(
        "arbitrary bytes",
        fuzz_cases(150 * n as u32),
        (0..n, status(), bytes),
        |(i, status, body)| check(&ops[i], status, &body),
    );
}

#[test]
fn mutated_bodies_as_json() {
    let ops = ops();
    let seeds = seeds(&ops);
    assert!(seeds.len() >= 60, "{} seeds", seeds.len());
    let mut keys = BTreeSet::new();
    seeds
        .iter()
        .for_each(|(_, _, body, _)| all_keys(body, &mut keys));
    let keys: Vec<String> = keys.into_iter().collect();
    let n = seeds.len();
    fuzz(
        "mutated bodies (JSON)",
        fuzz_cases(100 * ops.len() as u32),
        (
            0..n,
            prop::collection::vec(json_mutation(keys), 1..5),
            prop::option::weighted(0.1, status()),
        ),
        |(seed, mutations, status)| {
            let (i, seed_status, body, _) = &seeds[seed];
            let mut body = body.clone();
            mutations.iter().for_each(|m| mutate(&mut body, m));
            let bytes = serde_json::to_vec(&body).unwrap();
            check(&ops[*i], status.unwrap_or(*seed_status), &bytes);
        },
    );
}

#[test]
fn mutated_bodies_as_bytes() {
    let ops = ops();
    let seeds = seeds(&ops);
    // Byte-level changes keep the seeds' formatting: compact and pretty.
    let seeds: Vec<(usize, u16, Vec<u8>)> = seeds
        .into_iter()
        .flat_map(|(i, status, body, _)| {
            [
                (i, status, serde_json::to_vec(&body).unwrap()),
                (i, status, serde_json::to_vec_pretty(&body).unwrap()),
            ]
        })
        .collect();
    let n = seeds.len();
    fuzz(
        "mutated bodies (bytes)",
        fuzz_cases(100 * ops.len() as u32),
        (0..n, prop::collection::vec(byte_mutation(), 1..6)),
        |(seed, mutations)| {
            let (i, status, body) = &seeds[seed];
            let mut body = body.clone();
            mutations.iter().for_each(|m| mutate_bytes(&mut body, m));
            check(&ops[*i], *status, &body);
        },
    );
}

#[test]
fn every_operation_envelope_edge_cases() {
    // Hand-picked inputs every operation gets, beyond what the generators
    // reach quickly: deep nesting, a duplicate envelope, huge numbers.
    let ops = ops();
    let deep = "[".repeat(10_000) + &"]".repeat(10_000);
    let deep_obj = "{\"a\":".repeat(5_000) + "1" + &"}".repeat(5_000);
    for op in &ops {
        let env = op.envelope.unwrap_or("x");
        let bodies = [
            String::new(),
            "null".to_owned(),
            deep.clone(),
            deep_obj.clone(),
            format!("{{\"{env}\": {deep}}}"),
            format!("{{\"{env}\": {{}}, \"{env}\": {{}}}}"),
            format!("{{\"{env}\": null}}"),
            format!("{{\"{env}\": {{\"success\": 18446744073709551616}}}}"),
            format!("{{\"{env}\": {{\"success\": \"{}\"}}}}", "9".repeat(40)),
            format!("{{\"{env}\": {{\"success\": -9223372036854775808, \"message\": 1}}}}"),
            format!("{{\"{env}\": {{\"success\": 1.5}}}}"),
            "{\"message\": {\"nested\": [1, 2]}}".to_owned(),
            "\u{feff}{}".to_owned(),
        ];
        for body in &bodies {
            for status in [200, 400, 429, 500] {
                check(op, status, body.as_bytes());
            }
        }
    }
}

// ---- regressions: what the fuzzing found -------------------------------------

/// Found by `mutated_bodies_as_bytes`: a byte flip turned the envelope key
/// into `"respo\nse"` (a JSON escape); the decode error's path showed the raw
/// newline and the error printed on two lines. Server text in an error's
/// Display now has its control characters escaped.
#[test]
fn regression_control_characters_in_a_path_stay_escaped() {
    let ops = ops();
    let op = ops
        .iter()
        .find(|o| o.id == "IPlayerService/GetRecentlyPlayedGames/v1")
        .unwrap();
    for body in [
        r#"{"respo\nse": {"#,
        r#"{"response": {"games": [{"\u001b[31m": "#,
        r#"{"response": {"total_count": "\r\n"}}"#,
    ] {
        let err = (op.run)(200, body.as_bytes()).unwrap_err();
        let text = err.to_string();
        assert!(!text.contains(char::is_control), "{text:?}");
        check(op, 200, body.as_bytes());
    }
}

/// Found by the long run of `mutated_bodies_as_json` (200,000 cases): a
/// success code written as a float (`-0.0`) was not read by the success-code
/// check, so the body decoded as a success although its code was 0. Float
/// codes with no fraction are codes now.
#[test]
fn regression_float_success_codes_are_checked() {
    let members = __decode_for_fuzz::<hub::GetMembersRequest>;
    let body = |code: &str| {
        format!(
            r#"{{"response": {{"success": {code}, "message": "m", "appid": 1, "guid": "1", "members": []}}}}"#
        )
    };
    for (code, expected) in [
        ("-0.0", Some(0)),
        ("0.0", Some(0)),
        ("7.0", Some(7)),
        ("1e1", Some(10)),
    ] {
        let err = members(200, body(code).as_bytes()).unwrap_err();
        assert!(
            matches!(err, Error::Api { code: c, .. } if c == expected),
            "{code}: {err:?}"
        );
    }
    assert!(matches!(
        members(200, body("42.0").as_bytes()),
        Err(Error::NoMatch { .. })
    ));
    assert!(members(200, body("1.0").as_bytes()).is_ok());
    // Not a whole number: not a code the check can judge; the typed decode does.
    let _ = members(200, body("1.5").as_bytes());
}

/// A success-code body that decodes completely is judged by the code the
/// typed value holds (`Endpoint::success_code`, generated) rather than by a
/// second probe: every complete ISteamHub example, with its code last and
/// set to a failure, must still be that failure, and with code 1 a success.
#[test]
fn complete_bodies_with_a_failure_code_last_are_failures() {
    let ops = ops();
    let mut judged = 0;
    for (i, status, body, from_spec) in seeds(&ops) {
        let op = &ops[i];
        let Some(envelope) = op.envelope else {
            continue;
        };
        if !(from_spec && status == 200 && op.id.starts_with("ISteamHub/")) {
            continue;
        }
        let mut inner = body[envelope].as_object().cloned().unwrap();
        if inner.remove("success") != Some(Value::from(1)) {
            continue;
        }
        let with_code = |code: i64| {
            let mut o = inner.clone();
            o.insert("success".into(), code.into());
            let mut outer = Map::new();
            outer.insert(envelope.into(), Value::Object(o));
            serde_json::to_vec(&outer).unwrap()
        };
        let last = with_code(7);
        assert!(
            !String::from_utf8_lossy(&last).contains(r#"{"success""#),
            "{}: the code must not lead",
            op.id
        );
        match (op.run)(200, &last) {
            Err(Error::Api {
                code: Some(7),
                status: 200,
                ..
            }) => {}
            other => panic!("{}: code 7 last: {other:?}", op.id),
        }
        assert!(
            matches!((op.run)(200, &with_code(42)), Err(Error::NoMatch { .. })),
            "{}",
            op.id
        );
        (op.run)(200, &with_code(1)).unwrap_or_else(|e| panic!("{}: {e}", op.id));
        judged += 1;
    }
    assert!(judged >= 8, "{judged} complete ISteamHub examples");
}

#[test]
fn success_code_operations_read_their_code_from_the_typed_value() {
    let body = r#"{"success": 42, "message": "m", "appid": 1, "guid": "1", "members": []}"#;
    let value: hub::HubGetMembersResponse = serde_json::from_str(body).unwrap();
    assert_eq!(
        <hub::GetMembersRequest as Endpoint>::success_code(&value),
        Some(42)
    );
    // Operations that report errors by HTTP status have no code.
    let friends: user::GetFriendListResponse = serde_json::from_str(r#"{"friends": []}"#).unwrap();
    assert_eq!(
        <user::GetFriendListRequest as Endpoint>::success_code(&friends),
        None
    );
}
