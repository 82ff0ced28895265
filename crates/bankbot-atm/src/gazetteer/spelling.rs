//! One slip of the keyboard in a place name: "trafalger square", "picadilly circus",
//! "embarcadro". When no name matches exactly, every spelling one edit away (a letter
//! dropped, added, changed, or two swapped) is looked up; the most populous hit wins.
//! Short names are left alone: one edit away from "soho" lies too much else.

use bankbot_bank::Place;

use super::GazetteerGeocoder;
use super::normalize::fold;

/// Folded names shorter than this are not corrected.
const MIN_LEN: usize = 7;

const LETTERS: &[u8] = b"abcdefghijklmnopqrstuvwxyz";

impl GazetteerGeocoder {
    /// The place whose name is one edit from `query`, if the query is a long-enough name.
    pub(crate) fn near_spelling(&self, query: &str) -> Option<Place> {
        let key = fold(query);
        if key.len() < MIN_LEN || !key.bytes().all(|b| b.is_ascii_lowercase() || b == b' ') {
            return None;
        }
        one_edit(&key)
            .filter_map(|variant| {
                let best = self
                    .names
                    .get(&variant)?
                    .iter()
                    .filter_map(|&i| self.places.get(i as usize))
                    .max_by_key(|p| p.population)?;
                Some((best.population, variant))
            })
            .max_by_key(|(population, _)| *population)
            .and_then(|(_, name)| self.by_name(&name, None))
    }
}

/// Every lower-case spelling one edit from `key` (ASCII letters and spaces only).
fn one_edit(key: &str) -> impl Iterator<Item = String> + '_ {
    let b = key.as_bytes();
    let n = b.len();
    let deletes = (0..n).map(move |i| [&b[..i], &b[i + 1..]].concat());
    let swaps = (0..n.saturating_sub(1)).map(move |i| {
        let mut v = b.to_vec();
        v.swap(i, i + 1);
        v
    });
    let changes = (0..n).flat_map(move |i| {
        LETTERS.iter().map(move |&c| {
            let mut v = b.to_vec();
            v[i] = c;
            v
        })
    });
    let inserts = (0..=n).flat_map(move |i| {
        LETTERS
            .iter()
            .map(move |&c| [&b[..i], &[c][..], &b[i..]].concat())
    });
    deletes
        .chain(swaps)
        .chain(changes)
        .chain(inserts)
        .filter(move |v| v.as_slice() != b && !v.starts_with(b" ") && !v.ends_with(b" "))
        .filter_map(|v| String::from_utf8(v).ok())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_misspelt_landmark_is_found() {
        let g = GazetteerGeocoder::demo();
        for typo in [
            "trafalger square",
            "trafalgar sqaure",
            "picadilly circus",
            "embarcadro",
        ] {
            let place = g.near_spelling(typo).unwrap_or_else(|| panic!("{typo}"));
            let right = g.lookup(&place.label, None).map(|p| p.point);
            assert_eq!(right, Some(place.point), "{typo}");
        }
        assert!(
            g.near_spelling("trafalger square")
                .unwrap()
                .label
                .contains("Trafalgar")
        );
    }

    #[test]
    fn short_or_far_names_are_not_guessed() {
        let g = GazetteerGeocoder::demo();
        assert!(g.near_spelling("sohu").is_none());
        assert!(g.near_spelling("nowhere at all street").is_none());
    }
}
