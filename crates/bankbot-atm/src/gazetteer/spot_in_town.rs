//! "paris bastille", "bastille paris", "london soho": a spot (a station, a district, a
//! landmark) named together with its town. The spot wins over the town when both are known
//! and lie close together; two towns far apart ("paris lyon") are not read this way, and a
//! query known as a whole never comes here.

use bankbot_bank::Place;

use super::normalize::fold;
use super::{GazetteerGeocoder, PlaceRec};

/// How far a spot may lie from the town it is named with.
const SPOT_IN_TOWN_M: f64 = 30_000.0;

impl GazetteerGeocoder {
    /// The spot of `query` when the query is a known spot and a known town around it, in
    /// either order.
    pub(crate) fn spot_in_town(&self, query: &str) -> Option<Place> {
        let key = fold(query);
        let words: Vec<&str> = key.split_whitespace().collect();
        (1..words.len()).find_map(|i| {
            let (head, tail) = (words[..i].join(" "), words[i..].join(" "));
            self.spot_near(&tail, &head)
                .or_else(|| self.spot_near(&head, &tail))
        })
    }

    /// The place named `spot` closest to the town named `town`, when it lies in that town
    /// and is smaller than it.
    fn spot_near(&self, spot: &str, town: &str) -> Option<Place> {
        let town = self.most_populous(town)?;
        let best = self
            .names
            .get(spot)?
            .iter()
            .filter_map(|&i| self.places.get(i as usize))
            .filter(|p| p.population < town.population && p.country == town.country)
            .map(|p| (p.point.distance_m(&town.point), p))
            .filter(|(d, _)| *d <= SPOT_IN_TOWN_M)
            .min_by(|a, b| a.0.total_cmp(&b.0))?
            .1;
        Some(best.as_place())
    }

    /// The most populous place named `key` (folded).
    fn most_populous(&self, key: &str) -> Option<&PlaceRec> {
        self.names
            .get(key)?
            .iter()
            .filter_map(|&i| self.places.get(i as usize))
            .max_by_key(|p| p.population)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_spot_wins_over_its_town() {
        let g = GazetteerGeocoder::demo();
        let label = |q: &str| g.spot_in_town(q).map(|p| p.label);
        assert_eq!(label("paris bastille").as_deref(), Some("Bastille, FR"));
        assert_eq!(label("Bastille Paris").as_deref(), Some("Bastille, FR"));
        assert_eq!(label("london soho").as_deref(), Some("Soho, GB"));
        assert_eq!(
            label("san francisco union square").as_deref(),
            Some("Union Square, US")
        );
        assert_eq!(label("paris lyon"), None, "two towns far apart");
        assert_eq!(label("london bastille"), None, "not in that town");
        assert_eq!(label("bastille"), None, "one name alone");
    }
}
