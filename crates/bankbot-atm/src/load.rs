//! Loading ATMs: UK Open Banking Open Data ATM v2.x JSON and our own CSV/JSON format.
//!
//! Real files have bad records; those are skipped and reported, never trusted (see
//! [`Skipped`]). The format of a file is detected from its content: a JSON object is Open
//! Banking, a JSON array is our JSON, anything else is our CSV.

mod obie;
mod sanity;
mod simple;

use std::fmt;
use std::path::{Path, PathBuf};

use bankbot_core::Atm;

use crate::AtmError;
pub use sanity::{PostcodeLookup, country_bbox};

/// Why a record was left out.
#[derive(Debug, Clone, PartialEq)]
#[non_exhaustive]
pub enum SkipReason {
    /// The record has no coordinates.
    MissingCoordinates,
    /// The coordinates are not numbers or not a point on the Earth.
    BadCoordinates(String),
    /// The point lies outside the declared country's bounding box.
    OutsideCountry {
        /// The declared ISO country code.
        country: String,
    },
    /// The point is far from the centre of the address's postcode area.
    FarFromPostcode {
        /// The declared postcode.
        postcode: String,
        /// How far the point is from that postcode's centre, in km.
        km: f64,
    },
    /// The record lacks a required field or has the wrong shape.
    Invalid(String),
}

impl fmt::Display for SkipReason {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            SkipReason::MissingCoordinates => f.write_str("no coordinates"),
            SkipReason::BadCoordinates(why) => write!(f, "bad coordinates: {why}"),
            SkipReason::OutsideCountry { country } => {
                write!(f, "coordinates outside the declared country {country}")
            }
            SkipReason::FarFromPostcode { postcode, km } => {
                write!(f, "coordinates {km:.0} km from postcode {postcode}")
            }
            SkipReason::Invalid(why) => write!(f, "invalid record: {why}"),
        }
    }
}

/// A record that was not loaded.
#[derive(Debug, Clone, PartialEq)]
pub struct Skipped {
    /// The file it came from.
    pub file: PathBuf,
    /// Its identifier, when it has one.
    pub id: Option<String>,
    /// Why it was skipped.
    pub reason: SkipReason,
}

impl fmt::Display for Skipped {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let id = self.id.as_deref().unwrap_or("?");
        write!(f, "{}: ATM {id}: {}", self.file.display(), self.reason)
    }
}

/// What loading produced besides the ATMs.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct LoadReport {
    /// Machines loaded.
    pub loaded: usize,
    /// Records left out, with reasons.
    pub skipped: Vec<Skipped>,
}

/// The content format of an ATM file.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
#[non_exhaustive]
pub enum AtmFormat {
    /// UK Open Banking Open Data ATM v2.x (`{"meta":…,"data":[{"Brand":[{"ATM":[…]}]}]}`).
    OpenBanking,
    /// Our JSON: an array of flat records (see the crate docs).
    Json,
    /// Our CSV (see the crate docs).
    Csv,
}

/// Guesses the format from the first non-blank character.
pub fn detect_format(text: &str) -> AtmFormat {
    match text
        .trim_start_matches('\u{feff}')
        .trim_start()
        .chars()
        .next()
    {
        Some('{') => AtmFormat::OpenBanking,
        Some('[') => AtmFormat::Json,
        _ => AtmFormat::Csv,
    }
}

/// Parses ATM data of any supported format. `file` names the source in reports; `postcodes`,
/// when given, enables the "far from its postcode" check.
pub fn parse_atms(
    text: &str,
    file: &Path,
    postcodes: Option<&dyn PostcodeLookup>,
) -> Result<(Vec<Atm>, Vec<Skipped>), AtmError> {
    let checker = sanity::Checker::new(file, postcodes);
    let text = text.trim_start_matches('\u{feff}');
    match detect_format(text) {
        AtmFormat::OpenBanking => obie::parse(text, &checker),
        AtmFormat::Json => simple::parse_json(text, &checker),
        AtmFormat::Csv => simple::parse_csv(text, &checker),
    }
}

/// Reads and parses one ATM file; see [`parse_atms`].
pub fn load_file(
    path: &Path,
    postcodes: Option<&dyn PostcodeLookup>,
) -> Result<(Vec<Atm>, Vec<Skipped>), AtmError> {
    let text = std::fs::read_to_string(path).map_err(|e| AtmError::io(path, e))?;
    let (atms, skipped) = parse_atms(&text, path, postcodes)?;
    tracing::info!(
        file = %path.display(),
        loaded = atms.len(),
        skipped = skipped.len(),
        "ATM file loaded"
    );
    Ok((atms, skipped))
}
