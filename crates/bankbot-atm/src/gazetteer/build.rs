//! Turns gazetteer files into the lookup tables of [`GazetteerGeocoder`].

use super::fxhash::FxHashMap as HashMap;

use bankbot_core::GeoPoint;

use super::files::{Kind, Table, field, point, point_pair};
use super::normalize::fold;
use super::{FrCode, GazetteerGeocoder, PlaceRec};

/// Accumulates files, then [`Builder::finish`] derives groups and indexes names.
#[derive(Default)]
pub(crate) struct Builder {
    g: GazetteerGeocoder,
    districts: HashMap<String, (GeoPoint, f64)>,
    fr: HashMap<u32, FrAcc>,
    geonames_ids: HashMap<u64, u32>,
    communes: HashMap<String, u32>,
    pub(crate) bad_rows: usize,
}

#[derive(Default)]
struct FrAcc {
    sum: (f64, f64),
    n: f64,
    primary: Option<GeoPoint>,
    label: String,
}

impl Builder {
    pub(crate) fn add(&mut self, kind: Kind, text: &str) {
        match kind {
            Kind::UsZcta => self.us(text),
            Kind::UkDistricts => self.uk_districts(text),
            Kind::UkSectors => self.uk_sectors(text),
            Kind::LaPoste => self.la_poste(text),
            Kind::GeoNames => self.geonames(text),
        }
    }

    fn us(&mut self, text: &str) {
        let mut t = Table::new(text, ',');
        let (c, la, lo) = (t.column("zcta"), t.column("lat"), t.column("lon"));
        let mut row = Vec::new();
        while t.next_row(&mut row) {
            let code = field(&row, c)
                .and_then(|z| (z.len() == 5).then(|| z.parse::<u32>().ok()).flatten());
            match (code, point(field(&row, la), field(&row, lo))) {
                (Some(code), Some(p)) => self.g.us.push((code, p)),
                _ => self.bad_rows += 1,
            }
        }
    }

    fn uk_districts(&mut self, text: &str) {
        let mut t = Table::new(text, ',');
        let (c, la, lo, n) = (
            t.column("outcode"),
            t.column("lat"),
            t.column("lon"),
            t.column("postcodes"),
        );
        let mut row = Vec::new();
        while t.next_row(&mut row) {
            let weight = field(&row, n)
                .and_then(|w| w.parse::<f64>().ok())
                .unwrap_or(1.0);
            match (field(&row, c), point(field(&row, la), field(&row, lo))) {
                (Some(code), Some(p)) => {
                    let key = code.to_ascii_uppercase().replace(' ', "");
                    self.g.uk_districts.insert(key.clone(), p);
                    self.districts.insert(key, (p, weight.max(1.0)));
                }
                _ => self.bad_rows += 1,
            }
        }
    }

    fn uk_sectors(&mut self, text: &str) {
        let mut t = Table::new(text, ',');
        let (c, la, lo) = (t.column("sector"), t.column("lat"), t.column("lon"));
        let mut row = Vec::new();
        while t.next_row(&mut row) {
            match (field(&row, c), point(field(&row, la), field(&row, lo))) {
                (Some(code), Some(p)) => {
                    let key = code.to_ascii_uppercase().replace(' ', "");
                    self.g.uk_sectors.insert(key, p);
                }
                _ => self.bad_rows += 1,
            }
        }
    }

    fn la_poste(&mut self, text: &str) {
        let mut t = Table::new(text, ';');
        let (code_col, name_col) = (t.column("code_postal"), t.column("nom_commune"));
        let label_col = t
            .column("libellé_d_acheminement")
            .or(t.column("libelle_d_acheminement"));
        let gps = t.column("coordonnees_gps");
        let mut row = Vec::new();
        while t.next_row(&mut row) {
            let code = field(&row, code_col).and_then(|c| c.parse::<u32>().ok());
            let (Some(code), Some(p)) = (code, point_pair(field(&row, gps))) else {
                self.bad_rows += 1;
                continue;
            };
            let name = field(&row, name_col).unwrap_or("");
            let label = field(&row, label_col).unwrap_or(name);
            let acc = self.fr.entry(code).or_default();
            acc.sum.0 += p.lat();
            acc.sum.1 += p.lon();
            acc.n += 1.0;
            if acc.label.is_empty() {
                acc.label = title_case(label);
            }
            if acc.primary.is_none() && name.eq_ignore_ascii_case(label) {
                acc.primary = Some(p);
            }
            let key = fold(name);
            if !key.is_empty() && !self.communes.contains_key(&key) {
                let idx = self.push_place(title_case(name), "FR", p, 0);
                self.communes.insert(key.clone(), idx);
                self.index_name(&key, idx);
            }
        }
    }

