//! `Serialize` and `Deserialize` for the generated crate's structs.
//!
//! A lean stand-in for serde's derive, for the shapes the emitter writes:
//! structs with named fields, `rename`, `default`, `skip_serializing_if` and
//! the lenient number modules (`with = "...::wire::as_number"` or
//! `as_string`). serde's derive also writes a sequence visitor (a struct from
//! a JSON array, which Steam never sends), a field enum with three visitors
//! and a wrapper type per `with` field, twice; that was most of the generated
//! crate's compile time. Here each field is one call into the runtime's
//! `codec` helpers. Anything else is a compile error that names what is
//! supported, so it can never silently mean something other than serde.
//!
//! `Deserialize` needs the struct's `Default` (missing optional fields keep
//! its values; the generated structs derive it, so they are each field's
//! default) and at most 64 fields (the reader's set of seen keys; the spec
//! loader holds a type to that too).

mod ast;
mod expand;

use proc_macro2::TokenStream;

/// Which of the two impls.
#[derive(Clone, Copy, PartialEq)]
pub enum Direction {
    Serialize,
    Deserialize,
}

/// The impls of `directions`, from one reading of the input (an unsupported
/// shape is reported once, however many impls were asked for).
pub fn derive(input: &syn::DeriveInput, directions: &[Direction]) -> TokenStream {
    let read = directions.contains(&Direction::Deserialize);
    match ast::Struct::from_ast(input, read) {
        Ok(s) => directions
            .iter()
            .map(|direction| match direction {
                Direction::Serialize => expand::serialize(&s),
                Direction::Deserialize => expand::deserialize(&s),
            })
            .collect(),
        Err(e) => e.to_compile_error(),
    }
}
