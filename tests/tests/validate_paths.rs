//! Paths of violations: nesting through the trait, sequences, options,
//! maps, enums under each serde tagging, and serde renames.

use std::collections::{BTreeMap, HashMap};

use serde::Serialize;
use steam_webapi::validate::{Validate, ValidationErrors};

fn paths(errors: &ValidationErrors) -> Vec<(&str, &str)> {
    errors.iter().map(|e| (e.path(), e.rule())).collect()
}

#[derive(steam_webapi::Validate, Serialize, Clone)]
struct User {
    #[schemars(length(min = 1, max = 32))]
    name: String,
    #[schemars(regex(pattern = r"^\d{17}$"))]
    steamid: String,
}

fn user() -> User {
    User {
        name: "gaben".into(),
        steamid: "76561197960287930".into(),
    }
}

fn bad_user() -> User {
    User {
        name: "gaben".into(),
        steamid: "nope".into(),
    }
}

#[derive(steam_webapi::Validate)]
struct Roster {
    owner: Box<User>,
    users: Vec<User>,
    backup: Option<User>,
    hubs: BTreeMap<u32, User>,
    by_name: HashMap<String, User>,
}

fn roster() -> Roster {
    Roster {
        owner: Box::new(user()),
        users: vec![user(), user(), user()],
        backup: None,
        hubs: BTreeMap::from([(123, user())]),
        by_name: HashMap::from([("a.b".to_owned(), user())]),
    }
}

