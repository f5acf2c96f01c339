//! `#[derive(Validate)]`: one test per rule, each rejecting a bad value with
//! the right path, rule and parameters and accepting a good one.

use std::collections::{BTreeMap, HashSet};

use serde_json::json;
use steam_webapi::validate::{Validate, ValidationError, ValidationErrors};

/// The single error of `value`, which must have exactly one.
fn only_error(value: &impl Validate) -> ValidationError {
    let errors = value.validate().expect_err("expected a violation");
    assert_eq!(errors.len(), 1, "expected one violation, got:\n{errors}");
    errors.into_iter().next().unwrap()
}

fn params(error: &ValidationError) -> serde_json::Value {
    serde_json::Value::Object(error.params().clone())
}

#[derive(steam_webapi::Validate)]
struct Named {
    #[schemars(length(min = 1, max = 3))]
    name: String,
}

#[test]
fn length_counts_chars_not_bytes() {
    // Three chars in six bytes: JSON Schema counts 3.
    assert!(
        Named {
            name: "ééé".into()
        }
        .validate()
        .is_ok()
    );
    assert!(Named { name: "a".into() }.validate().is_ok());

    let error = only_error(&Named {
        name: "éééé".into(),
    });
    assert_eq!(error.path(), "name");
    assert_eq!(error.rule(), "length");
    assert_eq!(params(&error), json!({"min": 1, "max": 3}));
    assert_eq!(
        error.message(),
        "length must be between 1 and 3 characters, got 4"
    );

    let error = only_error(&Named {
        name: String::new(),
    });
    assert_eq!(error.rule(), "length");
    assert_eq!(
        error.message(),
        "length must be between 1 and 3 characters, got 0"
    );
}

#[derive(steam_webapi::Validate)]
struct Exact {
    #[schemars(length(equal = 17))]
    steamid: &'static str,
    #[schemars(length(max = 2))]
    tags: Vec<u8>,
    #[schemars(length(min = 1))]
    set: HashSet<u32>,
    #[schemars(length(max = 1))]
    map: BTreeMap<String, u32>,
    #[schemars(length(max = 2))]
    slice: &'static [u8],
}

#[test]
fn length_on_collections_is_rule_items() {
    let good = Exact {
        steamid: "76561197960287930",
        tags: vec![1, 2],
        set: HashSet::from([1]),
        map: BTreeMap::from([("a".into(), 1)]),
        slice: &[1],
    };
    assert!(good.validate().is_ok());

    let bad = Exact {
        steamid: "7656",
        tags: vec![1, 2, 3],
        set: HashSet::new(),
        map: BTreeMap::from([("a".into(), 1), ("b".into(), 2)]),
        slice: &[1, 2, 3],
    };
    let errors = bad.validate().unwrap_err();
    let got: Vec<_> = errors
        .iter()
        .map(|e| (e.path(), e.rule(), params(e)))
        .collect();
    assert_eq!(
        got,
        [
            ("steamid", "length", json!({"min": 17, "max": 17})),
            ("tags", "items", json!({"max": 2})),
            ("set", "items", json!({"min": 1})),
            ("map", "items", json!({"max": 1})),
            ("slice", "items", json!({"max": 2})),
        ]
    );
    assert_eq!(
        errors.as_slice()[0].message(),
        "length must be exactly 17 characters, got 4"
    );
    assert_eq!(
        errors.as_slice()[1].message(),
        "must have at most 2 items, got 3"
    );
}

#[derive(steam_webapi::Validate)]
struct Ranges {
    #[schemars(range(min = 1, max = 4294967295u32))]
    appid: u32,
    #[schemars(range(max = 18446744073709551615u64))]
    steamid: u64,
    #[schemars(range(min = -10, max = 10))]
    offset: i32,
    #[schemars(range(min = 0, max = 1))]
    ratio: f64,
    #[schemars(range(min = 0.5))]
    weight: f32,
}

fn ranges() -> Ranges {
    Ranges {
        appid: 440,
        steamid: u64::MAX,
        offset: -10,
        ratio: 1.0,
        weight: 0.5,
    }
}

#[test]
fn range_accepts_bounds_inclusive() {
    assert!(ranges().validate().is_ok());
    assert!(
        Ranges {
            appid: u32::MAX,
            ..ranges()
        }
        .validate()
        .is_ok()
    );
}

