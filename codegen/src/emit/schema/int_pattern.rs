//! The `pattern` of an integer written as a string: exactly the decimals from `lo` to `hi`, so
//! a consumer of the schemas rejects what the client rejects (`"18446744073709551616"` for a
//! SteamID, `"4294967296"` for a uint32, a value past the spec's `min`/`max`) instead of only
//! what is not digits.
//!
//! The form is the canonical one Steam writes: no `+`, no leading zeros, no `-0`. Only plain
//! groups, classes and counted repeats are used (JSON Schema's recommended regex subset), so
//! Python's `re`, pydantic's Rust regex and JavaScript's `RegExp` read it alike.

use std::borrow::Cow;
use std::collections::BTreeMap;
use std::sync::OnceLock;

use crate::model::Scalar;

/// `^(...|...)$` matching the decimal integers in `lo..=hi` (`lo <= hi`). The integer types'
/// own ranges (most fields have no `min`/`max`) are made once and shared.
pub fn int_pattern(lo: i128, hi: i128) -> Cow<'static, str> {
    static TYPE_RANGES: OnceLock<BTreeMap<(i128, i128), String>> = OnceLock::new();
    let known = TYPE_RANGES.get_or_init(|| {
        [Scalar::Uint32, Scalar::Int32, Scalar::Uint64, Scalar::Int64]
            .into_iter()
            .filter_map(Scalar::int_range)
            .map(|(lo, hi)| ((lo, hi), exact_pattern(lo, hi)))
            .collect()
    });
    match known.get(&(lo, hi)) {
        Some(p) => Cow::Borrowed(p),
        None => Cow::Owned(exact_pattern(lo, hi)),
    }
}

fn exact_pattern(lo: i128, hi: i128) -> String {
    let mut alts = Vec::new();
    if lo < 0 {
        // Negative numbers: `-` and a magnitude from |min(hi, -1)| to |lo|.
        let top = lo.unsigned_abs();
        let bottom = if hi < 0 { hi.unsigned_abs() } else { 1 };
        alts.extend(magnitudes(bottom, top).into_iter().map(|a| format!("-{a}")));
    }
    if hi >= 0 {
        alts.extend(magnitudes(lo.max(0).unsigned_abs(), hi.unsigned_abs()));
    }
    format!("^({})$", alts.join("|"))
}

/// Alternatives matching the numbers `a..=b` written without leading zeros.
fn magnitudes(a: u128, b: u128) -> Vec<String> {
    let (a, b) = (a.to_string(), b.to_string());
    let mut out = Vec::new();
    if a.len() == b.len() {
        same_length(&a, &b, String::new(), &mut out);
        return out;
    }
    // The numbers of a's length from a, every number of each length in between (one
    // alternative for all those lengths: `[1-9][0-9]{2,17}`), and those of b's length up to b.
    let first_full = if a == smallest(a.len()) {
        a.len()
    } else {
        same_length(&a, &"9".repeat(a.len()), String::new(), &mut out);
        a.len() + 1
    };
    let last_full = if b == "9".repeat(b.len()) {
        b.len()
    } else {
        b.len() - 1
    };
    if first_full <= last_full {
        out.push(format!("[1-9]{}", any(first_full - 1, last_full - 1)));
    }
    if last_full < b.len() {
        same_length(&smallest(b.len()), &b, String::new(), &mut out);
    }
    out
}

/// `10...0`: the first number with `len` digits.
fn smallest(len: usize) -> String {
    format!("1{}", "0".repeat(len - 1))
}

/// Alternatives matching the numbers `x..=y` of the same length, after `prefix`.
fn same_length(x: &str, y: &str, prefix: String, out: &mut Vec<String>) {
    let common = x.bytes().zip(y.bytes()).take_while(|(p, q)| p == q).count();
    if common == x.len() {
        out.push(format!("{prefix}{x}"));
        return;
    }
    let prefix = format!("{prefix}{}", &x[..common]);
    let (x, y) = (&x[common..], &y[common..]);
    let (lo, hi) = (x.as_bytes()[0] as char, y.as_bytes()[0] as char);
    let rest = x.len() - 1;
    // Where the tail below the first digit is the whole run of its digits, that first digit
    // joins the middle class instead of getting an alternative of its own.
    let low_full = x[1..].bytes().all(|c| c == b'0');
    let high_full = y[1..].bytes().all(|c| c == b'9');
    if !low_full {
        same_length(&x[1..], &"9".repeat(rest), format!("{prefix}{lo}"), out);
    }
    let from = if low_full { lo } else { next(lo) };
    let to = if high_full { hi } else { prev(hi) };
    if from <= to {
        out.push(format!("{prefix}{}{}", class(from, to), any(rest, rest)));
    }
    if !high_full {
        same_length(&"0".repeat(rest), &y[1..], format!("{prefix}{hi}"), out);
    }
}

fn next(d: char) -> char {
    (d as u8 + 1) as char
}

fn prev(d: char) -> char {
    (d as u8 - 1) as char
}

