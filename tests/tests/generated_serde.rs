//! The generated structs' `Serialize`/`Deserialize` impls (the lean derives of
//! `steam_webapi::__private`, not serde's): serde's behaviour for every shape the spec has,
//! checked on generated types. Unsupported shapes: `tests/ui/fail/wire_derive_unsupported.rs`.

use serde_json::{Value, json};
use steam_webapi::__private::__decode_for_fuzz;
use steam_webapi::Error;
use steam_webapi::isteam_hub::{GetSummariesRequest, HubAvatar, HubSummary};
use steam_webapi::isteam_user::{Friend, FriendRelationship, GetFriendListRequest};
use steam_webapi::{Maybe, SteamId};
use steamspec_tests::spec_example::SpecCall;

fn friend() -> Value {
    json!({"steamid": "76561197960265731", "relationship": "friend", "friend_since": 1200000000})
}

fn decode<T: serde::de::DeserializeOwned>(v: Value) -> Result<T, String> {
    serde_json::from_value(v).map_err(|e| e.to_string())
}

#[test]
fn required_fields_decode_and_unknown_keys_are_skipped() {
    let mut v = friend();
    v["a_field_steam_added_later"] = json!({"nested": [1, 2, {"deep": null}]});
    let f: Friend = decode(v).unwrap();
    assert_eq!(f.steamid, SteamId(76561197960265731));
    assert_eq!(f.relationship, FriendRelationship::Friend);
    assert_eq!(f.friend_since, 1200000000);
}

#[test]
fn a_missing_required_field_is_named() {
    let mut v = friend();
    v.as_object_mut().unwrap().remove("friend_since");
    assert_eq!(
        decode::<Friend>(v).unwrap_err(),
        "missing field `friend_since`"
    );
}

#[test]
fn a_repeated_key_is_an_error() {
    let body = r#"{"steamid": "1", "steamid": "2", "relationship": "friend", "friend_since": 1}"#;
    let err = serde_json::from_str::<Friend>(body)
        .unwrap_err()
        .to_string();
    assert!(err.starts_with("duplicate field `steamid`"), "{err}");
}

#[test]
fn the_first_error_is_the_one_reported() {
    // The bad value ends the read: the repeated key after it is never reached.
    let v = serde_json::from_str::<Friend>(
        r#"{"relationship": 5, "steamid": "76561197960265731", "steamid": "1", "friend_since": 0}"#,
    );
    let err = v.unwrap_err().to_string();
    assert!(err.starts_with("invalid type: integer `5`"), "{err}");
}

#[test]
fn escaped_keys_are_the_same_keys() {
    let body = r#"{"steam\u0069d": "1", "relationship": "friend", "friend\u005fsince": 1}"#;
    let f: Friend = serde_json::from_str(body).unwrap();
    assert_eq!(f.friend_since, 1);
}

#[test]
fn lenient_numbers_read_strings_and_are_written_in_their_form() {
    let mut v = friend();
    v["friend_since"] = json!("1200000000");
    let f: Friend = decode(v).unwrap();
    assert_eq!(f.friend_since, 1200000000);
    // Written back as the spec's wire form: a number.
    assert_eq!(serde_json::to_value(&f).unwrap(), friend());
    let mut v = friend();
    v["friend_since"] = json!("soon");
    let err = decode::<Friend>(v).unwrap_err();
    assert!(err.contains("soon"), "{err}");
}

/// A whole float reads as an integer only while a float holds every integer (up to 2^53):
/// past it, `76561197960287930.0` would read as ...936, another id.
#[test]
fn lenient_integers_take_whole_floats_only_while_they_are_exact() {
    let read = |text: &str| {
        steam_webapi::wire::as_string::deserialize::<u64, _>(
            &mut serde_json::Deserializer::from_str(text),
        )
        .map_err(|e| e.to_string())
    };
    assert_eq!(read("5.0"), Ok(5));
    assert_eq!(read("1e3"), Ok(1000));
    assert_eq!(read("9007199254740992.0"), Ok(1 << 53));
    for text in ["76561197960287930.0", "1e19", "9007199254740994.0"] {
        let err = read(text).unwrap_err();
        assert!(err.contains("past 2^53"), "{text}: {err}");
    }
    assert!(read("1.5").unwrap_err().contains("not an integer"));
}

