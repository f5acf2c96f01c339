#[derive(steam_webapi::Validate)]
struct Player {
    #[schemars(regex(pattern = r"^\d+$"))]
    steamid: u64,
}

fn main() {}
