//! Rust names for wire names: snake_case fields, PascalCase types and variants.

use heck::{ToSnakeCase, ToUpperCamelCase};

/// Keywords that cannot be raw identifiers; they get a trailing underscore instead.
const NOT_RAW: &[&str] = &["self", "Self", "super", "crate", "_"];

/// The crate's own Cargo features (emit/rust/cargo.rs): no interface's feature may be one, in
/// any case.
pub const CRATE_FEATURES: &[&str] = &["default", "blocking", "schemars", "tracing", "redis"];

/// Methods of `steam_webapi::Client` (and its blocking twin) an interface accessor would
/// clash with (`builder`, `execute`) or shadow for every caller (`Clone::clone`).
pub const CLIENT_METHODS: &[&str] = &[
    "builder",
    "execute",
    "execute_all",
    "execute_pages",
    "paused_until",
    "clone",
];

/// Items at the crate's root that hide an interface module of the same name (the root
/// re-exports the modules with `pub use api::*`).
pub const CRATE_ROOT_ITEMS: &[&str] = &[
    "api",
    "backoff",
    "batch",
    "blocking",
    "budget",
    "client",
    "endpoint",
    "pages",
    "retry",
    "steam_webapi",
    "validate",
    "wire",
];

/// The constructor every request type and accessor struct has (emit/rust/ops.rs); no setter
/// or operation method may take its name.
pub const CONSTRUCTOR: &str = "new";

/// `memberCount` -> `member_count`, `steamID` -> `steam_id`, `2weeks` -> `_2weeks`.
pub fn field_name(wire: &str) -> String {
    fix_start(wire.to_snake_case())
}

/// `waiting` -> `Waiting`, `looking to trade` -> `LookingToTrade`.
pub fn type_name(wire: &str) -> String {
    fix_start(wire.to_upper_camel_case())
}

fn fix_start(mut s: String) -> String {
    if s.is_empty() || s.starts_with(|c: char| c.is_ascii_digit()) {
        s.insert(0, '_');
    }
    if NOT_RAW.contains(&s.as_str()) {
        s.push('_');
    }
    s
}

/// Module name of an interface: `ISteamUser` -> `isteam_user`, `IPlayerService` ->
/// `iplayer_service`, `Notifications` -> `notifications`.
pub fn module_name(interface: &str) -> String {
    let mut chars = interface.chars();
    match (chars.next(), chars.next()) {
        (Some('I'), Some(c)) if c.is_ascii_uppercase() => {
            format!("i{}", field_name(&interface[1..]))
        }
        _ => field_name(interface),
    }
}

/// Whether `s` can be a Rust identifier (possibly as `r#s`).
pub fn is_valid_ident(s: &str) -> bool {
    let mut chars = s.chars();
    match chars.next() {
        Some(c) if c == '_' || c.is_ascii_alphabetic() => {}
        _ => return false,
    }
    chars.all(|c| c == '_' || c.is_ascii_alphanumeric()) && !NOT_RAW.contains(&s)
}

/// Whether `s` is already in PascalCase as written (type names must be).
pub fn is_pascal_case(s: &str) -> bool {
    s.starts_with(|c: char| c.is_ascii_uppercase()) && s.chars().all(|c| c.is_ascii_alphanumeric())
}

/// Whether `s` is a keyword that cannot be an identifier even as `r#s` (`Self`, `super`).
pub fn is_not_raw(s: &str) -> bool {
    NOT_RAW.contains(&s)
}

/// Interface and method names as they appear in URLs.
pub fn is_api_name(s: &str) -> bool {
    s.starts_with(|c: char| c.is_ascii_alphabetic())
        && s.chars().all(|c| c == '_' || c.is_ascii_alphanumeric())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn conversions() {
        assert_eq!(module_name("ISteamUser"), "isteam_user");
        assert_eq!(
            module_name("IGameNotificationsService"),
            "igame_notifications_service"
        );
        assert_eq!(module_name("Notifications"), "notifications");
        assert_eq!(field_name("memberCount"), "member_count");
        assert_eq!(field_name("member_count"), "member_count");
        assert_eq!(field_name("steamID"), "steam_id");
        assert_eq!(field_name("type"), "type");
        assert_eq!(field_name("self"), "self_");
        assert_eq!(field_name("2weeks"), "_2weeks");
        assert_eq!(type_name("waiting"), "Waiting");
        assert_eq!(type_name("looking to trade"), "LookingToTrade");
        assert!(is_valid_ident("r_1"));
        assert!(!is_valid_ident("1r"));
        assert!(!is_valid_ident("self"));
        assert!(is_pascal_case("HubStatus"));
        assert!(!is_pascal_case("hub_status"));
    }
}
