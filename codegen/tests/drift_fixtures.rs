//! The drift check on real GetSupportedAPIList captures (../shared/fixtures, never copied here):
//! import one capture, drift the next; every real change of the public list 2021-2026; order and
//! game-specific noise; a capture with most of the list missing; the project's own spec.

use std::path::{Path, PathBuf};

use steamspec::drift::{self, Date, FailOn, Listing, ListingError, Report, format::Format};
use steamspec::import;
use steamspec::model::Model;

fn fixtures() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("../../shared/fixtures/listings")
}

fn listing(rel: &str) -> Listing {
    let bytes = std::fs::read(fixtures().join(rel)).expect("fixture");
    drift::listing::parse(&bytes).expect("fixture parses")
}

/// The spec `steamspec import` writes for a listing, loaded in memory.
fn imported(l: &Listing) -> Model {
    let files = import::import(
        l,
        &import::Options {
            listing_name: "listing.json".into(),
            ..Default::default()
        },
    )
    .expect("import");
    match import::load(&files) {
        Ok(loaded) => loaded.model,
        Err(e) => panic!("imported spec does not load:\n{e}"),
    }
}

fn project_spec() -> Model {
    steamspec::load_dir(&Path::new(env!("CARGO_MANIFEST_DIR")).join("../spec"))
        .expect("project spec loads")
        .model
}

fn opts() -> drift::Options<'static> {
    drift::Options {
        today: Date::new(2026, 7, 10).unwrap(),
        ..Default::default()
    }
}

fn check(model: &Model, l: &Listing) -> Report {
    drift::check(model, l, &opts()).expect("listing is usable")
}

fn json(r: &Report) -> String {
    drift::format::render(r, Format::Json, FailOn::Breaking)
}

/// `rule interface method vN parameter`, one per finding.
fn keys(r: &Report) -> Vec<String> {
    r.findings
        .iter()
        .map(|f| {
            format!("{} {} {}", f.rule, f.interface, f.subject())
                .trim()
                .to_string()
        })
        .collect()
}

#[test]
fn getapplist_removal_is_exactly_two_findings() {
    let model = imported(&listing("public/2025-11-05.json"));
    let r = check(&model, &listing("public/2025-11-13.json"));
    assert_eq!(
        keys(&r),
        [
            "method-removed ISteamApps GetAppList v1",
            "method-removed ISteamApps GetAppList v2"
        ]
    );
    assert_eq!(r.exit_code(FailOn::Breaking), 1);
    // And the capture against its own import: nothing.
    let same = check(&model, &listing("public/2025-11-05.json"));
    assert!(same.findings.is_empty(), "{:?}", keys(&same));
}

fn history_pair(n: u32) -> (Listing, Listing) {
    let dir = fixtures().join("history");
    let find = |suffix: &str| {
        let prefix = format!("{n:02}-");
        let name = std::fs::read_dir(&dir)
            .unwrap()
            .filter_map(|e| e.ok()?.file_name().into_string().ok())
            .find(|f| f.starts_with(&prefix) && f.ends_with(suffix))
            .expect("pair file");
        listing(&format!("history/{name}"))
    };
    (find("-before.json"), find("-after.json"))
}

#[test]
fn every_history_change_is_found_and_stable() {
    let mut found = 0;
    for n in 1..=41 {
        let (before, after) = history_pair(n);
        let model = imported(&before);
        let r = check(&model, &after);
        if !r.findings.is_empty() {
            found += 1;
        }
        // Stable: the same input gives the same output, whatever the listing's order.
        let again = check(&model, &shuffled(&after));
        assert_eq!(json(&r), json(&again), "change {n} is not stable");
        assert!(
            check(&model, &before).findings.is_empty(),
            "change {n}: a capture drifts from its own import"
        );
    }
    assert_eq!(found, 41, "changes found of the 41 in the history");
}

/// Changes 07 and 22 only reword descriptions: 07 announces an obsolete method (a warning), 22
/// explains a parameter further (info).
#[test]
fn description_only_changes() {
    let (before, after) = history_pair(7);
    let r = check(&imported(&before), &after);
    assert_eq!(
        keys(&r),
        ["description-changed IPlayerService IsPlayingSharedGame v1"]
    );
    let f = &r.findings[0];
    assert_eq!(f.severity, drift::Severity::Warning);
    assert!(
        f.message
            .contains("now \"Obsolete, partners should use ISteamUser.CheckAppOwnership\""),
        "{}",
        f.message
    );
    assert!(
        f.message.contains("Returns valid lender SteamID"),
        "{}",
        f.message
    );
    let (before, after) = history_pair(22);
    let r = check(&imported(&before), &after);
    assert_eq!(r.findings.len(), 1, "{:?}", keys(&r));
    assert_eq!(r.findings[0].rule, drift::Rule::DescriptionChanged);
    assert_eq!(r.findings[0].severity, drift::Severity::Info);
    assert!(r.findings[0].parameter.is_some());
}

