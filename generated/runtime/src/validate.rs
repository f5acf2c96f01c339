//! Validation of values against the constraints of the spec.
//!
//! [`Validate`] is implemented by `#[derive(Validate)]` (re-exported here and at
//! the crate root) and, by hand, for the std types a field can have, so every
//! field of a derived type is validated through the trait: a nested struct
//! that derives `Validate` is checked without any attribute.
//!
//! ```
//! # extern crate steam_webapi_runtime as steam_webapi;
//! use steam_webapi::validate::Validate;
//!
//! #[derive(steam_webapi::Validate)]
//! struct Player {
//!     #[schemars(length(min = 1, max = 32))]
//!     name: String,
//!     #[schemars(range(min = 1, max = 100))]
//!     level: u32,
//! }
//!
//! let errors = Player { name: String::new(), level: 0 }.validate().unwrap_err();
//! assert_eq!(errors.to_string(), "name: length must be between 1 and 32 characters, got 0\n\
//!                                 level: must be between 1 and 100");
//! ```
//!
//! # One attribute, two consumers
//!
//! Constraints that JSON Schema can express are written once, in schemars'
//! own syntax, so `#[derive(schemars::JsonSchema)]` puts them in the schema
//! and `#[derive(Validate)]` checks them. Rules that JSON Schema cannot
//! express go in `#[validate(...)]`, which schemars reads too but ignores.
//! The derive declares both helper attributes, so deriving `JsonSchema` is
//! optional.
//!
//! | attribute | rule code | applies to |
//! | --- | --- | --- |
//! | `#[schemars(length(min = 1, max = 32))]`, `length(equal = 17)` | `length` (chars) or `items` | strings; `Vec`, slices, sets, maps |
//! | `#[schemars(range(min = 1, max = 4294967295u32))]` | `range` | integers, floats |
//! | `#[schemars(regex(pattern = r"^\d{17}$"))]` or `pattern(r"...")` | `pattern` | strings |
//! | `#[schemars(inner(length(max = 8)))]` | (the inner rule's) | each item of a sequence, each value of a map |
//! | `#[validate(one_of("public", "private"))]`, `one_of(1, 2, 3)` | `one_of` | anything comparable with `==` to the literals |
//! | `#[validate(custom(function = path::to::check))]` | `custom` | any field, or the whole type on the container |
//! | `#[validate(inner(one_of(..), custom(..)))]` | (the inner rule's) | items and map values |
//! | `#[validate(skip)]` | | a field or variant: not validated at all |
//! | `#[validate(at_least_one_of(a, b))]` on the struct | `at_least_one_of` | `Option` fields |
//! | `#[validate(required_if(field = a, when = b))]` on the struct, optional `equals = "lit"` | `required_if` | `a`: `Option`; `b`: `Option` (set when `Some`) or `bool` (set when `true`), or compared with `equals` |
//!
//! Bounds are literals, written with a suffix when the inferred type needs it
//! (`max = 18446744073709551615u64`); on a float field an integer bound is
//! accepted. String lengths count Unicode scalar values (`chars()`), the way
//! JSON Schema counts. Patterns are checked when the derive runs and compiled
//! once, on first use (one past the regex engine's size limit fails every
//! value with the reason, params `pattern` and `error`, instead of panicking);
//! like JSON Schema's `pattern` they are not anchored, so write `^...$` to
//! match the whole string. Rules on an `Option` field apply to
//! the value when it is present. schemars items other than these (`email`,
//! `contains`, `description`, ...) are left to schemars and not validated.
//!
//! A custom function takes a reference to the field's value (the value inside
//! an `Option`, when present) or, at container level, to the whole type, and
//! returns `Result<(), E>` with `E: Display`; the error's text becomes the
//! message:
//!
//! ```
//! # extern crate steam_webapi_runtime as steam_webapi;
//! fn even(n: &u32) -> Result<(), String> {
//!     if n.is_multiple_of(2) { Ok(()) } else { Err(format!("{n} is odd")) }
//! }
//!
//! #[derive(steam_webapi::Validate)]
//! struct Pair {
//!     #[validate(custom(function = even))]
//!     count: u32,
//! }
//! # use steam_webapi::validate::Validate;
//! # assert_eq!(Pair { count: 3 }.validate().unwrap_err().to_string(), "count: 3 is odd");
//! ```
//!
//! # Paths
//!
//! [`ValidationError::path`] is the path on the wire: serde's `rename`,
//! `rename_all`, `rename_all_fields`, `flatten`, `transparent` and enum tagging
//! are followed. Fields are joined with `.`, sequence items are `[2]`, map
//! values are `["key"]` (the key's `Display` form, quoted as a JSON string):
//! `users[2].steamid`, `hubs["123"].name`. A field inside an externally tagged
//! enum variant is `Variant.field` (`Variant` alone for a newtype variant,
//! `Variant[0]` for a tuple variant); internally tagged and untagged enums add
//! nothing, adjacently tagged ones add the content key. The path of the value
//! being validated itself (a container-level rule on the top-level struct) is
//! the empty string.

