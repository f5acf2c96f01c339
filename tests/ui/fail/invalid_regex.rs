#[derive(steam_webapi::Validate)]
struct Player {
    #[schemars(regex(pattern = r"^(\d{17}$"))]
    steamid: String,
}

fn main() {}
