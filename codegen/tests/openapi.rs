//! The OpenAPI document (`generated/openapi.json`): one path item per operation, parameters as
//! the provider takes them, the credential per provider, the error models, and every example
//! valid against the schema it illustrates. The document's validity as OpenAPI 3.1 is checked
//! by real tools in tests/consumers/run.sh.

use std::path::{Path, PathBuf};

use serde_json::{Value, json};
use steamspec::emit::openapi;
use steamspec::model::{Example, Model};

fn root() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("..")
}

fn load(dir: &str) -> Model {
    steamspec::load_dir(&root().join(dir))
        .unwrap_or_else(|e| panic!("{dir}: {e}"))
        .model
}

/// The project's document.
fn project() -> Value {
    openapi::document(&load("spec"))
}

/// The document of the valid spec that uses every query encoding.
fn encodings() -> Value {
    openapi::document(&load("codegen/tests/valid-specs/query-parameter-encodings"))
}

/// Every (path, method, operation) of a document.
fn operations(doc: &Value) -> Vec<(String, String, Value)> {
    let mut out = Vec::new();
    for (path, item) in doc["paths"].as_object().expect("paths") {
        for (method, op) in item.as_object().expect("path item") {
            if method != "servers" {
                out.push((path.clone(), method.clone(), op.clone()));
            }
        }
    }
    out
}

fn operation(doc: &Value, path: &str, method: &str) -> Value {
    let op = doc["paths"][path][method].clone();
    assert!(op.is_object(), "no {method} {path}");
    op
}

fn parameter(op: &Value, name: &str) -> Value {
    op["parameters"]
        .as_array()
        .and_then(|ps| ps.iter().find(|p| p["name"] == name))
        .cloned()
        .unwrap_or_else(|| panic!("no parameter {name} in {}", op["operationId"]))
}

#[test]
fn one_operation_per_spec_operation_at_its_path_and_method() {
    let model = load("spec");
    let doc = openapi::document(&model);
    assert_eq!(doc["openapi"], "3.1.0");
    let ops = operations(&doc);
    assert_eq!(ops.len(), model.operations().count());
    for op in model.operations() {
        let method = format!("{:?}", op.http).to_lowercase();
        let found = operation(&doc, &op.path, &method);
        assert_eq!(found["tags"], json!([op.interface]), "{}", op.id());
        let servers = found
            .get("servers")
            .unwrap_or(&doc["paths"][&op.path]["servers"]);
        assert_eq!(
            servers,
            &json!([{ "url": format!("https://{}", op.host) }]),
            "{}",
            op.id()
        );
    }
    let mut ids: Vec<&str> = ops
        .iter()
        .map(|(_, _, op)| op["operationId"].as_str().expect("operationId"))
        .collect();
    ids.sort();
    ids.dedup();
    assert_eq!(ids.len(), ops.len(), "operationIds are unique");
    assert!(ids.contains(&"ISteamUser_GetPlayerSummaries"), "{ids:?}");
    let tags: Vec<&Value> = doc["tags"]
        .as_array()
        .expect("tags")
        .iter()
        .map(|t| &t["name"])
        .collect();
    assert_eq!(tags.len(), model.interfaces.len());
}

#[test]
fn proposed_and_publisher_operations_are_marked() {
    let doc = project();
    let hub = operation(&doc, "/ISteamHub/GetSummaries/v1/", "get");
    assert_eq!(hub["deprecated"], true);
    assert_eq!(hub["x-status"], "proposed");
    let user = operation(&doc, "/ISteamUser/GetPlayerSummaries/v2/", "get");
    assert!(user.get("deprecated").is_none() && user.get("x-status").is_none());
    let publisher = operation(&doc, "/IGameNotificationsService/CreateSession/v1/", "post");
    assert_eq!(publisher["x-publisher-only"], true);
    assert_eq!(
        publisher["security"],
        json!([{ "steam_publisher_key": [] }])
    );
    assert_eq!(
        doc["paths"]["/IGameNotificationsService/CreateSession/v1/"]["servers"][0]["url"],
        "https://partner.steam-api.com"
    );
    assert!(user.get("x-publisher-only").is_none());
}