/// An integer enum reads its value as the lenient integers do: a number, a whole float while it
/// is exact, or digits with an optional `-`; an unknown value is kept.
#[test]
fn integer_enums_read_numbers_as_lenient_integers_do() {
    use steam_webapi::isteam_user::PersonaState;
    let read = |v: Value| decode::<PersonaState>(v);
    assert_eq!(read(json!(1)), Ok(PersonaState::Online));
    assert_eq!(read(json!("1")), Ok(PersonaState::Online));
    assert_eq!(read(json!(1.0)), Ok(PersonaState::Online));
    assert_eq!(read(json!("99")), Ok(PersonaState::Unknown(99)));
    for bad in [
        json!(" 1 "),
        json!("+1"),
        json!(""),
        json!(1.5),
        json!("0x1"),
    ] {
        assert!(read(bad.clone()).is_err(), "{bad} accepted");
    }
}

#[test]
fn not_an_object_is_rejected_with_the_struct_name() {
    // serde's derive accepted a JSON array as the fields in order; Steam never sends one.
    let err = decode::<Friend>(json!(["1", "friend", 1])).unwrap_err();
    assert_eq!(err, "invalid type: sequence, expected struct Friend");
    let err = decode::<Friend>(json!("x")).unwrap_err();
    assert_eq!(err, "invalid type: string \"x\", expected struct Friend");
}

#[test]
fn nested_errors_keep_their_path() {
    let body = br#"{"friendslist": {"friends": [{"steamid": "1", "relationship": "friend", "friend_since": -1}]}}"#;
    match __decode_for_fuzz::<GetFriendListRequest>(200, body) {
        Err(Error::Decode { path, message, .. }) => {
            assert_eq!(path, "friendslist.friends[0].friend_since");
            assert!(message.contains("-1"), "{message}");
        }
        other => panic!("{other:?}"),
    }
}

fn avatar(extra: Value) -> Value {
    let mut v = json!({"avatarIcon": "i", "avatarMedium": "m", "avatarFull": "f"});
    for (k, x) in extra.as_object().unwrap() {
        v[k] = x.clone();
    }
    v
}

#[test]
fn absent_null_and_value_stay_apart_both_ways() {
    let a: HubAvatar = decode(avatar(json!({"gamebanner": null, "gamelogo": "logo"}))).unwrap();
    assert_eq!(a.gamebanner, Maybe::Null);
    assert_eq!(a.gamelogo, Maybe::Value("logo".to_owned()));
    assert_eq!(
        serde_json::to_value(&a).unwrap(),
        avatar(json!({"gamebanner": null, "gamelogo": "logo"}))
    );
    // Renamed wire names; an absent field is left out when written.
    let a: HubAvatar = decode(avatar(json!({}))).unwrap();
    assert_eq!(
        (a.gamebanner.clone(), a.gamelogo.clone()),
        (Maybe::Absent, Maybe::Absent)
    );
    assert_eq!(a.avatar_icon, "i");
    assert_eq!(serde_json::to_value(&a).unwrap(), avatar(json!({})));
}

#[test]
fn nullable_fields_are_written_as_null_and_read_when_missing() {
    let call = SpecCall::new("ISteamHub/GetSummaries/v1", "community-hub-ablegamers");
    let mut s = call.response()["response"]["hubs"]["103582791433132887"].clone();
    s["headline"] = Value::Null;
    let decoded: HubSummary = decode(s.clone()).unwrap();
    assert_eq!(decoded.headline, None);
    let written = serde_json::to_value(&decoded).unwrap();
    assert_eq!(written["headline"], Value::Null);
    // Leniently, a missing nullable key reads as null too.
    s.as_object_mut().unwrap().remove("headline");
    assert_eq!(decode::<HubSummary>(s).unwrap().headline, None);
}

