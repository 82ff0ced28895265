//! The offline gazetteer geocoder: postcodes, ZIP codes and city names from public files.
//!
//! [`GazetteerGeocoder::load_dir`] reads a folder laid out like `shared/data/gazetteer`
//! (files are recognised by their header, see [`files`]); [`GazetteerGeocoder::demo`] uses
//! the small gazetteer embedded in the crate.

mod build;
pub(crate) mod files;
mod fxhash;
mod normalize;

use fxhash::FxHashMap as HashMap;
use std::path::{Path, PathBuf};

use async_trait::async_trait;
use bankbot_bank::{BankResult, Geocoder, Place};
use bankbot_core::{GeoPoint, Lang};

use crate::AtmError;
use crate::load::PostcodeLookup;
use normalize::{UkCode, country_code, five_digits, fold, uk_code};

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
        include_str!("../../data/gazetteer/us_zcta.csv"),
    ),
    (
        "demo uk_districts.csv",
        include_str!("../../data/gazetteer/uk_districts.csv"),
    ),
    (
        "demo uk_sectors.csv",
        include_str!("../../data/gazetteer/uk_sectors.csv"),
    ),
    (
        "demo fr_codes_postaux.csv",
        include_str!("../../data/gazetteer/fr_codes_postaux.csv"),
    ),
    (
        "demo places.tsv",
        include_str!("../../data/gazetteer/places.tsv"),
    ),
];

impl GazetteerGeocoder {
    /// The small gazetteer embedded in the crate (San Francisco, London, Paris, a few cities).
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

    /// The best place for `query` (a postcode, ZIP or place name, optionally followed by
    /// `, country`). A five-digit code that is both a US ZIP and a French postcode is French
    /// when `lang` is French, else American.
    pub fn lookup(&self, query: &str, lang: Option<Lang>) -> Option<Place> {
        let q = query.trim().trim_end_matches(['.', '?', '!']).trim();
        if q.is_empty() {
            return None;
        }
        if let Some((head, tail)) = q.split_once(',') {
            let hint = country_code(&fold(tail));
            if hint.is_some() {
                if let Some(p) = self.lookup_with(head.trim(), hint, lang) {
                    return Some(p);
                }
            }
        }
        if let Some(p) = self.lookup_with(q, None, lang) {
            return Some(p);
        }
        if let Some((head, _)) = q.split_once(',') {
            return self.lookup_with(head.trim(), None, lang);
        }
        // "Lyon France", "London UK": a trailing country word.
        let folded = fold(q);
        let (head, tail) = folded.rsplit_once(' ')?;
        let hint = country_code(tail)?;
        self.lookup_with(head, Some(hint), lang)
    }

    fn lookup_with(&self, q: &str, hint: Option<&str>, lang: Option<Lang>) -> Option<Place> {
        if let Some(code) = five_digits(q) {
            return self.five_digit(code, hint, lang);
        }
        if matches!(hint, None | Some("GB")) {
            if let Some(code) = uk_code(q) {
                if let Some(p) = self.uk(&code, true) {
                    return Some(p);
                }
            }
        }
        self.by_name(&fold(q), hint)
    }

    fn us_zip(&self, code: u32) -> Option<GeoPoint> {
        let i = self.us.binary_search_by_key(&code, |e| e.0).ok()?;
        self.us.get(i).map(|e| e.1)
    }

    /// The nearest listed ZIP with the same three-digit prefix (PO-box ZIPs are not ZCTAs).
    fn us_zip_near(&self, code: u32) -> Option<GeoPoint> {
        let i = self.us.partition_point(|e| e.0 < code);
        [i.checked_sub(1), Some(i)]
            .into_iter()
            .flatten()
            .filter_map(|j| self.us.get(j))
            .filter(|e| e.0 / 100 == code / 100)
            .min_by_key(|e| e.0.abs_diff(code))
            .map(|e| e.1)
    }

    fn fr_code(&self, code: u32) -> Option<&FrCode> {
        let i = self.fr.binary_search_by_key(&code, |f| f.code).ok()?;
        self.fr.get(i)
    }

