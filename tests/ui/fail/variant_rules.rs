#[derive(steam_webapi::Validate)]
enum Event {
    #[validate(one_of(1))]
    Trade { id: u64 },
    #[validate(skip)]
    Chat(#[schemars(length(max = 3))] String),
}

fn main() {}
