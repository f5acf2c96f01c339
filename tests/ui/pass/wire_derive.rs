// The lean serde derives on a struct shaped like the generated ones, with serde's behaviour.
// `Deserialize` starts from the struct's `Default`, as the generated structs derive it.
use steam_webapi::__private::{Deserialize, Serialize};
use steam_webapi::Maybe;

#[derive(Debug, Default, PartialEq, Serialize, Deserialize)]
struct Player {
    #[serde(rename = "steamID")]
    r#type: u64,
    #[serde(with = "::steam_webapi::wire::as_number")]
    level: u32,
    #[serde(default, skip_serializing_if = "::std::option::Option::is_none")]
    #[serde(with = "::steam_webapi::wire::as_string")]
    xp: Option<u64>,
    #[serde(default, skip_serializing_if = "::steam_webapi::Maybe::is_absent")]
    clan: Maybe<String>,
    nickname: Option<String>,
}

#[derive(Debug, Default, PartialEq, Serialize, Deserialize)]
struct Empty {}

fn main() {
    let p: Player = serde_json::from_str(r#"{"steamID": 7, "level": "3", "clan": null}"#).unwrap();
    assert_eq!(
        p,
        Player {
            r#type: 7,
            level: 3,
            xp: None,
            clan: Maybe::Null,
            nickname: None,
        }
    );
    assert_eq!(
        serde_json::to_string(&p).unwrap(),
        r#"{"steamID":7,"level":3,"clan":null,"nickname":null}"#
    );
    let e: Empty = serde_json::from_str(r#"{"anything": [1]}"#).unwrap();
    assert_eq!(serde_json::to_string(&e).unwrap(), "{}");
}
