//! One attribute, two consumers: the constraints written in `#[schemars(...)]`
//! show up in schemars' JSON Schema and are checked by `Validate`, and
//! schemars compiles with our `#[validate(...)]` items beside them.

use schemars::JsonSchema;
use serde::{Deserialize, Serialize};
use serde_json::{Value, json};
use steam_webapi::validate::Validate;

fn not_reserved(name: &str) -> Result<(), String> {
    if name == "root" {
        Err("reserved".into())
    } else {
        Ok(())
    }
}

#[derive(JsonSchema, steam_webapi::Validate, Serialize, Deserialize, Clone)]
#[serde(rename_all = "camelCase")]
#[schemars(description = "A player")]
#[validate(at_least_one_of(steam_id, vanity))]
struct Player {
    /// The display name.
    #[schemars(length(min = 1, max = 32), description = "shown in the UI")]
    #[validate(custom(function = not_reserved))]
    name: String,
    #[schemars(range(min = 1, max = 100))]
    level: u32,
    #[schemars(regex(pattern = r"^\d{17}$"))]
    steam_id: Option<String>,
    #[schemars(pattern(r"^[a-z]+$"))]
    vanity: Option<String>,
    #[schemars(
        length(max = 3),
        inner(length(min = 1, max = 8), regex(pattern = "^[a-z]+$"))
    )]
    tags: Vec<String>,
    #[schemars(inner(range(min = 0.5, max = 2.5)))]
    weights: Vec<f64>,
    #[validate(one_of("public", "private"))]
    visibility: String,
    #[validate(inner(one_of(1, 2, 3)))]
    badges: Vec<u8>,
    #[validate(skip)]
    #[schemars(with = "String")]
    note: Note,
}

/// Neither `Validate` nor `JsonSchema`.
#[derive(Serialize, Deserialize, Clone)]
struct Note(String);

fn player() -> Player {
    Player {
        name: "gaben".into(),
        level: 10,
        steam_id: Some("76561197960287930".into()),
        vanity: None,
        tags: vec!["tf".into()],
        weights: vec![1.0],
        visibility: "public".into(),
        badges: vec![1, 3],
        note: Note(String::new()),
    }
}

fn schema() -> Value {
    serde_json::to_value(schemars::schema_for!(Player)).unwrap()
}

#[test]
fn schema_carries_the_constraints() {
    let schema = schema();
    let props = &schema["properties"];
    assert_eq!(props["name"]["minLength"], 1, "{schema:#}");
    assert_eq!(props["name"]["maxLength"], 32);
    assert_eq!(props["name"]["description"], "shown in the UI");
    assert_eq!(props["level"]["minimum"], 1);
    assert_eq!(props["level"]["maximum"], 100);
    assert_eq!(props["steamId"]["pattern"], r"^\d{17}$");
    assert_eq!(props["vanity"]["pattern"], "^[a-z]+$");
    assert_eq!(props["tags"]["maxItems"], 3);
    assert_eq!(props["tags"]["items"]["minLength"], 1);
    assert_eq!(props["tags"]["items"]["maxLength"], 8);
    assert_eq!(props["tags"]["items"]["pattern"], "^[a-z]+$");
    assert_eq!(props["weights"]["items"]["minimum"], 0.5);
    assert_eq!(props["weights"]["items"]["maximum"], 2.5);
    assert_eq!(schema["description"], "A player");
}

/// Instances that differ from a valid player in one schema-expressible way.
fn variants() -> Vec<(&'static str, Player)> {
    let p = player;
    vec![
        ("valid", p()),
        (
            "empty name",
            Player {
                name: String::new(),
                ..p()
            },
        ),
        (
            "long name",
            Player {
                name: "é".repeat(33),
                ..p()
            },
        ),
        (
            "32 wide chars",
            Player {
                name: "é".repeat(32),
                ..p()
            },
        ),
        ("level 0", Player { level: 0, ..p() }),
        ("level 1", Player { level: 1, ..p() }),
        ("level 100", Player { level: 100, ..p() }),
        ("level 101", Player { level: 101, ..p() }),
        (
            "short steamid",
            Player {
                steam_id: Some("7656".into()),
                ..p()
            },
        ),
        (
            "vanity caps",
            Player {
                vanity: Some("Gaben".into()),
                ..p()
            },
        ),
        (
            "vanity ok",
            Player {
                vanity: Some("gaben".into()),
                ..p()
            },
        ),
        (
            "4 tags",
            Player {
                tags: vec!["a".into(); 4],
                ..p()
            },
        ),
        (
            "empty tag",
            Player {
                tags: vec![String::new()],
                ..p()
            },
        ),
        (
            "long tag",
            Player {
                tags: vec!["abcdefghi".into()],
                ..p()
            },
        ),
        (
            "tag caps",
            Player {
                tags: vec!["A".into()],
                ..p()
            },
        ),
        (
            "weight 0.4",
            Player {
                weights: vec![0.4],
                ..p()
            },
        ),
        (
            "weight 2.5",
            Player {
                weights: vec![2.5],
                ..p()
            },
        ),
        (
            "weight 2.6",
            Player {
                weights: vec![1.0, 2.6],
                ..p()
            },
        ),
    ]
}

#[test]
fn validate_agrees_with_the_schema() {
    let validator = jsonschema::validator_for(&schema()).unwrap();
    let mut rejected = 0;
    for (name, player) in variants() {
        let instance = serde_json::to_value(&player).unwrap();
        let by_schema = validator.is_valid(&instance);
        let by_derive = player.validate().is_ok();
        assert_eq!(
            by_schema, by_derive,
            "{name}: schema says {by_schema}, derive says {by_derive}"
        );
        rejected += usize::from(!by_derive);
    }
    assert_eq!(rejected, 12);
}

#[test]
fn validation_only_rules_are_checked_but_not_in_the_schema() {
    let schema = schema().to_string();
    assert!(!schema.contains("public"), "one_of leaked into {schema}");

    let bad = Player {
        name: "root".into(),
        steam_id: None,
        visibility: "friends".into(),
        badges: vec![4],
        ..player()
    };
    // Valid for the schema, not for `Validate`.
    let instance = serde_json::to_value(&bad).unwrap();
    assert!(jsonschema::is_valid(
        &json!(schemars::schema_for!(Player)),
        &instance
    ));
    let errors = bad.validate().unwrap_err();
    let got: Vec<_> = errors.iter().map(|e| (e.path(), e.rule())).collect();
    assert_eq!(
        got,
        [
            ("name", "custom"),
            ("visibility", "one_of"),
            ("badges[0]", "one_of"),
            ("", "at_least_one_of"),
        ]
    );
}
