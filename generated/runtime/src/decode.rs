//! Decoding a 2xx body into `Endpoint::Response`.
//!
//! The success path is one pass of plain serde_json through a seed that
//! unwraps the envelope key; only when that fails is the body decoded again
//! with `serde_path_to_error` to find where.

use std::fmt;
use std::marker::PhantomData;

use serde::de::{
    self, DeserializeOwned, DeserializeSeed, Deserializer, IgnoredAny, MapAccess, Visitor,
};

use crate::endpoint::{Endpoint, ErrorModel};
use crate::error::Error;
use crate::excerpt::excerpt;

/// Decodes a 2xx body of `E`, checking a success code first if `E` has one.
pub(crate) fn decode_response<E: Endpoint>(body: &[u8], status: u16) -> Result<E::Response, Error> {
    let info = E::INFO;
    let ErrorModel::SuccessCode {
        field,
        success,
        message_field,
        codes,
    } = info.errors
    else {
        return decode_enveloped::<E::Response>(body, info.envelope);
    };
    let check = || {
        check_success_code(
            body,
            status,
            info.envelope,
            field,
            success,
            message_field,
            codes,
        )
    };
    // Steam writes the code first (`{"response":{"success":1,...`): when it
    // is there and says success, the body is read once.
    if leading_code(body, info.envelope, field) == Some(success) {
        return decode_enveloped::<E::Response>(body, info.envelope);
    }
    // Otherwise decode first and let the typed value say whether it is a
    // success; only a failure (or a type without the code) is probed, so
    // that every error reads exactly as the probe words it.
    match decode_fast::<E::Response>(body, info.envelope) {
        Ok(v) if E::success_code(&v) == Some(success) => Ok(v),
        Ok(v) => check().map(|()| v),
        Err(()) => {
            check()?;
            Err(decode_error::<E::Response>(body, info.envelope))
        }
    }
}

/// Decodes `T` found under `envelope` (or the whole body when `None`).
pub(crate) fn decode_enveloped<T: DeserializeOwned>(
    body: &[u8],
    envelope: Option<&'static str>,
) -> Result<T, Error> {
    decode_fast(body, envelope).map_err(|()| decode_error::<T>(body, envelope))
}

/// One plain pass; the caller decodes again to say where it failed.
fn decode_fast<T: DeserializeOwned>(body: &[u8], envelope: Option<&'static str>) -> Result<T, ()> {
    let mut de = serde_json::Deserializer::from_slice(body);
    Enveloped::<T>::new(envelope)
        .deserialize(&mut de)
        .and_then(|v| de.end().map(|()| v))
        .map_err(drop)
}

/// Decodes again, tracking the path, to say where the first pass failed.
fn decode_error<T: DeserializeOwned>(body: &[u8], envelope: Option<&'static str>) -> Error {
    let mut track = serde_path_to_error::Track::new();
    let mut de = serde_json::Deserializer::from_slice(body);
    let result = Enveloped::<T>::new(envelope)
        .deserialize(serde_path_to_error::Deserializer::new(&mut de, &mut track))
        .map(drop)
        .and_then(|()| de.end());
    let message = match result {
        Err(e) => e.to_string(),
        // Cannot happen for serde_json; kept honest rather than panicking.
        Ok(()) => "the response did not decode the same way twice".to_owned(),
    };
    let path = track.path().to_string();
    Error::Decode {
        // serde_path_to_error writes the root as `.`.
        path: if path == "." { String::new() } else { path },
        message,
        excerpt: excerpt(body, Some("application/json")),
    }
}

/// The envelope unwrapper: visits the outer object, decodes the value under
/// `key`, skips the other keys.
struct Enveloped<T> {
    key: Option<&'static str>,
    marker: PhantomData<T>,
}

impl<T> Enveloped<T> {
    fn new(key: Option<&'static str>) -> Self {
        Enveloped {
            key,
            marker: PhantomData,
        }
    }
}

impl<'de, T: DeserializeOwned> DeserializeSeed<'de> for Enveloped<T> {
    type Value = T;

    fn deserialize<D: Deserializer<'de>>(self, deserializer: D) -> Result<T, D::Error> {
        match self.key {
            None => T::deserialize(deserializer),
            Some(key) => deserializer.deserialize_map(EnvelopeVisitor {
                key,
                seed: PhantomData::<T>,
            }),
        }
    }
}

struct EnvelopeVisitor<S> {
    key: &'static str,
    seed: S,
}

