//! One text value (an XML element's text, a VDF string, a key) read as the
//! type asks: numbers and booleans are parsed from it, anything else gets
//! the text itself.

use std::str::FromStr;

use serde::de::{Deserializer, IntoDeserializer, Visitor};

use super::error::DeError;

/// A text value as a serde deserializer.
pub(crate) struct TextDe<'a>(pub(crate) &'a str);

impl<'a> TextDe<'a> {
    fn parse<T: FromStr>(&self, what: &str) -> Result<T, DeError> {
        self.0
            .parse()
            .map_err(|_| DeError::new(format!("expected {what}, found `{}`", shown(self.0))))
    }
}

/// At most 40 characters of a value, on one line, for a message.
pub(crate) fn shown(text: &str) -> String {
    let mut out: String = text
        .chars()
        .take(40)
        .collect::<String>()
        .escape_debug()
        .collect();
    if text.chars().nth(40).is_some() {
        out.push('…');
    }
    out
}

macro_rules! parsed {
    ($($method:ident $visit:ident $t:ty, $what:literal;)*) => {$(
        fn $method<V: Visitor<'a>>(self, visitor: V) -> Result<V::Value, DeError> {
            visitor.$visit(self.parse::<$t>($what)?)
        }
    )*};
}

impl<'a> Deserializer<'a> for TextDe<'a> {
    type Error = DeError;

    fn deserialize_any<V: Visitor<'a>>(self, visitor: V) -> Result<V::Value, DeError> {
        visitor.visit_borrowed_str(self.0)
    }

    /// `true`/`false`, and `1`/`0` (how VDF writes booleans).
    fn deserialize_bool<V: Visitor<'a>>(self, visitor: V) -> Result<V::Value, DeError> {
        match self.0 {
            "true" | "1" => visitor.visit_bool(true),
            "false" | "0" => visitor.visit_bool(false),
            other => Err(DeError::new(format!(
                "expected a boolean (true, false, 1 or 0), found `{}`",
                shown(other)
            ))),
        }
    }

    parsed! {
        deserialize_i8 visit_i8 i8, "an integer";
        deserialize_i16 visit_i16 i16, "an integer";
        deserialize_i32 visit_i32 i32, "an integer";
        deserialize_i64 visit_i64 i64, "an integer";
        deserialize_i128 visit_i128 i128, "an integer";
        deserialize_u8 visit_u8 u8, "a non-negative integer";
        deserialize_u16 visit_u16 u16, "a non-negative integer";
        deserialize_u32 visit_u32 u32, "a non-negative integer";
        deserialize_u64 visit_u64 u64, "a non-negative integer";
        deserialize_u128 visit_u128 u128, "a non-negative integer";
        deserialize_f32 visit_f32 f32, "a number";
        deserialize_f64 visit_f64 f64, "a number";
        deserialize_char visit_char char, "one character";
    }

    fn deserialize_str<V: Visitor<'a>>(self, visitor: V) -> Result<V::Value, DeError> {
        visitor.visit_borrowed_str(self.0)
    }

    fn deserialize_string<V: Visitor<'a>>(self, visitor: V) -> Result<V::Value, DeError> {
        visitor.visit_borrowed_str(self.0)
    }

    fn deserialize_bytes<V: Visitor<'a>>(self, visitor: V) -> Result<V::Value, DeError> {
        visitor.visit_borrowed_bytes(self.0.as_bytes())
    }

    fn deserialize_byte_buf<V: Visitor<'a>>(self, visitor: V) -> Result<V::Value, DeError> {
        visitor.visit_borrowed_bytes(self.0.as_bytes())
    }

    fn deserialize_option<V: Visitor<'a>>(self, visitor: V) -> Result<V::Value, DeError> {
        visitor.visit_some(self)
    }

    fn deserialize_unit<V: Visitor<'a>>(self, visitor: V) -> Result<V::Value, DeError> {
        visitor.visit_unit()
    }

    fn deserialize_unit_struct<V: Visitor<'a>>(
        self,
        _name: &'static str,
        visitor: V,
    ) -> Result<V::Value, DeError> {
        visitor.visit_unit()
    }

    fn deserialize_newtype_struct<V: Visitor<'a>>(
        self,
        _name: &'static str,
        visitor: V,
    ) -> Result<V::Value, DeError> {
        visitor.visit_newtype_struct(self)
    }

    fn deserialize_enum<V: Visitor<'a>>(
        self,
        _name: &'static str,
        _variants: &'static [&'static str],
        visitor: V,
    ) -> Result<V::Value, DeError> {
        visitor.visit_enum(self.0.into_deserializer())
    }

    fn deserialize_identifier<V: Visitor<'a>>(self, visitor: V) -> Result<V::Value, DeError> {
        visitor.visit_borrowed_str(self.0)
    }

    fn deserialize_ignored_any<V: Visitor<'a>>(self, visitor: V) -> Result<V::Value, DeError> {
        visitor.visit_unit()
    }

    fn deserialize_seq<V: Visitor<'a>>(self, _visitor: V) -> Result<V::Value, DeError> {
        Err(self.not_a("a list"))
    }

    fn deserialize_tuple<V: Visitor<'a>>(self, _len: usize, _: V) -> Result<V::Value, DeError> {
        Err(self.not_a("a list"))
    }

    fn deserialize_tuple_struct<V: Visitor<'a>>(
        self,
        _name: &'static str,
        _len: usize,
        _visitor: V,
    ) -> Result<V::Value, DeError> {
        Err(self.not_a("a list"))
    }

    fn deserialize_map<V: Visitor<'a>>(self, _visitor: V) -> Result<V::Value, DeError> {
        Err(self.not_a("an object"))
    }

    fn deserialize_struct<V: Visitor<'a>>(
        self,
        _name: &'static str,
        _fields: &'static [&'static str],
        _visitor: V,
    ) -> Result<V::Value, DeError> {
        Err(self.not_a("an object"))
    }
}

