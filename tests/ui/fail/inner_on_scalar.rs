#[derive(steam_webapi::Validate)]
struct Player {
    #[schemars(inner(length(max = 1)))]
    name: String,
    #[schemars(inner(range(max = 1)))]
    tags: Vec<String>,
}

fn main() {}
