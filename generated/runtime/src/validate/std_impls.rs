//! [`Validate`] for the std types a field can have: leaves check nothing,
//! pointers pass through, containers add a path segment per item.

use std::borrow::Cow;
use std::collections::{BTreeMap, BTreeSet, HashMap, HashSet, VecDeque};
use std::fmt::Display;
use std::rc::Rc;
use std::sync::Arc;

use serde_json::{Map, Value};

use super::{FieldPath, Validate, ValidationErrors};

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
