#[derive(steam_webapi::Validate)]
struct Player {
    #[schemars(length(min = 1))]
    #[schemars(length(max = 32))]
    name: String,
    #[validate(one_of("a"), one_of("b"))]
    visibility: String,
    #[schemars(range(min = 1, min = 2))]
    level: u32,
}

fn main() {}
