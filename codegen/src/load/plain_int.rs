//! The spec's own integers (`version`, lengths, item counts, error codes) must be written as
//! plain YAML numbers. serde-saphyr also reads `"2"`, `0x2` and `02` into an integer type, so
//! the check is on the node's length: a plain decimal is exactly as long as the value printed.

use std::fmt::Display;

use super::cx::Cx;
use crate::syntax::pos::Sp;

/// Reports `key` at its value when it is not written as the plain number.
pub(super) fn check_plain_int<T: Display>(key: &str, v: &Sp<T>, cx: &mut Cx) {
    let plain = v.value.to_string();
    // 0: the parser gave no length (never for a scalar it read; nothing to check then).
    if v.at.len == 0 || v.at.len as usize == plain.chars().count() {
        return;
    }
    cx.error(
        v,
        format!("{key} must be a plain YAML number: write {plain} (no quotes, leading zeros or other notation)"),
    );
}
