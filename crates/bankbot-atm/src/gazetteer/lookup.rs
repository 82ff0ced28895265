//! Answering queries: postcodes, ZIP codes, names; and postcode checks for the loader.

use bankbot_bank::Place;
use bankbot_core::{GeoPoint, Lang};

use super::normalize::{UkCode, country_code, five_digits, fold, uk_code};
use super::{FrCode, GazetteerGeocoder, PlaceRec};
use crate::load::PostcodeLookup;

impl GazetteerGeocoder {
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
            if hint.is_some()
                && let Some(p) = self.lookup_with(head.trim(), hint, lang)
            {
                return Some(p);
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
        if let Some((head, tail)) = folded.rsplit_once(' ')
            && let Some(hint) = country_code(tail)
            && let Some(p) = self.lookup_with(head, Some(hint), lang)
        {
            return Some(p);
        }
        // "paris bastille", "london soho": the spot, not its town.
        if let Some(p) = self.spot_in_town(q) {
            return Some(p);
        }
        self.code_inside(q, lang).or_else(|| self.near_spelling(q))
    }

    /// A full UK postcode or a five-digit code among the words ("75011 Paris",
    /// "SW1A 1AA London"); bare outcodes are not trusted here ("M1" may be a road).
    fn code_inside(&self, q: &str, lang: Option<Lang>) -> Option<Place> {
        let words: Vec<&str> = q
            .split(|c: char| c.is_whitespace() || c == ',')
            .filter(|w| !w.is_empty())
            .collect();
        if words.len() < 2 {
            return None;
        }
        let pairs = words.windows(2).map(|w| w.concat());
        let singles = words.iter().map(|w| (*w).to_owned());
        pairs.chain(singles).find_map(|w| {
            if let Some(code) = five_digits(&w) {
                return self.five_digit(code, None, lang);
            }
            match uk_code(&w)? {
                code @ UkCode::Full(..) => self.uk(&code, true),
                UkCode::Outcode(_) => None,
            }
        })
    }

    fn lookup_with(&self, q: &str, hint: Option<&str>, lang: Option<Lang>) -> Option<Place> {
        if let Some(code) = five_digits(q) {
            return self.five_digit(code, hint, lang);
        }
        if matches!(hint, None | Some("GB"))
            && let Some(code) = uk_code(q)
            && let Some(p) = self.uk(&code, true)
        {
            return Some(p);
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
        if let Some(s) = sector
            && let Some(p) = self.uk_sectors.get(&s)
        {
            let label = format!("{out} {}", s.get(out.len()..).unwrap_or(""));
            return Some((*p, label));
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

    pub(super) fn by_name(&self, key: &str, hint: Option<&str>) -> Option<Place> {
        let best = self
            .names
            .get(key)?
            .iter()
            .filter_map(|&i| self.places.get(i as usize))
            .filter(|p| hint.is_none_or(|h| p.country == h))
            .max_by_key(|p| p.population)?;
        Some(best.as_place())
    }
}

impl PlaceRec {
    /// This place as the geocoder answers it: named with its country when known.
    pub(super) fn as_place(&self) -> Place {
        let label = if self.country.is_empty() {
            self.name.clone()
        } else {
            format!("{}, {}", self.name, self.country)
        };
        Place {
            point: self.point,
            label,
            country: (!self.country.is_empty()).then(|| self.country.clone()),
        }
    }
}

fn place(point: GeoPoint, label: String, country: &str) -> Place {
    Place {
        point,
        label,
        country: Some(country.to_owned()),
    }
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
