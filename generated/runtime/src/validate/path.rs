//! [`FieldPath`]: where a value sits on the wire, built on the stack and
//! written out only when a violation is recorded.

use std::fmt::{self, Display};

use serde_json::Value;

/// The path to a value, as a chain of segments borrowed from the stack.
///
/// Building one costs a few words and no allocation; the string form is
/// made only when a violation is pushed.
#[derive(Clone, Copy)]
pub struct FieldPath<'a> {
    parent: Option<&'a FieldPath<'a>>,
    segment: Segment<'a>,
}

#[derive(Clone, Copy)]
enum Segment<'a> {
    Root,
    Field(&'static str),
    Index(usize),
    Key(&'a dyn Display),
}

impl<'a> FieldPath<'a> {
    /// The path of the value [`Validate::validate`](super::Validate::validate) was called on: `""`.
    pub const ROOT: FieldPath<'static> = FieldPath {
        parent: None,
        segment: Segment::Root,
    };

    /// The path of a field (or of a serde tag such as a variant name).
    #[inline]
    pub fn field(&'a self, name: &'static str) -> Self {
        self.child(Segment::Field(name))
    }

    /// The path of an item of a sequence: `[index]`.
    #[inline]
    pub fn index(&'a self, index: usize) -> Self {
        self.child(Segment::Index(index))
    }

    /// The path of a map value: `["key"]`, from the key's `Display` form.
    #[inline]
    pub fn key(&'a self, key: &'a dyn Display) -> Self {
        self.child(Segment::Key(key))
    }

    #[inline]
    fn child(&'a self, segment: Segment<'a>) -> Self {
        FieldPath {
            parent: Some(self),
            segment,
        }
    }

    pub(super) fn write_to(&self, out: &mut String) {
        use std::fmt::Write as _;
        if let Some(parent) = self.parent {
            parent.write_to(out);
        }
        match self.segment {
            Segment::Root => {}
            Segment::Field(name) => {
                if !out.is_empty() {
                    out.push('.');
                }
                out.push_str(name);
            }
            Segment::Index(index) => {
                out.push('[');
                push_decimal(out, index);
                out.push(']');
            }
            Segment::Key(key) => {
                // A JSON string literal: unambiguous whatever the key holds.
                let key = Value::String(key.to_string());
                let _ = write!(out, "[{key}]");
            }
        }
    }
}

/// `write!(out, "{n}")` without the formatting machinery: paths are built
/// on every failure.
fn push_decimal(out: &mut String, mut n: usize) {
    let mut digits = [0u8; 20];
    let mut start = digits.len();
    loop {
        start -= 1;
        digits[start] = b'0' + (n % 10) as u8;
        n /= 10;
        if n == 0 {
            break;
        }
    }
    for &digit in &digits[start..] {
        out.push(char::from(digit));
    }
}

impl Display for FieldPath<'_> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let mut out = String::new();
        self.write_to(&mut out);
        f.write_str(&out)
    }
}

impl fmt::Debug for FieldPath<'_> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "FieldPath({:?})", self.to_string())
    }
}