    fn five_digit(&self, code: u32, hint: Option<&str>, lang: Option<Lang>) -> Option<Place> {
        let us = || {
            let p = self.us_zip(code).or_else(|| self.us_zip_near(code))?;
            Some(place(p, format!("{code:05}"), "US"))
        };
        let fr = || {
            let f = self.fr_code(code)?;
            Some(place(f.point, format!("{code:05} {}", f.label), "FR"))
        };
        match hint {
            Some("US") => return us(),
            Some("FR") => return fr(),
            Some(_) => return None,
            None => {}
        }
        let exact_us = self.us_zip(code).is_some();
        match (exact_us, self.fr_code(code).is_some()) {
            (true, true) if lang == Some(Lang::Fr) => fr(),
            (true, _) => us(),
            (false, true) => fr(),
            (false, false) => us(),
        }
    }

    fn uk_point(&self, code: &UkCode, coarse: bool) -> Option<(GeoPoint, String)> {
        let (out, sector) = match code {
            UkCode::Full(out, inward) => {
                let digit = inward.get(..1).unwrap_or("");
                (out, Some(format!("{out}{digit}")))
            }
            UkCode::Outcode(out) => (out, None),
        };
        if let Some(s) = sector {
            if let Some(p) = self.uk_sectors.get(&s) {
                let label = format!("{out} {}", s.get(out.len()..).unwrap_or(""));
                return Some((*p, label));
            }
        }
        if let Some(p) = self.uk_districts.get(out.as_str()) {
            return Some((*p, out.clone()));
        }
        if !coarse {
            return None;
        }
        if let Some(p) = self.uk_groups.get(out.as_str()) {
            return Some((*p, out.clone()));
        }
        let area: String = out.chars().take_while(char::is_ascii_alphabetic).collect();
        matches!(code, UkCode::Full(..))
            .then(|| self.uk_groups.get(&area).map(|p| (*p, area.clone())))
            .flatten()
    }

    fn uk(&self, code: &UkCode, coarse: bool) -> Option<Place> {
        self.uk_point(code, coarse)
            .map(|(p, label)| place(p, label, "GB"))
    }

    fn by_name(&self, key: &str, hint: Option<&str>) -> Option<Place> {
        let best = self
            .names
            .get(key)?
            .iter()
            .filter_map(|&i| self.places.get(i as usize))
            .filter(|p| hint.is_none_or(|h| p.country == h))
            .max_by_key(|p| p.population)?;
        let label = if best.country.is_empty() {
            best.name.clone()
        } else {
            format!("{}, {}", best.name, best.country)
        };
        Some(Place {
            point: best.point,
            label,
            country: (!best.country.is_empty()).then(|| best.country.clone()),
        })
    }
}

fn place(point: GeoPoint, label: String, country: &str) -> Place {
    Place {
        point,
        label,
        country: Some(country.to_owned()),
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

impl PostcodeLookup for GazetteerGeocoder {
    fn postcode_point(&self, postcode: &str, country: Option<&str>) -> Option<GeoPoint> {
        let country = country.map(str::to_ascii_uppercase);
        match country.as_deref() {
            Some("GB" | "UK") => self.uk_point(&uk_code(postcode)?, false).map(|p| p.0),
            Some("US") => self.us_zip(five_digits(postcode)?),
            Some("FR") => self.fr_code(five_digits(postcode)?).map(|f| f.point),
            Some(_) => None,
            None => {
                if let Some(code) = five_digits(postcode) {
                    match (self.us_zip(code), self.fr_code(code)) {
                        (Some(p), None) => Some(p),
                        (None, Some(f)) => Some(f.point),
                        _ => None,
                    }
                } else {
                    self.uk_point(&uk_code(postcode)?, false).map(|p| p.0)
                }
            }
        }
    }
}

#[async_trait]
impl Geocoder for GazetteerGeocoder {
    async fn geocode(&self, query: &str, lang: Option<Lang>) -> BankResult<Option<Place>> {
        Ok(self.lookup(query, lang))
    }
}
