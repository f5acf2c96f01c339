// Every error is reported, not just the first.
#[derive(steam_webapi::Validate)]
#[validate(at_least_one_of(nope, vanity))]
struct Player {
    #[schemars(length(min = 1), range(max = 2))]
    name: String,
    #[validate(unknown_rule)]
    level: u32,
    #[schemars(regex(pattern = "["))]
    steamid: String,
    vanity: Option<String>,
}

fn main() {}
