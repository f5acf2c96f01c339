//! Reading input from outside: bounded reads, UTF-8 with a place, strict JSON, and JSON syntax
//! errors split into place and message.

pub mod json_place;
pub mod json_strict;
pub mod read_limit;
pub mod utf8;