#[test]
fn imported_operations_say_so() {
    let model = load("spec");
    let doc = openapi::document(&model);
    let imported: Vec<_> = model
        .operations()
        .filter(|o| o.imported.is_some())
        .collect();
    assert!(
        !imported.is_empty(),
        "the project spec has imported operations"
    );
    for op in model.operations() {
        let method = format!("{:?}", op.http).to_lowercase();
        let found = operation(&doc, &op.path, &method);
        assert_eq!(
            found.get("x-imported").and_then(Value::as_str),
            op.imported.as_deref(),
            "{}",
            op.id()
        );
    }
    let op = imported[0];
    let found = operation(&doc, &op.path, &format!("{:?}", op.http).to_lowercase());
    assert!(
        found["description"]
            .as_str()
            .is_some_and(|d| d.contains("untyped JSON"))
    );
}

#[test]
fn comma_lists_are_form_not_exploded() {
    let doc = project();
    let op = operation(&doc, "/ISteamUser/GetPlayerSummaries/v2/", "get");
    let p = parameter(&op, "steamids");
    assert_eq!(
        (&p["in"], &p["style"], &p["explode"]),
        (&json!("query"), &json!("form"), &json!(false))
    );
    assert_eq!(p["schema"]["type"], "array");
    // SteamID64s are strings: a JSON number loses precision above 2^53.
    assert_eq!(p["schema"]["items"]["type"], "string");
    assert_eq!(p["required"], true);
}

#[test]
fn indexed_arrays_are_deep_objects_keyed_by_index_and_bools_are_digits() {
    let doc = encodings();
    let op = operation(&doc, "/ISteamRemoteStorage/EnumerateFiles/v1/", "get");
    let ids = parameter(&op, "fileids");
    assert_eq!(
        (&ids["style"], &ids["explode"]),
        (&json!("deepObject"), &json!(true))
    );
    assert_eq!(ids["schema"]["type"], "object");
    assert_eq!(ids["schema"]["maxProperties"], 10);
    assert_eq!(ids["schema"]["additionalProperties"]["type"], "string");
    assert_eq!(
        ids["examples"]["all-three"]["value"],
        json!({ "0": "7", "1": "8" })
    );
    let hidden = parameter(&op, "include_hidden");
    assert_eq!(
        hidden["schema"],
        json!({ "type": "integer", "enum": [0, 1], "default": 0 })
    );
    assert_eq!(hidden["examples"]["all-three"]["value"], 1);
    let comma = parameter(&op, "appids");
    assert_eq!(comma["examples"]["all-three"]["value"], json!([440, 570]));
}

#[test]
fn non_get_steam_methods_take_a_form_body() {
    let doc = encodings();
    let op = operation(
        &doc,
        "/ISteamRemoteStorage/GetPublishedFileDetails/v1/",
        "post",
    );
    assert!(op.get("parameters").is_none(), "{op}");
    let form = &op["requestBody"]["content"]["application/x-www-form-urlencoded"];
    assert_eq!(
        form["encoding"],
        json!({ "publishedfileids": { "style": "deepObject", "explode": true } })
    );
    let props = &form["schema"]["properties"];
    assert_eq!(props["short"]["enum"], json!([0, 1]));
    assert_eq!(props["format"]["const"], "json");
    assert_eq!(
        form["schema"]["required"],
        json!(["itemcount", "publishedfileids"])
    );
    assert_eq!(
        form["examples"]["two"]["value"],
        json!({ "itemcount": 2, "publishedfileids": { "0": "1", "1": "2" }, "short": 0 })
    );
}

#[test]
fn backpack_tf_reads_every_input_from_the_query_whatever_the_method() {
    let doc = project();
    for (path, method) in [
        ("/api/notifications/folder/v1", "delete"),
        ("/api/notifications/folder/v1", "patch"),
        ("/api/notifications/notification/v1", "delete"),
    ] {
        let op = operation(&doc, path, method);
        assert!(op.get("requestBody").is_none(), "{method} {path}");
        assert!(
            op["parameters"]
                .as_array()
                .is_some_and(|p| p.iter().all(|p| p["in"] == "query"))
        );
    }
    let ids = parameter(
        &operation(&doc, "/api/notifications/notification/v1", "delete"),
        "ids",
    );
    assert_eq!(
        (&ids["style"], &ids["explode"]),
        (&json!("form"), &json!(false))
    );
}

