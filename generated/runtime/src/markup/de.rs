//! A serde deserializer over an XML or VDF tree, driven by the type being
//! read: the tree says nothing about types (every value is text), so each
//! `deserialize_*` call is the target type saying what the node must be.
//!
//! - a list takes every child whatever its name (XML's `<player>`,
//!   `<friend>`, `<message>` ...); in VDF the children are keyed `"0"`,
//!   `"1"`, ... and are taken in the order of those numbers;
//! - a struct or map takes the children as members; an empty text (`<x/>`,
//!   `""`) is an empty list or object;
//! - numbers and booleans are parsed from the text ([`TextDe`]);
//! - null (XML: `null` or an empty element; VDF: the empty string) is `None`
//!   only for a field that may be null: a required `Option` field or a
//!   [`Maybe`](crate::Maybe). An optional field that cannot be null reads
//!   `null` as the text it is (a player may be called "null").

use serde::de::{self, DeserializeSeed, Deserializer, MapAccess, SeqAccess, Visitor};

use super::error::{DeError, Path};
use super::text::{TextDe, XmlKeyDe};
use crate::format::Format;
use crate::vdf::{Object, Pair, Pos, Value};

/// The name of the newtype wrapper through which the struct reader marks an
/// optional field: null is no value there, the text is.
pub const OPTIONAL_FIELD: &str = "$steam_webapi::optional";
/// The name of the newtype wrapper through which [`Maybe`](crate::Maybe)
/// marks a field that may be null even though it is optional.
pub const NULLABLE_FIELD: &str = "$steam_webapi::nullable";

/// One node of the tree.
pub(crate) struct NodeDe<'a, 'p> {
    pub(crate) value: &'a Value<'a>,
    pub(crate) path: Path<'p>,
    pub(crate) format: Format,
    /// Whether null means `None` here (see the module docs).
    pub(crate) null_ok: bool,
}

impl<'a> NodeDe<'a, '_> {
    fn pos(&self) -> Pos {
        self.value.pos()
    }

    fn locate<T>(&self, result: Result<T, DeError>) -> Result<T, DeError> {
        result.map_err(|e| e.locate(&self.path, self.pos()))
    }

    /// The text, or an error naming what was expected instead of an object.
    fn text(&self, what: &str) -> Result<&'a str, DeError> {
        match self.value {
            Value::Text(t) => Ok(&t.text),
            Value::Object(_) => Err(DeError::new(format!("expected {what}, found an object"))
                .locate(&self.path, self.pos())),
        }
    }

    fn is_null(&self, text: &str) -> bool {
        self.format.is_null_text(text)
    }

    /// The children, or none for an empty text; an error for other text.
    fn children(&self, what: &str) -> Result<&'a [Pair<'a>], DeError> {
        match self.value {
            Value::Object(Object { pairs, .. }) => Ok(pairs),
            Value::Text(t) if t.text.is_empty() => Ok(&[]),
            Value::Text(t) => Err(DeError::new(format!(
                "expected {what}, found the text `{}`",
                super::text::shown(&t.text)
            ))
            .locate(&self.path, self.pos())),
        }
    }

    /// List items in order: VDF's by the number of their key.
    fn items(&self) -> Result<Vec<&'a Pair<'a>>, DeError> {
        let children = self.children("a list")?;
        if self.format != Format::Vdf {
            return Ok(children.iter().collect());
        }
        let mut numbered = Vec::with_capacity(children.len());
        for pair in children {
            let Ok(n) = pair.key.parse::<u64>() else {
                let path = Path::Key(&self.path, &pair.key);
                return Err(DeError::new(format!(
                    "expected a list item keyed by its index, found the key `{}`",
                    super::text::shown(&pair.key)
                ))
                .locate(&path, pair.key_pos));
            };
            numbered.push((n, pair));
        }
        // Already in order in every body Steam writes: checked in one pass.
        if !numbered.is_sorted_by_key(|(n, _)| *n) {
            numbered.sort_by_key(|(n, _)| *n);
        }
        Ok(numbered.into_iter().map(|(_, p)| p).collect())
    }
}

