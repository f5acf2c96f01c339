//! Each comparison rule on a small spec: type mapping, optionality habits, `listing:` notes,
//! publisher visibility.

use steamspec::drift::{self, Date, Listing};
use steamspec::load::{BUILTIN_PROVIDERS, Source, load_sources};
use steamspec::model::Model;

const SPEC: &str = r#"
interface: ITest
provider: steam
types:
  Mode:
    enum:
      repr: integer
      values:
        - {value: 0, name: Zero}
operations:
  - method: GetA
    version: 1
    http: GET
    description: d
    parameters:
      - {name: steamid, type: steamid, description: The user.}
      - {name: ids, type: array<uint64>, encoding: indexed}
      - {name: list, type: array<steamid>}
      - {name: count, type: uint32, optional: true}
      - {name: when, type: timestamp, optional: true}
      - {name: mode, type: Mode}
      - {name: lang, type: string, optional: true, listing: {optional: false, note: n}}
      - {name: filter, type: uint32, optional: true, listing: {type: string, note: n}}
      - {name: gone, type: string, optional: true, listing: {note: not in the listing}}
    response: {envelope: response, type: json}
  - method: PostB
    version: 1
    http: POST
    description: d
    response: {envelope: response, type: json}
  - method: GetFree
    version: 1
    http: GET
    auth: none
    description: d
    listing_description: Lists   free things.
    response: {envelope: response, type: json}
  - method: GetList
    version: 1
    http: GET
    auth: optional
    description: d
    response: {envelope: response, type: json}
  - method: Secret
    version: 1
    http: POST
    visibility: publisher
    description: d
    response: {envelope: response, type: json}
  - method: Secret2
    version: 1
    http: POST
    visibility: publisher
    description: d
    response: {envelope: response, type: json}
"#;

fn model() -> Model {
    let files = vec![Source {
        name: "steam/ITest.yaml".into(),
        text: SPEC.into(),
    }];
    let providers = Source {
        name: "providers.yaml".into(),
        text: BUILTIN_PROVIDERS.into(),
    };
    match load_sources(providers, files) {
        Ok(l) => l.model,
        Err(e) => panic!("{e}"),
    }
}

fn p(name: &str, ty: &str, optional: bool) -> serde_json::Value {
    serde_json::json!({"name": name, "type": ty, "optional": optional, "description": ""})
}

/// The listing that agrees with SPEC; `edit` changes it first.
fn listing(edit: impl FnOnce(&mut serde_json::Value)) -> Listing {
    let mut v = serde_json::json!({"apilist": {"interfaces": [{"name": "ITest", "methods": [
        {"name": "GetA", "version": 1, "httpmethod": "GET", "parameters": [
            p("key", "string", false),
            p("steamid", "uint64", false),
            p("ids[0]", "uint64", false),
            p("list", "string", false),
            p("count", "uint32", true),
            p("when", "uint32", true),
            p("mode", "{enum}", false),
            p("lang", "string", false),
            p("filter", "string", true),
        ]},
        {"name": "PostB", "version": 1, "httpmethod": "POST", "parameters": [p("key", "string", false)]},
        {"name": "GetFree", "version": 1, "httpmethod": "GET", "description": "Lists free\nthings", "parameters": []},
        {"name": "GetList", "version": 1, "httpmethod": "GET", "parameters": [p("key", "string", true)]},
    ]}]}});
    edit(&mut v);
    drift::listing::parse(v.to_string().as_bytes()).unwrap()
}

fn param<'a>(v: &'a mut serde_json::Value, name: &str) -> &'a mut serde_json::Value {
    v["apilist"]["interfaces"][0]["methods"][0]["parameters"]
        .as_array_mut()
        .unwrap()
        .iter_mut()
        .find(|p| p["name"] == name)
        .unwrap()
}

