//! Compact storage of many ATMs: fixed-size records plus one text arena.
//!
//! A million `Atm` values with their own `String`s would take ~300 MB; here a machine costs
//! 48 bytes plus its text.

use bankbot_core::{Atm, AtmFeatures, GeoPoint};

use crate::AtmError;

const DEPOSITS: u8 = 1;
const OPEN_24H: u8 = 2;
const ACCESSIBLE: u8 = 4;
const CONTACTLESS: u8 = 8;

/// One machine: its point, its brand number, feature bits and where its text lies.
#[derive(Debug, Clone, Copy)]
struct Record {
    point: GeoPoint,
    /// Ends of id, name, address, postcode, site id in the arena; the id starts at `start`.
    start: u32,
    ends: [u32; 5],
    brand: u16,
    features: u8,
}

/// Every ATM of an index, compactly.
#[derive(Debug, Default)]
pub(crate) struct AtmArena {
    records: Vec<Record>,
    text: String,
    brands: Vec<String>,
}

impl AtmArena {
    /// Number of machines.
    pub(crate) fn len(&self) -> usize {
        self.records.len()
    }

    /// Adds a machine; fails when the arena or the brand table is full.
    pub(crate) fn push(&mut self, atm: &Atm) -> Result<(), AtmError> {
        let brand = match self.brands.iter().position(|b| *b == atm.brand) {
            Some(i) => i,
            None => {
                self.brands.push(atm.brand.clone());
                self.brands.len() - 1
            }
        };
        let brand = u16::try_from(brand).map_err(|_| AtmError::Capacity)?;
        if self.records.len() >= u32::MAX as usize {
            return Err(AtmError::Capacity);
        }
        let start = self.offset()?;
        let mut ends = [0u32; 5];
        let fields = [
            atm.id.as_str(),
            atm.name.as_str(),
            atm.address.as_str(),
            atm.postcode.as_deref().unwrap_or(""),
            atm.site_id.as_deref().unwrap_or(""),
        ];
        for (end, field) in ends.iter_mut().zip(fields) {
            self.text.push_str(field);
            *end = self.offset()?;
        }
        let f = &atm.features;
        let bit = |on: bool, mask: u8| if on { mask } else { 0 };
        let features = bit(f.deposits, DEPOSITS)
            | bit(f.open_24h, OPEN_24H)
            | bit(f.accessible, ACCESSIBLE)
            | bit(f.contactless, CONTACTLESS);
        self.records.push(Record {
            point: atm.location,
            start,
            ends,
            brand,
            features,
        });
        Ok(())
    }

    fn offset(&self) -> Result<u32, AtmError> {
        u32::try_from(self.text.len()).map_err(|_| AtmError::Capacity)
    }

    /// Frees spare capacity once loading is over.
    pub(crate) fn shrink(&mut self) {
        self.records.shrink_to_fit();
        self.text.shrink_to_fit();
    }

    fn record(&self, i: u32) -> Option<&Record> {
        self.records.get(i as usize)
    }

    /// Where machine `i` stands.
    pub(crate) fn point(&self, i: u32) -> Option<GeoPoint> {
        self.record(i).map(|r| r.point)
    }

    fn field(&self, r: &Record, n: usize) -> &str {
        let start = if n == 0 {
            r.start
        } else {
            r.ends.get(n - 1).copied().unwrap_or(r.start)
        };
        let end = r.ends.get(n).copied().unwrap_or(start);
        self.text.get(start as usize..end as usize).unwrap_or("")
    }

    /// Machine `i`'s site id, if it has one.
    pub(crate) fn site_id(&self, i: u32) -> Option<(u16, &str)> {
        let r = self.record(i)?;
        let s = self.field(r, 4);
        (!s.is_empty()).then_some((r.brand, s))
    }

    /// Machine `i`'s features.
    pub(crate) fn features(&self, i: u32) -> AtmFeatures {
        let bits = self.record(i).map_or(0, |r| r.features);
        AtmFeatures {
            deposits: bits & DEPOSITS != 0,
            open_24h: bits & OPEN_24H != 0,
            accessible: bits & ACCESSIBLE != 0,
            contactless: bits & CONTACTLESS != 0,
        }
    }

    /// Machine `i`'s brand.
    pub(crate) fn brand(&self, i: u32) -> &str {
        self.record(i)
            .and_then(|r| self.brands.get(usize::from(r.brand)))
            .map_or("", String::as_str)
    }

    /// Machine `i` as an owned `Atm`.
    pub(crate) fn atm(&self, i: u32) -> Option<Atm> {
        let r = self.record(i)?;
        let opt = |s: &str| (!s.is_empty()).then(|| s.to_owned());
        Some(Atm {
            id: self.field(r, 0).to_owned(),
            brand: self.brand(i).to_owned(),
            name: self.field(r, 1).to_owned(),
            address: self.field(r, 2).to_owned(),
            postcode: opt(self.field(r, 3)),
            location: r.point,
            features: self.features(i),
            site_id: opt(self.field(r, 4)),
        })
    }

    /// Per brand, which of the 16 feature-bit combinations occur (bit `c` set when some
    /// machine of that brand has exactly the features `c`).
    pub(crate) fn feature_combos(&self) -> Vec<(String, u16)> {
        let mut combos = vec![0u16; self.brands.len()];
        for r in &self.records {
            if let Some(c) = combos.get_mut(usize::from(r.brand)) {
                *c |= 1 << (r.features & 0x0f);
            }
        }
        self.brands.iter().cloned().zip(combos).collect()
    }

    /// The feature bits a filter requires.
    pub(crate) fn required_bits(deposits: bool, open_24h: bool, accessible: bool) -> u8 {
        (if deposits { DEPOSITS } else { 0 })
            | (if open_24h { OPEN_24H } else { 0 })
            | (if accessible { ACCESSIBLE } else { 0 })
    }

    /// Approximate heap bytes held.
    pub(crate) fn heap_bytes(&self) -> usize {
        self.records.capacity() * std::mem::size_of::<Record>() + self.text.capacity()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn round_trips() {
        let atm = Atm {
            id: "A1".into(),
            brand: "Demo".into(),
            name: "Main St".into(),
            address: "1 Main St".into(),
            postcode: None,
            location: GeoPoint::new(1.0, 2.0).unwrap(),
            features: AtmFeatures {
                deposits: true,
                open_24h: false,
                accessible: true,
                contactless: false,
            },
            site_id: Some("S".into()),
        };
        let mut store = AtmArena::default();
        store.push(&atm).unwrap();
        store
            .push(&Atm {
                id: "A2".into(),
                site_id: None,
                ..atm.clone()
            })
            .unwrap();
        assert_eq!(store.atm(0).unwrap(), atm);
        assert_eq!(store.atm(1).unwrap().site_id, None);
        assert_eq!(store.site_id(0), Some((0, "S")));
        assert!(store.atm(2).is_none());
        assert_eq!(std::mem::size_of::<Record>(), 48);
    }
}