#[test]
fn nested_structs_are_validated_without_attributes() {
    assert!(roster().validate().is_ok());
    let mut roster = roster();
    *roster.owner = bad_user();
    roster.users[2] = bad_user();
    roster.backup = Some(bad_user());
    roster.hubs.insert(7, bad_user());
    roster.by_name.insert("a.b".into(), bad_user());
    let errors = roster.validate().unwrap_err();
    assert_eq!(
        paths(&errors),
        [
            ("owner.steamid", "pattern"),
            ("users[2].steamid", "pattern"),
            ("backup.steamid", "pattern"),
            (r#"hubs["7"].steamid"#, "pattern"),
            (r#"by_name["a.b"].steamid"#, "pattern"),
        ]
    );
}

#[derive(steam_webapi::Validate)]
struct Variable {
    #[schemars(length(min = 1))]
    key: String,
}

#[derive(steam_webapi::Validate)]
struct Title {
    variables: Vec<Variable>,
}

#[derive(steam_webapi::Validate)]
struct Notification {
    title: Title,
}

#[test]
fn deep_path() {
    let n = Notification {
        title: Title {
            variables: vec![Variable { key: String::new() }],
        },
    };
    assert_eq!(
        paths(&n.validate().unwrap_err()),
        [("title.variables[0].key", "length")]
    );
}

#[derive(steam_webapi::Validate, Serialize)]
#[serde(rename_all = "camelCase")]
struct Renamed {
    #[schemars(range(max = 1))]
    app_id: u32,
    #[serde(rename = "SteamID")]
    #[schemars(range(max = 1))]
    steam_id: u64,
    #[serde(rename(serialize = "ser_name", deserialize = "de_name"))]
    #[schemars(range(max = 1))]
    both_names: u8,
    #[serde(flatten)]
    extra: Extra,
    r#type: Typed,
}

#[derive(steam_webapi::Validate, Serialize)]
#[serde(rename_all = "SCREAMING-KEBAB-CASE")]
struct Extra {
    #[schemars(range(max = 1))]
    flat_field: u8,
}

#[derive(steam_webapi::Validate, Serialize)]
#[serde(transparent)]
struct Typed {
    #[schemars(range(max = 1))]
    value: u8,
}

#[test]
fn serde_renames_are_respected() {
    let renamed = Renamed {
        app_id: 2,
        steam_id: 2,
        both_names: 2,
        extra: Extra { flat_field: 2 },
        r#type: Typed { value: 2 },
    };
    let errors = renamed.validate().unwrap_err();
    assert_eq!(
        paths(&errors),
        [
            ("appId", "range"),
            ("SteamID", "range"),
            ("ser_name", "range"),
            ("FLAT-FIELD", "range"),
            ("type", "range"),
        ]
    );
    // The same names serde writes.
    let json = serde_json::to_value(&renamed).unwrap();
    for error in &errors {
        assert!(
            json.pointer(&format!("/{}", error.path())).is_some(),
            "{} not in {json}",
            error.path()
        );
    }
}

#[derive(steam_webapi::Validate, Serialize)]
#[serde(rename_all = "snake_case", rename_all_fields = "camelCase")]
enum External {
    Unit,
    TradeOffer {
        #[schemars(length(max = 1))]
        item_ids: Vec<u64>,
    },
    Player(User),
    Pair(
        #[schemars(range(max = 1))] u8,
        #[schemars(range(max = 1))] u8,
    ),
    /// `Cell` does not implement `Validate`: fine, the variant is skipped.
    #[validate(skip)]
    Ignored(std::cell::Cell<u8>),
}

#[test]
fn externally_tagged_enum_paths() {
    assert!(External::Unit.validate().is_ok());
    assert!(External::Ignored(9.into()).validate().is_ok());
    let cases = [
        (
            External::TradeOffer {
                item_ids: vec![1, 2],
            },
            "trade_offer.itemIds",
        ),
        (External::Player(bad_user()), "player.steamid"),
        (External::Pair(0, 5), "pair[1]"),
    ];
    for (value, path) in cases {
        let errors = value.validate().unwrap_err();
        assert_eq!(errors.iter().map(|e| e.path()).collect::<Vec<_>>(), [path]);
        let json = serde_json::to_value(&value).unwrap();
        let pointer = format!("/{}", path.replace(['.', '['], "/").replace(']', ""));
        assert!(json.pointer(&pointer).is_some(), "{pointer} not in {json}");
    }
}

#[derive(steam_webapi::Validate, Serialize)]
#[serde(tag = "type")]
#[allow(dead_code)]
enum Internal {
    Hub {
        #[serde(rename = "hubId")]
        #[schemars(range(min = 1))]
        hub_id: u32,
    },
    Player(User),
}

#[derive(steam_webapi::Validate, Serialize)]
#[serde(tag = "t", content = "c")]
enum Adjacent {
    Hub {
        #[schemars(range(min = 1))]
        hub_id: u32,
    },
    Pair(#[schemars(range(min = 1))] u32, u32),
}

#[derive(steam_webapi::Validate, Serialize)]
#[serde(untagged)]
enum Untagged {
    Hub {
        #[schemars(range(min = 1))]
        hub_id: u32,
    },
}

#[test]
fn other_taggings() {
    let e = Internal::Hub { hub_id: 0 }.validate().unwrap_err();
    assert_eq!(paths(&e), [("hubId", "range")]);
    let e = Internal::Player(bad_user()).validate().unwrap_err();
    assert_eq!(paths(&e), [("steamid", "pattern")]);
    let e = Adjacent::Hub { hub_id: 0 }.validate().unwrap_err();
    assert_eq!(paths(&e), [("c.hub_id", "range")]);
    let e = Adjacent::Pair(0, 0).validate().unwrap_err();
    assert_eq!(paths(&e), [("c[0]", "range")]);
    let e = Untagged::Hub { hub_id: 0 }.validate().unwrap_err();
    assert_eq!(paths(&e), [("hub_id", "range")]);
}

#[derive(steam_webapi::Validate)]
struct Page<T> {
    items: Vec<T>,
    #[schemars(range(max = 100))]
    count: u32,
}

#[test]
fn generic_types_validate_their_parameters() {
    let page = Page {
        items: vec![user(), bad_user()],
        count: 101,
    };
    assert_eq!(
        paths(&page.validate().unwrap_err()),
        [("items[1].steamid", "pattern"), ("count", "range")]
    );
    assert!(
        Page::<u8> {
            items: vec![1],
            count: 1
        }
        .validate()
        .is_ok()
    );
}

#[test]
fn std_containers_and_tuples() {
    let tuple = (user(), vec![bad_user()]);
    assert_eq!(
        paths(&tuple.validate().unwrap_err()),
        [("[1][0].steamid", "pattern")]
    );
    let value = serde_json::json!({"anything": [1, 2]});
    assert!(value.validate().is_ok());
}
