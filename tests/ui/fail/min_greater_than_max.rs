#[derive(steam_webapi::Validate)]
struct Player {
    #[schemars(length(min = 10, max = 5))]
    name: String,
    #[schemars(range(min = 1.5, max = -2.0))]
    ratio: f64,
}

fn main() {}
