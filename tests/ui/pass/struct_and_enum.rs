use steam_webapi::validate::Validate;

#[derive(steam_webapi::Validate)]
struct User {
    #[schemars(length(min = 1, max = 32))]
    name: String,
    #[schemars(range(min = 1, max = 100))]
    level: u32,
}

#[derive(steam_webapi::Validate)]
enum Event {
    Joined(User),
    Left { user: Box<User> },
    Ping,
}

#[derive(steam_webapi::Validate)]
enum Never {}

#[derive(steam_webapi::Validate)]
struct Unit;

#[derive(steam_webapi::Validate)]
struct Empty {}

fn main() {
    let user = User { name: "a".into(), level: 1 };
    assert!(user.validate().is_ok());
    assert!(Event::Joined(user).validate().is_ok());
    assert!(Event::Ping.validate().is_ok());
    assert!(Unit.validate().is_ok());
    assert!(Empty {}.validate().is_ok());
    let _ = |never: &Never| never.validate();
}
