//! The derive's compile-time diagnostics (`ui/fail`, each with the exact
//! `.stderr` the macro must produce) and inputs it must accept (`ui/pass`).
//!
//! Regenerate the `.stderr` files with `TRYBUILD=overwrite`, then review them.

#[test]
fn ui() {
    let t = trybuild::TestCases::new();
    t.compile_fail("ui/fail/*.rs");
    t.pass("ui/pass/*.rs");
}
