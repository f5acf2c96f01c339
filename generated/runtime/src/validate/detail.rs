//! What a failed check recorded, and the message and parameters rebuilt from it.

use std::borrow::Cow;

use serde_json::{Map, Value};

/// What a `length` rule counted: a string's chars (rule code `length`) or a
/// collection's items (rule code `items`).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Count {
    /// Unicode scalar values of a string.
    Chars,
    /// Items of a sequence, set or map.
    Items,
}

/// What failed, in the cheapest form that can rebuild message and params.
#[derive(Clone)]
pub(super) enum Detail {
    Length {
        counts: Count,
        actual: usize,
        min: Option<usize>,
        max: Option<usize>,
    },
    Range {
        min: Option<Value>,
        max: Option<Value>,
    },
    Pattern(&'static str),
    /// The pattern parsed when the derive ran but the regex engine refused it (its size
    /// limit): every value fails instead of the first validation panicking.
    PatternInvalid {
        pattern: &'static str,
        error: &'static str,
    },
    OneOf(fn() -> Vec<Value>),
    Custom {
        function: &'static str,
        message: String,
    },
    AtLeastOneOf(&'static [&'static str]),
    RequiredIf {
        field: &'static str,
        when: &'static str,
        equals: Option<fn() -> Value>,
    },
    Other {
        rule: Cow<'static, str>,
        message: String,
        params: Map<String, Value>,
    },
}

impl Detail {
    pub(super) fn rule(&self) -> &str {
        match self {
            Detail::Length {
                counts: Count::Chars,
                ..
            } => "length",
            Detail::Length {
                counts: Count::Items,
                ..
            } => "items",
            Detail::Range { .. } => "range",
            Detail::Pattern(_) | Detail::PatternInvalid { .. } => "pattern",
            Detail::OneOf(_) => "one_of",
            Detail::Custom { .. } => "custom",
            Detail::AtLeastOneOf(_) => "at_least_one_of",
            Detail::RequiredIf { .. } => "required_if",
            Detail::Other { rule, .. } => rule,
        }
    }

    pub(super) fn message(&self) -> String {
        match self {
            Detail::Length {
                counts,
                actual,
                min,
                max,
            } => {
                let bounds = describe_bounds(min.map(Value::from), max.map(Value::from));
                match counts {
                    Count::Chars => format!("length must be {bounds} characters, got {actual}"),
                    Count::Items => format!("must have {bounds} items, got {actual}"),
                }
            }
            Detail::Range { min, max } => {
                format!("must be {}", describe_bounds(min.clone(), max.clone()))
            }
            Detail::Pattern(pattern) => {
                format!("does not match the pattern {}", Value::from(*pattern))
            }
            Detail::PatternInvalid { pattern, error } => {
                format!(
                    "cannot be checked: the pattern {} does not compile: {error}",
                    Value::from(*pattern)
                )
            }
            Detail::OneOf(values) => {
                let list: Vec<String> = values().iter().map(Value::to_string).collect();
                format!("must be one of {}", list.join(", "))
            }
            Detail::AtLeastOneOf(fields) => {
                let list: Vec<String> = fields.iter().map(|f| format!("`{f}`")).collect();
                format!("at least one of {} is required", list.join(", "))
            }
            Detail::RequiredIf { when, equals, .. } => match equals {
                Some(value) => format!("is required when `{when}` is {}", value()),
                None => format!("is required when `{when}` is set"),
            },
            Detail::Custom { message, .. } | Detail::Other { message, .. } => message.clone(),
        }
    }

    pub(super) fn params(&self) -> Map<String, Value> {
        let mut params = Map::new();
        let mut put = |key: &str, value: Value| {
            params.insert(key.to_owned(), value);
        };
        match self {
            Detail::Length { min, max, .. } => {
                if let Some(min) = min {
                    put("min", (*min).into());
                }
                if let Some(max) = max {
                    put("max", (*max).into());
                }
            }
            Detail::Range { min, max } => {
                if let Some(min) = min {
                    put("min", min.clone());
                }
                if let Some(max) = max {
                    put("max", max.clone());
                }
            }
            Detail::Pattern(pattern) => put("pattern", (*pattern).into()),
            Detail::PatternInvalid { pattern, error } => {
                put("pattern", (*pattern).into());
                put("error", (*error).into());
            }
            Detail::OneOf(values) => put("values", values().into()),
            Detail::Custom { function, .. } => put("function", (*function).into()),
            Detail::AtLeastOneOf(fields) => put("fields", fields.to_vec().into()),
            Detail::RequiredIf {
                field,
                when,
                equals,
            } => {
                put("field", (*field).into());
                put("when", (*when).into());
                if let Some(value) = equals {
                    put("equals", value());
                }
            }
            Detail::Other { params, .. } => return params.clone(),
        }
        params
    }
}

fn describe_bounds(min: Option<Value>, max: Option<Value>) -> String {
    match (min, max) {
        (Some(min), Some(max)) if min == max => format!("exactly {min}"),
        (Some(min), Some(max)) => format!("between {min} and {max}"),
        (Some(min), None) => format!("at least {min}"),
        (None, Some(max)) => format!("at most {max}"),
        (None, None) => "anything".to_owned(),
    }
}
