//! Our own ATM formats: CSV with a header row, or a JSON array of the same flat records.
//!
//! Columns / keys: `id` (required), `lat`, `lon` (required; numbers or numeric strings),
//! `brand`, `name`, `address`, `postcode`, `country` (ISO alpha-2, enables the bounding-box
//! check), `site_id`, and the booleans `deposits`, `open_24h`, `accessible`, `contactless`
//! (`true/false`, `yes/no`, `1/0`; empty means false). Unknown columns are ignored.

use std::collections::HashMap;

use bankbot_core::{Atm, AtmFeatures};
use serde_json::Value;

use super::sanity::{Checker, coordinate};
use super::{SkipReason, Skipped};
use crate::AtmError;

/// One flat record, whatever its source.
trait Fields {
    fn get(&self, key: &str) -> Option<Value>;
}

impl Fields for serde_json::Map<String, Value> {
    fn get(&self, key: &str) -> Option<Value> {
        serde_json::Map::get(self, key)
            .filter(|v| !v.is_null())
            .cloned()
    }
}

struct CsvRow<'a> {
    columns: &'a HashMap<String, usize>,
    record: &'a csv::StringRecord,
}

impl Fields for CsvRow<'_> {
    fn get(&self, key: &str) -> Option<Value> {
        let i = *self.columns.get(key)?;
        let v = self.record.get(i)?.trim();
        (!v.is_empty()).then(|| Value::String(v.to_owned()))
    }
}

fn text(r: &dyn Fields, key: &str) -> Option<String> {
    match r.get(key)? {
        Value::String(s) => Some(s.trim().to_owned()).filter(|s| !s.is_empty()),
        Value::Number(n) => Some(n.to_string()),
        _ => None,
    }
}

fn flag(r: &dyn Fields, key: &str) -> Result<bool, SkipReason> {
    match r.get(key) {
        None => Ok(false),
        Some(Value::Bool(b)) => Ok(b),
        Some(Value::Number(n)) => Ok(n.as_f64().is_some_and(|x| x != 0.0)),
        Some(Value::String(s)) => match s.trim().to_ascii_lowercase().as_str() {
            "true" | "yes" | "y" | "1" => Ok(true),
            "false" | "no" | "n" | "0" | "" => Ok(false),
            other => Err(SkipReason::Invalid(format!(
                "{key}: not a boolean: {other}"
            ))),
        },
        Some(other) => Err(SkipReason::Invalid(format!(
            "{key}: not a boolean: {other}"
        ))),
    }
}

fn convert(r: &dyn Fields, checker: &Checker<'_>) -> Result<Atm, SkipReason> {
    let id = text(r, "id").ok_or_else(|| SkipReason::Invalid("no id".into()))?;
    let (lat, lon) = match (r.get("lat"), r.get("lon")) {
        (Some(lat), Some(lon)) => (coordinate(&lat)?, coordinate(&lon)?),
        _ => return Err(SkipReason::MissingCoordinates),
    };
    let postcode = text(r, "postcode");
    let country = text(r, "country");
    let location = checker.point(lat, lon, country.as_deref(), postcode.as_deref())?;
    let brand = text(r, "brand").unwrap_or_default();
    Ok(Atm {
        name: text(r, "name").unwrap_or_else(|| brand.clone()),
        address: text(r, "address").unwrap_or_default(),
        features: AtmFeatures {
            deposits: flag(r, "deposits")?,
            open_24h: flag(r, "open_24h")?,
            accessible: flag(r, "accessible")?,
            contactless: flag(r, "contactless")?,
        },
        site_id: text(r, "site_id"),
        id,
        brand,
        postcode,
        location,
    })
}

fn push(r: &dyn Fields, checker: &Checker<'_>, atms: &mut Vec<Atm>, skipped: &mut Vec<Skipped>) {
    match convert(r, checker) {
        Ok(atm) => atms.push(atm),
        Err(reason) => skipped.push(checker.skip(text(r, "id").as_deref(), reason)),
    }
}

pub(crate) fn parse_csv(
    text: &str,
    checker: &Checker<'_>,
) -> Result<(Vec<Atm>, Vec<Skipped>), AtmError> {
    let mut reader = csv::ReaderBuilder::new()
        .flexible(true)
        .trim(csv::Trim::All)
        .from_reader(text.as_bytes());
    let headers = reader
        .headers()
        .map_err(|e| AtmError::parse(checker.file(), format!("bad CSV header: {e}")))?;
    let columns: HashMap<String, usize> = headers
        .iter()
        .enumerate()
        .map(|(i, h)| (h.trim().to_ascii_lowercase(), i))
        .collect();
    for needed in ["id", "lat", "lon"] {
        if !columns.contains_key(needed) {
            return Err(AtmError::UnknownFormat {
                path: checker.file().to_path_buf(),
                reason: format!("CSV without the `{needed}` column"),
            });
        }
    }
    let (mut atms, mut skipped) = (Vec::new(), Vec::new());
    for (line, record) in reader.records().enumerate() {
        match record {
            Ok(record) => {
                let row = CsvRow {
                    columns: &columns,
                    record: &record,
                };
                push(&row, checker, &mut atms, &mut skipped);
            }
            Err(e) => skipped.push(checker.skip(
                None,
                SkipReason::Invalid(format!("CSV row {}: {e}", line + 2)),
            )),
        }
    }
    Ok((atms, skipped))
}

pub(crate) fn parse_json(
    text: &str,
    checker: &Checker<'_>,
) -> Result<(Vec<Atm>, Vec<Skipped>), AtmError> {
    let rows: Vec<Value> = serde_json::from_str(text)
        .map_err(|e| AtmError::parse(checker.file(), format!("bad JSON: {e}")))?;
    let (mut atms, mut skipped) = (Vec::new(), Vec::new());
    for row in &rows {
        match row.as_object() {
            Some(obj) => push(obj, checker, &mut atms, &mut skipped),
            None => skipped.push(checker.skip(None, SkipReason::Invalid("not an object".into()))),
        }
    }
    Ok((atms, skipped))
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::path::Path;

    #[test]
    fn csv_and_json_agree() {
        let checker = Checker::new(Path::new("t"), None);
        let csv = "id,brand,name,address,lat,lon,deposits,open_24h,site_id\n\
                   A,Demo,One,\"1 Main St, Town\",37.79,-122.39,yes,0,\n\
                   B,Demo,,,,-122.39,,,\n\
                   C,Demo,Three,,37.8,-122.4,maybe,,\n";
        let (atms, skipped) = parse_csv(csv, &checker).unwrap();
        assert_eq!(atms.len(), 1);
        assert_eq!(atms[0].address, "1 Main St, Town");
        assert!(atms[0].features.deposits && !atms[0].features.open_24h);
        assert_eq!(skipped.len(), 2);
        assert_eq!(skipped[0].reason, SkipReason::MissingCoordinates);

        let json = r#"[{"id":"A","brand":"Demo","name":"One","address":"1 Main St, Town",
            "lat":37.79,"lon":"-122.39","deposits":true,"open_24h":false}, 5]"#;
        let (jatms, jskipped) = parse_json(json, &checker).unwrap();
        assert_eq!(jatms, atms);
        assert_eq!(jskipped.len(), 1);
        assert!(parse_csv("foo,bar\n1,2\n", &checker).is_err());
    }
}
