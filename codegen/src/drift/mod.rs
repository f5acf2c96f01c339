//! The drift checker: the resolved model against Steam's `GetSupportedAPIList` output.
//!
//! Like the emitters, it reads only the model. The listing is parsed by [`listing`], checked for
//! signs of a failed fetch by [`sanity`], compared by [`compare`], filtered through the config by
//! [`report`] and printed by [`format`](mod@format).

pub mod compare;
pub mod config;
pub mod date;
pub mod description;
pub mod finding;
pub mod format;
pub mod listing;
pub mod report;
pub mod sanity;
pub mod types;

pub use config::Config;
pub use date::Date;
pub use finding::{Finding, Rule, Severity};
pub use listing::{Listing, ListingError};
pub use report::{FailOn, Report};

use crate::model::Model;

/// The provider whose operations GetSupportedAPIList lists.
pub const STEAM: &str = "steam";

/// How to run a check.
#[derive(Clone, Debug)]
pub struct Options<'a> {
    /// Provider id compared with the listing (others are reported as not compared).
    pub provider: &'a str,
    /// Severity overrides and the allow-list; `None` for the defaults (nothing accepted).
    pub config: Option<&'a Config>,
    /// Decides which allow-list entries have expired (injectable for tests).
    pub today: Date,
}

impl Default for Options<'_> {
    fn default() -> Self {
        Options {
            provider: STEAM,
            config: None,
            today: Date::today(),
        }
    }
}

/// Checks a parsed listing against the model. Err when the listing looks broken.
pub fn check(model: &Model, listing: &Listing, opts: &Options) -> Result<Report, ListingError> {
    sanity::check(model, listing, opts.provider)?;
    let c = compare::compare(model, listing, opts.provider);
    Ok(report::build(c, opts.config, opts.today))
}

/// Parses listing bytes and checks them.
pub fn check_bytes(model: &Model, bytes: &[u8], opts: &Options) -> Result<Report, ListingError> {
    check(model, &listing::parse(bytes)?, opts)
}
