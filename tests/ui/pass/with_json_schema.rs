//! schemars compiles with our `#[validate(...)]` items present, on fields
//! and on the container, in either derive order.

fn check(_: &u8) -> Result<(), String> {
    Ok(())
}

#[derive(schemars::JsonSchema, steam_webapi::Validate)]
#[validate(at_least_one_of(a, b), required_if(field = a, when = b))]
#[validate(custom(function = whole))]
struct First {
    #[schemars(length(min = 1), inner(range(max = 3)), description = "xs")]
    #[validate(inner(one_of(1, 2, 3), custom(function = check)))]
    xs: Vec<u8>,
    #[validate(one_of("x", "y"))]
    #[schemars(regex(pattern = "^[xy]$"))]
    a: Option<String>,
    #[validate(skip)]
    b: Option<String>,
    #[validate(custom(function = check))]
    #[schemars(range(min = 1))]
    c: u8,
}

fn whole(_: &First) -> Result<(), &'static str> {
    Ok(())
}

#[derive(steam_webapi::Validate, schemars::JsonSchema)]
enum Second {
    A {
        #[schemars(length(max = 3))]
        #[validate(custom(function = text))]
        name: String,
    },
    #[validate(skip)]
    B(u8),
}

fn text(_: &String) -> Result<(), String> {
    Ok(())
}

fn main() {
    let _ = schemars::schema_for!(First);
    let _ = schemars::schema_for!(Second);
}