fn findings(l: &Listing) -> Vec<String> {
    let opts = drift::Options {
        today: Date::new(2026, 1, 1).unwrap(),
        ..Default::default()
    };
    drift::check(&model(), l, &opts)
        .unwrap()
        .findings
        .iter()
        .map(|f| format!("{} {} {}: {}", f.severity, f.rule, f.subject(), f.message))
        .collect()
}

#[test]
fn agreeing_listing_has_no_drift_but_unverifiable_publisher_methods() {
    assert_eq!(
        findings(&listing(|_| {})),
        [
            "info method-not-visible Secret v1: ITest/Secret/v1 is publisher-only and the listing shows no publisher-only method (fetched with an ordinary key?): cannot be verified",
            "info method-not-visible Secret2 v1: ITest/Secret2/v1 is publisher-only and the listing shows no publisher-only method (fetched with an ordinary key?): cannot be verified",
        ]
    );
    // Shown one publisher method, the listing is a publisher view: the other one is removed.
    let f = findings(&listing(|v| {
        v["apilist"]["interfaces"][0]["methods"]
            .as_array_mut()
            .unwrap()
            .push(serde_json::json!({"name": "Secret", "version": 1, "httpmethod": "POST", "parameters": [p("key", "string", false)]}));
    }));
    assert_eq!(
        f,
        [
            "breaking method-removed Secret2 v1: ITest/Secret2/v1 is in the spec but not in the listing"
        ]
    );
}

fn changed(edit: impl FnOnce(&mut serde_json::Value)) -> Vec<String> {
    findings(&listing(edit))
        .into_iter()
        .filter(|f| !f.contains("method-not-visible"))
        .collect()
}

#[test]
fn http_method() {
    assert_eq!(
        changed(|v| v["apilist"]["interfaces"][0]["methods"][1]["httpmethod"] = "GET".into()),
        ["breaking http-method-changed PostB v1: the listing says GET, the spec POST"]
    );
    // Case does not matter.
    assert!(
        changed(|v| v["apilist"]["interfaces"][0]["methods"][1]["httpmethod"] = "post".into())
            .is_empty()
    );
}

#[test]
fn types() {
    assert_eq!(
        changed(|v| param(v, "steamid")["type"] = "string".into()),
        [
            "breaking parameter-type-changed GetA v1 steamid: the listing types 'steamid' as string; the spec's steamid would be listed as uint64"
        ]
    );
    assert_eq!(
        changed(|v| param(v, "ids[0]")["name"] = "ids".into()),
        [
            "breaking parameter-type-changed GetA v1 ids: the listing types 'ids' as uint64; the spec's array<uint64> would be listed as uint64 as name[0]"
        ]
    );
    assert_eq!(
        changed(|v| param(v, "mode")["type"] = "string".into()),
        [
            "breaking parameter-type-changed GetA v1 mode: the listing types 'mode' as string; the spec's Mode would be listed as {enum} or int32 or uint32"
        ]
    );
    assert!(changed(|v| param(v, "mode")["type"] = "int32".into()).is_empty());
    assert!(changed(|v| param(v, "when")["type"] = "uint32".into()).is_empty());
    // The recorded listing type, or the spec's own, are fine; anything else is reported.
    assert!(changed(|v| param(v, "filter")["type"] = "uint32".into()).is_empty());
    assert_eq!(
        changed(|v| param(v, "filter")["type"] = "bool".into()),
        [
            "breaking parameter-type-changed GetA v1 filter: the listing types 'filter' as bool; the spec's uint32 would be listed as uint32 (the spec records the listing's type as string)"
        ]
    );
}

#[test]
fn optionality() {
    assert_eq!(
        changed(|v| param(v, "count")["optional"] = false.into()),
        [
            "warning parameter-optionality-changed GetA v1 count: the listing marks 'count' required (optional: false), the spec optional"
        ]
    );
    // The listing's habit: optional: false on "(Optional)" parameters.
    assert!(
        changed(|v| {
            let c = param(v, "count");
            c["optional"] = false.into();
            c["description"] = "(Optional) How many.".into();
        })
        .is_empty()
    );
    assert_eq!(
        changed(|v| param(v, "steamid")["optional"] = true.into()),
        [
            // Looser than the spec: no caller breaks.
            "info parameter-optionality-changed GetA v1 steamid: the listing marks 'steamid' optional (optional: true), the spec required"
        ]
    );
    // `lang` records optional: false; true agrees with the spec. Both are fine.
    assert!(changed(|v| param(v, "lang")["optional"] = true.into()).is_empty());
}

