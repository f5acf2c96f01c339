//! The derive's compile-time diagnostics (`fail/`, each with the exact `.stderr` the macro must
//! produce) and inputs it must accept (`pass/`).
//!
//! Regenerate the `.stderr` files with `TRYBUILD=overwrite`, then review them.

#[test]
fn ui() {
    let t = trybuild::TestCases::new();
    t.compile_fail("fail/*.rs");
    t.pass("pass/*.rs");
}