use std::borrow::Cow;
use std::collections::{BTreeMap, BTreeSet, HashMap, HashSet, VecDeque};
use std::fmt::{self, Display};
use std::rc::Rc;
use std::sync::{Arc, OnceLock};

use serde::Serialize;
use serde_json::{Map, Value};

pub use steam_webapi_macros::Validate;

/// A value that can check itself against its constraints.
pub trait Validate {
    /// Checks every constraint and returns all violations, not just the first.
    fn validate(&self) -> Result<(), ValidationErrors> {
        let mut errors = ValidationErrors::new();
        self.validate_at(&FieldPath::ROOT, &mut errors);
        errors.into_result()
    }

    /// Checks the value found at `path`, pushing each violation to `errors`.
    ///
    /// Implement this one by hand; `path` is cheap to extend
    /// ([`FieldPath::field`], [`FieldPath::index`], [`FieldPath::key`]) and is
    /// only turned into a string by [`ValidationErrors::push`].
    fn validate_at(&self, path: &FieldPath<'_>, errors: &mut ValidationErrors);
}

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
    /// The path of the value [`Validate::validate`] was called on: `""`.
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

    fn write_to(&self, out: &mut String) {
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

/// One violated constraint.
///
/// The derive's checks record only what failed; the message and the
/// parameters are built the first time they are asked for, so a failing
/// check costs little more than its path.
#[derive(Clone)]
pub struct ValidationError {
    path: String,
    detail: Detail,
    message: OnceLock<String>,
    params: OnceLock<Map<String, Value>>,
}

/// What failed, in the cheapest form that can rebuild message and params.
#[derive(Clone)]
enum Detail {
    Length {
        rule: &'static str,
        actual: usize,
        min: Option<usize>,
        max: Option<usize>,
    },
    Range {
        min: Option<Value>,
        max: Option<Value>,
    },
    Pattern(&'static str),
    /// The pattern parsed when the derive ran but the regex engine refused it (its size
    /// limit): every value fails instead of the first validation panicking.
    PatternInvalid {
        pattern: &'static str,
        error: &'static str,
    },
    OneOf(fn() -> Vec<Value>),
    Custom {
        function: &'static str,
        message: String,
    },
    AtLeastOneOf(&'static [&'static str]),
    RequiredIf {
        field: &'static str,
        when: &'static str,
        equals: Option<fn() -> Value>,
    },
    Other {
        rule: Cow<'static, str>,
        message: String,
        params: Map<String, Value>,
    },
}

impl Detail {
    fn rule(&self) -> &str {
        match self {
            Detail::Length { rule, .. } => rule,
            Detail::Range { .. } => "range",
            Detail::Pattern(_) | Detail::PatternInvalid { .. } => "pattern",
            Detail::OneOf(_) => "one_of",
            Detail::Custom { .. } => "custom",
            Detail::AtLeastOneOf(_) => "at_least_one_of",
            Detail::RequiredIf { .. } => "required_if",
            Detail::Other { rule, .. } => rule,
        }
    }

    fn message(&self) -> String {
        match self {
            Detail::Length {
                rule,
                actual,
                min,
                max,
            } => {
                let bounds = describe_bounds(min.map(Value::from), max.map(Value::from));
                if *rule == "length" {
                    format!("length must be {bounds} characters, got {actual}")
                } else {
                    format!("must have {bounds} items, got {actual}")
                }
            }
            Detail::Range { min, max } => {
                format!("must be {}", describe_bounds(min.clone(), max.clone()))
            }
            Detail::Pattern(pattern) => {
                format!("does not match the pattern {}", Value::from(*pattern))
            }
            Detail::PatternInvalid { pattern, error } => {
                format!(
                    "cannot be checked: the pattern {} does not compile: {error}",
                    Value::from(*pattern)
                )
            }
            Detail::OneOf(values) => {
                let list: Vec<String> = values().iter().map(Value::to_string).collect();
                format!("must be one of {}", list.join(", "))
            }
            Detail::AtLeastOneOf(fields) => {
                let list: Vec<String> = fields.iter().map(|f| format!("`{f}`")).collect();
                format!("at least one of {} is required", list.join(", "))
            }
            Detail::RequiredIf { when, equals, .. } => match equals {
                Some(value) => format!("is required when `{when}` is {}", value()),
                None => format!("is required when `{when}` is set"),
            },
            Detail::Custom { message, .. } | Detail::Other { message, .. } => message.clone(),
        }
    }

    fn params(&self) -> Map<String, Value> {
        let mut params = Map::new();
        let mut put = |key: &str, value: Value| {
            params.insert(key.to_owned(), value);
        };
        match self {
            Detail::Length { min, max, .. } => {
                if let Some(min) = min {
                    put("min", (*min).into());
                }
                if let Some(max) = max {
                    put("max", (*max).into());
                }
            }
            Detail::Range { min, max } => {
                if let Some(min) = min {
                    put("min", min.clone());
                }
                if let Some(max) = max {
                    put("max", max.clone());
                }
            }
            Detail::Pattern(pattern) => put("pattern", (*pattern).into()),
            Detail::PatternInvalid { pattern, error } => {
                put("pattern", (*pattern).into());
                put("error", (*error).into());
            }
            Detail::OneOf(values) => put("values", values().into()),
            Detail::Custom { function, .. } => put("function", (*function).into()),
            Detail::AtLeastOneOf(fields) => put("fields", fields.to_vec().into()),
            Detail::RequiredIf {
                field,
                when,
                equals,
            } => {
                put("field", (*field).into());
                put("when", (*when).into());
                if let Some(value) = equals {
                    put("equals", value());
                }
            }
            Detail::Other { params, .. } => return params.clone(),
        }
        params
    }
}

fn describe_bounds(min: Option<Value>, max: Option<Value>) -> String {
    match (min, max) {
        (Some(min), Some(max)) if min == max => format!("exactly {min}"),
        (Some(min), Some(max)) => format!("between {min} and {max}"),
        (Some(min), None) => format!("at least {min}"),
        (None, Some(max)) => format!("at most {max}"),
        (None, None) => "anything".to_owned(),
    }
}

impl ValidationError {
    /// Makes an error; `rule` is a stable code such as `"range"`.
    pub fn new(
        path: impl Into<String>,
        rule: impl Into<Cow<'static, str>>,
        message: impl Into<String>,
        params: Map<String, Value>,
    ) -> Self {
        let detail = Detail::Other {
            rule: rule.into(),
            message: message.into(),
            params,
        };
        ValidationError::with_detail(path.into(), detail)
    }

    fn with_detail(path: String, detail: Detail) -> Self {
        ValidationError {
            path,
            detail,
            message: OnceLock::new(),
            params: OnceLock::new(),
        }
    }

    /// Where the value is on the wire, e.g. `users[2].steamid`; `""` for the root.
    pub fn path(&self) -> &str {
        &self.path
    }

    /// The rule's stable code: `range`, `length`, `items`, `pattern`,
    /// `one_of`, `required_if`, `at_least_one_of`, `custom`.
    pub fn rule(&self) -> &str {
        self.detail.rule()
    }

    /// A sentence for people, without the path.
    pub fn message(&self) -> &str {
        self.message.get_or_init(|| self.detail.message())
    }

    /// The rule's parameters: `min`/`max`, `pattern`, `values`, `function`,
    /// `fields`, `field`/`when`/`equals`.
    pub fn params(&self) -> &Map<String, Value> {
        self.params.get_or_init(|| self.detail.params())
    }

    /// One parameter by name.
    pub fn param(&self, name: &str) -> Option<&Value> {
        self.params().get(name)
    }
}

impl PartialEq for ValidationError {
    fn eq(&self, other: &Self) -> bool {
        self.path == other.path
            && self.rule() == other.rule()
            && self.message() == other.message()
            && self.params() == other.params()
    }
}

impl fmt::Debug for ValidationError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("ValidationError")
            .field("path", &self.path)
            .field("rule", &self.rule())
            .field("message", &self.message())
            .field("params", self.params())
            .finish()
    }
}