#[test]
fn parameters_added_and_removed() {
    let f = changed(|v| {
        let ps = v["apilist"]["interfaces"][0]["methods"][0]["parameters"]
            .as_array_mut()
            .unwrap();
        ps.retain(|p| p["name"] != "count");
        ps.push(p("new_required", "bool", false));
        ps.push(p("new_optional", "bool", true));
        ps.push(serde_json::json!({"name": "new_described", "type": "bool", "optional": false, "description": "(Optional) maybe"}));
        ps.push(p("format", "string", false));
    });
    assert_eq!(
        f,
        [
            "breaking parameter-removed GetA v1 count: parameter 'count' is in the spec but not in the listing",
            "info parameter-added GetA v1 new_described: the listing has parameter 'new_described' (bool, marked required but described \"(Optional)\") that the spec does not describe",
            "info parameter-added GetA v1 new_optional: the listing has parameter 'new_optional' (bool, optional) that the spec does not describe",
            "warning parameter-added GetA v1 new_required: the listing has parameter 'new_required' (bool, required) that the spec does not describe",
        ]
    );
    // `gone` is recorded as absent from the listing: listed or not, no finding.
    assert!(
        changed(|v| {
            let ps = v["apilist"]["interfaces"][0]["methods"][0]["parameters"]
                .as_array_mut()
                .unwrap();
            ps.push(p("gone", "string", true));
        })
        .is_empty()
    );
}

#[test]
fn a_parameter_listed_twice_is_compared_each_way_it_is_listed() {
    let push = |extra: Vec<serde_json::Value>| {
        changed(move |v| {
            let ps = v["apilist"]["interfaces"][0]["methods"][0]["parameters"]
                .as_array_mut()
                .unwrap();
            ps.extend(extra);
        })
    };
    // An exact copy adds nothing.
    assert!(push(vec![p("count", "uint32", true)]).is_empty());
    // Listed again with another type: the second listing is compared too, not dropped.
    assert_eq!(
        push(vec![p("count", "string", true)]),
        [
            "breaking parameter-type-changed GetA v1 count: the listing types 'count' as string; the spec's uint32 would be listed as uint32 (the listing names it again, with another type or optionality, at parameters[9])"
        ]
    );
    // A parameter the spec lacks, listed twice in two ways: both are reported.
    assert_eq!(
        push(vec![p("extra", "bool", true), p("extra", "bool", false)]),
        [
            "info parameter-added GetA v1 extra: the listing has parameter 'extra' (bool, optional) that the spec does not describe",
            "warning parameter-added GetA v1 extra: the listing has parameter 'extra' (bool, required) that the spec does not describe (the listing names it again, with another type or optionality, at parameters[10])"
        ]
    );
}

#[test]
fn methods_versions_interfaces() {
    let f = changed(|v| {
        let ms = v["apilist"]["interfaces"][0]["methods"]
            .as_array_mut()
            .unwrap();
        ms.push(serde_json::json!({"name": "PostB", "version": 2, "httpmethod": "POST", "parameters": []}));
        ms.push(serde_json::json!({"name": "GetA", "version": 3, "httpmethod": "GET"}));
        ms.push(serde_json::json!({"name": "GetC", "version": 1, "httpmethod": "GET"}));
        ms.retain(|m| m["name"] != "PostB" || m["version"] != 1);
        let is = v["apilist"]["interfaces"].as_array_mut().unwrap();
        is.push(serde_json::json!({"name": "INew", "methods": []}));
        is.push(serde_json::json!({"name": "IGame_440", "methods": []}));
    });
    assert_eq!(
        f,
        [
            "info interface-added : the listing has interface INew (0 method version(s)) that no spec file describes",
            "info version-added GetA v3: the listing has GetA v3, newer than the specified v1",
            "info method-added GetC v1: the listing has GetC v1, which the spec does not describe",
            "breaking method-removed PostB v1: ITest/PostB/v1 is in the spec but not in the listing",
            "info version-added PostB v2: the listing has PostB v2, newer than the specified v1",
        ]
    );
}

