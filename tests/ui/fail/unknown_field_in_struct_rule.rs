#[derive(steam_webapi::Validate)]
#[validate(at_least_one_of(steamid, vanity_url))]
#[validate(required_if(field = cursor, when = paginated))]
struct Lookup {
    steamid: Option<u64>,
    vanity: Option<String>,
    cursor: Option<String>,
    paginate: bool,
}

fn main() {}