    fn geonames(&mut self, text: &str) {
        let mut t = Table::new(text, '\t');
        let id_col = t.column("geonameid");
        let (name, ascii, alt) = (
            t.column("name"),
            t.column("asciiname"),
            t.column("alternatenames"),
        );
        let (la, lo) = (t.column("latitude"), t.column("longitude"));
        let (cc, pop) = (t.column("country_code"), t.column("population"));
        let mut row = Vec::new();
        while t.next_row(&mut row) {
            let (Some(n), Some(p)) = (field(&row, name), point(field(&row, la), field(&row, lo)))
            else {
                self.bad_rows += 1;
                continue;
            };
            let id = field(&row, id_col).and_then(|i| i.parse::<u64>().ok());
            let existing = id.and_then(|i| self.geonames_ids.get(&i).copied());
            let idx = match existing {
                Some(idx) => idx,
                None => {
                    let population = field(&row, pop).and_then(|v| v.parse().ok()).unwrap_or(0);
                    let country = field(&row, cc).unwrap_or("").to_ascii_uppercase();
                    let idx = self.push_place(n.to_owned(), &country, p, population);
                    if let Some(i) = id {
                        self.geonames_ids.insert(i, idx);
                    }
                    idx
                }
            };
            self.index_name(&fold(n), idx);
            if let Some(a) = field(&row, ascii).filter(|a| *a != n) {
                self.index_name(&fold(a), idx);
            }
            // Customers write English or French: Latin-script alternates only.
            for a in field(&row, alt)
                .unwrap_or("")
                .split(',')
                .filter(|a| is_latin(a))
            {
                self.index_name(&fold(a), idx);
            }
        }
    }

    fn push_place(&mut self, name: String, country: &str, point: GeoPoint, population: u64) -> u32 {
        self.g.places.push(PlaceRec {
            name,
            country: country.to_owned(),
            point,
            population,
        });
        (self.g.places.len() - 1) as u32
    }

    fn index_name(&mut self, key: &str, idx: u32) {
        if key.is_empty() {
            return;
        }
        match self.g.names.get_mut(key) {
            Some(list) => {
                if !list.contains(&idx) {
                    list.push(idx);
                }
            }
            None => {
                self.g.names.insert(key.to_owned(), vec![idx]);
            }
        }
    }

    /// Sorts the code tables and derives UK groups ("EC2" from EC2A…EC2Y) and areas ("EC").
    pub(crate) fn finish(mut self) -> GazetteerGeocoder {
        let mut g = self.g;
        g.us.sort_by_key(|e| e.0);
        g.us.dedup_by_key(|e| e.0);
        let mut fr: Vec<FrCode> = self
            .fr
            .drain()
            .filter(|(_, a)| a.n > 0.0)
            .filter_map(|(code, a)| {
                let p = a
                    .primary
                    .or_else(|| GeoPoint::new(a.sum.0 / a.n, a.sum.1 / a.n).ok())?;
                Some(FrCode {
                    code,
                    point: p,
                    label: a.label,
                })
            })
            .collect();
        fr.sort_by_key(|f| f.code);
        g.fr = fr;
        let mut groups: HashMap<String, (f64, f64, f64)> = HashMap::default();
        for (code, (p, w)) in &self.districts {
            let letters: String = code.chars().take_while(char::is_ascii_alphabetic).collect();
            let mut keys = vec![letters];
            if code.ends_with(|c: char| c.is_ascii_alphabetic()) && code.len() >= 3 {
                keys.extend(code.get(..code.len() - 1).map(str::to_owned));
            }
            for key in keys {
                let acc = groups.entry(key).or_insert((0.0, 0.0, 0.0));
                acc.0 += p.lat() * w;
                acc.1 += p.lon() * w;
                acc.2 += w;
            }
        }
        g.uk_groups = groups
            .into_iter()
            .filter(|(k, _)| !g.uk_districts.contains_key(k))
            .filter_map(|(k, (la, lo, w))| Some((k, GeoPoint::new(la / w, lo / w).ok()?)))
            .collect();
        g.names.shrink_to_fit();
        g
    }
}

/// Whether every letter of `s` is Latin (Basic to Extended-B, or Latin Extended Additional).
fn is_latin(s: &str) -> bool {
    s.chars().all(|c| {
        let u = u32::from(c);
        u < 0x250 || (0x1E00..=0x1EFF).contains(&u) || (0x2000..=0x206F).contains(&u)
    })
}

/// "PARIS" → "Paris", "L ISLE ADAM" → "L Isle Adam".
fn title_case(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    let mut start = true;
    for c in s.chars() {
        if start {
            out.extend(c.to_uppercase());
        } else {
            out.extend(c.to_lowercase());
        }
        start = !c.is_alphanumeric();
    }
    out
}
