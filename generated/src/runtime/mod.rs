//! Hand-written support code that the machine-written client builds on.

pub mod validate;

#[cfg(feature = "blocking")]
pub mod blocking;
pub mod builder;
pub mod client;
pub mod codec;
mod decode;
pub mod endpoint;
pub mod enums;
pub mod error;
mod excerpt;
pub mod maybe;
mod request;
pub(crate) mod response;
pub mod retry;
pub mod steamid;
mod transport;
pub mod wire;