impl Serialize for ValidationError {
    fn serialize<S: serde::Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        use serde::ser::SerializeStruct;
        let mut s = serializer.serialize_struct("ValidationError", 4)?;
        s.serialize_field("path", &self.path)?;
        s.serialize_field("rule", self.rule())?;
        s.serialize_field("message", self.message())?;
        s.serialize_field("params", self.params())?;
        s.end()
    }
}

impl Display for ValidationError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        if self.path.is_empty() {
            f.write_str(self.message())
        } else {
            write!(f, "{}: {}", self.path, self.message())
        }
    }
}

impl std::error::Error for ValidationError {}

/// Every violation found by one [`Validate::validate`] call, in field order.
///
/// Displays one line per violation (`path: message`) and serializes as a
/// list of `{path, rule, message, params}` objects.
#[derive(Debug, Clone, Default, PartialEq, Serialize)]
#[serde(transparent)]
pub struct ValidationErrors {
    errors: Vec<ValidationError>,
}

impl ValidationErrors {
    /// No errors yet; does not allocate.
    pub const fn new() -> Self {
        ValidationErrors { errors: Vec::new() }
    }

    /// Records a violation at `path`; paths become strings only here.
    #[cold]
    pub fn push(
        &mut self,
        path: &FieldPath<'_>,
        rule: impl Into<Cow<'static, str>>,
        message: impl Into<String>,
        params: Map<String, Value>,
    ) {
        let detail = Detail::Other {
            rule: rule.into(),
            message: message.into(),
            params,
        };
        self.push_detail(path, detail);
    }