#[test]
fn requests_leave_out_unset_optional_parameters() {
    let req = GetSummariesRequest::default();
    assert_eq!(serde_json::to_value(&req).unwrap(), json!({}));
}

/// An `io::Write` that fails once `limit` bytes are in, and counts the calls it refuses.
struct FailingWriter {
    written: usize,
    limit: usize,
    refused: usize,
}

impl std::io::Write for FailingWriter {
    fn write(&mut self, buf: &[u8]) -> std::io::Result<usize> {
        if self.written >= self.limit {
            self.refused += 1;
            return Err(std::io::Error::other("disk full"));
        }
        let n = buf.len().min(self.limit - self.written);
        self.written += n;
        Ok(n)
    }

    fn flush(&mut self) -> std::io::Result<()> {
        Ok(())
    }
}

#[test]
fn a_serializer_error_is_returned_and_ends_the_struct() {
    let f: Friend = decode(friend()).unwrap();
    let full = serde_json::to_string(&f).unwrap();
    // Fail inside the first field: the error comes back, and no later field is attempted.
    let mut w = FailingWriter {
        written: 0,
        limit: 5,
        refused: 0,
    };
    let err = serde_json::to_writer(&mut w, &f).unwrap_err();
    assert!(err.is_io(), "{err}");
    assert_eq!(err.to_string(), "disk full");
    assert_eq!(w.written, 5);
    // The write that failed is the last one asked for: no later field, no closing brace.
    assert_eq!(w.refused, 1);
    // With room for everything, the same value is written whole.
    let mut w = FailingWriter {
        written: 0,
        limit: full.len(),
        refused: 0,
    };
    serde_json::to_writer(&mut w, &f).unwrap();
    assert_eq!((w.written, w.refused), (full.len(), 0));
}

/// A struct of 64 fields (the most the derive takes): the last bit of the reader's key set
/// counts like the first, for missing, repeated and read keys.
mod widest {
    macro_rules! wide {
        ($($f:ident)*) => {
            #[derive(Debug, Default, steam_webapi::__private::Deserialize)]
            pub struct Wide { $(pub $f: u8,)* }
            pub const NAMES: &[&str] = &[$(stringify!($f)),*];
        };
    }
    wide! {
        f000 f001 f002 f003 f004 f005 f006 f007 f008 f009 f010 f011 f012 f013 f014 f015
        f016 f017 f018 f019 f020 f021 f022 f023 f024 f025 f026 f027 f028 f029 f030 f031
        f032 f033 f034 f035 f036 f037 f038 f039 f040 f041 f042 f043 f044 f045 f046 f047
        f048 f049 f050 f051 f052 f053 f054 f055 f056 f057 f058 f059 f060 f061 f062 f063
    }
}

#[test]
fn the_widest_struct_checks_its_last_field_like_its_first() {
    use widest::{NAMES, Wide};
    assert_eq!(NAMES.len(), 64);
    let all: serde_json::Map<String, Value> = NAMES
        .iter()
        .enumerate()
        .map(|(i, n)| (n.to_string(), json!(i)))
        .collect();
    let w: Wide = decode(Value::Object(all.clone())).unwrap();
    assert_eq!((w.f000, w.f032, w.f063), (0, 32, 63));

    for missing in ["f000", "f063"] {
        let mut v = all.clone();
        v.remove(missing);
        assert_eq!(
            decode::<Wide>(Value::Object(v)).unwrap_err(),
            format!("missing field `{missing}`")
        );
    }
    // A repeated key (serde_json::Value holds each key once, so from text).
    let text = format!(
        "{{{}, \"f063\": 1}}",
        NAMES
            .iter()
            .map(|n| format!("\"{n}\": 0"))
            .collect::<Vec<_>>()
            .join(", ")
    );
    let err = serde_json::from_str::<Wide>(&text).unwrap_err().to_string();
    assert!(err.starts_with("duplicate field `f063`"), "{err}");
}
