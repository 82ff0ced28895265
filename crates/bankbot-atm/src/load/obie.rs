//! UK Open Banking Open Data "ATM Locator" v2.x JSON, read leniently.

use bankbot_core::{Atm, AtmFeatures};
use serde::Deserialize;
use serde_json::Value;

use super::sanity::{Checker, coordinate};
use super::{SkipReason, Skipped};
use crate::AtmError;

#[derive(Deserialize)]
struct File {
    #[serde(default, alias = "Data")]
    data: Option<Vec<Group>>,
}

#[derive(Deserialize)]
struct Group {
    #[serde(rename = "Brand", default)]
    brands: Vec<Brand>,
}

#[derive(Deserialize)]
struct Brand {
    #[serde(rename = "BrandName", default)]
    name: String,
    #[serde(rename = "ATM", default)]
    atms: Vec<Value>,
}

#[derive(Deserialize)]
#[serde(rename_all = "PascalCase")]
struct ObAtm {
    identification: String,
    #[serde(rename = "ATMServices", default)]
    services: Vec<String>,
    #[serde(rename = "OtherATMServices", default)]
    other_services: Vec<Other>,
    #[serde(default)]
    accessibility: Vec<String>,
    #[serde(default)]
    other_accessibility: Vec<Other>,
    #[serde(default)]
    access24_hours_indicator: Option<Value>,
    #[serde(default)]
    location: Option<Location>,
}

#[derive(Deserialize, Default)]
#[serde(rename_all = "PascalCase")]
struct Other {
    #[serde(default)]
    code: Option<String>,
    #[serde(default)]
    name: Option<String>,
}

#[derive(Deserialize)]
#[serde(rename_all = "PascalCase")]
struct Location {
    #[serde(default)]
    site: Option<Site>,
    postal_address: Option<Address>,
}

#[derive(Deserialize)]
#[serde(rename_all = "PascalCase")]
struct Site {
    #[serde(default)]
    identification: Option<String>,
    #[serde(default)]
    name: Option<String>,
}

#[derive(Deserialize)]
#[serde(rename_all = "PascalCase")]
struct Address {
    #[serde(default)]
    address_line: Vec<String>,
    #[serde(default)]
    building_number: Option<String>,
    #[serde(default)]
    street_name: Option<String>,
    #[serde(default)]
    town_name: Option<String>,
    #[serde(default)]
    country: Option<String>,
    #[serde(default)]
    post_code: Option<String>,
    #[serde(default)]
    geo_location: Option<GeoLocation>,
}

#[derive(Deserialize)]
#[serde(rename_all = "PascalCase")]
struct GeoLocation {
    geographic_coordinates: Option<Coordinates>,
}

#[derive(Deserialize)]
#[serde(rename_all = "PascalCase")]
struct Coordinates {
    latitude: Value,
    longitude: Value,
}

pub(crate) fn parse(
    text: &str,
    checker: &Checker<'_>,
) -> Result<(Vec<Atm>, Vec<Skipped>), AtmError> {
    let file: File = serde_json::from_str(text)
        .map_err(|e| checker_error(checker, format!("not Open Banking ATM JSON: {e}")))?;
    let groups = file
        .data
        .ok_or_else(|| checker_error(checker, "no `data` array (not Open Banking ATM JSON)"))?;
    let mut atms = Vec::new();
    let mut skipped = Vec::new();
    for brand in groups.iter().flat_map(|g| g.brands.iter()) {
        for raw in &brand.atms {
            let id = raw
                .get("Identification")
                .and_then(Value::as_str)
                .map(str::to_owned);
            match convert(raw, &brand.name, checker) {
                Ok(atm) => atms.push(atm),
                Err(reason) => skipped.push(checker.skip(id.as_deref(), reason)),
            }
        }
    }
    Ok((atms, skipped))
}

fn checker_error(checker: &Checker<'_>, reason: impl Into<String>) -> AtmError {
    AtmError::UnknownFormat {
        path: checker.file().to_path_buf(),
        reason: reason.into(),
    }
}

fn convert(raw: &Value, brand: &str, checker: &Checker<'_>) -> Result<Atm, SkipReason> {
    let ob = ObAtm::deserialize(raw).map_err(|e| SkipReason::Invalid(e.to_string()))?;
    let location = ob
        .location
        .as_ref()
        .ok_or_else(|| SkipReason::Invalid("no Location".into()))?;
    let addr = location
        .postal_address
        .as_ref()
        .ok_or_else(|| SkipReason::Invalid("no PostalAddress".into()))?;
    let coords = addr
        .geo_location
        .as_ref()
        .and_then(|g| g.geographic_coordinates.as_ref())
        .ok_or(SkipReason::MissingCoordinates)?;
    let (lat, lon) = (
        coordinate(&coords.latitude)?,
        coordinate(&coords.longitude)?,
    );
    let postcode = clean(addr.post_code.as_deref());
    let point = checker.point(lat, lon, clean(addr.country.as_deref()), postcode)?;
    let site = location.site.as_ref();
    let name = site
        .and_then(|s| clean(s.name.as_deref()))
        .unwrap_or(brand)
        .to_owned();
    let site_id = site
        .and_then(|s| clean(s.identification.as_deref()))
        .map(str::to_owned);
    Ok(Atm {
        id: ob.identification.trim().to_owned(),
        brand: brand.trim().to_owned(),
        name,
        address: one_line(addr),
        postcode: postcode.map(str::to_owned),
        location: point,
        features: features(&ob),
        site_id,
    })
}

fn clean(s: Option<&str>) -> Option<&str> {
    s.map(str::trim).filter(|s| !s.is_empty())
}

