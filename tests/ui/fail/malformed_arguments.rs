#[derive(steam_webapi::Validate)]
struct Player {
    #[schemars(length(min))]
    name: String,
    #[schemars(range(low = 1))]
    level: u32,
    #[schemars(regex(path = "x"))]
    steamid: String,
    #[validate(custom)]
    vanity: String,
    #[schemars(range())]
    rank: u32,
    #[schemars(length())]
    nickname: String,
    #[schemars(length(most = 3))]
    tag: String,
    #[schemars(length(min = 1, equal = 2))]
    clan: String,
    #[schemars(range(equal = 2, max = 3))]
    tier: u32,
}

fn main() {}