#[test]
fn history_snapshots() {
    let snap = |n: u32| {
        let (before, after) = history_pair(n);
        json(&check(&imported(&before), &after))
    };
    // Changes 20 and 34 each remove one thing: the whole report, exactly.
    for (n, rule, interface, method, parameter, message, spec) in [
        (
            20,
            "method-removed",
            "ISteamWebUserPresenceOAuth",
            "PollStatus",
            "null",
            "ISteamWebUserPresenceOAuth/PollStatus/v1 is in the spec but not in the listing",
            "steam/ISteamWebUserPresenceOAuth.yaml:15",
        ),
        (
            34,
            "parameter-removed",
            "IStoreService",
            "GetRecommendedTagsForUser",
            r#""steamid""#,
            "parameter 'steamid' is in the spec but not in the listing",
            "steam/IStoreService.yaml:75",
        ),
    ] {
        assert_eq!(
            snap(n),
            format!(
                r#"{{
  "summary": {{
    "breaking": 1,
    "warning": 0,
    "info": 0
  }},
  "findings": [
    {{
      "rule": "{rule}",
      "severity": "breaking",
      "interface": "{interface}",
      "method": "{method}",
      "version": 1,
      "parameter": {parameter},
      "message": "{message}",
      "spec": "{spec}"
    }}
  ],
  "accepted": []
}}
"#
            ),
            "change {n}"
        );
    }
    let (before, after) = history_pair(14);
    let r = check(&imported(&before), &after);
    assert_eq!(keys(&r), ["version-added ISteamApps GetSDRConfig v2"]);
    let (before, after) = history_pair(9);
    let r = check(&imported(&before), &after);
    assert_eq!(keys(&r), ["interface-added IHelpRequestLogsService"]);
    assert_eq!(r.exit_code(FailOn::Breaking), 0);
    assert_eq!(r.exit_code(FailOn::Info), 1);
}

/// Interfaces, methods and parameters in reverse order.
fn shuffled(l: &Listing) -> Listing {
    let mut l = l.clone();
    l.interfaces.reverse();
    for i in &mut l.interfaces {
        i.methods.reverse();
        for m in &mut i.methods {
            m.params.reverse();
        }
    }
    l
}

#[test]
fn order_does_not_matter() {
    let l = listing("public/2026-07-09.json");
    let model = imported(&l);
    let r = check(&model, &shuffled(&l));
    assert!(r.findings.is_empty(), "{:?}", keys(&r));
}

#[test]
fn game_specific_interfaces_come_and_go() {
    let l = listing("public/2026-07-09.json");
    let model = imported(&l);
    let mut without = l.clone();
    without
        .interfaces
        .retain(|i| !drift::listing::is_game_specific(&i.name));
    assert!(without.interfaces.len() < l.interfaces.len());
    assert!(check(&model, &without).findings.is_empty());
    // New game-specific interfaces (from another capture) are ignored too.
    let mut with_old = without.clone();
    with_old.interfaces.extend(
        listing("public/2021-01-30.json")
            .interfaces
            .into_iter()
            .filter(|i| drift::listing::is_game_specific(&i.name)),
    );
    let r = check(&model, &with_old);
    assert!(r.findings.is_empty(), "{:?}", keys(&r));
    assert!(r.not_compared.game_specific > 30);
}

#[test]
fn a_game_specific_interface_the_spec_describes_is_compared() {
    let l = listing("public/2026-07-09.json");
    let files = import::import(
        &l,
        &import::Options {
            interfaces: vec!["IEconItems_440".into(), "IEconItems_570".into()],
            listing_name: "x".into(),
        },
    )
    .unwrap();
    let model = import::load(&files).expect("loads").model;
    let mut gone = l.clone();
    gone.interfaces.retain(|i| i.name != "IEconItems_570");
    let r = check(&model, &gone);
    let removed: Vec<String> = keys(&r)
        .into_iter()
        .filter(|k| !k.starts_with("interface-added"))
        .collect();
    assert_eq!(
        removed,
        [
            "method-removed IEconItems_570 GetPlayerItems v1",
            "method-removed IEconItems_570 GetStoreMetaData v1"
        ]
    );
    // GetPlayerItems is in both; request types are per interface, so both keep their name.
    assert!(files.files.iter().all(|f| !f.contents.contains("path:")));
}

