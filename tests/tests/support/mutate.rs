//! Mutations for the fuzz targets: arbitrary JSON, changes to a JSON tree,
//! changes to bytes. Each change picks its place with an `f64` in `0..1`, so
//! proptest can shrink it.

use std::collections::BTreeSet;

use proptest::prelude::*;
use serde_json::Value;

/// An arbitrary JSON value, keys drawn partly from the real field names.
pub fn json_value(keys: Vec<String>) -> impl Strategy<Value = Value> + Clone {
    let key = prop_oneof![
        3 => prop::sample::select(keys),
        1 => "[a-z_]{0,8}",
    ];
    let leaf = prop_oneof![
        Just(Value::Null),
        any::<bool>().prop_map(Value::Bool),
        any::<i64>().prop_map(Value::from),
        any::<u64>().prop_map(Value::from),
        prop::sample::select(vec![
            0i64, 1, -1, 42, 2, 3, 7, 255, 256, 65535, 4294967295, 4294967296
        ])
        .prop_map(Value::from),
        any::<f64>()
            .prop_map(|f| serde_json::Number::from_f64(f).map_or(Value::Null, Value::Number)),
        "\\PC{0,12}".prop_map(Value::String),
        prop::sample::select(vec![
            "76561197960435530",
            "18446744073709551616",
            "-1",
            "1.5",
            "",
            "true",
            "0x10",
            "1e3",
        ])
        .prop_map(|s| Value::String(s.to_owned())),
    ];
    leaf.prop_recursive(4, 48, 6, move |inner| {
        prop_oneof![
            prop::collection::vec(inner.clone(), 0..6).prop_map(Value::Array),
            prop::collection::vec((key.clone(), inner), 0..6)
                .prop_map(|kv| Value::Object(kv.into_iter().collect())),
        ]
    })
}

/// One change to a JSON tree, at a node chosen by `at` (0..1 over all nodes).
#[derive(Clone, Debug)]
pub enum JsonMutation {
    Replace(f64, Value),
    Remove(f64),
    /// A string for a number and back, an array for its item, ...
    Retype(f64),
    /// The node wrapped in `depth` arrays.
    Nest(f64, usize),
    /// An array's first item repeated many times.
    Grow(f64, usize),
}

pub fn json_mutation(keys: Vec<String>) -> impl Strategy<Value = JsonMutation> {
    let at = 0.0..1.0f64;
    prop_oneof![
        4 => (at.clone(), json_value(keys)).prop_map(|(a, v)| JsonMutation::Replace(a, v)),
        2 => at.clone().prop_map(JsonMutation::Remove),
        3 => at.clone().prop_map(JsonMutation::Retype),
        1 => (at.clone(), 1usize..200).prop_map(|(a, d)| JsonMutation::Nest(a, d)),
        1 => (at, 2usize..300).prop_map(|(a, n)| JsonMutation::Grow(a, n)),
    ]
}

/// The JSON pointers of every node, root included.
pub fn pointers(v: &Value, here: String, out: &mut Vec<String>) {
    match v {
        Value::Array(items) => items
            .iter()
            .enumerate()
            .for_each(|(i, item)| pointers(item, format!("{here}/{i}"), out)),
        Value::Object(map) => map.iter().for_each(|(k, item)| {
            let k = k.replace('~', "~0").replace('/', "~1");
            pointers(item, format!("{here}/{k}"), out)
        }),
        _ => {}
    }
    out.push(here);
}

