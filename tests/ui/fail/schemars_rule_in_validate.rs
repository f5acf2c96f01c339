#[derive(steam_webapi::Validate)]
struct Player {
    #[validate(length(min = 1))]
    name: String,
    #[validate(regex(path = "STEAMID"))]
    steamid: String,
}

fn main() {}
