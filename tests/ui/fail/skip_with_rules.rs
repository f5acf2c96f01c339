#[derive(steam_webapi::Validate)]
struct Player {
    #[validate(skip)]
    #[schemars(length(max = 32))]
    name: String,
}

fn main() {}
