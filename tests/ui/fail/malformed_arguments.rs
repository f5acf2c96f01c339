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
}

fn main() {}
