//! What the generated structs' `Serialize` and `Deserialize` impls call.
//!
//! Those impls come from the lean derives of `steam-webapi-macros`
//! (`__private::{Serialize, Deserialize}`), not from serde's: serde's derive
//! also writes a sequence visitor (structs from JSON arrays, which Steam never
//! sends), a field-name enum with three visitors, and a wrapper type per
//! `with =` field, twice. That was most of the generated crate's compile
//! time. Here the per-struct code is one loop over the keys with one call per
//! field, and everything generic lives once in this file.

use std::fmt;
use std::marker::PhantomData;

use serde::de::{self, DeserializeSeed, Deserializer, IgnoredAny, MapAccess, Visitor};
use serde::ser::{SerializeStruct, Serializer};
use serde::{Deserialize, Serialize};

use crate::wire::Lenient;

/// A struct's map key as the index of its field, through the struct's
/// generated `match` on the wire names (which the compiler turns into a few
/// length and byte comparisons); an unknown key is `usize::MAX`, skipped:
/// new fields must not break old clients.
#[derive(Clone, Copy)]
pub struct FieldIndex<F>(pub F);

impl<'de, F: Fn(&str) -> usize> DeserializeSeed<'de> for FieldIndex<F> {
    type Value = usize;

    fn deserialize<D: Deserializer<'de>>(self, deserializer: D) -> Result<usize, D::Error> {
        deserializer.deserialize_identifier(self)
    }
}

impl<F: Fn(&str) -> usize> Visitor<'_> for FieldIndex<F> {
    type Value = usize;

    fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("a field name")
    }

    fn visit_str<E: de::Error>(self, v: &str) -> Result<usize, E> {
        Ok((self.0)(v))
    }

    fn visit_bytes<E: de::Error>(self, v: &[u8]) -> Result<usize, E> {
        Ok(std::str::from_utf8(v).map_or(usize::MAX, &self.0))
    }
}

/// Reads the value of field `name` into `slot`; a second occurrence of the
/// key is an error, as with serde's derive.
pub fn read<'de, A, T>(
    map: &mut A,
    slot: &mut Option<T>,
    name: &'static str,
) -> Result<(), A::Error>
where
    A: MapAccess<'de>,
    T: Deserialize<'de>,
{
    read_seed(map, slot, name, PhantomData)
}

/// [`read`] for numbers that Steam writes as numbers or strings.
pub fn read_lenient<'de, A, T>(
    map: &mut A,
    slot: &mut Option<T>,
    name: &'static str,
) -> Result<(), A::Error>
where
    A: MapAccess<'de>,
    T: Lenient,
{
    read_seed(map, slot, name, LenientSeed(PhantomData))
}

fn read_seed<'de, A, S>(
    map: &mut A,
    slot: &mut Option<S::Value>,
    name: &'static str,
    seed: S,
) -> Result<(), A::Error>
where
    A: MapAccess<'de>,
    S: DeserializeSeed<'de>,
{
    if slot.is_some() {
        return Err(de::Error::duplicate_field(name));
    }
    *slot = Some(map.next_value_seed(seed)?);
    Ok(())
}

/// Skips the value of a key the struct does not know.
pub fn skip<'de, A: MapAccess<'de>>(map: &mut A) -> Result<(), A::Error> {
    map.next_value::<IgnoredAny>().map(drop)
}

struct LenientSeed<T>(PhantomData<T>);

impl<'de, T: Lenient> DeserializeSeed<'de> for LenientSeed<T> {
    type Value = T;

    fn deserialize<D: Deserializer<'de>>(self, deserializer: D) -> Result<T, D::Error> {
        T::read(deserializer)
    }
}

/// Writes field `name`.
pub fn write<S: SerializeStruct, T: Serialize + ?Sized>(
    s: &mut S,
    name: &'static str,
    value: &T,
) -> Result<(), S::Error> {
    s.serialize_field(name, value)
}

/// Writes field `name`, or skips it when `present` is false (an absent
/// optional field is left out, not written as `null`).
pub fn write_if<S: SerializeStruct, T: Serialize + ?Sized>(
    s: &mut S,
    name: &'static str,
    value: &T,
    present: bool,
) -> Result<(), S::Error> {
    if present {
        s.serialize_field(name, value)
    } else {
        s.skip_field(name)
    }
}

/// A number written as a JSON number ([`crate::wire::as_number`]).
pub struct AsNumber<'a, T>(pub &'a T);

/// A number written as a JSON string ([`crate::wire::as_string`]).
pub struct AsString<'a, T>(pub &'a T);

impl<T: Lenient> Serialize for AsNumber<'_, T> {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        self.0.write(false, serializer)
    }
}

impl<T: Lenient> Serialize for AsString<'_, T> {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        self.0.write(true, serializer)
    }
}
