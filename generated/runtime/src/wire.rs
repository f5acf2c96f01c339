//! Numbers that Steam writes sometimes as JSON numbers, sometimes as strings.
//!
//! Use as `#[serde(with = "::steam_webapi::wire::as_string")]` (written as a
//! JSON string: 64-bit ids) or `as_number` (written as a JSON number). Both
//! read either form, so a field that changes from `5` to `"5"` on the server
//! keeps decoding. Works on the numeric types and through `Option`, `Vec`,
//! [`Maybe`] and `BTreeMap` values.

use std::collections::BTreeMap;
use std::fmt;
use std::marker::PhantomData;

use serde::de::{self, Deserializer, MapAccess, SeqAccess, Visitor};
use serde::ser::{SerializeMap, SerializeSeq};
use serde::{Deserialize, Serialize, Serializer};

use crate::maybe::Maybe;
use crate::steamid::SteamId;

/// A value that can be written as a JSON string or number and read from either.
pub trait Lenient: Sized {
    /// Writes the value; numbers as strings when `as_string`.
    fn write<S: Serializer>(&self, as_string: bool, serializer: S) -> Result<S::Ok, S::Error>;
    /// Reads the value from a JSON number or a numeric string.
    fn read<'de, D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error>;
}

/// Writes numbers as JSON strings; reads numbers or strings.
pub mod as_string {
    use super::Lenient;
    use serde::{Deserializer, Serializer};

    /// Writes `value` as a JSON string of its digits.
    pub fn serialize<T: Lenient, S: Serializer>(
        value: &T,
        serializer: S,
    ) -> Result<S::Ok, S::Error> {
        value.write(true, serializer)
    }

    /// Reads a JSON number or a string of digits.
    pub fn deserialize<'de, T: Lenient, D: Deserializer<'de>>(
        deserializer: D,
    ) -> Result<T, D::Error> {
        T::read(deserializer)
    }
}

/// Writes numbers as JSON numbers; reads numbers or strings.
pub mod as_number {
    use super::Lenient;
    use serde::{Deserializer, Serializer};

    /// Writes `value` as a JSON number.
    pub fn serialize<T: Lenient, S: Serializer>(
        value: &T,
        serializer: S,
    ) -> Result<S::Ok, S::Error> {
        value.write(false, serializer)
    }

    /// Reads a JSON number or a string of digits.
    pub fn deserialize<'de, T: Lenient, D: Deserializer<'de>>(
        deserializer: D,
    ) -> Result<T, D::Error> {
        T::read(deserializer)
    }
}

/// Serializes a borrowed `Lenient` value inside a container.
struct Out<'a, T>(&'a T, bool);

impl<T: Lenient> Serialize for Out<'_, T> {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        self.0.write(self.1, serializer)
    }
}

/// Deserializes a `Lenient` value inside a container.
struct In<T>(T);

impl<'de, T: Lenient> Deserialize<'de> for In<T> {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        T::read(deserializer).map(In)
    }
}

/// The integer types: read through i128 so every range error has one form.
trait Int: Copy + fmt::Display + TryFrom<i128> + Into<i128> {
    const NAME: &'static str;
}

struct IntVisitor<T>(PhantomData<T>);

impl<T: Int> IntVisitor<T> {
    fn fit<E: de::Error>(v: i128) -> Result<T, E> {
        T::try_from(v).map_err(|_| E::custom(format_args!("{v} is out of range for {}", T::NAME)))
    }
}

