const MAX: u32 = 100;

#[derive(steam_webapi::Validate)]
struct Player {
    #[schemars(range(max = MAX))]
    level: u32,
    #[schemars(length(max = 2 + 3))]
    name: String,
    #[schemars(pattern(PATTERN))]
    steamid: String,
    #[validate(one_of(MAX))]
    rank: u32,
}

const PATTERN: &str = "^x$";

fn main() {}