impl TextDe<'_> {
    fn not_a(&self, what: &str) -> DeError {
        DeError::new(format!(
            "expected {what}, found the text `{}`",
            shown(self.0)
        ))
    }
}

/// The key of an XML element in a map. XML writes a map keyed by id as a
/// list (ISteamHub's `<hubs><hub>...</hub></hubs>`, `hubs` keyed by guid in
/// JSON and VDF): when the element's name is not a number and the key must
/// be one, the key is the element's first member whose text is one (the
/// hub's `guid`). Any other key is the element's name.
pub(crate) struct XmlKeyDe<'a> {
    pub(crate) name: &'a str,
    pub(crate) value: &'a crate::vdf::Value<'a>,
}

impl<'a> XmlKeyDe<'a> {
    fn number<T: FromStr>(&self) -> Option<T> {
        if let Ok(n) = self.name.parse() {
            return Some(n);
        }
        self.value
            .as_object()?
            .iter()
            .find_map(|p| p.value.as_text()?.text.parse().ok())
    }
}

macro_rules! keyed_number {
    ($($method:ident $visit:ident $t:ty;)*) => {$(
        fn $method<V: Visitor<'a>>(self, visitor: V) -> Result<V::Value, DeError> {
            match self.number::<$t>() {
                Some(n) => visitor.$visit(n),
                None => TextDe(self.name).$method(visitor),
            }
        }
    )*};
}

impl<'a> Deserializer<'a> for XmlKeyDe<'a> {
    type Error = DeError;

    keyed_number! {
        deserialize_i8 visit_i8 i8;
        deserialize_i16 visit_i16 i16;
        deserialize_i32 visit_i32 i32;
        deserialize_i64 visit_i64 i64;
        deserialize_i128 visit_i128 i128;
        deserialize_u8 visit_u8 u8;
        deserialize_u16 visit_u16 u16;
        deserialize_u32 visit_u32 u32;
        deserialize_u64 visit_u64 u64;
        deserialize_u128 visit_u128 u128;
    }

    fn deserialize_any<V: Visitor<'a>>(self, visitor: V) -> Result<V::Value, DeError> {
        TextDe(self.name).deserialize_any(visitor)
    }

    serde::forward_to_deserialize_any! {
        <V: Visitor<'a>>
        bool f32 f64 char str string bytes byte_buf option unit unit_struct newtype_struct seq
        tuple tuple_struct map struct enum identifier ignored_any
    }
}
