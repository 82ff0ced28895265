//! Readers for the public gazetteer files, recognised by their header line:
//!
//! | header starts with | file |
//! |---|---|
//! | `zcta,lat,lon` | US Census ZCTA centroids |
//! | `outcode,area,lat,lon` | UK postcode districts |
//! | `sector,outcode,lat,lon` | UK postcode sectors |
//! | `Code_commune_INSEE;` | La Poste "base officielle des codes postaux" (`;`-separated) |
//! | `geonameid<TAB>` | GeoNames cities (any subset of columns, by header name) |
//!
//! Bad rows are counted and skipped; a file with an unknown header is ignored.

use std::collections::HashMap;

use bankbot_core::GeoPoint;

/// What a file turned out to be.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Kind {
    UsZcta,
    UkDistricts,
    UkSectors,
    LaPoste,
    GeoNames,
}

/// Recognises a file from its first line.
pub(crate) fn kind(text: &str) -> Option<Kind> {
    let head = text.trim_start_matches('\u{feff}').lines().next()?.trim();
    let lower = head.to_ascii_lowercase();
    if lower.starts_with("zcta,") {
        Some(Kind::UsZcta)
    } else if lower.starts_with("outcode,") {
        Some(Kind::UkDistricts)
    } else if lower.starts_with("sector,") {
        Some(Kind::UkSectors)
    } else if lower.starts_with("code_commune_insee;") {
        Some(Kind::LaPoste)
    } else if lower.starts_with("geonameid\t") {
        Some(Kind::GeoNames)
    } else {
        None
    }
}

/// Rows of a delimited file as header-keyed field lookups.
pub(crate) struct Table<'a> {
    columns: HashMap<String, usize>,
    rows: std::str::Lines<'a>,
    sep: char,
}

impl<'a> Table<'a> {
    pub(crate) fn new(text: &'a str, sep: char) -> Table<'a> {
        let mut rows = text.trim_start_matches('\u{feff}').lines();
        let columns = rows
            .next()
            .unwrap_or("")
            .split(sep)
            .enumerate()
            .map(|(i, h)| (h.trim().to_ascii_lowercase(), i))
            .collect();
        Table { columns, rows, sep }
    }

    /// The column number of `name`, if present.
    pub(crate) fn column(&self, name: &str) -> Option<usize> {
        self.columns.get(name).copied()
    }

    /// The next non-empty row split into fields.
    pub(crate) fn next_row(&mut self, buf: &mut Vec<&'a str>) -> bool {
        for line in self.rows.by_ref() {
            if line.trim().is_empty() {
                continue;
            }
            buf.clear();
            buf.extend(line.trim_end_matches('\r').split(self.sep));
            return true;
        }
        false
    }
}

/// Field `col` of a row.
pub(crate) fn field<'a>(row: &[&'a str], col: Option<usize>) -> Option<&'a str> {
    let v = row.get(col?)?.trim();
    (!v.is_empty()).then_some(v)
}

/// A point from two text fields.
pub(crate) fn point(lat: Option<&str>, lon: Option<&str>) -> Option<GeoPoint> {
    let lat: f64 = lat?.trim().parse().ok()?;
    let lon: f64 = lon?.trim().parse().ok()?;
    GeoPoint::new(lat, lon).ok()
}

/// A point from La Poste's single `lat,lon` field.
pub(crate) fn point_pair(pair: Option<&str>) -> Option<GeoPoint> {
    let (lat, lon) = pair?.split_once(',')?;
    point(Some(lat), Some(lon))
}
