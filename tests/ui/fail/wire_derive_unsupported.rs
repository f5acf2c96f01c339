// The generated crate's lean serde derives accept exactly the shapes the emitter writes and say
// so for anything else, rather than silently meaning something other than serde.
use steam_webapi::__private::{Deserialize, Serialize};

#[derive(Serialize)]
enum Visibility {
    Public,
}

#[derive(Deserialize)]
struct Pair(u32, u32);

#[derive(Serialize)]
struct Wrapper<T> {
    value: T,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct Strict {
    id: u32,
}

#[derive(Serialize, Deserialize)]
struct Fields {
    #[serde(flatten)]
    rest: std::collections::BTreeMap<String, u32>,
    #[serde(with = "my::module")]
    count: u32,
    #[serde(rename = 5)]
    name: String,
    #[serde(skip_serializing_if = "not a path")]
    note: Option<String>,
}

// The combined derive of the generated types (Serialize, Deserialize and Validate) reads the item
// once and reports an unsupported shape once, not once per impl.
#[derive(steam_webapi::__private::Data)]
struct Tuple(u32);

fn main() {}
