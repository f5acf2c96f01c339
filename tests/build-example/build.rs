//! Generates clients into OUT_DIR, as a user's build script would: the project's spec, and the
//! tricky valid specs of the test corpus (keywords as names, maps keyed by ids, open enums with
//! gaps, nullable fields), so that all of them compile with every warning denied; and typed
//! localization tokens from a token set.

use std::path::Path;

const TRICKY: &[(&str, &str)] = &[
    ("map-keyed-by-uint64", "tricky_maps"),
    ("open-integer-enum-nullable-optional", "tricky_enums"),
    ("rust-keyword-names", "tricky_keywords"),
    ("same-method-in-two-interfaces", "tricky_same_method"),
    ("service-interface-json-parameters", "tricky_service"),
    ("cursor-and-offset-pages", "tricky_pages"),
];

fn main() {
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    let mut jobs = vec![(root.join("../../spec"), "steamspec")];
    for (case, folder) in TRICKY {
        jobs.push((
            root.join("../../codegen/tests/valid-specs").join(case),
            *folder,
        ));
    }
    for (spec, folder) in jobs {
        if let Err(e) = steamspec::generate::build_script_to(&spec, folder) {
            // Cargo shows the diagnostics (file:line:col) and stops the build.
            panic!("{} has errors:\n{e}", spec.display());
        }
    }
    // Typed localization tokens from the chess token set of the tests, pointing at this crate's
    // own generated LocalizedText. Only the fully translated languages: the others' deliberate
    // gaps would print a cargo warning on every build of the workspace.
    let chess = root.join("../../codegen/tests/tokens/chess");
    let files: Vec<_> = ["english", "german"]
        .iter()
        .map(|f| chess.join(format!("{f}.vdf")))
        .collect();
    if let Err(e) = steamspec::tokens::build_script(&files, "crate::igame_notifications_service") {
        panic!("the chess tokens have errors:\n{e}");
    }
}