impl<'de, S: DeserializeSeed<'de>> Visitor<'de> for EnvelopeVisitor<S> {
    type Value = S::Value;

    fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "an object with a `{}` key", self.key)
    }

    fn visit_map<A: MapAccess<'de>>(self, mut map: A) -> Result<S::Value, A::Error> {
        let mut seed = Some(self.seed);
        let mut found = None;
        let key = KeyIs {
            first: self.key,
            second: None,
        };
        while let Some(k) = map.next_key_seed(key)? {
            match (k == Key::First, seed.take()) {
                (true, Some(s)) => found = Some(map.next_value_seed(s)?),
                (_, s) => {
                    seed = s;
                    map.next_value::<IgnoredAny>()?;
                }
            }
        }
        found.ok_or_else(|| de::Error::missing_field(self.key))
    }
}

/// Which of (at most) two expected names a map key is, compared where it
/// lies in the input: no allocation per key (this runs for every envelope).
#[derive(Clone, Copy)]
struct KeyIs {
    first: &'static str,
    second: Option<&'static str>,
}

#[derive(Clone, Copy, PartialEq, Eq)]
enum Key {
    First,
    Second,
    Other,
}

impl<'de> DeserializeSeed<'de> for KeyIs {
    type Value = Key;

    fn deserialize<D: Deserializer<'de>>(self, deserializer: D) -> Result<Key, D::Error> {
        deserializer.deserialize_str(self)
    }
}

impl Visitor<'_> for KeyIs {
    type Value = Key;

    fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("a string key")
    }

    fn visit_str<E: de::Error>(self, v: &str) -> Result<Key, E> {
        Ok(if v == self.first {
            Key::First
        } else if Some(v) == self.second {
            Key::Second
        } else {
            Key::Other
        })
    }
}

/// Reads the success code (and message) from the inner object, skipping the
/// rest, and turns a failure code into an error.
fn check_success_code(
    body: &[u8],
    status: u16,
    envelope: Option<&'static str>,
    field: &'static str,
    success: i64,
    message_field: Option<&'static str>,
    codes: &'static [(i64, &'static str)],
) -> Result<(), Error> {
    let probe = CodeProbe {
        field,
        message_field,
    };
    let mut de = serde_json::Deserializer::from_slice(body);
    let found = match envelope {
        Some(key) => de.deserialize_map(EnvelopeVisitor { key, seed: probe }),
        None => probe.deserialize(&mut de),
    };
    // A body without a readable code goes on to the full decode, which says
    // exactly what is wrong with it.
    let Ok((Some(code), message)) = found else {
        return Ok(());
    };
    code_result(code, message, status, success, codes)
}

/// `Ok` for the success code, else the error a failure code means: its
/// message, or the code's name in the spec.
pub(crate) fn code_result(
    code: i64,
    message: Option<String>,
    status: u16,
    success: i64,
    codes: &'static [(i64, &'static str)],
) -> Result<(), Error> {
    if code == success {
        return Ok(());
    }
    let name = codes
        .iter()
        .find(|(c, _)| *c == code)
        .map(|(_, name)| *name);
    let message = message
        .or_else(|| name.map(str::to_owned))
        .unwrap_or_default();
    if name == Some("no_match") {
        return Err(Error::NoMatch { message });
    }
    Err(Error::Api {
        code: Some(code),
        message,
        status,
    })
}

/// The code when it is the first member of the object that holds it (after
/// the envelope key, itself first) and a plain integer: `{"response":
/// {"success": 1,` or `{"success":1}`, whitespace allowed. `None` for
/// anything else (escaped keys, other orders, other forms), which the full
/// probe then reads.
fn leading_code(body: &[u8], envelope: Option<&str>, field: &str) -> Option<i64> {
    fn ws(b: &[u8], mut i: usize) -> usize {
        while matches!(b.get(i), Some(b' ' | b'\t' | b'\n' | b'\r')) {
            i += 1;
        }
        i
    }
    // `{ "name" :` from `i`; the index after the colon.
    fn open_key(b: &[u8], i: usize, name: &str) -> Option<usize> {
        let i = ws(b, i);
        (b.get(i) == Some(&b'{')).then_some(())?;
        let i = ws(b, i + 1);
        (b.get(i) == Some(&b'"')).then_some(())?;
        let end = i + 1 + name.len();
        (b.get(i + 1..end) == Some(name.as_bytes()) && b.get(end) == Some(&b'"')).then_some(())?;
        let i = ws(b, end + 1);
        (b.get(i) == Some(&b':')).then_some(i + 1)
    }
    let mut i = 0;
    if let Some(key) = envelope {
        i = open_key(body, i, key)?;
    }
    i = ws(body, open_key(body, i, field)?);
    let negative = body.get(i) == Some(&b'-');
    i += usize::from(negative);
    let start = i;
    let mut code: i64 = 0;
    while let Some(d) = body.get(i).filter(|b| b.is_ascii_digit()) {
        code = code.checked_mul(10)?.checked_add(i64::from(d - b'0'))?;
        i += 1;
    }
    let digits = i > start;
    let i = ws(body, i);
    (digits && matches!(body.get(i), Some(b',' | b'}'))).then_some(if negative {
        -code
    } else {
        code
    })
}