fn method<'a>(v: &'a mut serde_json::Value, name: &str) -> &'a mut serde_json::Value {
    v["apilist"]["interfaces"][0]["methods"]
        .as_array_mut()
        .unwrap()
        .iter_mut()
        .find(|m| m["name"] == name)
        .unwrap()
}

#[test]
fn auth() {
    // A key the method now needs and the client would not send: breaking.
    assert_eq!(
        changed(
            |v| method(v, "GetFree")["parameters"] = serde_json::json!([p("key", "string", false)])
        ),
        [
            "breaking auth-changed GetFree v1 key: the listing marks 'key' required, the spec says `auth: none`"
        ]
    );
    assert_eq!(
        changed(
            |v| method(v, "GetList")["parameters"] = serde_json::json!([p("key", "string", false)])
        ),
        [
            "breaking auth-changed GetList v1 key: the listing marks 'key' required, the spec says `auth: optional`"
        ]
    );
    // A key no longer needed: the client sends a secret where it is not taken.
    assert_eq!(
        changed(|v| method(v, "PostB")["parameters"] = serde_json::json!([])),
        [
            "warning auth-changed PostB v1 key: the listing has no 'key' parameter, the spec says `auth: required`"
        ]
    );
    assert_eq!(
        changed(
            |v| method(v, "GetFree")["parameters"] = serde_json::json!([p("key", "string", true)])
        ),
        [
            "warning auth-changed GetFree v1 key: the listing marks 'key' optional, the spec says `auth: none`"
        ]
    );
}

#[test]
fn descriptions() {
    // The spec's description stands for the listing's when nothing else is recorded.
    assert_eq!(
        changed(|v| v["apilist"]["interfaces"][0]["methods"][0]["description"] = "Gets A".into()),
        [
            "info description-changed GetA v1: the listing's description of ITest/GetA/v1 changed: now \"Gets A\", the spec's description has \"d\""
        ]
    );
    // `listing_description` is compared instead: whitespace and a final period are no change.
    assert_eq!(
        changed(
            |v| v["apilist"]["interfaces"][0]["methods"][2]["description"] =
                "Deprecated: use GetList instead".into()
        ),
        [
            "warning description-changed GetFree v1: the listing's description of ITest/GetFree/v1 changed and speaks of deprecation or removal: now \"Deprecated: use GetList instead\", the spec's listing_description has \"Lists free things\""
        ]
    );
    assert_eq!(
        changed(|v| v["apilist"]["interfaces"][0]["methods"][2]
            .as_object_mut()
            .unwrap()
            .remove("description")
            .map(|_| ())
            .unwrap()),
        [
            "info description-changed GetFree v1: the listing no longer describes ITest/GetFree/v1; the spec's listing_description has \"Lists free things\""
        ]
    );
    // Parameters: a listing without a text says nothing; a new text is reported.
    assert!(changed(|v| param(v, "steamid")["description"] = "The user".into()).is_empty());
    assert_eq!(
        changed(|v| param(v, "steamid")["description"] = "No longer supported".into()),
        [
            "warning description-changed GetA v1 steamid: the listing's description of parameter 'steamid' changed and speaks of deprecation or removal: now \"No longer supported\", the spec's description has \"The user\""
        ]
    );
    assert_eq!(
        changed(|v| param(v, "steamid")["description"] = "The user, or a group".into()),
        [
            "info description-changed GetA v1 steamid: the listing's description of parameter 'steamid' changed: now \"The user, or a group\", the spec's description has \"The user\""
        ]
    );
}