#[test]
fn range_rejects_each_side() {
    let error = only_error(&Ranges {
        appid: 0,
        ..ranges()
    });
    assert_eq!((error.path(), error.rule()), ("appid", "range"));
    assert_eq!(params(&error), json!({"min": 1, "max": 4294967295u32}));
    assert_eq!(error.message(), "must be between 1 and 4294967295");

    let error = only_error(&Ranges {
        offset: 11,
        ..ranges()
    });
    assert_eq!((error.path(), error.rule()), ("offset", "range"));
    assert_eq!(params(&error), json!({"min": -10, "max": 10}));

    // Integer bounds on a float field; NaN is never within.
    let error = only_error(&Ranges {
        ratio: 1.5,
        ..ranges()
    });
    assert_eq!((error.path(), error.rule()), ("ratio", "range"));
    assert_eq!(params(&error), json!({"min": 0.0, "max": 1.0}));
    assert_eq!(
        only_error(&Ranges {
            ratio: f64::NAN,
            ..ranges()
        })
        .path(),
        "ratio"
    );

    let error = only_error(&Ranges {
        weight: 0.25,
        ..ranges()
    });
    assert_eq!(error.message(), "must be at least 0.5");
    assert_eq!(params(&error), json!({"min": 0.5}));
}

#[derive(steam_webapi::Validate)]
struct Patterns {
    #[schemars(regex(pattern = r"^\d{17}$"))]
    steamid: String,
    #[schemars(pattern(r"^[a-z]+$"))]
    slug: Option<String>,
}

#[test]
fn pattern_both_spellings() {
    let good = Patterns {
        steamid: "76561197960287930".into(),
        slug: Some("tf".into()),
    };
    assert!(good.validate().is_ok());
    assert!(Patterns { slug: None, ..good }.validate().is_ok());

    let error = only_error(&Patterns {
        steamid: "7656119796028793X".into(),
        slug: None,
    });
    assert_eq!((error.path(), error.rule()), ("steamid", "pattern"));
    assert_eq!(params(&error), json!({"pattern": r"^\d{17}$"}));
    assert_eq!(error.message(), r#"does not match the pattern "^\\d{17}$""#);

    let error = only_error(&Patterns {
        steamid: "76561197960287930".into(),
        slug: Some("TF2".into()),
    });
    assert_eq!((error.path(), error.rule()), ("slug", "pattern"));
    assert_eq!(params(&error), json!({"pattern": "^[a-z]+$"}));
}

#[derive(steam_webapi::Validate)]
struct HugePattern {
    // Valid syntax (the derive accepts it), past the regex engine's size limit once compiled.
    #[schemars(pattern("(a{1000}){1000}"))]
    text: String,
}

#[test]
fn a_pattern_too_large_to_compile_is_an_error_not_a_panic() {
    for _ in 0..2 {
        // The second call reads the stored error: the failure is kept, not retried or lost.
        let error = only_error(&HugePattern { text: "a".into() });
        assert_eq!((error.path(), error.rule()), ("text", "pattern"));
        assert!(
            error.message().starts_with(
                r#"cannot be checked: the pattern "(a{1000}){1000}" does not compile: "#
            ),
            "{}",
            error.message()
        );
        assert_eq!(params(&error)["pattern"], json!("(a{1000}){1000}"));
        assert!(
            params(&error)["error"]
                .as_str()
                .is_some_and(|e| e.contains("size limit"))
        );
    }
}

#[derive(steam_webapi::Validate)]
struct OneOf {
    #[validate(one_of("public", "private"))]
    visibility: String,
    #[validate(one_of(1, 2, -3))]
    level: i64,
    #[validate(one_of('a', 'b'))]
    grade: Option<char>,
}

#[test]
fn one_of_strings_numbers_chars() {
    let good = OneOf {
        visibility: "private".into(),
        level: -3,
        grade: Some('a'),
    };
    assert!(good.validate().is_ok());

    let errors = OneOf {
        visibility: "friends".into(),
        level: 3,
        grade: Some('c'),
    }
    .validate()
    .unwrap_err();
    let got: Vec<_> = errors
        .iter()
        .map(|e| (e.path(), e.rule(), params(e)))
        .collect();
    assert_eq!(
        got,
        [
            (
                "visibility",
                "one_of",
                json!({"values": ["public", "private"]})
            ),
            ("level", "one_of", json!({"values": [1, 2, -3]})),
            ("grade", "one_of", json!({"values": ["a", "b"]})),
        ]
    );
    assert_eq!(
        errors.as_slice()[0].message(),
        r#"must be one of "public", "private""#
    );
}

fn even(n: &u32) -> Result<(), String> {
    if n.is_multiple_of(2) {
        Ok(())
    } else {
        Err(format!("{n} is odd"))
    }
}

mod checks {
    pub fn not_admin(name: &str) -> Result<(), &'static str> {
        if name == "admin" {
            Err("reserved name")
        } else {
            Ok(())
        }
    }
}