/// One digit from `from` to `to`.
fn class(from: char, to: char) -> String {
    if from == to {
        from.to_string()
    } else {
        format!("[{from}-{to}]")
    }
}

/// `min..=max` more digits.
fn any(min: usize, max: usize) -> String {
    match (min, max) {
        (0, 0) => String::new(),
        (1, 1) => "[0-9]".into(),
        (m, n) if m == n => format!("[0-9]{{{m}}}"),
        (m, n) => format!("[0-9]{{{m},{n}}}"),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use regex::Regex;

    fn matches(lo: i128, hi: i128) -> impl Fn(i128) -> bool {
        let re = Regex::new(&int_pattern(lo, hi)).expect("a valid regex");
        move |v| re.is_match(&v.to_string())
    }

    /// Every range between small ends and the ends around the powers of ten, every value
    /// around it.
    #[test]
    fn small_ranges_are_exact() {
        let mut ends: Vec<i128> = (-25..=25).collect();
        for p in [10, 100, 1000] {
            ends.extend([p - 1, p, p + 1, -p - 1, -p, -p + 1]);
        }
        ends.extend([-120, 120, 345, -678]);
        for &lo in &ends {
            for &hi in ends.iter().filter(|&&hi| hi >= lo) {
                let m = matches(lo, hi);
                for v in (-1010..=-990)
                    .chain(-130..=130)
                    .chain(990..=1010)
                    .chain([345, 346, -679])
                {
                    assert_eq!(m(v), (lo..=hi).contains(&v), "{v} in {lo}..={hi}");
                }
            }
        }
    }

    /// The types' own ranges, at and past their ends and at every power of ten.
    #[test]
    fn type_ranges_are_exact() {
        let ranges: [(i128, i128); 4] = [
            (0, u32::MAX.into()),
            (i32::MIN.into(), i32::MAX.into()),
            (0, u64::MAX.into()),
            (i64::MIN.into(), i64::MAX.into()),
        ];
        for (lo, hi) in ranges {
            let m = matches(lo, hi);
            let mut probes = vec![lo - 1, lo, lo + 1, hi - 1, hi, hi + 1, 0, -1, 1];
            for e in 0..=20 {
                let p = 10i128.pow(e);
                probes.extend([p - 1, p, p + 1, -p + 1, -p, -p - 1]);
            }
            for v in probes {
                assert_eq!(m(v), (lo..=hi).contains(&v), "{v} in {lo}..={hi}");
            }
        }
    }

    /// Spec bounds at every scale, with values at the ends and at 1000 pseudo-random places.
    #[test]
    fn large_ranges_are_exact() {
        let mut seed: u64 = 0x9E37_79B9_7F4A_7C15;
        let mut next = move || {
            seed ^= seed << 13;
            seed ^= seed >> 7;
            seed ^= seed << 17;
            seed
        };
        for _ in 0..300 {
            let digits = |r: u64| 10i128.pow((r % 20) as u32);
            let a = i128::from(next()) % digits(next());
            let b = i128::from(next()) % digits(next());
            let a = if next() % 3 == 0 { -a } else { a };
            let (lo, hi) = (a.min(b), a.max(b));
            let m = matches(lo, hi);
            let span = (hi - lo).max(1);
            for v in [lo - 1, lo, lo + 1, hi - 1, hi, hi + 1] {
                assert_eq!(m(v), (lo..=hi).contains(&v), "{v} in {lo}..={hi}");
            }
            for _ in 0..1000 {
                let v = lo - span / 2 + i128::from(next()) % (span * 2);
                assert_eq!(m(v), (lo..=hi).contains(&v), "{v} in {lo}..={hi}");
            }
        }
    }

    /// Non-canonical forms are outside every range.
    #[test]
    fn only_the_canonical_form_matches() {
        let re = Regex::new(&int_pattern(-100, 100)).expect("a valid regex");
        for text in ["007", "+5", "-0", "", "-", "1 ", "1e2", "٣"] {
            assert!(!re.is_match(text), "{text:?}");
        }
    }

    #[test]
    fn reads_well() {
        assert_eq!(int_pattern(1, 100), "^([1-9][0-9]{0,1}|100)$");
        // spec/README.md's example.
        assert_eq!(int_pattern(0, 100), "^([0-9]|[1-9][0-9]|100)$");
        assert_eq!(
            int_pattern(0, 4_294_967_295),
            "^([0-9]|[1-9][0-9]{1,8}|[1-3][0-9]{9}|4[0-1][0-9]{8}|42[0-8][0-9]{7}|429[0-3][0-9]{6}\
             |4294[0-8][0-9]{5}|42949[0-5][0-9]{4}|429496[0-6][0-9]{3}|4294967[0-1][0-9]{2}\
             |42949672[0-8][0-9]|429496729[0-5])$"
        );
        assert_eq!(int_pattern(0, 9), "^([0-9])$");
        assert_eq!(int_pattern(-5, 5), "^(-[1-5]|[0-5])$");
    }
}
