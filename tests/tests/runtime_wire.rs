//! The runtime's value types: lenient numbers, SteamId, Maybe, query values.

use std::collections::BTreeMap;

use serde::{Deserialize, Serialize};
use serde_json::json;
use steam_webapi::__private::{QueryValue, QueryWriter};
use steam_webapi::validate::Validate;
use steam_webapi::{Maybe, SteamId};

#[derive(Debug, PartialEq, Serialize, Deserialize)]
struct Numbers {
    #[serde(with = "steam_webapi::wire::as_string")]
    id: u64,
    #[serde(with = "steam_webapi::wire::as_number")]
    count: u32,
    #[serde(with = "steam_webapi::wire::as_string")]
    percent: f64,
    #[serde(with = "steam_webapi::wire::as_number")]
    delta: i32,
}

#[test]
fn as_string_and_as_number_write_their_form() {
    let n = Numbers {
        id: 76561197960287930,
        count: 7,
        percent: 0.1,
        delta: -3,
    };
    let v = serde_json::to_value(&n).unwrap();
    assert_eq!(
        v,
        json!({"id": "76561197960287930", "count": 7, "percent": "0.1", "delta": -3})
    );
    assert_eq!(serde_json::from_value::<Numbers>(v).unwrap(), n);
}

#[test]
fn both_forms_are_read() {
    let from_numbers: Numbers = serde_json::from_str(
        r#"{"id": 18446744073709551615, "count": 7, "percent": 12.5, "delta": -3}"#,
    )
    .unwrap();
    let from_strings: Numbers = serde_json::from_str(
        r#"{"id": "18446744073709551615", "count": "7", "percent": "12.5", "delta": "-3"}"#,
    )
    .unwrap();
    assert_eq!(from_numbers, from_strings);
    assert_eq!(from_numbers.id, u64::MAX);
    // An integral float is an integer written by a float-minded serializer.
    let n: Numbers =
        serde_json::from_str(r#"{"id": 1, "count": 7.0, "percent": 1, "delta": -3}"#).unwrap();
    assert_eq!((n.count, n.percent), (7, 1.0));
}

#[test]
fn out_of_range_and_junk_are_rejected() {
    let err = |json: &str| {
        serde_json::from_str::<Numbers>(json)
            .unwrap_err()
            .to_string()
    };
    let e = err(r#"{"id": 1, "count": 4294967296, "percent": 1, "delta": 0}"#);
    assert!(e.contains("4294967296 is out of range for u32"), "{e}");
    let e = err(r#"{"id": 1, "count": "4294967296", "percent": 1, "delta": 0}"#);
    assert!(e.contains("4294967296 is out of range for u32"), "{e}");
    let e = err(r#"{"id": -1, "count": 1, "percent": 1, "delta": 0}"#);
    assert!(e.contains("-1 is out of range for u64"), "{e}");
    let e = err(r#"{"id": "99999999999999999999999", "count": 1, "percent": 1, "delta": 0}"#);
    assert!(e.contains("out of range for u64"), "{e}");
    let e = err(r#"{"id": 1, "count": 1, "percent": 1, "delta": "2147483648"}"#);
    assert!(e.contains("2147483648 is out of range for i32"), "{e}");
    for junk in [
        r#""""#, r#""12a""#, r#""+5""#, r#""1.5""#, "1.5", "true", "null",
    ] {
        let json = format!(r#"{{"id": 1, "count": {junk}, "percent": 1, "delta": 0}}"#);
        assert!(
            serde_json::from_str::<Numbers>(&json).is_err(),
            "{junk} accepted"
        );
    }
    for junk in [r#""NaN""#, r#""inf""#, r#""x""#] {
        let json = format!(r#"{{"id": 1, "count": 1, "percent": {junk}, "delta": 0}}"#);
        assert!(
            serde_json::from_str::<Numbers>(&json).is_err(),
            "{junk} accepted"
        );
    }
}

#[derive(Debug, PartialEq, Serialize, Deserialize)]
struct Containers {
    #[serde(default, with = "steam_webapi::wire::as_string")]
    maybe_id: Option<u64>,
    #[serde(with = "steam_webapi::wire::as_string")]
    ids: Vec<u64>,
    #[serde(with = "steam_webapi::wire::as_number")]
    by_name: BTreeMap<String, i64>,
    #[serde(
        default,
        skip_serializing_if = "Maybe::is_absent",
        with = "steam_webapi::wire::as_string"
    )]
    tri: Maybe<u64>,
    #[serde(with = "steam_webapi::wire::as_number")]
    lists: Vec<Option<u32>>,
}

#[test]
fn containers_lift_the_lenient_read_and_write() {
    let c: Containers = serde_json::from_value(json!({
        "maybe_id": "5", "ids": [1, "2"], "by_name": {"a": "-1", "b": 2},
        "tri": null, "lists": [1, null, "3"],
    }))
    .unwrap();
    assert_eq!(
        c,
        Containers {
            maybe_id: Some(5),
            ids: vec![1, 2],
            by_name: BTreeMap::from([("a".into(), -1), ("b".into(), 2)]),
            tri: Maybe::Null,
            lists: vec![Some(1), None, Some(3)],
        }
    );
    assert_eq!(
        serde_json::to_value(&c).unwrap(),
        json!({"maybe_id": "5", "ids": ["1", "2"], "by_name": {"a": -1, "b": 2}, "tri": null, "lists": [1, null, 3]})
    );
    let absent: Containers =
        serde_json::from_value(json!({"maybe_id": null, "ids": [], "by_name": {}, "lists": []}))
            .unwrap();
    assert_eq!((absent.maybe_id, absent.tri), (None, Maybe::Absent));
    let v = serde_json::to_value(&absent).unwrap();
    assert!(v.get("tri").is_none(), "{v}");
    let with_value: Containers =
        serde_json::from_value(json!({"ids": [], "by_name": {}, "lists": [], "tri": "9"})).unwrap();
    assert_eq!(with_value.tri, Maybe::Value(9));
    assert_eq!(serde_json::to_value(&with_value).unwrap()["tri"], "9");
}

#[test]
fn floats_as_strings_are_shortest_round_trip() {
    #[derive(Serialize, Deserialize)]
    struct F(#[serde(with = "steam_webapi::wire::as_string")] f64);
    for x in [0.1, 1.0 / 3.0, 1e300, -2.5e-8, 12.0] {
        let text = serde_json::to_string(&F(x)).unwrap();
        assert_eq!(text, format!("\"{x}\""));
        assert_eq!(serde_json::from_str::<F>(&text).unwrap().0, x);
    }
}

#[test]
fn steam_id_round_trip() {
    let id = SteamId(76561197960287930);
    assert_eq!(
        serde_json::to_string(&id).unwrap(),
        r#""76561197960287930""#
    );
    assert_eq!(
        serde_json::from_str::<SteamId>(r#""76561197960287930""#).unwrap(),
        id
    );
    assert_eq!(
        serde_json::from_str::<SteamId>("76561197960287930").unwrap(),
        id
    );
    assert_eq!(
        serde_json::from_str::<SteamId>(r#""18446744073709551615""#).unwrap(),
        SteamId(u64::MAX)
    );
    for bad in [
        r#""""#,
        r#""+1""#,
        r#""1 ""#,
        "-1",
        r#""18446744073709551616""#,
        "1.5",
        "null",
        // 21 digits: the schema's `^[0-9]{1,20}$` refuses it too.
        r#""000000000000000000001""#,
    ] {
        assert!(
            serde_json::from_str::<SteamId>(bad).is_err(),
            "{bad} accepted"
        );
    }
    assert_eq!(id.to_string(), "76561197960287930");
    assert_eq!("76561197960287930".parse::<SteamId>().unwrap(), id);
    assert!(
        "x".parse::<SteamId>()
            .unwrap_err()
            .to_string()
            .contains("not a SteamID64")
    );
    assert_eq!("00000000000000000001".parse::<SteamId>(), Ok(SteamId(1)));
    // A long input is shown by its start only.
    let long = "7"
        .repeat(1_000_000)
        .parse::<SteamId>()
        .unwrap_err()
        .to_string();
    assert!(long.len() < 100, "{long}");
    assert!(
        long.starts_with(&format!("{:?}…", "7".repeat(40))),
        "{long}"
    );
    assert_eq!(SteamId::from(5u64), SteamId(5));
    assert!(id.validate().is_ok());
    let mut out = String::new();
    id.write_query_value(&mut out);
    assert_eq!(out, "76561197960287930");
}

#[test]
fn steam_id_schema() {
    let schema = schemars::schema_for!(SteamId);
    let v = serde_json::to_value(&schema).unwrap();
    assert_eq!(v["type"], "string");
    assert_eq!(v["pattern"], "^[0-9]{1,20}$");
}

// The derive treats `Option` (by name) as "rules apply to the value inside";
// `Maybe` gets the same effect through its `Validate` impl on a nested type.
#[derive(Debug, PartialEq, Serialize, Deserialize, steam_webapi::Validate)]
#[serde(transparent)]
struct Name {
    #[schemars(length(max = 3))]
    text: String,
}

#[derive(Debug, PartialEq, Serialize, Deserialize, steam_webapi::Validate)]
struct Tri {
    #[serde(default, skip_serializing_if = "Maybe::is_absent")]
    name: Maybe<Name>,
}

fn name(text: &str) -> Name {
    Name { text: text.into() }
}

#[test]
fn maybe_absent_null_value_round_trip() {
    for (json, expect) in [
        ("{}", Maybe::Absent),
        (r#"{"name":null}"#, Maybe::Null),
        (r#"{"name":"abc"}"#, Maybe::Value(name("abc"))),
    ] {
        let t: Tri = serde_json::from_str(json).unwrap();
        assert_eq!(t.name, expect);
        assert_eq!(serde_json::to_string(&t).unwrap(), json);
    }
    assert!(Maybe::<u8>::default().is_absent());
    assert_eq!(Maybe::from(Some(3)).value(), Some(3));
    assert!(Maybe::<u8>::from(None).is_null());
    // Validation looks at the value only.
    assert!(Tri { name: Maybe::Null }.validate().is_ok());
    assert!(
        Tri {
            name: Maybe::Value(name("abc"))
        }
        .validate()
        .is_ok()
    );
    let errors = Tri {
        name: Maybe::Value(name("abcd")),
    }
    .validate()
    .unwrap_err();
    assert_eq!(errors.as_slice()[0].path(), "name");
}

#[test]
fn query_writer_forms() {
    let mut q = QueryWriter::new();
    q.value("flag", &true);
    q.value("off", &false);
    q.value("name", "a b&c=d");
    q.value("ratio", &0.5f64);
    q.comma("ids", &[1u64, 2, 3]);
    q.comma("none", &[] as &[u32]);
    q.indexed("publishedfileids", &[SteamId(7), SteamId(8)]);
    assert_eq!(
        q.pairs().collect::<Vec<_>>(),
        [
            ("flag", "1"),
            ("off", "0"),
            ("name", "a b&c=d"),
            ("ratio", "0.5"),
            ("ids", "1,2,3"),
            ("publishedfileids[0]", "7"),
            ("publishedfileids[1]", "8"),
        ]
    );
    assert_eq!(
        q.encode(),
        "flag=1&off=0&name=a+b%26c%3Dd&ratio=0.5&ids=1%2C2%2C3&publishedfileids%5B0%5D=7&publishedfileids%5B1%5D=8"
    );
}
