//! One validation of the benchmark's roster (100 users x 3 rules, all
//! valid) by each library, for counting instructions under callgrind:
//!
//! cargo build --release -p steam-webapi-macros --example validate_instructions
//! valgrind --tool=callgrind --collect-atstart=no --toggle-collect='validate_instructions::once_*' \
//!     target/release/examples/validate_instructions
//!
//! Each `once_*` function is counted separately in the callgrind output
//! (`callgrind_annotate --inclusive=yes`).

use std::hint::black_box;

use std::sync::LazyLock;
use validator::Validate as _;

#[derive(steam_webapi::Validate)]
struct User {
    #[schemars(length(min = 1, max = 32))]
    name: String,
    #[schemars(range(min = 1, max = 100))]
    level: u32,
    #[schemars(regex(pattern = r"^\d{17}$"))]
    steamid: String,
}

#[derive(steam_webapi::Validate)]
struct Roster {
    users: Vec<User>,
}

static STEAMID_RE: LazyLock<regex::Regex> =
    LazyLock::new(|| regex::Regex::new(r"^\d{17}$").unwrap());

#[derive(validator::Validate)]
struct VUser {
    #[validate(length(min = 1, max = 32))]
    name: String,
    #[validate(range(min = 1, max = 100))]
    level: u32,
    #[validate(regex(path = *STEAMID_RE))]
    steamid: String,
}

#[derive(validator::Validate)]
struct VRoster {
    #[validate(nested)]
    users: Vec<VUser>,
}

#[derive(garde::Validate)]
struct GUser {
    #[garde(length(chars, min = 1, max = 32))]
    name: String,
    #[garde(range(min = 1, max = 100))]
    level: u32,
    #[garde(pattern(r"^\d{17}$"))]
    steamid: String,
}

#[derive(garde::Validate)]
struct GRoster {
    #[garde(dive)]
    users: Vec<GUser>,
}

fn user(i: usize) -> (String, u32, String) {
    (
        format!("player_{i}"),
        (i % 100) as u32 + 1,
        format!("765611979602{i:05}"),
    )
}

#[inline(never)]
fn once_steam_webapi(roster: &Roster) -> bool {
    steam_webapi::validate::Validate::validate(roster).is_ok()
}

#[inline(never)]
fn once_validator(roster: &VRoster) -> bool {
    validator::Validate::validate(roster).is_ok()
}

#[inline(never)]
fn once_garde(roster: &GRoster) -> bool {
    garde::Validate::validate(roster).is_ok()
}

fn main() {
    let users: Vec<_> = (0..100).map(user).collect();
    let ours = Roster {
        users: users
            .iter()
            .map(|(n, l, s)| User {
                name: n.clone(),
                level: *l,
                steamid: s.clone(),
            })
            .collect(),
    };
    let theirs = VRoster {
        users: users
            .iter()
            .map(|(n, l, s)| VUser {
                name: n.clone(),
                level: *l,
                steamid: s.clone(),
            })
            .collect(),
    };
    let garde = GRoster {
        users: users
            .iter()
            .map(|(n, l, s)| GUser {
                name: n.clone(),
                level: *l,
                steamid: s.clone(),
            })
            .collect(),
    };
    // Warm up: compile each regex once, outside the counted calls.
    assert!(steam_webapi::validate::Validate::validate(&ours).is_ok());
    assert!(validator::Validate::validate(&theirs).is_ok());
    assert!(garde::Validate::validate(&garde).is_ok());
    // Ten counted calls each: divide callgrind's inclusive counts by 10.
    for _ in 0..10 {
        black_box(once_steam_webapi(black_box(&ours)));
        black_box(once_validator(black_box(&theirs)));
        black_box(once_garde(black_box(&garde)));
    }
}
