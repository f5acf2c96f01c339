#[derive(steam_webapi::Validate)]
struct Player {
    #[schemars(range(min = 1))]
    name: String,
}

fn main() {}