#[test]
fn a_form_body_without_required_fields_is_optional_and_lists_none() {
    let mut model = load("codegen/tests/valid-specs/query-parameter-encodings");
    let op = model
        .interfaces
        .get_mut("ISteamRemoteStorage")
        .and_then(|i| {
            i.operations
                .iter_mut()
                .find(|o| o.method == "GetPublishedFileDetails")
        })
        .expect("GetPublishedFileDetails");
    op.params.iter_mut().for_each(|p| p.optional = true);
    let doc = openapi::document(&model);
    let op = operation(
        &doc,
        "/ISteamRemoteStorage/GetPublishedFileDetails/v1/",
        "post",
    );
    assert_eq!(op["requestBody"]["required"], false);
    // OpenAPI 3.0 (to-openapi.py's target) allows no empty `required` list.
    let schema = &op["requestBody"]["content"]["application/x-www-form-urlencoded"]["schema"];
    assert!(schema.get("required").is_none(), "{schema}");
}

#[test]
fn input_json_is_a_json_query_parameter_for_get() {
    let doc = project();
    let op = operation(&doc, "/IPlayerService/GetOwnedGames/v1/", "get");
    let p = parameter(&op, "input_json");
    assert!(p.get("schema").is_none(), "content, not schema: {p}");
    let media = &p["content"]["application/json"];
    assert_eq!(
        media["schema"]["$ref"],
        "#/components/schemas/IPlayerService.GetOwnedGames.v1.request"
    );
    assert!(media["examples"].as_object().is_some_and(|e| !e.is_empty()));
    assert!(doc["components"]["schemas"]["IPlayerService.GetOwnedGames.v1.request"].is_object());
    // Only input_json and format: the Service's parameters all travel inside input_json.
    let names: Vec<&Value> = op["parameters"]
        .as_array()
        .expect("parameters")
        .iter()
        .map(|p| &p["name"])
        .collect();
    assert_eq!(names, [&json!("input_json"), &json!("format")]);
}

#[test]
fn input_json_is_a_json_encoded_form_field_for_post() {
    let doc = project();
    let op = operation(&doc, "/IGameNotificationsService/CreateSession/v1/", "post");
    let form = &op["requestBody"]["content"]["application/x-www-form-urlencoded"];
    assert_eq!(
        form["encoding"]["input_json"],
        json!({ "contentType": "application/json" })
    );
    assert_eq!(
        form["schema"]["properties"]["input_json"]["$ref"],
        "#/components/schemas/IGameNotificationsService.CreateSession.v1.request"
    );
    assert_eq!(form["schema"]["required"], json!(["input_json"]));
    assert_eq!(op["requestBody"]["required"], true);
}

#[test]
fn the_credential_is_an_api_key_in_the_query_per_provider() {
    let doc = project();
    let schemes = &doc["components"]["securitySchemes"];
    for (name, param) in [
        ("steam_key", "key"),
        ("steam_publisher_key", "key"),
        ("backpacktf_token", "token"),
    ] {
        assert_eq!(
            (
                &schemes[name]["type"],
                &schemes[name]["in"],
                &schemes[name]["name"]
            ),
            (&json!("apiKey"), &json!("query"), &json!(param)),
            "{name}"
        );
    }
    let search = operation(&doc, "/api/notifications/search/v1", "get");
    assert_eq!(search["security"], json!([{ "backpacktf_token": [] }]));
    // backpack.tf has no `format` parameter; Steam's is optional.
    assert!(
        search["parameters"]
            .as_array()
            .expect("parameters")
            .iter()
            .all(|p| p["name"] != "format")
    );
    let news = operation(&doc, "/ISteamNews/GetNewsForApp/v2/", "get");
    assert_eq!(news["security"], json!([]), "auth: none sends no key");
    let listing = operation(&doc, "/ISteamWebAPIUtil/GetSupportedAPIList/v1/", "get");
    assert_eq!(
        listing["security"],
        json!([{ "steam_key": [] }, {}]),
        "auth: optional"
    );
}