macro_rules! scalar {
    ($($method:ident),*) => {$(
        fn $method<V: Visitor<'a>>(self, visitor: V) -> Result<V::Value, DeError> {
            let text = self.text("a value")?;
            self.locate(TextDe(text).$method(visitor))
        }
    )*};
}

impl<'a> Deserializer<'a> for NodeDe<'a, '_> {
    type Error = DeError;

    fn deserialize_any<V: Visitor<'a>>(self, visitor: V) -> Result<V::Value, DeError> {
        match self.value {
            Value::Text(t) => self.locate(visitor.visit_borrowed_str(&t.text)),
            Value::Object(_) => self.deserialize_map(visitor),
        }
    }

    scalar!(
        deserialize_bool,
        deserialize_i8,
        deserialize_i16,
        deserialize_i32,
        deserialize_i64,
        deserialize_i128,
        deserialize_u8,
        deserialize_u16,
        deserialize_u32,
        deserialize_u64,
        deserialize_u128,
        deserialize_f32,
        deserialize_f64,
        deserialize_char,
        deserialize_str,
        deserialize_string,
        deserialize_bytes,
        deserialize_byte_buf,
        deserialize_identifier
    );

    fn deserialize_option<V: Visitor<'a>>(mut self, visitor: V) -> Result<V::Value, DeError> {
        if let Value::Text(t) = self.value
            && self.null_ok
            && self.is_null(&t.text)
        {
            return self.locate(visitor.visit_none());
        }
        self.null_ok = true;
        let (path, pos) = (self.path, self.pos());
        visitor.visit_some(self).map_err(|e| e.locate(&path, pos))
    }

    fn deserialize_unit<V: Visitor<'a>>(self, visitor: V) -> Result<V::Value, DeError> {
        self.locate(visitor.visit_unit())
    }

    fn deserialize_unit_struct<V: Visitor<'a>>(
        self,
        _name: &'static str,
        visitor: V,
    ) -> Result<V::Value, DeError> {
        self.deserialize_unit(visitor)
    }

    fn deserialize_newtype_struct<V: Visitor<'a>>(
        mut self,
        name: &'static str,
        visitor: V,
    ) -> Result<V::Value, DeError> {
        match name {
            OPTIONAL_FIELD => self.null_ok = false,
            NULLABLE_FIELD => self.null_ok = true,
            _ => {}
        }
        let (path, pos) = (self.path, self.pos());
        visitor
            .visit_newtype_struct(self)
            .map_err(|e| e.locate(&path, pos))
    }

    fn deserialize_seq<V: Visitor<'a>>(self, visitor: V) -> Result<V::Value, DeError> {
        let items = self.items()?;
        let access = Items {
            items: items.into_iter(),
            index: 0,
            node: &self,
        };
        self.locate(visitor.visit_seq(access))
    }

    fn deserialize_tuple<V: Visitor<'a>>(
        self,
        _len: usize,
        visitor: V,
    ) -> Result<V::Value, DeError> {
        self.deserialize_seq(visitor)
    }

    fn deserialize_tuple_struct<V: Visitor<'a>>(
        self,
        _name: &'static str,
        _len: usize,
        visitor: V,
    ) -> Result<V::Value, DeError> {
        self.deserialize_seq(visitor)
    }

    fn deserialize_map<V: Visitor<'a>>(self, visitor: V) -> Result<V::Value, DeError> {
        let children = self.children("an object")?;
        let access = Members {
            pairs: children.iter(),
            current: None,
            node: &self,
        };
        self.locate(visitor.visit_map(access))
    }

    fn deserialize_struct<V: Visitor<'a>>(
        self,
        _name: &'static str,
        _fields: &'static [&'static str],
        visitor: V,
    ) -> Result<V::Value, DeError> {
        self.deserialize_map(visitor)
    }

    fn deserialize_enum<V: Visitor<'a>>(
        self,
        name: &'static str,
        variants: &'static [&'static str],
        visitor: V,
    ) -> Result<V::Value, DeError> {
        let text = self.text("a name")?;
        self.locate(TextDe(text).deserialize_enum(name, variants, visitor))
    }

    fn deserialize_ignored_any<V: Visitor<'a>>(self, visitor: V) -> Result<V::Value, DeError> {
        visitor.visit_unit()
    }
}