impl<T: Int> Visitor<'_> for IntVisitor<T> {
    type Value = T;

    fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{} as a JSON number or a numeric string", T::NAME)
    }

    fn visit_u64<E: de::Error>(self, v: u64) -> Result<T, E> {
        Self::fit(v.into())
    }

    fn visit_i64<E: de::Error>(self, v: i64) -> Result<T, E> {
        Self::fit(v.into())
    }

    fn visit_u128<E: de::Error>(self, v: u128) -> Result<T, E> {
        match i128::try_from(v) {
            Ok(v) => Self::fit(v),
            Err(_) => Err(E::custom(format_args!(
                "{v} is out of range for {}",
                T::NAME
            ))),
        }
    }

    fn visit_i128<E: de::Error>(self, v: i128) -> Result<T, E> {
        Self::fit(v)
    }

    fn visit_f64<E: de::Error>(self, v: f64) -> Result<T, E> {
        // `5.0` is an integer written by a float-minded serializer. Past 2^53 a float no longer
        // holds every integer: `76561197960287930.0` reads as ...936, a different id.
        const EXACT: f64 = (1u64 << 53) as f64;
        if v.fract() == 0.0 && v.abs() > EXACT {
            Err(E::custom(format_args!(
                "{v} is a float past 2^53, where digits are lost ({} expected; write it as an \
                 integer or a string)",
                T::NAME
            )))
        } else if v.fract() == 0.0 {
            Self::fit(v as i128)
        } else {
            Err(E::custom(format_args!(
                "{v} is not an integer ({} expected)",
                T::NAME
            )))
        }
    }

    fn visit_str<E: de::Error>(self, v: &str) -> Result<T, E> {
        let digits = v.strip_prefix('-').unwrap_or(v);
        if digits.is_empty() || !digits.bytes().all(|b| b.is_ascii_digit()) {
            return Err(E::custom(format_args!(
                "{v:?} is not a number ({} expected)",
                T::NAME
            )));
        }
        match v.parse::<i128>() {
            Ok(n) => Self::fit(n),
            Err(_) => Err(E::custom(format_args!(
                "{v} is out of range for {}",
                T::NAME
            ))),
        }
    }
}

macro_rules! lenient_int {
    ($($t:ident),*) => {$(
        impl Int for $t {
            const NAME: &'static str = stringify!($t);
        }

        impl Lenient for $t {
            fn write<S: Serializer>(&self, as_string: bool, serializer: S) -> Result<S::Ok, S::Error> {
                if as_string {
                    serializer.collect_str(self)
                } else {
                    self.serialize(serializer)
                }
            }

            fn read<'de, D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
                deserializer.deserialize_any(IntVisitor::<$t>(PhantomData))
            }
        }
    )*};
}

lenient_int!(u8, u16, u32, u64, i8, i16, i32, i64);

struct FloatVisitor;

impl Visitor<'_> for FloatVisitor {
    type Value = f64;

    fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("f64 as a JSON number or a numeric string")
    }

    fn visit_u64<E: de::Error>(self, v: u64) -> Result<f64, E> {
        Ok(v as f64)
    }

    fn visit_i64<E: de::Error>(self, v: i64) -> Result<f64, E> {
        Ok(v as f64)
    }

    fn visit_f64<E: de::Error>(self, v: f64) -> Result<f64, E> {
        Ok(v)
    }

    fn visit_str<E: de::Error>(self, v: &str) -> Result<f64, E> {
        match v.parse::<f64>() {
            // "inf"/"NaN" parse in Rust but are not JSON numbers.
            Ok(n) if n.is_finite() => Ok(n),
            _ => Err(E::custom(format_args!(
                "{v:?} is not a number (f64 expected)"
            ))),
        }
    }
}

impl Lenient for f64 {
    fn write<S: Serializer>(&self, as_string: bool, serializer: S) -> Result<S::Ok, S::Error> {
        if as_string {
            // Display is the shortest form that round-trips.
            serializer.collect_str(self)
        } else {
            serializer.serialize_f64(*self)
        }
    }

    fn read<'de, D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        deserializer.deserialize_any(FloatVisitor)
    }
}

impl Lenient for f32 {
    fn write<S: Serializer>(&self, as_string: bool, serializer: S) -> Result<S::Ok, S::Error> {
        if as_string {
            serializer.collect_str(self)
        } else {
            serializer.serialize_f32(*self)
        }
    }

    fn read<'de, D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        let v = f64::read(deserializer)?;
        let narrow = v as f32;
        if narrow.is_finite() {
            Ok(narrow)
        } else {
            Err(de::Error::custom(format_args!(
                "{v} is out of range for f32"
            )))
        }
    }
}

impl Lenient for SteamId {
    fn write<S: Serializer>(&self, as_string: bool, serializer: S) -> Result<S::Ok, S::Error> {
        self.0.write(as_string, serializer)
    }

    fn read<'de, D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        u64::read(deserializer).map(SteamId)
    }
}

/// [`Lenient::read`] as a seed.
struct LenientSeed<T>(PhantomData<T>);

impl<'de, T: Lenient> de::DeserializeSeed<'de> for LenientSeed<T> {
    type Value = T;

