#[derive(steam_webapi::Validate)]
#[validate(at_least_one_of(steamid, vanity))]
#[validate(required_if(field = cursor, when = count))]
struct Lookup {
    steamid: u64,
    vanity: Option<String>,
    cursor: String,
    count: u32,
}

fn main() {}