    #[cold]
    #[inline(never)]
    fn push_detail(&mut self, path: &FieldPath<'_>, detail: Detail) {
        let mut at = String::with_capacity(32);
        path.write_to(&mut at);
        self.errors.push(ValidationError::with_detail(at, detail));
    }

    /// Adds an error made elsewhere.
    pub fn push_error(&mut self, error: ValidationError) {
        self.errors.push(error);
    }

    /// `Ok(())` when empty.
    pub fn into_result(self) -> Result<(), Self> {
        if self.errors.is_empty() {
            Ok(())
        } else {
            Err(self)
        }
    }

    /// Whether no rule failed.
    pub fn is_empty(&self) -> bool {
        self.errors.is_empty()
    }

    /// How many rules failed.
    pub fn len(&self) -> usize {
        self.errors.len()
    }

    /// The failures, in the order the fields were checked.
    pub fn iter(&self) -> std::slice::Iter<'_, ValidationError> {
        self.errors.iter()
    }

    /// The failures as a slice, in the order the fields were checked.
    pub fn as_slice(&self) -> &[ValidationError] {
        &self.errors
    }

    /// The failures, owned.
    pub fn into_vec(self) -> Vec<ValidationError> {
        self.errors
    }
}

impl Display for ValidationErrors {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        for (i, error) in self.errors.iter().enumerate() {
            if i > 0 {
                f.write_str("\n")?;
            }
            Display::fmt(error, f)?;
        }
        Ok(())
    }
}

impl std::error::Error for ValidationErrors {}

impl IntoIterator for ValidationErrors {
    type Item = ValidationError;
    type IntoIter = std::vec::IntoIter<ValidationError>;
    fn into_iter(self) -> Self::IntoIter {
        self.errors.into_iter()
    }
}

impl<'a> IntoIterator for &'a ValidationErrors {
    type Item = &'a ValidationError;
    type IntoIter = std::slice::Iter<'a, ValidationError>;
    fn into_iter(self) -> Self::IntoIter {
        self.errors.iter()
    }
}

// ---- Validate for std types -------------------------------------------------

