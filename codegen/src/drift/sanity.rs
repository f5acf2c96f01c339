//! Is this listing Steam's real list, or a failed fetch? A fetch that fails upstream makes whole
//! sections of the list vanish for one capture; reporting that as removed methods would be noise.

use std::collections::BTreeSet;

use super::compare::listed_method;
use super::listing::{Listing, ListingError};
use crate::model::{Model, Status, Visibility};

/// The check applies when the spec has at least this many live public interfaces; below that,
/// a missing interface is reported as removed methods.
const MIN_INTERFACES: usize = 3;

/// Err when the listing is empty, or lacks more than half of the live public interfaces of
/// `provider` that the spec describes.
pub fn check(model: &Model, listing: &Listing, provider: &str) -> Result<(), ListingError> {
    if listing.interfaces.is_empty() {
        return Err(ListingError::Broken(
            "apilist.interfaces is empty: the list has no interface at all".into(),
        ));
    }
    let listed: BTreeSet<&str> = listing.interfaces.iter().map(|i| i.name.as_str()).collect();
    let expected: BTreeSet<&str> = model
        .operations()
        .filter(|op| {
            op.provider == provider
                && op.status == Status::Live
                && op.visibility == Visibility::Public
                && !listed_method(op).is_empty()
        })
        .map(|op| op.interface.as_str())
        .collect();
    let absent: Vec<&str> = expected
        .iter()
        .filter(|i| !listed.contains(*i))
        .copied()
        .collect();
    if expected.len() >= MIN_INTERFACES && absent.len() * 2 > expected.len() {
        let mut names = absent
            .iter()
            .take(8)
            .copied()
            .collect::<Vec<_>>()
            .join(", ");
        if absent.len() > 8 {
            names.push_str(", ...");
        }
        return Err(ListingError::Broken(format!(
            "{} of the {} live public interfaces the spec describes are absent ({names}); a \
             failed fetch upstream drops whole sections of the list for one capture",
            absent.len(),
            expected.len()
        )));
    }
    Ok(())
}