/// An API's message as text, whatever JSON it came as: a string as it is, `null` as none, a
/// number or an object in JSON (an oddly typed message must not hide the failure code).
pub(crate) fn message_text(value: serde_json::Value) -> Option<String> {
    match value {
        serde_json::Value::String(s) => Some(s),
        serde_json::Value::Null => None,
        other => Some(other.to_string()),
    }
}

struct CodeProbe {
    field: &'static str,
    message_field: Option<&'static str>,
}

impl<'de> DeserializeSeed<'de> for CodeProbe {
    type Value = (Option<i64>, Option<String>);

    fn deserialize<D: Deserializer<'de>>(self, deserializer: D) -> Result<Self::Value, D::Error> {
        deserializer.deserialize_map(self)
    }
}

impl<'de> Visitor<'de> for CodeProbe {
    type Value = (Option<i64>, Option<String>);

    fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "an object with a `{}` code", self.field)
    }

    fn visit_map<A: MapAccess<'de>>(self, mut map: A) -> Result<Self::Value, A::Error> {
        let (mut code, mut message) = (None, None);
        let key = KeyIs {
            first: self.field,
            second: self.message_field,
        };
        while let Some(k) = map.next_key_seed(key)? {
            match k {
                Key::First => code = Some(map.next_value_seed(LenientCode)?),
                Key::Second => message = message_text(map.next_value()?),
                Key::Other => {
                    map.next_value::<IgnoredAny>()?;
                }
            }
        }
        Ok((code, message))
    }
}

/// The code as a number, a numeric string, or a bool (`true` = 1).
struct LenientCode;

impl<'de> DeserializeSeed<'de> for LenientCode {
    type Value = i64;

    fn deserialize<D: Deserializer<'de>>(self, deserializer: D) -> Result<i64, D::Error> {
        deserializer.deserialize_any(self)
    }
}

impl Visitor<'_> for LenientCode {
    type Value = i64;

    fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("a status code")
    }

    fn visit_bool<E: de::Error>(self, v: bool) -> Result<i64, E> {
        Ok(v.into())
    }

    fn visit_i64<E: de::Error>(self, v: i64) -> Result<i64, E> {
        Ok(v)
    }

    fn visit_u64<E: de::Error>(self, v: u64) -> Result<i64, E> {
        i64::try_from(v).map_err(E::custom)
    }

    /// `42.0` and `-0.0` are codes too (the full decode reads them as 42 and
    /// 0): a float code must not slip past the check.
    fn visit_f64<E: de::Error>(self, v: f64) -> Result<i64, E> {
        const LIMIT: f64 = 9_223_372_036_854_775_808.0; // 2^63
        if v.fract() == 0.0 && (-LIMIT..LIMIT).contains(&v) {
            Ok(v as i64)
        } else {
            Err(E::invalid_value(de::Unexpected::Float(v), &self))
        }
    }

    fn visit_str<E: de::Error>(self, v: &str) -> Result<i64, E> {
        v.parse().map_err(E::custom)
    }
}

#[cfg(test)]
mod tests {
    use super::leading_code;

    #[test]
    fn leading_code_reads_only_a_first_plain_integer() {
        let r = Some("response");
        assert_eq!(
            leading_code(br#"{"response":{"success":1,"a":2}}"#, r, "success"),
            Some(1)
        );
        assert_eq!(
            leading_code(
                b"{\n\t\"response\": {\n\t\t\"success\": 42\n\t}\n}",
                r,
                "success"
            ),
            Some(42)
        );
        assert_eq!(
            leading_code(br#"{"success":-3}"#, None, "success"),
            Some(-3)
        );
        // Anything else is left to the full probe.
        for body in [
            &br#"{"response":{"a":2,"success":1}}"#[..],
            br#"{"response":{"success":1.0}}"#,
            br#"{"response":{"success":"1"}}"#,
            br#"{"response":{"success":true}}"#,
            br#"{"response":{"success":-}}"#,
            br#"{"response":{"success":1"#,
            br#"{"response":{"succ\u0065ss":1}}"#,
            br#"{"other":{"success":1}}"#,
            br#"{"response":{"success":99999999999999999999}}"#,
            b"",
        ] {
            assert_eq!(
                leading_code(body, r, "success"),
                None,
                "{}",
                String::from_utf8_lossy(body)
            );
        }
    }
}