fn ordered(span: &Span) -> Result<(), String> {
    if span.start <= span.end {
        Ok(())
    } else {
        Err("start is after end".into())
    }
}

#[derive(steam_webapi::Validate)]
#[validate(custom(function = ordered))]
struct Span {
    #[validate(custom(function = even))]
    start: u32,
    #[validate(custom(function = even))]
    end: u32,
    #[validate(custom(function = checks::not_admin))]
    owner: Option<String>,
}

#[test]
fn custom_on_fields_options_and_container() {
    assert!(
        Span {
            start: 2,
            end: 4,
            owner: None
        }
        .validate()
        .is_ok()
    );
    assert!(
        Span {
            start: 2,
            end: 4,
            owner: Some("bob".into())
        }
        .validate()
        .is_ok()
    );

    let errors = Span {
        start: 6,
        end: 3,
        owner: Some("admin".into()),
    }
    .validate()
    .unwrap_err();
    let got: Vec<_> = errors
        .iter()
        .map(|e| (e.path(), e.rule(), e.message(), params(e)))
        .collect();
    assert_eq!(
        got,
        [
            ("end", "custom", "3 is odd", json!({"function": "even"})),
            (
                "owner",
                "custom",
                "reserved name",
                json!({"function": "checks::not_admin"})
            ),
            (
                "",
                "custom",
                "start is after end",
                json!({"function": "ordered"})
            ),
        ]
    );
}

#[derive(steam_webapi::Validate)]
#[validate(at_least_one_of(steamid, vanity_url))]
#[validate(required_if(field = cursor, when = paginate))]
#[validate(required_if(field = reason, when = state, equals = "banned"))]
struct Lookup {
    steamid: Option<u64>,
    vanity_url: Option<String>,
    paginate: bool,
    cursor: Option<String>,
    state: Option<String>,
    reason: Option<String>,
}

fn lookup() -> Lookup {
    Lookup {
        steamid: Some(1),
        vanity_url: None,
        paginate: false,
        cursor: None,
        state: Some("active".into()),
        reason: None,
    }
}

#[test]
fn struct_level_rules() {
    assert!(lookup().validate().is_ok());
    assert!(
        Lookup {
            paginate: true,
            cursor: Some("*".into()),
            ..lookup()
        }
        .validate()
        .is_ok()
    );

    let error = only_error(&Lookup {
        steamid: None,
        ..lookup()
    });
    assert_eq!((error.path(), error.rule()), ("", "at_least_one_of"));
    assert_eq!(params(&error), json!({"fields": ["steamid", "vanity_url"]}));
    assert_eq!(
        error.message(),
        "at least one of `steamid`, `vanity_url` is required"
    );

    let error = only_error(&Lookup {
        paginate: true,
        ..lookup()
    });
    assert_eq!((error.path(), error.rule()), ("cursor", "required_if"));
    assert_eq!(
        params(&error),
        json!({"field": "cursor", "when": "paginate"})
    );
    assert_eq!(error.message(), "is required when `paginate` is set");

    let error = only_error(&Lookup {
        state: Some("banned".into()),
        ..lookup()
    });
    assert_eq!((error.path(), error.rule()), ("reason", "required_if"));
    assert_eq!(
        params(&error),
        json!({"field": "reason", "when": "state", "equals": "banned"})
    );
    assert_eq!(error.message(), "is required when `state` is \"banned\"");
}

/// A type that does not implement `Validate`.
struct Opaque;

#[derive(steam_webapi::Validate)]
struct Skips {
    #[validate(skip)]
    _opaque: Opaque,
    #[schemars(range(max = 1))]
    checked: u8,
}

#[test]
fn skip_opts_a_field_out() {
    let skips = Skips {
        _opaque: Opaque,
        checked: 2,
    };
    assert_eq!(only_error(&skips).path(), "checked");
}

#[derive(steam_webapi::Validate)]
struct Inner {
    #[schemars(length(max = 3), inner(length(min = 1), regex(pattern = "^[a-z]*$")))]
    tags: Vec<String>,
    #[schemars(inner(range(min = 1)))]
    counts: BTreeMap<String, u32>,
    #[validate(inner(one_of("en", "de")))]
    languages: Option<Vec<String>>,
    #[schemars(inner(inner(range(max = 9))))]
    grid: Vec<Vec<u8>>,
    #[schemars(inner(length(min = 1)))]
    maybe: Vec<Option<String>>,
}

fn inner() -> Inner {
    Inner {
        tags: vec!["a".into(), "b".into()],
        counts: BTreeMap::from([("x".into(), 1)]),
        languages: Some(vec!["en".into()]),
        grid: vec![vec![1, 9]],
        maybe: vec![None, Some("a".into())],
    }
}

