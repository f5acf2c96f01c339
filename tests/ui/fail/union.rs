#[derive(steam_webapi::Validate)]
union Bits {
    int: u32,
    float: f32,
}

fn main() {}