#[test]
fn error_models_become_responses() {
    let doc = project();
    let user = operation(&doc, "/ISteamUser/GetPlayerSummaries/v2/", "get");
    for status in ["4XX", "5XX"] {
        let content = &user["responses"][status]["content"];
        assert_eq!(
            content["text/plain"]["schema"]["type"], "string",
            "{status}"
        );
        assert!(content.get("application/json").is_none());
    }
    let bptf = operation(&doc, "/api/notifications/folder/v1", "delete");
    assert_eq!(
        bptf["responses"]["4XX"]["content"]["application/json"]["schema"]["required"],
        json!(["message"])
    );
    // A message inside the envelope.
    let stats = operation(&doc, "/ISteamUserStats/GetPlayerAchievements/v1/", "get");
    let schema = &stats["responses"]["4XX"]["content"]["application/json"]["schema"];
    assert_eq!(
        schema["properties"]["playerstats"]["required"],
        json!(["error"])
    );
    // ISteamHub reports failure in a 2xx body's `success`.
    let hub = operation(&doc, "/ISteamHub/ResolveVanityURL/v1/", "get");
    let ok = &hub["responses"]["200"];
    assert_eq!(ok["x-success-code"]["field"], "success");
    assert_eq!(ok["x-success-code"]["success"], 1);
    assert_eq!(ok["x-success-code"]["codes"][0]["value"], 42);
    assert!(
        ok["description"]
            .as_str()
            .expect("text")
            .contains("42 (`no_match`)")
    );
}

#[test]
fn a_failure_example_stands_under_its_status() {
    let mut model = load("spec");
    let op = model
        .interfaces
        .get_mut("ISteamNews")
        .and_then(|i| i.operations.first_mut())
        .expect("GetNewsForApp");
    op.examples.push(Example {
        name: "unknown-app".into(),
        source: None,
        description: Some("An unknown appid.".into()),
        request: Some(json!({ "appid": 1 })),
        response: Some(json!({})),
        status: 403,
        corrections: Vec::new(),
        pos: op.pos.clone(),
    });
    let doc = openapi::document(&model);
    let news = operation(&doc, "/ISteamNews/GetNewsForApp/v2/", "get");
    let failure =
        &news["responses"]["403"]["content"]["application/json"]["examples"]["unknown-app"];
    assert_eq!(failure["value"], json!({}));
    assert!(
        news["responses"]["200"]["content"]["application/json"]["examples"]
            .get("unknown-app")
            .is_none()
    );
}

/// A validator for the schema at `schema` inside `doc` (references resolve in the document).
fn validator(doc: &Value, schema: &Value) -> jsonschema::Validator {
    let mut root = doc.clone();
    root["$schema"] = json!("https://json-schema.org/draft/2020-12/schema");
    if let Some(obj) = root.as_object_mut() {
        obj.remove("$ref");
    }
    let Value::Object(s) = schema else {
        panic!("schema {schema}")
    };
    for (k, v) in s {
        root[k] = v.clone();
    }
    jsonschema::draft202012::new(&root).unwrap_or_else(|e| panic!("{schema}: {e}"))
}

/// Every `(schema, examples)` pair below `node`: parameters and media types.
fn with_examples(node: &Value, out: &mut Vec<(Value, Value, String)>, at: &str) {
    match node {
        Value::Object(m) => {
            if let (Some(schema), Some(Value::Object(examples))) =
                (m.get("schema"), m.get("examples"))
            {
                for (name, ex) in examples {
                    out.push((
                        schema.clone(),
                        ex["value"].clone(),
                        format!("{at}/examples/{name}"),
                    ));
                }
            }
            for (k, v) in m {
                with_examples(v, out, &format!("{at}/{k}"));
            }
        }
        Value::Array(items) => {
            for (i, v) in items.iter().enumerate() {
                with_examples(v, out, &format!("{at}/{i}"));
            }
        }
        _ => {}
    }
}