/// The items of a list.
struct Items<'a, 'n, 'p> {
    items: std::vec::IntoIter<&'a Pair<'a>>,
    index: usize,
    node: &'n NodeDe<'a, 'p>,
}

impl<'a> SeqAccess<'a> for Items<'a, '_, '_> {
    type Error = DeError;

    fn next_element_seed<T: DeserializeSeed<'a>>(
        &mut self,
        seed: T,
    ) -> Result<Option<T::Value>, DeError> {
        let Some(pair) = self.items.next() else {
            return Ok(None);
        };
        let path = Path::Index(&self.node.path, self.index);
        self.index += 1;
        let item = NodeDe {
            value: &pair.value,
            path,
            format: self.node.format,
            null_ok: true,
        };
        seed.deserialize(item)
            .map(Some)
            .map_err(|e| e.locate(&path, pair.value.pos()))
    }

    fn size_hint(&self) -> Option<usize> {
        Some(self.items.len())
    }
}

/// The members of an object.
struct Members<'a, 'n, 'p> {
    pairs: std::slice::Iter<'a, Pair<'a>>,
    current: Option<&'a Pair<'a>>,
    node: &'n NodeDe<'a, 'p>,
}

impl<'a> MapAccess<'a> for Members<'a, '_, '_> {
    type Error = DeError;

    fn next_key_seed<K: DeserializeSeed<'a>>(
        &mut self,
        seed: K,
    ) -> Result<Option<K::Value>, DeError> {
        let Some(pair) = self.pairs.next() else {
            return Ok(None);
        };
        self.current = Some(pair);
        let key = if self.node.format == Format::Xml {
            seed.deserialize(XmlKeyDe {
                name: &pair.key,
                value: &pair.value,
            })
        } else {
            seed.deserialize(TextDe(&pair.key))
        };
        key.map(Some)
            .map_err(|e| e.locate(&Path::Key(&self.node.path, &pair.key), pair.key_pos))
    }

    fn next_value_seed<T: DeserializeSeed<'a>>(&mut self, seed: T) -> Result<T::Value, DeError> {
        let Some(pair) = self.current.take() else {
            return Err(de::Error::custom("a value asked for before its key"));
        };
        let path = Path::Key(&self.node.path, &pair.key);
        let member = NodeDe {
            value: &pair.value,
            path,
            format: self.node.format,
            null_ok: true,
        };
        seed.deserialize(member)
            .map_err(|e| e.locate(&path, pair.value.pos()))
    }

    fn size_hint(&self) -> Option<usize> {
        Some(self.pairs.len())
    }
}

/// Reads `seed` through a newtype wrapper named `name` ([`OPTIONAL_FIELD`],
/// [`NULLABLE_FIELD`]): how a field tells this deserializer whether null may
/// stand for no value. Other formats see a plain newtype and read through it
/// (serde_json's costs one comparison).
pub(crate) fn marked<'de, D: Deserializer<'de>, S: DeserializeSeed<'de>>(
    deserializer: D,
    name: &'static str,
    seed: S,
) -> Result<S::Value, D::Error> {
    deserializer.deserialize_newtype_struct(name, Marked(seed))
}

struct Marked<S>(S);

impl<'de, S: DeserializeSeed<'de>> Visitor<'de> for Marked<S> {
    type Value = S::Value;

    fn expecting(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str("a value")
    }

    fn visit_newtype_struct<D: Deserializer<'de>>(self, d: D) -> Result<S::Value, D::Error> {
        self.0.deserialize(d)
    }
}
