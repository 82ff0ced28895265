//! # bankbot-atm — nearest ATM for real
//!
//! Customers type where they are ("atm near 94105", "ATMs near SW1A 1AA", "DAB à Lyon");
//! this crate turns that place into coordinates offline and finds the nearest cash machines
//! of a whole network in microseconds.
//!
//! - [`AtmIndex`] implements [`bankbot_bank::AtmLocator`]: the `k` nearest *sites* (machines
//!   with the same `site_id` or the same coordinates, grouped with a count) passing an
//!   [`bankbot_bank::AtmFilter`], by great-circle distance. Sites live in a static k-d tree
//!   of 3-D unit vectors, where Euclidean (chord) order equals great-circle order; a lazy
//!   best-first walk keeps filtered queries exact. Reported distances use the haversine
//!   formula. A million machines take about 140 MB.
//! - [`load`] reads UK Open Banking Open Data ATM v2.x JSON leniently (string coordinates,
//!   missing optional fields, three-letter language codes) and skips, with a reason, records
//!   whose coordinates are missing, outside the declared country or far from the address's
//!   postcode. It also reads our own format, CSV or JSON with the columns `id, brand, name,
//!   address, postcode, country, lat, lon, deposits, open_24h, accessible, contactless,
//!   site_id` (only `id`, `lat`, `lon` required; see `data/atms.csv`).
//! - [`GazetteerGeocoder`] implements [`bankbot_bank::Geocoder`] from public files: US
//!   Census ZCTA centroids, UK postcode districts and sectors, La Poste postcodes and
//!   GeoNames cities (see [`gazetteer`]). [`NominatimGeocoder`] asks a Nominatim-compatible
//!   HTTP API instead.
//! - Demo data written for the project (34 ATMs in San Francisco, London, Manchester, Paris
//!   and Lyon, and a gazetteer covering them) is embedded: [`AtmIndex::demo`],
//!   [`GazetteerGeocoder::demo`].
//! - [`AtmServices::from_config`] builds both from the bot's `[atm] files` and
//!   `[geocoder] gazetteer` settings, falling back to the demo data.

mod arena;
mod error;
pub mod gazetteer;
mod index;
mod kdtree;
pub mod load;
mod nominatim;
mod sources;
mod sphere;

pub use error::AtmError;
pub use gazetteer::{GazetteerGeocoder, GazetteerStats};
pub use index::{AtmIndex, AtmIndexBuilder};
pub use load::{LoadReport, SkipReason, Skipped};
pub use nominatim::NominatimGeocoder;
pub use sources::AtmServices;
