//! Validation of values against the constraints of the spec.
//!
//! [`Validate`] is implemented by `#[derive(Validate)]` (re-exported here and at
//! the crate root) and, by hand, for the std types a field can have, so every
//! field of a derived type is validated through the trait: a nested struct
//! that derives `Validate` is checked without any attribute.
//!
//! ```
//! # extern crate steam_webapi_runtime as steam_webapi;
//! use steam_webapi::validate::Validate;
//!
//! #[derive(steam_webapi::Validate)]
//! struct Player {
//!     #[schemars(length(min = 1, max = 32))]
//!     name: String,
//!     #[schemars(range(min = 1, max = 100))]
//!     level: u32,
//! }
//!
//! let errors = Player { name: String::new(), level: 0 }.validate().unwrap_err();
//! assert_eq!(errors.to_string(), "name: length must be between 1 and 32 characters, got 0\n\
//!                                 level: must be between 1 and 100");
//! ```
//!
//! # One attribute, two consumers
//!
//! Constraints that JSON Schema can express are written once, in schemars'
//! own syntax, so `#[derive(schemars::JsonSchema)]` puts them in the schema
//! and `#[derive(Validate)]` checks them. Rules that JSON Schema cannot
//! express go in `#[validate(...)]`, which schemars reads too but ignores.
//! The derive declares both helper attributes, so deriving `JsonSchema` is
//! optional.
//!
//! | attribute | rule code | applies to |
//! | --- | --- | --- |
//! | `#[schemars(length(min = 1, max = 32))]`, `length(equal = 17)` | `length` (chars) or `items` | strings; `Vec`, slices, sets, maps |
//! | `#[schemars(range(min = 1, max = 4294967295u32))]` | `range` | integers, floats |
//! | `#[schemars(regex(pattern = r"^\d{17}$"))]` or `pattern(r"...")` | `pattern` | strings |
//! | `#[schemars(inner(length(max = 8)))]` | (the inner rule's) | each item of a sequence, each value of a map |
//! | `#[validate(one_of("public", "private"))]`, `one_of(1, 2, 3)` | `one_of` | anything comparable with `==` to the literals |
//! | `#[validate(custom(function = path::to::check))]` | `custom` | any field, or the whole type on the container |
//! | `#[validate(inner(one_of(..), custom(..)))]` | (the inner rule's) | items and map values |
//! | `#[validate(skip)]` | | a field or variant: not validated at all |
//! | `#[validate(at_least_one_of(a, b))]` on the struct | `at_least_one_of` | `Option` fields |
//! | `#[validate(required_if(field = a, when = b))]` on the struct, optional `equals = "lit"` | `required_if` | `a`: `Option`; `b`: `Option` (set when `Some`) or `bool` (set when `true`), or compared with `equals` |
//!
//! Bounds are literals, written with a suffix when the inferred type needs it
//! (`max = 18446744073709551615u64`); on a float field an integer bound is
//! accepted. String lengths count Unicode scalar values (`chars()`), the way
//! JSON Schema counts. Patterns are checked when the derive runs and compiled
//! once, on first use (one past the regex engine's size limit fails every
//! value with the reason, params `pattern` and `error`, instead of panicking);
//! like JSON Schema's `pattern` they are not anchored, so write `^...$` to
//! match the whole string. Rules on an `Option` field apply to
//! the value when it is present. schemars items other than these (`email`,
//! `contains`, `description`, ...) are left to schemars and not validated.
//!
//! A custom function takes a reference to the field's value (the value inside
//! an `Option`, when present) or, at container level, to the whole type, and
//! returns `Result<(), E>` with `E: Display`; the error's text becomes the
//! message:
//!
//! ```
//! # extern crate steam_webapi_runtime as steam_webapi;
//! fn even(n: &u32) -> Result<(), String> {
//!     if n.is_multiple_of(2) { Ok(()) } else { Err(format!("{n} is odd")) }
//! }
//!
//! #[derive(steam_webapi::Validate)]
//! struct Pair {
//!     #[validate(custom(function = even))]
//!     count: u32,
//! }
//! # use steam_webapi::validate::Validate;
//! # assert_eq!(Pair { count: 3 }.validate().unwrap_err().to_string(), "count: 3 is odd");
//! ```
//!
//! # Paths
//!
//! [`ValidationError::path`] is the path on the wire: serde's `rename`,
//! `rename_all`, `rename_all_fields`, `flatten`, `transparent` and enum tagging
//! are followed. Fields are joined with `.`, sequence items are `[2]`, map
//! values are `["key"]` (the key's `Display` form, quoted as a JSON string):
//! `users[2].steamid`, `hubs["123"].name`. A field inside an externally tagged
//! enum variant is `Variant.field` (`Variant` alone for a newtype variant,
//! `Variant[0]` for a tuple variant); internally tagged and untagged enums add
//! nothing, adjacently tagged ones add the content key. The path of the value
//! being validated itself (a container-level rule on the top-level struct) is
//! the empty string.

mod detail;
mod error;
mod path;
mod std_impls;
/// Support for the derive's expansion (re-exported as `crate::__private`); not a public API.
#[doc(hidden)]
pub mod support;

pub use error::{ValidationError, ValidationErrors};
pub use path::FieldPath;
pub use steam_webapi_macros::Validate;

/// A value that can check itself against its constraints.
pub trait Validate {
    /// Checks every constraint and returns all violations, not just the first.
    fn validate(&self) -> Result<(), ValidationErrors> {
        let mut errors = ValidationErrors::new();
        self.validate_at(&FieldPath::ROOT, &mut errors);
        errors.into_result()
    }

    /// Checks the value found at `path`, pushing each violation to `errors`.
    ///
    /// Implement this one by hand; `path` is cheap to extend
    /// ([`FieldPath::field`], [`FieldPath::index`], [`FieldPath::key`]) and is
    /// only turned into a string by [`ValidationErrors::push`].
    fn validate_at(&self, path: &FieldPath<'_>, errors: &mut ValidationErrors);
}