pub fn mutate(body: &mut Value, m: &JsonMutation) {
    let mut all = Vec::new();
    pointers(body, String::new(), &mut all);
    let pick = |at: f64| all[((at * all.len() as f64) as usize).min(all.len() - 1)].clone();
    match m {
        JsonMutation::Replace(at, v) => {
            if let Some(node) = body.pointer_mut(&pick(*at)) {
                *node = v.clone();
            }
        }
        JsonMutation::Remove(at) => {
            let ptr = pick(*at);
            let Some((parent, last)) = ptr.rsplit_once('/') else {
                return;
            };
            match body.pointer_mut(parent) {
                Some(Value::Object(map)) => {
                    map.remove(&last.replace("~1", "/").replace("~0", "~"));
                }
                Some(Value::Array(items)) => {
                    if let Ok(i) = last.parse::<usize>()
                        && i < items.len()
                    {
                        items.remove(i);
                    }
                }
                _ => {}
            }
        }
        JsonMutation::Retype(at) => {
            if let Some(node) = body.pointer_mut(&pick(*at)) {
                *node = match node.take() {
                    Value::Number(n) => Value::String(n.to_string()),
                    Value::String(s) => match serde_json::from_str::<Value>(&s) {
                        Ok(v @ (Value::Number(_) | Value::Bool(_))) => v,
                        _ => Value::Array(vec![Value::String(s)]),
                    },
                    Value::Bool(b) => Value::from(u8::from(b)),
                    Value::Array(mut items) if !items.is_empty() => items.swap_remove(0),
                    Value::Object(map) => Value::Array(map.into_iter().map(|(_, v)| v).collect()),
                    other => Value::Array(vec![other]),
                };
            }
        }
        JsonMutation::Nest(at, depth) => {
            if let Some(node) = body.pointer_mut(&pick(*at)) {
                let mut v = node.take();
                for _ in 0..*depth {
                    v = Value::Array(vec![v]);
                }
                *node = v;
            }
        }
        JsonMutation::Grow(at, n) => {
            if let Some(Value::Array(items)) = body.pointer_mut(&pick(*at))
                && let Some(first) = items.first().cloned()
            {
                items.extend(std::iter::repeat_n(first, *n));
            }
        }
    }
}

pub fn all_keys(v: &Value, out: &mut BTreeSet<String>) {
    match v {
        Value::Array(items) => items.iter().for_each(|i| all_keys(i, out)),
        Value::Object(map) => map.iter().for_each(|(k, v)| {
            out.insert(k.clone());
            all_keys(v, out);
        }),
        _ => {}
    }
}

/// One change to the bytes of a body, at a position chosen by `at`.
#[derive(Clone, Debug)]
pub enum ByteMutation {
    Flip(f64, u8),
    Insert(f64, Vec<u8>),
    Delete(f64, usize),
    Truncate(f64),
    /// A range copied elsewhere.
    Splice(f64, f64, usize),
}

pub fn byte_mutation() -> impl Strategy<Value = ByteMutation> {
    let at = 0.0..1.0f64;
    let tokens = prop::sample::select(vec![
        b"\"".to_vec(),
        b"{".to_vec(),
        b"}".to_vec(),
        b"[".to_vec(),
        b"]".to_vec(),
        b",".to_vec(),
        b":".to_vec(),
        b"\\".to_vec(),
        b"\\u".to_vec(),
        b"\\ud800".to_vec(),
        b"null".to_vec(),
        b"-".to_vec(),
        b"1e999".to_vec(),
        b"99999999999999999999".to_vec(),
        vec![0xff],
        vec![0xc3],
        vec![0],
    ]);
    prop_oneof![
        (at.clone(), any::<u8>()).prop_map(|(a, b)| ByteMutation::Flip(a, b)),
        (at.clone(), tokens).prop_map(|(a, t)| ByteMutation::Insert(a, t)),
        (at.clone(), 1usize..16).prop_map(|(a, n)| ByteMutation::Delete(a, n)),
        at.clone().prop_map(ByteMutation::Truncate),
        (at.clone(), at, 1usize..64).prop_map(|(a, b, n)| ByteMutation::Splice(a, b, n)),
    ]
}

pub fn mutate_bytes(body: &mut Vec<u8>, m: &ByteMutation) {
    let pos = |at: f64, len: usize| ((at * len as f64) as usize).min(len);
    match m {
        ByteMutation::Flip(at, b) => {
            if !body.is_empty() {
                let i = pos(*at, body.len() - 1);
                body[i] ^= b | 1;
            }
        }
        ByteMutation::Insert(at, t) => {
            let i = pos(*at, body.len());
            body.splice(i..i, t.iter().copied());
        }
        ByteMutation::Delete(at, n) => {
            let i = pos(*at, body.len());
            let end = (i + n).min(body.len());
            body.drain(i..end);
        }
        ByteMutation::Truncate(at) => body.truncate(pos(*at, body.len())),
        ByteMutation::Splice(from, to, n) => {
            let i = pos(*from, body.len());
            let end = (i + n).min(body.len());
            let piece = body[i..end].to_vec();
            let j = pos(*to, body.len());
            body.splice(j..j, piece);
        }
    }
}
