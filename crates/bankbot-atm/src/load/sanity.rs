//! Plausibility checks for ATM coordinates.

use std::path::{Path, PathBuf};

use bankbot_core::GeoPoint;

use super::{SkipReason, Skipped};

/// Finds the centre of a postcode's area; the gazetteer geocoder implements it.
pub trait PostcodeLookup: Send + Sync {
    /// The centre of `postcode`'s sector or district (or ZIP), `None` when unknown.
    fn postcode_point(&self, postcode: &str, country: Option<&str>) -> Option<GeoPoint>;
}

/// Farther than this from its postcode's centre, a point is not trusted. Large rural UK
/// districts span ~40 km; a sign-flipped longitude is hundreds of km away.
pub const MAX_POSTCODE_KM: f64 = 60.0;

/// A generous bounding box `(lat_min, lat_max, lon_min, lon_max)` of a country, for the
/// countries the project has data for.
pub fn country_bbox(country: &str) -> Option<(f64, f64, f64, f64)> {
    match country.trim().to_ascii_uppercase().as_str() {
        // Great Britain and Northern Ireland with Scilly and Shetland; Channel Islands apart.
        "GB" | "UK" => Some((49.8, 60.95, -8.7, 1.8)),
        "IE" => Some((51.3, 55.5, -10.7, -5.9)),
        "FR" => Some((41.3, 51.2, -5.3, 9.7)),
        "US" => Some((17.5, 71.6, -180.0, -64.5)),
        "JE" | "GG" => Some((49.15, 49.75, -2.7, -2.0)),
        "IM" => Some((54.0, 54.45, -4.85, -4.3)),
        _ => None,
    }
}

/// Applies the checks to records of one file.
pub(crate) struct Checker<'a> {
    file: PathBuf,
    postcodes: Option<&'a dyn PostcodeLookup>,
}

impl<'a> Checker<'a> {
    pub(crate) fn new(file: &Path, postcodes: Option<&'a dyn PostcodeLookup>) -> Self {
        Checker {
            file: file.to_path_buf(),
            postcodes,
        }
    }

    /// The file being checked.
    pub(crate) fn file(&self) -> &Path {
        &self.file
    }

    /// A report entry for this file.
    pub(crate) fn skip(&self, id: Option<&str>, reason: SkipReason) -> Skipped {
        Skipped {
            file: self.file.clone(),
            id: id.map(str::to_owned),
            reason,
        }
    }

    /// Turns raw coordinates into a trusted point, or says why not.
    pub(crate) fn point(
        &self,
        lat: f64,
        lon: f64,
        country: Option<&str>,
        postcode: Option<&str>,
    ) -> Result<GeoPoint, SkipReason> {
        let p = GeoPoint::new(lat, lon).map_err(|e| SkipReason::BadCoordinates(e.to_string()))?;
        if lat.abs() < 1e-9 && lon.abs() < 1e-9 {
            return Err(SkipReason::BadCoordinates("0, 0".into()));
        }
        if let Some(c) = country
            && let Some((la0, la1, lo0, lo1)) = country_bbox(c)
            && (!(la0..=la1).contains(&lat) || !(lo0..=lo1).contains(&lon))
        {
            return Err(SkipReason::OutsideCountry {
                country: c.to_owned(),
            });
        }
        if let (Some(lookup), Some(pc)) = (self.postcodes, postcode)
            && let Some(centre) = lookup.postcode_point(pc, country)
        {
            let km = p.distance_m(&centre) / 1000.0;
            if km > MAX_POSTCODE_KM {
                return Err(SkipReason::FarFromPostcode {
                    postcode: pc.to_owned(),
                    km,
                });
            }
        }
        Ok(p)
    }
}

/// Parses a coordinate written as a JSON string or number.
pub(crate) fn coordinate(v: &serde_json::Value) -> Result<f64, SkipReason> {
    let parsed = match v {
        serde_json::Value::Number(n) => n.as_f64(),
        serde_json::Value::String(s) => s.trim().parse::<f64>().ok(),
        _ => None,
    };
    match parsed {
        Some(x) if x.is_finite() => Ok(x),
        _ => Err(SkipReason::BadCoordinates(format!("not a number: {v}"))),
    }
}
