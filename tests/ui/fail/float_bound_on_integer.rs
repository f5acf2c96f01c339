#[derive(steam_webapi::Validate)]
struct Player {
    #[schemars(range(min = 0.5))]
    level: u32,
}

fn main() {}
