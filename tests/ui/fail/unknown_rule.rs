#[derive(steam_webapi::Validate)]
struct Player {
    #[validate(email)]
    name: String,
}

fn main() {}
