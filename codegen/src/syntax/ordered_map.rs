//! A YAML mapping read in source order with the position of every key, so that duplicates and
//! bad names can be reported where they stand (a `BTreeMap` would lose both).

use std::fmt;
use std::marker::PhantomData;

use schemars::JsonSchema;
use serde::de::{MapAccess, Visitor};
use serde::{Deserialize, Deserializer};

use crate::syntax::pos::Sp;

/// A YAML mapping's entries in source order, each key with its place.
#[derive(Clone, Debug, PartialEq)]
pub struct OrderedMap<V>(pub Vec<(Sp<String>, V)>);

impl<V> Default for OrderedMap<V> {
    fn default() -> Self {
        OrderedMap(Vec::new())
    }
}

impl<V> OrderedMap<V> {
    /// The entries, in source order.
    pub fn iter(&self) -> impl Iterator<Item = &(Sp<String>, V)> {
        self.0.iter()
    }
    /// Whether the mapping has no entries.
    pub fn is_empty(&self) -> bool {
        self.0.is_empty()
    }
    /// How many entries it has (repeated keys included).
    pub fn len(&self) -> usize {
        self.0.len()
    }
}

impl<'de, V: Deserialize<'de>> Deserialize<'de> for OrderedMap<V> {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        struct V2<V>(PhantomData<V>);
        impl<'de, V: Deserialize<'de>> Visitor<'de> for V2<V> {
            type Value = OrderedMap<V>;
            fn expecting(&self, f: &mut fmt::Formatter) -> fmt::Result {
                f.write_str("a mapping")
            }
            fn visit_map<A: MapAccess<'de>>(self, mut map: A) -> Result<Self::Value, A::Error> {
                let mut out = Vec::new();
                while let Some(k) = map.next_key::<Sp<String>>()? {
                    out.push((k, map.next_value::<V>()?));
                }
                Ok(OrderedMap(out))
            }
        }
        d.deserialize_map(V2(PhantomData))
    }
}

impl<V: JsonSchema> JsonSchema for OrderedMap<V> {
    fn schema_name() -> std::borrow::Cow<'static, str> {
        format!("Map_of_{}", V::schema_name()).into()
    }
    fn json_schema(generator: &mut schemars::SchemaGenerator) -> schemars::Schema {
        let v = generator.subschema_for::<V>();
        schemars::json_schema!({ "type": "object", "additionalProperties": v })
    }
}
