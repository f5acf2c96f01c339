//! A crate whose Steam client is generated at build time from `spec/` (see build.rs). It is
//! compiled with every warning denied: generated code must be warning-free.
#![deny(warnings)]

include!(concat!(env!("OUT_DIR"), "/steamspec/mod.rs"));

/// Typed localization tokens of the chess token set (`codegen/tests/tokens/chess`, English and
/// German).
pub mod tokens {
    include!(concat!(env!("OUT_DIR"), "/tokens.rs"));
}

/// Code generated from the tricky valid specs of the test corpus.
pub mod tricky {
    /// Maps keyed by uint64, steamid and uint32.
    pub mod maps {
        include!(concat!(env!("OUT_DIR"), "/tricky_maps/mod.rs"));
    }
    /// An open integer enum with gaps and a negative value; nullable and optional fields.
    pub mod enums {
        include!(concat!(env!("OUT_DIR"), "/tricky_enums/mod.rs"));
    }
    /// Rust keywords as field and parameter names.
    pub mod keywords {
        include!(concat!(env!("OUT_DIR"), "/tricky_keywords/mod.rs"));
    }
    /// The same method in two interfaces: one request type name in each module.
    pub mod same_method {
        include!(concat!(env!("OUT_DIR"), "/tricky_same_method/mod.rs"));
    }
    /// A Service interface with struct, map and json-encoded array parameters.
    pub mod service {
        include!(concat!(env!("OUT_DIR"), "/tricky_service/mod.rs"));
    }
    /// Cursor paging (optional and required cursors, with and without `more`) and offset
    /// paging with required offset and page size.
    pub mod pages {
        include!(concat!(env!("OUT_DIR"), "/tricky_pages/mod.rs"));
    }
}
