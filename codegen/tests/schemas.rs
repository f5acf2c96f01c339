//! The JSON Schemas of the project's spec: valid draft 2020-12, every example validates, hand-made
//! invalid payloads are rejected, and the index lists everything.

use std::path::Path;

use serde_json::{Value, json};
use steamspec::emit::schema;
use steamspec::model::Model;

fn model() -> Model {
    let spec = Path::new(env!("CARGO_MANIFEST_DIR")).join("../spec");
    steamspec::load_dir(&spec)
        .expect("project spec loads")
        .model
}

fn files(model: &Model) -> Vec<(String, Value)> {
    schema::emit(model)
        .into_iter()
        .map(|f| {
            let v: Value = serde_json::from_str(&f.contents).expect("schema is JSON");
            (f.path, v)
        })
        .collect()
}

fn bundle(model: &Model) -> Value {
    files(model)
        .into_iter()
        .find(|(p, _)| p == "schemas/bundle.json")
        .map(|(_, v)| v)
        .expect("bundle")
}

/// A validator for one `$defs` entry of the bundle.
fn validator(bundle: &Value, key: &str) -> jsonschema::Validator {
    let mut root = bundle.clone();
    root["$ref"] = json!(format!("#/$defs/{key}"));
    jsonschema::draft202012::new(&root).unwrap_or_else(|e| panic!("{key}: {e}"))
}

fn errors(v: &jsonschema::Validator, instance: &Value) -> Vec<String> {
    v.iter_errors(instance)
        .map(|e| format!("{}: {e}", e.instance_path()))
        .collect()
}

#[test]
fn every_file_passes_the_draft_2020_12_meta_schema() {
    let model = model();
    let all = files(&model);
    assert!(
        all.len() > 100,
        "expected many schema files, got {}",
        all.len()
    );
    for (path, v) in &all {
        if path.ends_with("index.json") {
            continue;
        }
        assert!(
            jsonschema::draft202012::meta::is_valid(v),
            "{path} is not a valid draft 2020-12 schema"
        );
        assert_eq!(
            v["$schema"], "https://json-schema.org/draft/2020-12/schema",
            "{path}"
        );
        assert!(
            v["$id"]
                .as_str()
                .is_some_and(|s| s.ends_with(&path["schemas/".len()..])),
            "{path}"
        );
        assert!(v["title"].is_string(), "{path} has no title");
    }
}

/// The names of the recorded bodies (`Interface.Method.vN.<source>.json`).
fn recordings() -> &'static [String] {
    static NAMES: std::sync::OnceLock<Vec<String>> = std::sync::OnceLock::new();
    NAMES.get_or_init(|| {
        let fixtures = Path::new(env!("CARGO_MANIFEST_DIR")).join("../../shared/fixtures");
        ["responses", "more-responses"]
            .iter()
            .flat_map(|d| std::fs::read_dir(fixtures.join(d)).expect("the recordings folder"))
            .filter_map(|e| e.ok()?.file_name().into_string().ok())
            .collect()
    })
}

#[test]
fn every_example_validates_against_its_operation() {
    let model = model();
    let b = bundle(&model);
    let mut checked = 0;
    for op in model.operations() {
        let key = format!("{}.{}.v{}", op.interface, op.method, op.version);
        let req = validator(&b, &format!("{key}.request"));
        let resp = validator(&b, &format!("{key}.response"));
        // An example documents every typed operation, unless recorded bodies do (tested in
        // tests/tests/*recorded_responses.rs); an imported one has neither yet.
        let recorded = recordings()
            .iter()
            .any(|f| f.starts_with(&format!("{key}.")));
        assert!(
            !op.examples.is_empty() || recorded || op.imported.is_some(),
            "{} has no example and no recorded body",
            op.id()
        );
        for ex in &op.examples {
            if let Some(r) = &ex.request {
                let e = errors(&req, r);
                assert!(
                    e.is_empty(),
                    "{} example {} request: {e:?}",
                    op.id(),
                    ex.name
                );
                checked += 1;
            }
            if let Some(r) = ex.response.as_ref().filter(|_| ex.status / 100 == 2) {
                let e = errors(&resp, r);
                assert!(
                    e.is_empty(),
                    "{} example {} response: {e:?}",
                    op.id(),
                    ex.name
                );
                checked += 1;
            }
        }
    }
    assert!(checked >= 56, "only {checked} payloads checked");
}