#[test]
fn every_example_is_valid_against_its_schema() {
    for doc in [project(), encodings()] {
        let mut found = Vec::new();
        with_examples(&doc["paths"], &mut found, "#/paths");
        assert!(found.len() >= 6, "examples: {}", found.len());
        let mut errors = Vec::new();
        for (schema, value, at) in &found {
            // A form body's examples hold what the fields send; input_json's is JSON text's value.
            let v = validator(&doc, schema);
            for e in v.iter_errors(value) {
                errors.push(format!("{at}{}: {e}", e.instance_path()));
            }
        }
        assert!(errors.is_empty(), "{}", errors.join("\n"));
    }
    // The check can fail: a bool as JSON `true` is not what the parameter sends.
    let doc = encodings();
    let op = operation(&doc, "/ISteamRemoteStorage/EnumerateFiles/v1/", "get");
    let hidden = parameter(&op, "include_hidden");
    assert!(!validator(&doc, &hidden["schema"]).is_valid(&json!(true)));
    let ids = parameter(&op, "fileids");
    assert!(!validator(&doc, &ids["schema"]).is_valid(&json!(["7"])));
}

#[test]
fn every_reference_resolves() {
    fn walk(node: &Value, doc: &Value, bad: &mut Vec<String>) {
        match node {
            Value::Object(m) => {
                if let Some(Value::String(r)) = m.get("$ref") {
                    let target = r.strip_prefix('#').and_then(|p| doc.pointer(p));
                    if target.is_none() {
                        bad.push(r.clone());
                    }
                }
                m.values().for_each(|v| walk(v, doc, bad));
            }
            Value::Array(items) => items.iter().for_each(|v| walk(v, doc, bad)),
            _ => {}
        }
    }
    let doc = project();
    let mut bad = Vec::new();
    walk(&doc, &doc, &mut bad);
    assert!(bad.is_empty(), "unresolved: {bad:?}");
}

#[test]
fn the_written_file_is_the_document_with_the_marker_on_its_second_line() {
    let model = load("spec");
    let file = openapi::emit(&model);
    assert_eq!(file.path, "openapi.json");
    let second = file.contents.lines().nth(1).expect("two lines");
    assert!(
        second.contains(steamspec::generate::GENERATED_MARKER),
        "{second}"
    );
    let parsed: Value = serde_json::from_str(&file.contents).expect("JSON");
    assert_eq!(parsed, openapi::document(&model));
    assert_eq!(
        file.contents,
        openapi::emit(&model).contents,
        "deterministic"
    );
}

mod common;

#[test]
fn check_fails_when_openapi_json_is_stale_or_missing() {
    let spec = root().join("codegen/tests/valid-specs/query-parameter-encodings");
    let out = std::env::temp_dir().join(format!("steamspec-openapi-{}", std::process::id()));
    let _ = std::fs::remove_dir_all(&out);
    let (spec, dir) = (spec.to_str().expect("utf-8"), out.to_str().expect("utf-8"));
    let (code, _, stderr) = common::run_bin(&["generate", "--spec", spec, "--out", dir]);
    assert_eq!(code, 0, "{stderr}");
    let file = out.join("openapi.json");
    let text = std::fs::read_to_string(&file).expect("generate writes openapi.json");
    let (code, _, stderr) = common::run_bin(&["check", "--spec", spec, "--out", dir]);
    assert_eq!(code, 0, "fresh: {stderr}");
    std::fs::write(&file, text.replace("\"Lists files.\"", "\"Lists.\"")).expect("edit");
    let (code, _, stderr) = common::run_bin(&["check", "--spec", spec, "--out", dir]);
    assert_eq!(code, 1, "{stderr}");
    assert!(
        stderr.contains("openapi.json (on disk)")
            && stderr.contains("-        \"summary\": \"Lists.\""),
        "{stderr}"
    );
    std::fs::remove_file(&file).expect("remove");
    let (code, _, stderr) = common::run_bin(&["check", "--spec", spec, "--out", dir]);
    assert_eq!(code, 1, "{stderr}");
    assert!(stderr.contains("openapi.json: missing"), "{stderr}");
    let _ = std::fs::remove_dir_all(&out);
}