#[test]
fn a_capture_with_most_interfaces_missing_is_broken() {
    let l = listing("public/2026-07-09.json");
    let model = imported(&l);
    let mut broken = l.clone();
    // Keep the game-specific noise and a few real interfaces, as a failed fetch does.
    let mut kept = 0;
    broken.interfaces.retain(|i| {
        drift::listing::is_game_specific(&i.name) || {
            kept += 1;
            kept <= 5
        }
    });
    let e = drift::check(&model, &broken, &opts()).unwrap_err();
    match &e {
        ListingError::Broken(why) => {
            assert!(why.contains("of the 26 live public interfaces"), "{why}")
        }
        other => panic!("{other:?}"),
    }
    assert!(
        e.to_string()
            .starts_with("listing looks broken, not drifted: 21 of the 26")
    );
    // Against the project's spec as well.
    let e = drift::check(&project_spec(), &broken, &opts()).unwrap_err();
    assert!(matches!(e, ListingError::Broken(_)), "{e}");
    // An empty list is broken too.
    let empty = Listing::default();
    assert!(matches!(
        drift::check(&model, &empty, &opts()),
        Err(ListingError::Broken(_))
    ));
}

/// The project's spec against the capture `rel`, which must give `summary`
/// (breaking, warning, info) findings.
fn project_spec_against(rel: &str, summary: (usize, usize, usize)) -> Report {
    let r = check(&project_spec(), &listing(rel));
    let s = r.summary();
    assert_eq!(
        (s.breaking, s.warning, s.info),
        summary,
        "{rel}: {:#?}",
        keys(&r)
    );
    r
}

#[test]
fn project_spec_against_the_2026_public_capture() {
    // Documented in codegen/README.md's Drift section: update both together.
    let r = project_spec_against("public/2026-07-09.json", (0, 1, 23));
    // Every listed method is described (typed or imported), but the game-specific interfaces.
    let added: Vec<String> = keys(&r)
        .into_iter()
        .filter(|k| k.starts_with("method-added") || k.starts_with("interface-added"))
        .filter(|k| {
            !k.split(' ').nth(1).is_some_and(|i| {
                i.rsplit_once('_')
                    .is_some_and(|(_, n)| n.bytes().all(|b| b.is_ascii_digit()))
            })
        })
        .collect();
    assert!(added.is_empty(), "{added:?}");
    let not_info: Vec<String> = keys(&r)
        .into_iter()
        .filter(|k| {
            !k.starts_with("method-added")
                && !k.starts_with("interface-added")
                && !k.starts_with("method-not-visible")
        })
        .collect();
    assert_eq!(
        not_info,
        ["parameter-added IPlayerService GetOwnedGames v1 include_extended_appinfo"]
    );
    let not_visible = r
        .findings
        .iter()
        .filter(|f| f.rule == drift::Rule::MethodNotVisible)
        .count();
    assert_eq!(
        not_visible, 23,
        "IGameNotificationsService's seven and the sixteen imported publisher-only methods"
    );
    assert_eq!(r.not_compared.proposed.len(), 8);
    assert_eq!(r.not_compared.other_providers.len(), 4);
}

#[test]
fn project_spec_against_the_partner_listing() {
    // The view holds six interfaces: it is checked against those six of the spec.
    let mut six = project_spec();
    let listed = listing("partner-combined.json");
    six.interfaces
        .retain(|name, _| listed.interfaces.iter().any(|i| &i.name == name));
    assert_eq!(six.interfaces.len(), 6);
    let r = check(&six, &listed);
    let s = r.summary();
    assert_eq!(
        (s.breaking, s.warning, s.info),
        (6, 0, 2),
        "{:#?}",
        keys(&r)
    );
    let breaking: Vec<String> = r
        .findings
        .iter()
        .filter(|f| f.severity == drift::Severity::Breaking)
        .map(|f| format!("{} {} {}", f.rule, f.interface, f.subject()))
        .collect();
    assert_eq!(
        breaking,
        [
            // Public methods newer than the capture.
            "method-removed IGameNotificationsService UserCreateSession v1",
            "method-removed IGameNotificationsService UserDeleteSession v1",
            "method-removed IGameNotificationsService UserUpdateSession v1",
            "parameter-removed IPlayerService GetOwnedGames v1 language",
            "parameter-removed ISteamNews GetNewsForApp v1 tags",
            "parameter-removed ISteamNews GetNewsForApp v2 tags"
        ]
    );
    // Two descriptions differ from the public texts the spec records: the partner capture
    // predates IsPlayingSharedGame's "Obsolete, ..." and spells `feeds` "Comma-seperated".
    let described: Vec<String> = r
        .findings
        .iter()
        .filter(|f| f.rule == drift::Rule::DescriptionChanged)
        .map(|f| format!("{} {}", f.interface, f.subject()))
        .collect();
    assert_eq!(
        described,
        [
            "IPlayerService IsPlayingSharedGame v1",
            "ISteamNews GetNewsForApp v2 feeds"
        ]
    );
    // The publisher-only methods are there, and agree with the spec (their `listing:` notes and
    // `listing_description`s): IGameNotificationsService's only findings are the three newer
    // public methods.
    assert_eq!(
        r.findings
            .iter()
            .filter(|f| f.interface == "IGameNotificationsService")
            .count(),
        3
    );
}
