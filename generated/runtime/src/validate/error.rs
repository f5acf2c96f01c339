//! [`ValidationError`] (one violated constraint) and [`ValidationErrors`]
//! (all of them, from one call).

use std::borrow::Cow;
use std::fmt::{self, Display};
use std::sync::OnceLock;

use serde::Serialize;
use serde_json::{Map, Value};

use super::detail::Detail;
use super::path::FieldPath;

/// One violated constraint.
///
/// The derive's checks record only what failed; the message and the
/// parameters are built the first time they are asked for, so a failing
/// check costs little more than its path.
#[derive(Clone)]
pub struct ValidationError {
    path: String,
    detail: Detail,
    message: OnceLock<String>,
    params: OnceLock<Map<String, Value>>,
}

impl ValidationError {
    /// Makes an error; `rule` is a stable code such as `"range"`.
    pub fn new(
        path: impl Into<String>,
        rule: impl Into<Cow<'static, str>>,
        message: impl Into<String>,
        params: Map<String, Value>,
    ) -> Self {
        let detail = Detail::Other {
            rule: rule.into(),
            message: message.into(),
            params,
        };
        ValidationError::with_detail(path.into(), detail)
    }

    fn with_detail(path: String, detail: Detail) -> Self {
        ValidationError {
            path,
            detail,
            message: OnceLock::new(),
            params: OnceLock::new(),
        }
    }

    /// Where the value is on the wire, e.g. `users[2].steamid`; `""` for the root.
    pub fn path(&self) -> &str {
        &self.path
    }

    /// The rule's stable code: `range`, `length`, `items`, `pattern`,
    /// `one_of`, `required_if`, `at_least_one_of`, `custom`.
    pub fn rule(&self) -> &str {
        self.detail.rule()
    }

    /// A sentence for people, without the path.
    pub fn message(&self) -> &str {
        self.message.get_or_init(|| self.detail.message())
    }

    /// The rule's parameters: `min`/`max`, `pattern`, `values`, `function`,
    /// `fields`, `field`/`when`/`equals`.
    pub fn params(&self) -> &Map<String, Value> {
        self.params.get_or_init(|| self.detail.params())
    }

    /// One parameter by name.
    pub fn param(&self, name: &str) -> Option<&Value> {
        self.params().get(name)
    }
}

impl PartialEq for ValidationError {
    fn eq(&self, other: &Self) -> bool {
        self.path == other.path
            && self.rule() == other.rule()
            && self.message() == other.message()
            && self.params() == other.params()
    }
}

impl fmt::Debug for ValidationError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("ValidationError")
            .field("path", &self.path)
            .field("rule", &self.rule())
            .field("message", &self.message())
            .field("params", self.params())
            .finish()
    }
}

impl Serialize for ValidationError {
    fn serialize<S: serde::Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        use serde::ser::SerializeStruct;
        let mut s = serializer.serialize_struct("ValidationError", 4)?;
        s.serialize_field("path", &self.path)?;
        s.serialize_field("rule", self.rule())?;
        s.serialize_field("message", self.message())?;
        s.serialize_field("params", self.params())?;
        s.end()
    }
}

impl Display for ValidationError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        if self.path.is_empty() {
            f.write_str(self.message())
        } else {
            write!(f, "{}: {}", self.path, self.message())
        }
    }
}

impl std::error::Error for ValidationError {}

/// Every violation found by one [`Validate::validate`](super::Validate::validate) call, in
/// field order.
///
/// Displays one line per violation (`path: message`) and serializes as a
/// list of `{path, rule, message, params}` objects.
#[derive(Debug, Clone, Default, PartialEq, Serialize)]
#[serde(transparent)]
pub struct ValidationErrors {
    errors: Vec<ValidationError>,
}

impl ValidationErrors {
    /// No errors yet; does not allocate.
    pub const fn new() -> Self {
        ValidationErrors { errors: Vec::new() }
    }

    /// Records a violation at `path`; paths become strings only here.
    #[cold]
    pub fn push(
        &mut self,
        path: &FieldPath<'_>,
        rule: impl Into<Cow<'static, str>>,
        message: impl Into<String>,
        params: Map<String, Value>,
    ) {
        let detail = Detail::Other {
            rule: rule.into(),
            message: message.into(),
            params,
        };
        self.push_detail(path, detail);
    }

    #[cold]
    #[inline(never)]
    pub(super) fn push_detail(&mut self, path: &FieldPath<'_>, detail: Detail) {
        let mut at = String::with_capacity(32);
        path.write_to(&mut at);
        self.errors.push(ValidationError::with_detail(at, detail));
    }

    /// Adds an error made elsewhere.
    pub fn push_error(&mut self, error: ValidationError) {
        self.errors.push(error);
    }

    /// `Ok(())` when empty.
    pub fn into_result(self) -> Result<(), Self> {
        if self.errors.is_empty() {
            Ok(())
        } else {
            Err(self)
        }
    }

    /// Whether no rule failed.
    pub fn is_empty(&self) -> bool {
        self.errors.is_empty()
    }

    /// How many rules failed.
    pub fn len(&self) -> usize {
        self.errors.len()
    }

    /// The failures, in the order the fields were checked.
    pub fn iter(&self) -> std::slice::Iter<'_, ValidationError> {
        self.errors.iter()
    }

    /// The failures as a slice, in the order the fields were checked.
    pub fn as_slice(&self) -> &[ValidationError] {
        &self.errors
    }

    /// The failures, owned.
    pub fn into_vec(self) -> Vec<ValidationError> {
        self.errors
    }
}

impl Display for ValidationErrors {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        for (i, error) in self.errors.iter().enumerate() {
            if i > 0 {
                f.write_str("\n")?;
            }
            Display::fmt(error, f)?;
        }
        Ok(())
    }
}

impl std::error::Error for ValidationErrors {}

impl IntoIterator for ValidationErrors {
    type Item = ValidationError;
    type IntoIter = std::vec::IntoIter<ValidationError>;
    fn into_iter(self) -> Self::IntoIter {
        self.errors.into_iter()
    }
}

impl<'a> IntoIterator for &'a ValidationErrors {
    type Item = &'a ValidationError;
    type IntoIter = std::slice::Iter<'a, ValidationError>;
    fn into_iter(self) -> Self::IntoIter {
        self.errors.iter()
    }
}