#[test]
fn hand_made_invalid_payloads_are_rejected() {
    let model = model();
    let b = bundle(&model);
    let summaries = validator(&b, "ISteamUser.GetPlayerSummaries.v2.request");
    let ok = json!({"steamids": ["76561197960435530"]});
    assert!(errors(&summaries, &ok).is_empty());
    // A SteamID64 as a JSON number: JavaScript would round it.
    assert!(!errors(&summaries, &json!({"steamids": [76561197960435530u64]})).is_empty());
    // 101 Steam IDs: the docs allow up to 100.
    let many: Vec<String> = (0..101).map(|i| format!("7656119796043{i:04}")).collect();
    assert!(!errors(&summaries, &json!({ "steamids": many })).is_empty());
    // Missing required parameter, and a misspelt one.
    assert!(!errors(&summaries, &json!({})).is_empty());
    assert!(!errors(&summaries, &json!({"steamids": ["1"], "steamid": "1"})).is_empty());

    // uint32 overflow.
    let owned = validator(&b, "IPlayerService.GetOwnedGames.v1.request");
    let bad = json!({"steamid": "76561197960435530", "appids_filter": [4294967296u64]});
    assert!(!errors(&owned, &bad).is_empty());
    let good = json!({"steamid": "76561197960435530", "appids_filter": [4294967295u64]});
    assert!(
        errors(&owned, &good).is_empty(),
        "{:?}",
        errors(&owned, &good)
    );

    // Wrong value of a closed enum (backpack.tf filter 5 does not exist) and a wrong type for an
    // open one; an unknown value of an open enum is accepted (forward compatibility).
    let search = validator(&b, "Notifications.SearchNotifications.v1.request");
    assert!(!errors(&search, &json!({"filter": 5})).is_empty());
    assert!(errors(&search, &json!({"filter": 4})).is_empty());
    let user_state = validator(&b, "UserState");
    assert!(errors(&user_state, &json!("sleeping")).is_empty());
    assert!(!errors(&user_state, &json!(3)).is_empty());

    // GetFriendList's filter is closed (the docs name all and friend); the qualifier in the
    // answer is open, and `all` is no qualifier.
    let friends = validator(&b, "ISteamUser.GetFriendList.v1.request");
    let me = "76561197960435530";
    assert!(errors(&friends, &json!({"steamid": me, "relationship": "all"})).is_empty());
    assert!(!errors(&friends, &json!({"steamid": me, "relationship": "blocked"})).is_empty());
    let friend = validator(&b, "Friend");
    let entry = |r: Value| json!({"steamid": me, "relationship": r, "friend_since": 0});
    assert!(errors(&friend, &entry(json!("requestrecipient"))).is_empty());
    assert!(!errors(&friend, &entry(json!(1))).is_empty());
    let relationship = validator(&b, "FriendRelationship");
    assert!(errors(&relationship, &json!("friend")).is_empty());

    // ISteamHub: guid or appid is required.
    let status = validator(&b, "ISteamHub.GetStatus.v1.request");
    assert!(!errors(&status, &json!({})).is_empty());
    assert!(errors(&status, &json!({"guid": "4178173"})).is_empty());
}

#[test]
fn index_lists_every_operation_and_type() {
    let model = model();
    let all = files(&model);
    let index = &all
        .iter()
        .find(|(p, _)| p == "schemas/index.json")
        .expect("index")
        .1;
    let ops = index["operations"].as_array().expect("operations");
    assert_eq!(ops.len(), 135);
    // Imported operations are marked, in the index and in their response schema.
    let imported: Vec<&Value> = ops.iter().filter(|o| o["imported"] == true).collect();
    assert_eq!(imported.len(), 87);
    assert!(ops.iter().all(|o| o["imported"].is_boolean()));
    let sdr = &all
        .iter()
        .find(|(p, _)| p == "schemas/operations/ISteamApps/GetSDRConfig.v1.response.json")
        .expect("an imported operation's response schema")
        .1;
    let text = sdr["description"].as_str().unwrap();
    assert!(text.contains("Imported from GetSupportedAPIList"), "{text}");
    assert_eq!(
        index["types"].as_array().map(Vec::len),
        Some(model.types.len())
    );
    let paths: Vec<&str> = all.iter().map(|(p, _)| p.as_str()).collect();
    for op in ops {
        for k in ["request", "response"] {
            let rel = format!("schemas/{}", op[k].as_str().expect("path"));
            assert!(paths.contains(&rel.as_str()), "index names missing {rel}");
        }
    }
    let first = &ops[0];
    for k in [
        "provider",
        "interface",
        "method",
        "version",
        "request",
        "response",
    ] {
        assert!(!first[k].is_null(), "index entry lacks {k}");
    }
}

#[test]
fn steamids_are_never_numbers_in_any_schema() {
    let model = model();
    let b = bundle(&model);
    let player = validator(&b, "Player");
    let mut p = json!({
        "steamid": "76561197960435530", "personaname": "x", "profileurl": "u", "avatar": "a",
        "avatarmedium": "a", "avatarfull": "a", "personastate": 0, "communityvisibilitystate": 3
    });
    assert!(errors(&player, &p).is_empty(), "{:?}", errors(&player, &p));
    p["steamid"] = json!(76561197960435530u64);
    assert!(!errors(&player, &p).is_empty());
}
