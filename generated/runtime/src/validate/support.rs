//! What the derive's expansion calls (through `__private`): the checks of
//! each rule, with their cold failure paths, and the traits that say what a
//! rule measures on a field's type.

use std::borrow::Cow;
use std::collections::{BTreeMap, BTreeSet, HashMap, HashSet, VecDeque};
use std::fmt::Display;
use std::rc::Rc;
use std::sync::Arc;

use serde::Serialize;
use serde_json::{Map, Value};

pub use super::detail::Count;
use super::detail::Detail;
use super::{FieldPath, ValidationErrors};

pub use regex::Regex;

/// A literal from the attribute, as a rule parameter.
pub fn to_value<T: Serialize + ?Sized>(value: &T) -> Value {
    serde_json::to_value(value).unwrap_or(Value::Null)
}

/// What `length` counts: chars for strings (rule `length`), items for
/// collections (rule `items`).
pub trait Length {
    const COUNTS: Count;
    fn length(&self) -> usize;
    #[inline]
    fn length_within(&self, min: usize, max: usize) -> bool {
        let n = self.length();
        min <= n && n <= max
    }
}

impl Length for str {
    const COUNTS: Count = Count::Chars;
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
            const COUNTS: Count = <$target as Length>::COUNTS;
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
            const COUNTS: Count = Count::Items;
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
        fail_length(T::COUNTS, value.length(), min, max, path, errors);
    }
}

#[cold]
#[inline(never)]
fn fail_length(
    counts: Count,
    actual: usize,
    min: Option<usize>,
    max: Option<usize>,
    path: &FieldPath<'_>,
    errors: &mut ValidationErrors,
) {
    let detail = Detail::Length {
        counts,
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
