//! Cash machines.

use serde::{Deserialize, Serialize};

use crate::GeoPoint;

/// What an ATM offers. `open_24h` and the others are `false` when unknown.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, Serialize, Deserialize)]
pub struct AtmFeatures {
    /// Accepts cash or cheque deposits.
    pub deposits: bool,
    /// Open around the clock.
    pub open_24h: bool,
    /// Wheelchair-accessible or with audio guidance.
    pub accessible: bool,
    /// Accepts contactless cards.
    pub contactless: bool,
}

/// A cash machine and where it is.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Atm {
    /// Identifier, unique within its source.
    pub id: String,
    /// The operating brand ("HSBC UK").
    pub brand: String,
    /// The site's name ("Union Square branch"), else the brand.
    pub name: String,
    /// One-line postal address.
    pub address: String,
    /// Postcode, when known.
    #[serde(default)]
    pub postcode: Option<String>,
    /// Where it is.
    pub location: GeoPoint,
    /// What it offers.
    #[serde(default)]
    pub features: AtmFeatures,
    /// Machines sharing a site share this id, when the source gives one.
    #[serde(default)]
    pub site_id: Option<String>,
}