    fn deserialize<D: Deserializer<'de>>(self, deserializer: D) -> Result<T, D::Error> {
        T::read(deserializer)
    }
}

struct OptionVisitor<T>(PhantomData<T>);

impl<'de, T: Lenient> Visitor<'de> for OptionVisitor<T> {
    type Value = Option<T>;

    fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("a number, a numeric string or null")
    }

    fn visit_none<E: de::Error>(self) -> Result<Self::Value, E> {
        Ok(None)
    }

    fn visit_unit<E: de::Error>(self) -> Result<Self::Value, E> {
        Ok(None)
    }

    fn visit_some<D: Deserializer<'de>>(self, deserializer: D) -> Result<Self::Value, D::Error> {
        T::read(deserializer).map(Some)
    }
}

impl<T: Lenient> Lenient for Option<T> {
    fn write<S: Serializer>(&self, as_string: bool, serializer: S) -> Result<S::Ok, S::Error> {
        match self {
            Some(v) => serializer.serialize_some(&Out(v, as_string)),
            None => serializer.serialize_none(),
        }
    }

    fn read<'de, D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        deserializer.deserialize_option(OptionVisitor(PhantomData))
    }
}

impl<T: Lenient> Lenient for Maybe<T> {
    fn write<S: Serializer>(&self, as_string: bool, serializer: S) -> Result<S::Ok, S::Error> {
        match self {
            Maybe::Value(v) => serializer.serialize_some(&Out(v, as_string)),
            Maybe::Absent | Maybe::Null => serializer.serialize_none(),
        }
    }

    fn read<'de, D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        // Null is `None` here for the XML and VDF reader too (see `Maybe`).
        let seed = LenientSeed(PhantomData::<Option<T>>);
        crate::markup::de::marked(deserializer, crate::markup::de::NULLABLE_FIELD, seed)
            .map(Maybe::from)
    }
}

impl<T: Lenient> Lenient for Vec<T> {
    fn write<S: Serializer>(&self, as_string: bool, serializer: S) -> Result<S::Ok, S::Error> {
        let mut seq = serializer.serialize_seq(Some(self.len()))?;
        for v in self {
            seq.serialize_element(&Out(v, as_string))?;
        }
        seq.end()
    }

    fn read<'de, D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        struct SeqVisitor<T>(PhantomData<T>);

        impl<'de, T: Lenient> Visitor<'de> for SeqVisitor<T> {
            type Value = Vec<T>;

            fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
                f.write_str("a list of numbers")
            }

            fn visit_seq<A: SeqAccess<'de>>(self, mut seq: A) -> Result<Vec<T>, A::Error> {
                // Cap the preallocation: the hint comes from the input.
                let mut out = Vec::with_capacity(seq.size_hint().unwrap_or(0).min(4096));
                while let Some(In(v)) = seq.next_element()? {
                    out.push(v);
                }
                Ok(out)
            }
        }

        deserializer.deserialize_seq(SeqVisitor(PhantomData))
    }
}

impl<K, T> Lenient for BTreeMap<K, T>
where
    K: Ord + Serialize + for<'de> Deserialize<'de>,
    T: Lenient,
{
    fn write<S: Serializer>(&self, as_string: bool, serializer: S) -> Result<S::Ok, S::Error> {
        let mut map = serializer.serialize_map(Some(self.len()))?;
        for (k, v) in self {
            map.serialize_entry(k, &Out(v, as_string))?;
        }
        map.end()
    }

    fn read<'de, D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        struct MapVisitor<K, T>(PhantomData<(K, T)>);

        impl<'de, K, T> Visitor<'de> for MapVisitor<K, T>
        where
            K: Ord + for<'a> Deserialize<'a>,
            T: Lenient,
        {
            type Value = BTreeMap<K, T>;

            fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
                f.write_str("a map of numbers")
            }

            fn visit_map<A: MapAccess<'de>>(self, mut map: A) -> Result<Self::Value, A::Error> {
                let mut out = BTreeMap::new();
                while let Some(k) = map.next_key::<K>()? {
                    let In(v) = map.next_value()?;
                    out.insert(k, v);
                }
                Ok(out)
            }
        }

        deserializer.deserialize_map(MapVisitor(PhantomData))
    }
}