/// "56 High Street, Johnstone, PA5 8AL": street, extra lines (split on `;`), town, postcode,
/// without repeats and without non-numeric building numbers such as "BOS BRANCH".
fn one_line(a: &Address) -> String {
    let mut parts: Vec<String> = Vec::new();
    let mut add = |s: &str| {
        let s = s.trim().trim_end_matches(',').trim();
        if !s.is_empty() && !parts.iter().any(|p| p.eq_ignore_ascii_case(s)) {
            parts.push(s.to_owned());
        }
    };
    let street = clean(a.street_name.as_deref());
    match (clean(a.building_number.as_deref()), street) {
        (Some(n), Some(st))
            if n.starts_with(|c: char| c.is_ascii_digit()) && !st.starts_with(n) =>
        {
            add(&format!("{n} {st}"));
        }
        (_, Some(st)) => add(st),
        _ => {}
    }
    for line in &a.address_line {
        line.split(';').for_each(&mut add);
    }
    let mut out = parts.join(", ");
    let upper = out.to_ascii_uppercase();
    if let Some(town) = clean(a.town_name.as_deref())
        && !upper.contains(&town.to_ascii_uppercase())
    {
        if !out.is_empty() {
            out.push_str(", ");
        }
        out.push_str(town);
    }
    if let Some(pc) = clean(a.post_code.as_deref())
        && !upper.contains(&pc.to_ascii_uppercase())
    {
        if !out.is_empty() {
            out.push(' ');
        }
        out.push_str(pc);
    }
    out
}

fn features(ob: &ObAtm) -> AtmFeatures {
    let mentions = |others: &[Other], word: &str| {
        others.iter().any(|o| {
            [o.code.as_deref(), o.name.as_deref()]
                .into_iter()
                .flatten()
                .any(|s| s.to_ascii_lowercase().contains(word))
        })
    };
    let open_24h = match &ob.access24_hours_indicator {
        Some(Value::Bool(b)) => *b,
        Some(Value::String(s)) => s.trim().eq_ignore_ascii_case("true"),
        _ => false,
    };
    AtmFeatures {
        deposits: ob.services.iter().any(|s| {
            matches!(
                s.as_str(),
                "CashDeposits" | "ChequeDeposits" | "EnvelopeDeposit"
            )
        }) || mentions(&ob.other_services, "deposit"),
        open_24h,
        accessible: ob.accessibility.iter().any(|a| a != "Other")
            || !ob.other_accessibility.is_empty(),
        contactless: mentions(&ob.other_services, "contactless"),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::path::Path;

    const SAMPLE: &str = r#"{"meta":{"TotalResults":3},"data":[{"Brand":[{"BrandName":"Synthetic Bank","ATM":[
      {"Identification":"S1","SupportedLanguages":["eng","fre"],"ATMServices":["CashWithdrawal","CashDeposits"],
       "Accessibility":["WheelchairAccess"],"Access24HoursIndicator":true,
       "Location":{"Site":{"Identification":"77","Name":"HIGH ST"},"PostalAddress":{"AddressLine":["1 HIGH STREET; TOWNSVILLE"],
       "BuildingNumber":"BOS BRANCH","StreetName":"1 HIGH STREET","TownName":"TOWNSVILLE","Country":"GB","PostCode":"AB1 2CD",
       "GeoLocation":{"GeographicCoordinates":{"Latitude":"52.5","Longitude":"-1.5"}}}}},
      {"Identification":"S2","Location":{"PostalAddress":{"Country":"GB",
       "GeoLocation":{"GeographicCoordinates":{"Latitude":"51.4549","Longitude":"2.592"}}}}},
      {"Identification":"S3","Location":{"PostalAddress":{"TownName":"X"}}},
      {"Identification":"S4","Location":{"PostalAddress":{"GeoLocation":{"GeographicCoordinates":{"Latitude":52.1,"Longitude":"abc"}}}}},
      {"Identification":"S5","SupportedCurrencies":["GBP"],"Location":{"PostalAddress":{"StreetName":"2 Low St","GeoLocation":{"GeographicCoordinates":{"Latitude":52.1,"Longitude":-1.2}}}}}
    ]}]}]}"#;

    #[test]
    fn lenient_parse_with_reasons() {
        let checker = Checker::new(Path::new("sample.json"), None);
        let (atms, skipped) = parse(SAMPLE, &checker).unwrap();
        assert_eq!(atms.len(), 2);
        let a = &atms[0];
        assert_eq!(a.id, "S1");
        assert_eq!(a.name, "HIGH ST");
        assert_eq!(a.address, "1 HIGH STREET, TOWNSVILLE AB1 2CD");
        assert_eq!(a.site_id.as_deref(), Some("77"));
        assert!(a.features.deposits && a.features.open_24h && a.features.accessible);
        assert_eq!(atms[1].name, "Synthetic Bank");
        assert!(!atms[1].features.deposits);
        let reasons: Vec<_> = skipped
            .iter()
            .map(|s| (s.id.clone().unwrap(), s.reason.clone()))
            .collect();
        assert!(matches!(reasons[0], (ref id, SkipReason::OutsideCountry { .. }) if id == "S2"));
        assert!(matches!(reasons[1], (ref id, SkipReason::MissingCoordinates) if id == "S3"));
        assert!(matches!(reasons[2], (ref id, SkipReason::BadCoordinates(_)) if id == "S4"));
    }

    #[test]
    fn rejects_other_objects() {
        let checker = Checker::new(Path::new("x.json"), None);
        assert!(parse(r#"{"foo":1}"#, &checker).is_err());
        assert!(parse("{", &checker).is_err());
    }
}
