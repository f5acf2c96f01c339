//! The same roster (100 users, each with a length, a range and a pattern
//! rule) validated by this derive, by `validator` and by `garde`: once all
//! valid, once with 30 violations (10 of each rule).
//!
//! cargo bench -p steam-webapi-macros --bench validate -- --warm-up-time 1 --measurement-time 3

use std::hint::black_box;
use std::sync::LazyLock;

use criterion::{Criterion, criterion_group, criterion_main};

const USERS: usize = 100;
const STEAMID: &str = r"^\d{17}$";

/// The fields every variant is built from.
fn fields(i: usize, broken: bool) -> (String, u32, String) {
    let mut name = format!("player_{i}");
    let mut level = (i % 100) as u32 + 1;
    let mut steamid = format!("765611979602{:05}", i);
    if broken {
        match i {
            0..10 => name.clear(),
            10..20 => level = 0,
            20..30 => steamid = "not-a-steamid".into(),
            _ => {}
        }
    }
    (name, level, steamid)
}

mod ours {
    #[derive(steam_webapi::Validate)]
    pub struct User {
        #[schemars(length(min = 1, max = 32))]
        pub name: String,
        #[schemars(range(min = 1, max = 100))]
        pub level: u32,
        #[schemars(regex(pattern = r"^\d{17}$"))]
        pub steamid: String,
    }

    #[derive(steam_webapi::Validate)]
    pub struct Roster {
        pub users: Vec<User>,
    }
}

static STEAMID_RE: LazyLock<regex::Regex> = LazyLock::new(|| regex::Regex::new(STEAMID).unwrap());

mod with_validator {
    use validator::Validate;

    #[derive(Validate)]
    pub struct User {
        #[validate(length(min = 1, max = 32))]
        pub name: String,
        #[validate(range(min = 1, max = 100))]
        pub level: u32,
        #[validate(regex(path = *super::STEAMID_RE))]
        pub steamid: String,
    }

    #[derive(Validate)]
    pub struct Roster {
        #[validate(nested)]
        pub users: Vec<User>,
    }
}

mod with_garde {
    #[derive(garde::Validate)]
    pub struct User {
        // chars, like the other two (garde's default counts bytes).
        #[garde(length(chars, min = 1, max = 32))]
        pub name: String,
        #[garde(range(min = 1, max = 100))]
        pub level: u32,
        #[garde(pattern(r"^\d{17}$"))]
        pub steamid: String,
    }

    #[derive(garde::Validate)]
    pub struct Roster {
        #[garde(dive)]
        pub users: Vec<User>,
    }
}

fn rosters(broken: bool) -> (ours::Roster, with_validator::Roster, with_garde::Roster) {
    let all: Vec<_> = (0..USERS).map(|i| fields(i, broken)).collect();
    let ours = ours::Roster {
        users: all
            .iter()
            .map(|(name, level, steamid)| ours::User {
                name: name.clone(),
                level: *level,
                steamid: steamid.clone(),
            })
            .collect(),
    };
    let validator = with_validator::Roster {
        users: all
            .iter()
            .map(|(name, level, steamid)| with_validator::User {
                name: name.clone(),
                level: *level,
                steamid: steamid.clone(),
            })
            .collect(),
    };
    let garde = with_garde::Roster {
        users: all
            .iter()
            .map(|(name, level, steamid)| with_garde::User {
                name: name.clone(),
                level: *level,
                steamid: steamid.clone(),
            })
            .collect(),
    };
    (ours, validator, garde)
}

/// Every library must agree on the number of violations before it is timed.
fn count(rosters: &(ours::Roster, with_validator::Roster, with_garde::Roster)) -> [usize; 3] {
    use garde::Validate as _;
    use steam_webapi::validate::Validate as _;
    use validator::Validate as _;
    let ours = rosters.0.validate().err().map_or(0, |e| e.len());
    let validator = rosters
        .1
        .validate()
        .err()
        .map_or(0, |e| count_validator(&e));
    let garde = rosters.2.validate().err().map_or(0, |e| e.iter().count());
    [ours, validator, garde]
}

/// validator nests its errors per item and field.
fn count_validator(errors: &validator::ValidationErrors) -> usize {
    use validator::ValidationErrorsKind as Kind;
    errors
        .errors()
        .values()
        .map(|kind| match kind {
            Kind::Field(list) => list.len(),
            Kind::Struct(inner) => count_validator(inner),
            Kind::List(items) => items.values().map(|inner| count_validator(inner)).sum(),
        })
        .sum()
}

fn bench(c: &mut Criterion) {
    use garde::Validate as _;
    use steam_webapi::validate::Validate as _;
    use validator::Validate as _;

    for (group, broken, expected) in [
        ("validate/all_valid", false, 0),
        ("validate/30_violations", true, 30),
    ] {
        let rosters = rosters(broken);
        assert_eq!(count(&rosters), [expected; 3], "{group}");
        let (ours, validator, garde) = &rosters;
        let mut g = c.benchmark_group(group);
        g.bench_function("steam_webapi", |b| {
            b.iter(|| black_box(black_box(ours).validate()))
        });
        g.bench_function("validator", |b| {
            b.iter(|| black_box(black_box(validator).validate()))
        });
        g.bench_function("garde", |b| {
            b.iter(|| black_box(black_box(garde).validate()))
        });
        g.finish();
    }
}

criterion_group!(benches, bench);
criterion_main!(benches);
