#[derive(steam_webapi::Validate)]
struct Player {
    #[schemars(length(max = 3))]
    level: Option<u32>,
}

fn main() {}
