//! What the generated structs' `Serialize` and `Deserialize` impls call.
//!
//! Those impls come from the lean derives of `steam-webapi-macros`
//! (`__private::{Data, Request}`, or `Serialize` and `Deserialize` alone), not
//! from serde's: serde's derive also writes a sequence visitor (structs from
//! JSON arrays, which Steam never sends), a field-name enum with three
//! visitors, and a wrapper type per `with =` field, twice. That was most of
//! the generated crate's compile time. Here the per-struct code is one loop
//! over the keys with one method call per field on a [`Reader`], one call per
//! field on a [`Writer`], and everything generic lives once in this file.
//! Neither needs a `?` per field: the first error is kept and ends the work,
//! which halved the type checking of the generated impls.

use std::fmt;
use std::marker::PhantomData;

use serde::de::{self, DeserializeSeed, Deserializer, IgnoredAny, MapAccess, Visitor};
use serde::ser::{SerializeStruct, Serializer};
use serde::{Deserialize, Serialize};

use crate::wire::Lenient;

/// What a generated struct's `Deserialize` reads through: its name, its wire
/// names, and its `visit_map` body. The visitor itself ([`deserialize`]) is
/// written once here rather than once per struct.
pub trait Fields: Sized {
    /// The struct's name, for serde's "expected struct ..." messages.
    const NAME: &'static str;
    /// The wire names of its fields (at most [`MAX_FIELDS`]).
    const FIELDS: &'static [&'static str];
    /// Bit `i` is set when field `i` must be present.
    const REQUIRED: u64;
    /// Bit `i` is set when field `i` is left out rather than written as null
    /// when empty (`skip_serializing_if`): it cannot be null, so the XML and
    /// VDF reader reads its `null` as text. None by default.
    const OPTIONAL: u64 = 0;
    /// The index of the field with wire name `name`, `usize::MAX` if none.
    fn field(name: &str) -> usize;
    /// Reads the struct from a map.
    fn from_map<'de, A: MapAccess<'de>>(r: Reader<'de, A, Self>) -> Result<Self, A::Error>;
}

/// `Deserialize::deserialize` of a generated struct.
#[inline]
pub fn deserialize<'de, D: Deserializer<'de>, T: Fields>(deserializer: D) -> Result<T, D::Error> {
    deserializer.deserialize_struct(T::NAME, T::FIELDS, StructVisitor(PhantomData))
}

struct StructVisitor<T>(PhantomData<T>);

impl<'de, T: Fields> Visitor<'de> for StructVisitor<T> {
    type Value = T;

    fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "struct {}", T::NAME)
    }

    #[inline]
    fn visit_map<A: MapAccess<'de>>(self, map: A) -> Result<T, A::Error> {
        T::from_map(Reader::new(map))
    }
}

/// A struct's map key as the index of its field, through the struct's
/// generated `match` on the wire names (which the compiler turns into a few
/// length and byte comparisons); an unknown key is `usize::MAX`, skipped:
/// new fields must not break old clients.
struct FieldIndex<T>(PhantomData<T>);

impl<'de, T: Fields> DeserializeSeed<'de> for FieldIndex<T> {
    type Value = usize;

    fn deserialize<D: Deserializer<'de>>(self, deserializer: D) -> Result<usize, D::Error> {
        deserializer.deserialize_identifier(self)
    }
}

impl<T: Fields> Visitor<'_> for FieldIndex<T> {
    type Value = usize;

    fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("a field name")
    }

    fn visit_str<E: de::Error>(self, v: &str) -> Result<usize, E> {
        Ok(T::field(v))
    }

    fn visit_bytes<E: de::Error>(self, v: &[u8]) -> Result<usize, E> {
        Ok(std::str::from_utf8(v).map_or(usize::MAX, T::field))
    }
}

/// The most fields a struct read through [`Reader`] may have (one bit each in
/// [`Fields::REQUIRED`] and in the reader's set of keys seen: a `u64` costs
/// fewer instructions per key than a `u128`, and the spec loader holds a type
/// to as many fields).
pub const MAX_FIELDS: usize = 64;

/// A struct being read from a map. The generated `from_map` starts from the
/// struct's `Default`, and makes one plain method call per key that writes the
/// value straight into its field; the reader remembers which keys it has seen
/// (a repeated key is an error, as with serde's derive; a missing required one
/// is reported by [`Reader::finish`]). The first error ends the loop and is
/// returned by `finish`, so the generated code has no `?`, no slot per field
/// and no unwrapping (for the compiler's sake, as with [`Writer`]).
pub struct Reader<'de, A: MapAccess<'de>, T> {
    map: A,
    error: Option<A::Error>,
    seen: u64,
    /// The bit of the field being read.
    current: u64,
    de: PhantomData<&'de ()>,
    fields: PhantomData<fn() -> T>,
}

