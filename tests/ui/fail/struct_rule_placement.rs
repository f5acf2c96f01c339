#[derive(steam_webapi::Validate)]
#[validate(at_least_one_of(a, b))]
enum Choice {
    A { a: Option<u8>, b: Option<u8> },
}

#[derive(steam_webapi::Validate)]
#[validate(one_of(1))]
struct Pair {
    #[validate(at_least_one_of(a, b))]
    a: Option<u8>,
    b: Option<u8>,
}

fn main() {}
