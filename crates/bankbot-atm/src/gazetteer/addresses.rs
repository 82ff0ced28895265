//! The street addresses of the cash machines a network holds, as places: "1 Market St"
//! (or "1 market street") finds the machine at that address, not the middle of the street.

use bankbot_core::{Atm, GeoPoint};

use super::GazetteerGeocoder;
use super::normalize::fold;

/// Street words written short or long in addresses, both spellings indexed.
const STREET_WORDS: &[(&str, &str)] = &[
    ("st", "street"),
    ("ave", "avenue"),
    ("rd", "road"),
    ("pl", "place"),
    ("blvd", "boulevard"),
    ("sq", "square"),
];

impl GazetteerGeocoder {
    /// Adds each machine's street address that starts with a house number ("1 Market St,
    /// San Francisco, CA 94105" gives "1 Market St") as a place at the machine's point, unless
    /// the gazetteer already knows that name.
    pub fn add_addresses(&mut self, atms: impl IntoIterator<Item = Atm>) {
        for atm in atms {
            let street = atm.address.split(',').next().unwrap_or("").trim();
            let numbered = street
                .split_whitespace()
                .next()
                .is_some_and(|w| w.chars().next().is_some_and(|c| c.is_ascii_digit()));
            if !numbered || street.split_whitespace().count() < 2 {
                continue;
            }
            let key = fold(street);
            if self.names.contains_key(&key) {
                continue;
            }
            self.add_address(street, &key, &country_of(&atm), atm.location);
        }
    }

    fn add_address(&mut self, street: &str, key: &str, country: &str, point: GeoPoint) {
        let idx = self.places.len() as u32;
        self.places.push(super::PlaceRec {
            name: street.to_owned(),
            country: country.to_owned(),
            point,
            population: 0,
        });
        for variant in spellings(key) {
            self.names.entry(variant).or_default().push(idx);
        }
    }
}

/// The country of a machine from its postcode's shape (a network file names it per row,
/// the machine itself does not): "" when unsure.
fn country_of(atm: &Atm) -> String {
    let code = atm.postcode.as_deref().unwrap_or("").trim();
    if code.len() == 5 && code.chars().all(|c| c.is_ascii_digit()) {
        // A US ZIP or a French code: the longitude tells them apart.
        return if atm.location.lon() < -30.0 {
            "US"
        } else {
            "FR"
        }
        .to_owned();
    }
    if code.chars().any(|c| c.is_ascii_alphabetic()) && code.chars().any(|c| c.is_ascii_digit()) {
        return "GB".to_owned();
    }
    String::new()
}

/// `key` and its spellings with street words written short or long.
fn spellings(key: &str) -> Vec<String> {
    let mut out = vec![key.to_owned()];
    let words: Vec<&str> = key.split(' ').collect();
    for (short, long) in STREET_WORDS {
        for (from, to) in [(short, long), (long, short)] {
            if words.contains(from) {
                let swapped: Vec<&str> = words
                    .iter()
                    .map(|w| if w == from { *to } else { *w })
                    .collect();
                out.push(swapped.join(" "));
            }
        }
    }
    out
}
