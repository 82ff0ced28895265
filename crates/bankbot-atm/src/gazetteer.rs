//! The offline gazetteer geocoder: postcodes, ZIP codes and city names from public files.
//!
//! [`GazetteerGeocoder::load_dir`] reads every `.csv`/`.tsv`/`.txt` file of a folder laid out
//! like `shared/data/gazetteer` (and its sub-folders), recognising each by its header line:
//!
//! | header starts with | file |
//! |---|---|
//! | `zcta,lat,lon` | US Census ZCTA centroids |
//! | `outcode,area,lat,lon,postcodes` | UK postcode districts |
//! | `sector,outcode,lat,lon` | UK postcode sectors |
//! | `Code_commune_INSEE;` | La Poste "base officielle des codes postaux" |
//! | `geonameid<TAB>` | GeoNames cities (any subset of the columns, by header name) |
//!
//! A full UK postcode falls back to its sector, then its district, then its area; an outcode
//! such as `EC2` that is not a district uses the districts it prefixes (`EC2A`…`EC2Y`). A
//! five-digit code that is both a US ZIP and a French postcode follows the language. Names
//! match accent- and case-insensitively (GeoNames names, ASCII names and Latin-script
//! alternate names, La Poste communes); population breaks ties. [`GazetteerGeocoder::demo`]
//! uses the small gazetteer embedded in the crate, written in the same formats.

mod addresses;
mod build;
pub(crate) mod files;
mod fxhash;
mod lookup;
mod normalize;
mod spelling;
mod spot_in_town;

use fxhash::FxHashMap as HashMap;
use std::path::{Path, PathBuf};

use async_trait::async_trait;
use bankbot_bank::{BankResult, Geocoder, Place};
use bankbot_core::{GeoPoint, Lang};

use crate::AtmError;

#[derive(Debug)]
struct FrCode {
    code: u32,
    point: GeoPoint,
    label: String,
}

#[derive(Debug)]
struct PlaceRec {
    name: String,
    country: String,
    point: GeoPoint,
    population: u64,
}

/// Turns "94105", "SW1A 1AA", "75011" or "Lyon" into coordinates without calling anyone.
#[derive(Debug, Default)]
pub struct GazetteerGeocoder {
    /// US ZCTAs, sorted by code.
    us: Vec<(u32, GeoPoint)>,
    /// French postcodes, sorted by code.
    fr: Vec<FrCode>,
    /// UK sectors keyed without space ("SW1A1").
    uk_sectors: HashMap<String, GeoPoint>,
    /// UK districts ("SW1A").
    uk_districts: HashMap<String, GeoPoint>,
    /// Derived: sub-district groups ("EC2") and areas ("EC"), postcode-weighted.
    uk_groups: HashMap<String, GeoPoint>,
    places: Vec<PlaceRec>,
    /// Folded names (and alternate names) to places.
    names: HashMap<String, Vec<u32>>,
}

/// How many entries of each kind a gazetteer holds.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct GazetteerStats {
    /// US ZIP codes (ZCTAs).
    pub us_zips: usize,
    /// UK postcode sectors.
    pub uk_sectors: usize,
    /// UK postcode districts.
    pub uk_districts: usize,
    /// French postcodes.
    pub fr_postcodes: usize,
    /// Named places (cities and communes).
    pub places: usize,
    /// Distinct folded names.
    pub names: usize,
}

const DEMO_FILES: [(&str, &str); 5] = [
    (
        "demo us_zcta.csv",
        include_str!("../data/gazetteer/us_zcta.csv"),
    ),
    (
        "demo uk_districts.csv",
        include_str!("../data/gazetteer/uk_districts.csv"),
    ),
    (
        "demo uk_sectors.csv",
        include_str!("../data/gazetteer/uk_sectors.csv"),
    ),
    (
        "demo fr_codes_postaux.csv",
        include_str!("../data/gazetteer/fr_codes_postaux.csv"),
    ),
    (
        "demo places.tsv",
        include_str!("../data/gazetteer/places.tsv"),
    ),
];

impl GazetteerGeocoder {
    /// The small gazetteer embedded in the crate (San Francisco, London, Paris, a few cities).
    /// `data/gazetteer/places.tsv` is GeoNames-shaped: real cities under their GeoNames ids,
    /// and under ids from 990000000 (feature code `PPLX`, population 0) the stations,
    /// landmarks, neighbourhoods and arrondissements customers name in the cities it knows
    /// (Paris and Lyon arrondissements at their postcode centroids, Montréal's boroughs, New
    /// York's landmarks and boroughs), with the spellings people type as alternate names.
    pub fn demo() -> Self {
        Self::from_texts(DEMO_FILES.iter().map(|(_, t)| *t))
    }

    /// Builds a gazetteer from file contents; unrecognised texts are ignored.
    pub fn from_texts<'a>(texts: impl IntoIterator<Item = &'a str>) -> Self {
        let mut b = build::Builder::default();
        for text in texts {
            if let Some(kind) = files::kind(text) {
                b.add(kind, text);
            }
        }
        b.finish()
    }

    /// Loads every recognised `.csv`/`.tsv`/`.txt` file in `dir` and its sub-folders.
    pub fn load_dir(dir: &Path) -> Result<Self, AtmError> {
        let mut paths = Vec::new();
        collect_files(dir, 2, &mut paths)?;
        paths.sort();
        let mut b = build::Builder::default();
        let mut used = 0usize;
        for path in &paths {
            let text = std::fs::read_to_string(path).map_err(|e| AtmError::io(path, e))?;
            match files::kind(&text) {
                Some(kind) => {
                    b.add(kind, &text);
                    used += 1;
                }
                None => tracing::debug!(file = %path.display(), "not a gazetteer file"),
            }
        }
        if used == 0 {
            return Err(AtmError::EmptyGazetteer(dir.to_path_buf()));
        }
        let bad = b.bad_rows;
        let g = b.finish();
        tracing::info!(dir = %dir.display(), files = used, bad_rows = bad, stats = ?g.stats(), "gazetteer loaded");
        Ok(g)
    }

    /// Entry counts.
    pub fn stats(&self) -> GazetteerStats {
        GazetteerStats {
            us_zips: self.us.len(),
            uk_sectors: self.uk_sectors.len(),
            uk_districts: self.uk_districts.len(),
            fr_postcodes: self.fr.len(),
            places: self.places.len(),
            names: self.names.len(),
        }
    }
}

fn collect_files(dir: &Path, depth: u32, out: &mut Vec<PathBuf>) -> Result<(), AtmError> {
    let entries = std::fs::read_dir(dir).map_err(|e| AtmError::io(dir, e))?;
    for entry in entries {
        let path = entry.map_err(|e| AtmError::io(dir, e))?.path();
        if path.is_dir() {
            if depth > 0 {
                collect_files(&path, depth - 1, out)?;
            }
        } else if path
            .extension()
            .and_then(|e| e.to_str())
            .is_some_and(|e| matches!(e.to_ascii_lowercase().as_str(), "csv" | "tsv" | "txt"))
        {
            out.push(path);
        }
    }
    Ok(())
}

#[async_trait]
impl Geocoder for GazetteerGeocoder {
    async fn geocode(&self, query: &str, lang: Option<Lang>) -> BankResult<Option<Place>> {
        Ok(self.lookup(query, lang))
    }
}