#[test]
fn inner_rules_apply_to_items_and_map_values() {
    assert!(inner().validate().is_ok());
    assert!(
        Inner {
            languages: None,
            ..inner()
        }
        .validate()
        .is_ok()
    );

    let errors = Inner {
        tags: vec!["a".into(), "".into(), "B".into(), "d".into()],
        counts: BTreeMap::from([("x".into(), 1), ("y \"z\"".into(), 0)]),
        languages: Some(vec!["en".into(), "fr".into()]),
        grid: vec![vec![1], vec![2, 10]],
        maybe: vec![Some(String::new())],
    }
    .validate()
    .unwrap_err();
    let got: Vec<_> = errors.iter().map(|e| (e.path(), e.rule())).collect();
    assert_eq!(
        got,
        [
            ("tags", "items"),
            ("tags[1]", "length"),
            ("tags[2]", "pattern"),
            (r#"counts["y \"z\""]"#, "range"),
            ("languages[1]", "one_of"),
            ("grid[1][1]", "range"),
            ("maybe[0]", "length"),
        ]
    );
}

#[derive(steam_webapi::Validate)]
struct Optional {
    #[schemars(range(min = 1, max = 5))]
    level: Option<u8>,
    #[schemars(length(min = 2))]
    nested: Option<Option<String>>,
}

#[test]
fn options_are_checked_when_present() {
    assert!(
        Optional {
            level: None,
            nested: None
        }
        .validate()
        .is_ok()
    );
    assert!(
        Optional {
            level: Some(5),
            nested: Some(None)
        }
        .validate()
        .is_ok()
    );
    let errors = Optional {
        level: Some(6),
        nested: Some(Some("a".into())),
    }
    .validate()
    .unwrap_err();
    let got: Vec<_> = errors.iter().map(|e| (e.path(), e.rule())).collect();
    assert_eq!(got, [("level", "range"), ("nested", "length")]);
}

#[derive(steam_webapi::Validate)]
struct SteamId(#[schemars(regex(pattern = r"^\d{17}$"))] String);

#[derive(steam_webapi::Validate)]
struct Point(
    #[schemars(range(max = 10))] i32,
    #[schemars(range(max = 10))] i32,
);

#[test]
fn tuple_and_newtype_structs() {
    assert!(SteamId("76561197960287930".into()).validate().is_ok());
    let error = only_error(&SteamId("x".into()));
    assert_eq!((error.path(), error.rule()), ("", "pattern"));

    let error = only_error(&Point(1, 11));
    assert_eq!((error.path(), error.rule()), ("[1]", "range"));
}

#[derive(steam_webapi::Validate)]
struct Many {
    #[schemars(length(min = 1, max = 32))]
    name: String,
    #[schemars(range(min = 1, max = 100))]
    level: u32,
    #[schemars(regex(pattern = r"^\d{17}$"))]
    steamid: String,
}

fn many_bad() -> ValidationErrors {
    Many {
        name: String::new(),
        level: 0,
        steamid: "x".into(),
    }
    .validate()
    .unwrap_err()
}

#[test]
fn collects_every_violation_in_field_order() {
    let errors = many_bad();
    let got: Vec<_> = errors.iter().map(|e| (e.path(), e.rule())).collect();
    assert_eq!(
        got,
        [
            ("name", "length"),
            ("level", "range"),
            ("steamid", "pattern")
        ]
    );
}

#[test]
fn display_is_one_line_per_violation() {
    assert_eq!(
        many_bad().to_string(),
        "name: length must be between 1 and 32 characters, got 0\n\
         level: must be between 1 and 100\n\
         steamid: does not match the pattern \"^\\\\d{17}$\""
    );
    // Usable as a boxed std error.
    let boxed: Box<dyn std::error::Error> = Box::new(many_bad());
    assert!(boxed.to_string().starts_with("name: "));
}

#[test]
fn serializes_as_a_list_of_objects() {
    let value = serde_json::to_value(many_bad()).unwrap();
    assert_eq!(
        value,
        json!([
            {
                "path": "name",
                "rule": "length",
                "message": "length must be between 1 and 32 characters, got 0",
                "params": {"min": 1, "max": 32}
            },
            {
                "path": "level",
                "rule": "range",
                "message": "must be between 1 and 100",
                "params": {"min": 1, "max": 100}
            },
            {
                "path": "steamid",
                "rule": "pattern",
                "message": "does not match the pattern \"^\\\\d{17}$\"",
                "params": {"pattern": "^\\d{17}$"}
            }
        ])
    );
}