impl<'de, A: MapAccess<'de>, T: Fields> Reader<'de, A, T> {
    fn new(map: A) -> Self {
        Reader {
            map,
            error: None,
            seen: 0,
            current: 0,
            de: PhantomData,
            fields: PhantomData,
        }
    }

    /// The index of the next key's field (`usize::MAX` for an unknown key);
    /// `None` at the end of the map or after an error (a repeated key is one).
    #[inline]
    pub fn next_key(&mut self) -> Option<usize> {
        if self.error.is_some() {
            return None;
        }
        match self.map.next_key_seed(FieldIndex::<T>(PhantomData)) {
            Ok(Some(i)) if i < MAX_FIELDS => {
                let bit = 1u64 << i;
                if self.seen & bit != 0 {
                    let name = T::FIELDS.get(i).copied().unwrap_or("?");
                    self.error = Some(de::Error::duplicate_field(name));
                    return None;
                }
                self.seen |= bit;
                self.current = bit;
                Some(i)
            }
            Ok(other) => other,
            Err(e) => {
                self.error = Some(e);
                None
            }
        }
    }

    /// Reads the value of the current key into its field.
    #[inline]
    pub fn read<V: Deserialize<'de>>(&mut self, field: &mut V) {
        self.read_seed(field, PhantomData);
    }

    /// [`Reader::read`] for numbers that Steam writes as numbers or strings.
    #[inline]
    pub fn read_lenient<V: Lenient>(&mut self, field: &mut V) {
        self.read_seed(field, LenientSeed(PhantomData));
    }

    fn read_seed<S: DeserializeSeed<'de>>(&mut self, field: &mut S::Value, seed: S) {
        // An optional field says so to the XML and VDF reader, for which its
        // null is text (the field cannot be null), not `None`.
        let result = if T::OPTIONAL & self.current != 0 {
            self.map.next_value_seed(Optional(seed))
        } else {
            self.map.next_value_seed(seed)
        };
        match result {
            Ok(value) => *field = value,
            Err(e) => self.error = Some(e),
        }
    }

    /// Skips the value of a key the struct does not know.
    #[inline]
    pub fn skip(&mut self) {
        if let Err(e) = self.map.next_value::<IgnoredAny>() {
            self.error = Some(e);
        }
    }

    /// `value` once the map is read: else the first error, or the first
    /// required field (in declaration order) whose key never came.
    #[inline]
    pub fn finish(self, value: T) -> Result<T, A::Error> {
        if let Some(e) = self.error {
            return Err(e);
        }
        let missing = T::REQUIRED & !self.seen;
        if missing != 0 {
            let name = T::FIELDS
                .get(missing.trailing_zeros() as usize)
                .copied()
                .unwrap_or("?");
            return Err(de::Error::missing_field(name));
        }
        Ok(value)
    }
}

/// A seed read through the [`OPTIONAL_FIELD`](crate::markup::de::OPTIONAL_FIELD) marker.
struct Optional<S>(S);

impl<'de, S: DeserializeSeed<'de>> DeserializeSeed<'de> for Optional<S> {
    type Value = S::Value;

    #[inline]
    fn deserialize<D: Deserializer<'de>>(self, deserializer: D) -> Result<S::Value, D::Error> {
        crate::markup::de::marked(deserializer, crate::markup::de::OPTIONAL_FIELD, self.0)
    }
}

struct LenientSeed<T>(PhantomData<T>);

impl<'de, T: Lenient> DeserializeSeed<'de> for LenientSeed<T> {
    type Value = T;

    fn deserialize<D: Deserializer<'de>>(self, deserializer: D) -> Result<T, D::Error> {
        T::read(deserializer)
    }
}

/// A struct being written. The generated `serialize` makes one plain method
/// call per field; the first error is kept and the later fields are skipped,
/// so the generated code has no `?` per field (each is a trait resolution for
/// the compiler, and this was the largest part of the crate's check time).
pub struct Writer<S: Serializer>(Result<S::SerializeStruct, S::Error>);

impl<S: Serializer> Writer<S> {
    /// Starts struct `name` with `len` fields.
    pub fn new(serializer: S, name: &'static str, len: usize) -> Self {
        Writer(serializer.serialize_struct(name, len))
    }

    /// Writes field `name`.
    #[inline]
    pub fn field<T: Serialize + ?Sized>(&mut self, name: &'static str, value: &T) {
        self.step(|s| s.serialize_field(name, value));
    }

    /// Writes field `name`, or skips it when `present` is false (an absent
    /// optional field is left out, not written as `null`).
    #[inline]
    pub fn field_if<T: Serialize + ?Sized>(
        &mut self,
        name: &'static str,
        value: &T,
        present: bool,
    ) {
        if present {
            self.field(name, value);
        } else {
            self.step(|s| s.skip_field(name));
        }
    }

    /// Runs `write` unless an earlier step failed, and keeps its error.
    #[inline]
    fn step(&mut self, write: impl FnOnce(&mut S::SerializeStruct) -> Result<(), S::Error>) {
        if let Ok(s) = &mut self.0
            && let Err(e) = write(s)
        {
            self.0 = Err(e);
        }
    }

    /// Ends the struct, or returns the first error.
    pub fn end(self) -> Result<S::Ok, S::Error> {
        self.0?.end()
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