/// Leaf types: nothing inside them to check.
macro_rules! leaf {
    ($($ty:ty),* $(,)?) => {$(
        impl Validate for $ty {
            #[inline(always)]
            fn validate_at(&self, _: &FieldPath<'_>, _: &mut ValidationErrors) {}
        }
    )*};
}

leaf! {
    u8, u16, u32, u64, u128, usize, i8, i16, i32, i64, i128, isize, f32, f64,
    bool, char, str, String, (),
    std::num::NonZeroU8, std::num::NonZeroU16, std::num::NonZeroU32, std::num::NonZeroU64,
    std::num::NonZeroUsize, std::num::NonZeroI32, std::num::NonZeroI64,
    std::time::Duration, std::time::SystemTime, std::path::PathBuf,
    std::net::IpAddr, std::net::Ipv4Addr, std::net::Ipv6Addr, std::net::SocketAddr,
    serde_json::Value, serde_json::Number,
}

impl<T: ?Sized> Validate for std::marker::PhantomData<T> {
    #[inline(always)]
    fn validate_at(&self, _: &FieldPath<'_>, _: &mut ValidationErrors) {}
}

/// Pointers add no path segment.
macro_rules! deref {
    ($($ty:ident),*) => {$(
        impl<T: Validate + ?Sized> Validate for $ty<T> {
            #[inline]
            fn validate_at(&self, path: &FieldPath<'_>, errors: &mut ValidationErrors) {
                T::validate_at(self, path, errors)
            }
        }
    )*};
}

deref!(Box, Rc, Arc);

impl<T: Validate + ?Sized> Validate for &T {
    #[inline]
    fn validate_at(&self, path: &FieldPath<'_>, errors: &mut ValidationErrors) {
        T::validate_at(self, path, errors)
    }
}

impl<T: Validate + ToOwned + ?Sized> Validate for Cow<'_, T> {
    #[inline]
    fn validate_at(&self, path: &FieldPath<'_>, errors: &mut ValidationErrors) {
        T::validate_at(self, path, errors)
    }
}

impl<T: Validate> Validate for Option<T> {
    #[inline]
    fn validate_at(&self, path: &FieldPath<'_>, errors: &mut ValidationErrors) {
        if let Some(value) = self {
            value.validate_at(path, errors);
        }
    }
}

/// Sequences: item `i` is at `path[i]` (for sets, in iteration order).
macro_rules! seq {
    ($($ty:ident),*) => {$(
        impl<T: Validate> Validate for $ty<T> {
            #[inline]
            fn validate_at(&self, path: &FieldPath<'_>, errors: &mut ValidationErrors) {
                for (i, item) in self.iter().enumerate() {
                    item.validate_at(&path.index(i), errors);
                }
            }
        }
    )*};
}

seq!(Vec, VecDeque, BTreeSet);

impl<T: Validate, S> Validate for HashSet<T, S> {
    #[inline]
    fn validate_at(&self, path: &FieldPath<'_>, errors: &mut ValidationErrors) {
        for (i, item) in self.iter().enumerate() {
            item.validate_at(&path.index(i), errors);
        }
    }
}

impl<T: Validate> Validate for [T] {
    #[inline]
    fn validate_at(&self, path: &FieldPath<'_>, errors: &mut ValidationErrors) {
        for (i, item) in self.iter().enumerate() {
            item.validate_at(&path.index(i), errors);
        }
    }
}

impl<T: Validate, const N: usize> Validate for [T; N] {
    #[inline]
    fn validate_at(&self, path: &FieldPath<'_>, errors: &mut ValidationErrors) {
        self.as_slice().validate_at(path, errors)
    }
}

/// Maps: values are checked at `path["key"]`; keys are not validated.
impl<K: Display, V: Validate> Validate for BTreeMap<K, V> {
    #[inline]
    fn validate_at(&self, path: &FieldPath<'_>, errors: &mut ValidationErrors) {
        for (key, value) in self {
            value.validate_at(&path.key(key), errors);
        }
    }
}

impl<K: Display, V: Validate, S> Validate for HashMap<K, V, S> {
    #[inline]
    fn validate_at(&self, path: &FieldPath<'_>, errors: &mut ValidationErrors) {
        for (key, value) in self {
            value.validate_at(&path.key(key), errors);
        }
    }
}

impl Validate for Map<String, Value> {
    #[inline(always)]
    fn validate_at(&self, _: &FieldPath<'_>, _: &mut ValidationErrors) {}
}

/// Tuples serialize as arrays, so element `i` is at `path[i]`.
macro_rules! tuple {
    ($(($($n:tt $t:ident),+))*) => {$(
        impl<$($t: Validate),+> Validate for ($($t,)+) {
            #[inline]
            fn validate_at(&self, path: &FieldPath<'_>, errors: &mut ValidationErrors) {
                $(self.$n.validate_at(&path.index($n), errors);)+
            }
        }
    )*};
}

tuple! {
    (0 A)
    (0 A, 1 B)
    (0 A, 1 B, 2 C)
    (0 A, 1 B, 2 C, 3 D)
}

/// Support for the derive's expansion; not a public API.
#[doc(hidden)]
pub mod __private {
    use super::*;

    pub use regex::Regex;

    /// A literal from the attribute, as a rule parameter.
    pub fn to_value<T: Serialize + ?Sized>(value: &T) -> Value {
        serde_json::to_value(value).unwrap_or(Value::Null)
    }

    /// What `length` counts: chars for strings (rule `length`), items for
    /// collections (rule `items`).
    pub trait Length {
        const RULE: &'static str;
        fn length(&self) -> usize;
        #[inline]
        fn length_within(&self, min: usize, max: usize) -> bool {
            let n = self.length();
            min <= n && n <= max
        }
    }

    impl Length for str {
        const RULE: &'static str = "length";
        #[inline]
        fn length(&self) -> usize {
            self.chars().count()
        }
        #[inline]
        fn length_within(&self, min: usize, max: usize) -> bool {
            // A char takes 1 to 4 bytes, so the byte length often decides
            // without counting chars.
            let bytes = self.len();
            let fewest = bytes.div_ceil(4);
            if bytes <= max && fewest >= min {
                return true;
            }
            if bytes < min || fewest > max {
                return false;
            }
            let n = self.length();
            min <= n && n <= max
        }
    }

    macro_rules! length_via {
        ($(impl[$($g:tt)*] $ty:ty => $target:ty;)*) => {$(
            impl<$($g)*> Length for $ty {
                const RULE: &'static str = <$target as Length>::RULE;
                #[inline]
                fn length(&self) -> usize {
                    <$target as Length>::length(self)
                }
                #[inline]
                fn length_within(&self, min: usize, max: usize) -> bool {
                    <$target as Length>::length_within(self, min, max)
                }
            }
        )*};
    }

    length_via! {
        impl[] String => str;
        impl[T: Length + ?Sized] &T => T;
        impl[T: Length + ?Sized] Box<T> => T;
        impl[T: Length + ?Sized] Rc<T> => T;
        impl[T: Length + ?Sized] Arc<T> => T;
        impl[T: Length + ToOwned + ?Sized] Cow<'_, T> => T;
    }

    macro_rules! length_items {
        ($(impl[$($g:tt)*] $ty:ty;)*) => {$(
            impl<$($g)*> Length for $ty {
                const RULE: &'static str = "items";
                #[inline]
                fn length(&self) -> usize {
                    self.len()
                }
            }
        )*};
    }

    length_items! {
        impl[T] [T];
        impl[T, const N: usize] [T; N];
        impl[T] Vec<T>;
        impl[T] VecDeque<T>;
        impl[T] BTreeSet<T>;
        impl[T, S] HashSet<T, S>;
        impl[K, V] BTreeMap<K, V>;
        impl[K, V, S] HashMap<K, V, S>;
        impl[] Map<String, Value>;
    }

    #[inline]
    pub fn check_length<T: Length + ?Sized>(
        value: &T,
        min: Option<usize>,
        max: Option<usize>,
        path: &FieldPath<'_>,
        errors: &mut ValidationErrors,
    ) {
        if !value.length_within(min.unwrap_or(0), max.unwrap_or(usize::MAX)) {
            fail_length(T::RULE, value.length(), min, max, path, errors);
        }
    }

    #[cold]
    #[inline(never)]
    fn fail_length(
        rule: &'static str,
        actual: usize,
        min: Option<usize>,
        max: Option<usize>,
        path: &FieldPath<'_>,
        errors: &mut ValidationErrors,
    ) {
        let detail = Detail::Length {
            rule,
            actual,
            min,
            max,
        };
        errors.push_detail(path, detail);
    }

    /// What `range` compares: the value as a number of the bounds' type.
    pub trait RangeValue {
        type Value: PartialOrd + Copy + Into<Value>;
        fn range_value(&self) -> Self::Value;
    }

    macro_rules! range_self {
        ($($ty:ty),*) => {$(
            impl RangeValue for $ty {
                type Value = $ty;
                #[inline(always)]
                fn range_value(&self) -> $ty {
                    *self
                }
            }
        )*};
    }

    range_self!(u8, u16, u32, u64, usize, i8, i16, i32, i64, isize, f32, f64);

    macro_rules! range_nonzero {
        ($($ty:ty => $prim:ty),*) => {$(
            impl RangeValue for $ty {
                type Value = $prim;
                #[inline(always)]
                fn range_value(&self) -> $prim {
                    self.get()
                }
            }
        )*};
    }

    range_nonzero! {
        std::num::NonZeroU8 => u8, std::num::NonZeroU16 => u16,
        std::num::NonZeroU32 => u32, std::num::NonZeroU64 => u64,
        std::num::NonZeroUsize => usize, std::num::NonZeroI32 => i32,
        std::num::NonZeroI64 => i64
    }

    impl<T: RangeValue + ?Sized> RangeValue for &T {
        type Value = T::Value;
        #[inline(always)]
        fn range_value(&self) -> T::Value {
            T::range_value(self)
        }
    }

    impl<T: RangeValue + ?Sized> RangeValue for Box<T> {
        type Value = T::Value;
        #[inline(always)]
        fn range_value(&self) -> T::Value {
            T::range_value(self)
        }
    }

    #[inline]
    pub fn check_range<T: RangeValue + ?Sized>(
        value: &T,
        min: Option<T::Value>,
        max: Option<T::Value>,
        path: &FieldPath<'_>,
        errors: &mut ValidationErrors,
    ) {
        let v = value.range_value();
        // Written as "not within" so that NaN fails.
        #[allow(clippy::neg_cmp_op_on_partial_ord)]
        let low = min.is_some_and(|m| !(v >= m));
        #[allow(clippy::neg_cmp_op_on_partial_ord)]
        let high = max.is_some_and(|m| !(v <= m));
        if low || high {
            fail_range(min.map(Into::into), max.map(Into::into), path, errors);
        }
    }

    #[cold]
    #[inline(never)]
    fn fail_range(
        min: Option<Value>,
        max: Option<Value>,
        path: &FieldPath<'_>,
        errors: &mut ValidationErrors,
    ) {
        errors.push_detail(path, Detail::Range { min, max });
    }

    /// What `pattern` matches against.
    pub trait AsStr {
        fn as_str(&self) -> &str;
    }

    impl AsStr for str {
        #[inline(always)]
        fn as_str(&self) -> &str {
            self
        }
    }

    impl AsStr for String {
        #[inline(always)]
        fn as_str(&self) -> &str {
            self
        }
    }

    impl AsStr for Cow<'_, str> {
        #[inline(always)]
        fn as_str(&self) -> &str {
            self
        }
    }

    impl<T: AsStr + ?Sized> AsStr for &T {
        #[inline(always)]
        fn as_str(&self) -> &str {
            T::as_str(self)
        }
    }

    impl<T: AsStr + ?Sized> AsStr for Box<T> {
        #[inline(always)]
        fn as_str(&self) -> &str {
            T::as_str(self)
        }
    }

    impl<T: AsStr + ?Sized> AsStr for Rc<T> {
        #[inline(always)]
        fn as_str(&self) -> &str {
            T::as_str(self)
        }
    }

    impl<T: AsStr + ?Sized> AsStr for Arc<T> {
        #[inline(always)]
        fn as_str(&self) -> &str {
            T::as_str(self)
        }
    }

    /// A pattern compiled once per process, from a `static LazyLock`, or why it
    /// did not compile.
    pub type CompiledPattern = Result<Regex, String>;

    /// Compiles a pattern the derive has already parsed. The derive checks the
    /// syntax, not the compiled size, so a pattern past the regex engine's size
    /// limit is kept as its error and reported on every value, never a panic.
    #[cold]
    pub fn regex(pattern: &str) -> CompiledPattern {
        Regex::new(pattern).map_err(|err| err.to_string())
    }

    /// `pattern` is the literal `regex` was compiled from.
    #[inline]
    pub fn check_pattern<T: AsStr + ?Sized>(
        value: &T,
        regex: &'static CompiledPattern,
        pattern: &'static str,
        path: &FieldPath<'_>,
        errors: &mut ValidationErrors,
    ) {
        match regex {
            Ok(regex) => {
                if !regex.is_match(value.as_str()) {
                    errors.push_detail(path, Detail::Pattern(pattern));
                }
            }
            Err(error) => errors.push_detail(path, Detail::PatternInvalid { pattern, error }),
        }
    }

    /// `values` rebuilds the allowed literals, only when they are asked for.
    #[cold]
    #[inline(never)]
    pub fn fail_one_of(
        values: fn() -> Vec<Value>,
        path: &FieldPath<'_>,
        errors: &mut ValidationErrors,
    ) {
        errors.push_detail(path, Detail::OneOf(values));
    }

    /// Turns a custom function's result into a violation.
    #[inline]
    pub fn check_custom<E: Display>(
        result: Result<(), E>,
        function: &'static str,
        path: &FieldPath<'_>,
        errors: &mut ValidationErrors,
    ) {
        if let Err(err) = result {
            let message = err.to_string();
            errors.push_detail(path, Detail::Custom { function, message });
        }
    }

    /// Whether a field named in a struct-level rule counts as given.
    pub trait Presence {
        fn is_present(&self) -> bool;
    }

    impl<T> Presence for Option<T> {
        #[inline(always)]
        fn is_present(&self) -> bool {
            self.is_some()
        }
    }

    impl Presence for bool {
        #[inline(always)]
        fn is_present(&self) -> bool {
            *self
        }
    }

    impl<T: Presence + ?Sized> Presence for &T {
        #[inline(always)]
        fn is_present(&self) -> bool {
            T::is_present(self)
        }
    }

    #[cold]
    #[inline(never)]
    pub fn fail_at_least_one_of(
        fields: &'static [&'static str],
        path: &FieldPath<'_>,
        errors: &mut ValidationErrors,
    ) {
        errors.push_detail(path, Detail::AtLeastOneOf(fields));
    }

    #[cold]
    #[inline(never)]
    pub fn fail_required_if(
        field: &'static str,
        when: &'static str,
        equals: Option<fn() -> Value>,
        path: &FieldPath<'_>,
        errors: &mut ValidationErrors,
    ) {
        let detail = Detail::RequiredIf {
            field,
            when,
            equals,
        };
        errors.push_detail(path, detail);
    }

    /// The items `inner(...)` rules apply to, each with its path.
    pub trait Items {
        type Item: ?Sized;
        fn each_item(&self, path: &FieldPath<'_>, f: impl FnMut(&Self::Item, &FieldPath<'_>));
    }

    macro_rules! items_seq {
        ($(impl[$($g:tt)*] $ty:ty => $item:ty;)*) => {$(
            impl<$($g)*> Items for $ty {
                type Item = $item;
                #[inline]
                fn each_item(&self, path: &FieldPath<'_>, mut f: impl FnMut(&$item, &FieldPath<'_>)) {
                    for (i, item) in self.iter().enumerate() {
                        f(item, &path.index(i));
                    }
                }
            }
        )*};
    }

    items_seq! {
        impl[T] [T] => T;
        impl[T, const N: usize] [T; N] => T;
        impl[T] Vec<T> => T;
        impl[T] VecDeque<T> => T;
        impl[T] BTreeSet<T> => T;
        impl[T, S] HashSet<T, S> => T;
    }

    macro_rules! items_map {
        ($(impl[$($g:tt)*] $ty:ty;)*) => {$(
            impl<$($g)*> Items for $ty {
                type Item = V;
                #[inline]
                fn each_item(&self, path: &FieldPath<'_>, mut f: impl FnMut(&V, &FieldPath<'_>)) {
                    for (key, value) in self {
                        f(value, &path.key(key));
                    }
                }
            }
        )*};
    }

    items_map! {
        impl[K: Display, V] BTreeMap<K, V>;
        impl[K: Display, V, S] HashMap<K, V, S>;
    }

    impl<T: Items + ?Sized> Items for &T {
        type Item = T::Item;
        #[inline]
        fn each_item(&self, path: &FieldPath<'_>, f: impl FnMut(&T::Item, &FieldPath<'_>)) {
            T::each_item(self, path, f)
        }
    }

    impl<T: Items + ?Sized> Items for Box<T> {
        type Item = T::Item;
        #[inline]
        fn each_item(&self, path: &FieldPath<'_>, f: impl FnMut(&T::Item, &FieldPath<'_>)) {
            T::each_item(self, path, f)
        }
    }
}
