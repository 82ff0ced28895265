//! The embedded demo data answers offline.

use std::sync::Arc;

use bankbot_atm::{AtmIndex, GazetteerGeocoder};
use bankbot_bank::{AtmFilter, AtmLocator, Geocoder};
use bankbot_core::{GeoPoint, Lang};

fn place(g: &GazetteerGeocoder, q: &str) -> GeoPoint {
    g.lookup(q, None)
        .unwrap_or_else(|| panic!("{q} not found"))
        .point
}

#[test]
fn demo_gazetteer_knows_the_demo_places() {
    let g = GazetteerGeocoder::demo();
    let near = |q: &str, lat: f64, lon: f64, km: f64| {
        let p = place(&g, q);
        let d = p.distance_m(&GeoPoint::new(lat, lon).unwrap());
        assert!(d < km * 1000.0, "{q}: {d} m away");
    };
    near("SW1A 1AA", 51.5026, -0.1391, 0.1);
    near("sw1a1aa", 51.5026, -0.1391, 0.1);
    near("SW1A", 51.502, -0.134, 0.1);
    near("EC2", 51.517, -0.087, 2.0);
    near("W1", 51.512, -0.138, 2.0);
    near("London", 51.5085, -0.1257, 0.1);
    near("Londres", 51.5085, -0.1257, 0.1);
    near("Manchester", 53.48, -2.237, 1.0);
    near("Lyon", 45.749, 4.848, 0.1);
    near("lyon, france", 45.749, 4.848, 0.1);
    near("LYON FRANCE", 45.749, 4.848, 0.1);
    near("75011", 48.8594, 2.3787, 0.1);
    near("94105", 37.7916, -122.3937, 0.1);
    near("Union Square", 37.788, -122.4075, 0.1);
    near("union square.", 37.788, -122.4075, 0.1);
    near("San Francisco", 37.775, -122.419, 0.1);
    near("Paris", 48.853, 2.349, 0.1);
    near("Châtelet", 48.858, 2.347, 0.1);
    near("chatelet", 48.858, 2.347, 0.1);
    near("Saint-Germain-des-Prés", 48.854, 2.334, 0.1);
    near("st germain des pres", 48.854, 2.334, 0.1);
    near("Manchester, US", 42.99, -71.45, 1.0);
    near("75011 Paris", 48.8594, 2.3787, 0.1);
    near("Paris 75011", 48.8594, 2.3787, 0.1);
    near("SW1A 1AA London", 51.5026, -0.1391, 0.1);
    near("near 94105", 37.7916, -122.3937, 0.1);
    assert!(g.lookup("M1 road works", None).is_none());
    assert!(g.lookup("Atlantis", None).is_none());
    assert!(g.lookup("", None).is_none());
    let label = g.lookup("SW1A 1AA", None).unwrap();
    assert_eq!(label.label, "SW1A 1");
    assert_eq!(label.country.as_deref(), Some("GB"));
}

#[test]
fn five_digit_codes_follow_the_language() {
    let g = GazetteerGeocoder::demo();
    // 75001 is both Addison, TX and Paris 1er.
    let us = g.lookup("75001", Some(Lang::En)).unwrap();
    let fr = g.lookup("75001", Some(Lang::Fr)).unwrap();
    let none = g.lookup("75001", None).unwrap();
    assert_eq!(us.country.as_deref(), Some("US"));
    assert_eq!(fr.country.as_deref(), Some("FR"));
    assert_eq!(none.country.as_deref(), Some("US"));
    assert_eq!(
        g.lookup("75001, france", None).unwrap().country.as_deref(),
        Some("FR")
    );
    // Only French: French whatever the language.
    assert_eq!(
        g.lookup("75011", Some(Lang::En))
            .unwrap()
            .country
            .as_deref(),
        Some("FR")
    );
}

#[test]
fn demo_index_groups_sites_and_filters() {
    let index = AtmIndex::demo();
    assert_eq!(index.len(), 34);
    assert_eq!(index.site_count(), 31);
    let g = GazetteerGeocoder::demo();
    let here = place(&g, "Union Square");
    let all = index.nearest(here, 3, &AtmFilter::default());
    assert_eq!(all.len(), 3);
    assert_eq!(all[0].atm.id, "SF-001");
    assert_eq!(all[0].machines, 2);
    assert!(all.windows(2).all(|w| w[0].distance_m <= w[1].distance_m));
    let deposits = AtmFilter {
        deposits: true,
        ..AtmFilter::default()
    };
    let dep = index.nearest(here, 3, &deposits);
    assert_eq!(dep[0].atm.id, "SF-001");
    assert_eq!(dep[0].machines, 1);
    assert!(dep.iter().all(|m| m.atm.features.deposits));
    let partner = AtmFilter {
        brand: Some("partner network".into()),
        ..AtmFilter::default()
    };
    let p = index.nearest(here, 2, &partner);
    assert_eq!(
        p.iter().map(|m| m.atm.id.as_str()).collect::<Vec<_>>(),
        ["SF-009", "SF-010"]
    );
    // Filters that nobody passes nearby still find the (far) answers: exact, not approximate.
    let strict = AtmFilter {
        deposits: true,
        open_24h: true,
        accessible: true,
        brand: Some("Demo Bank".into()),
    };
    let far = index.nearest(here, 10, &strict);
    assert_eq!(
        far.len(),
        far.iter().filter(|m| strict.accepts(&m.atm)).count()
    );
    assert_eq!(
        far.iter().map(|m| m.atm.id.as_str()).collect::<Vec<_>>(),
        index
            .nearest_brute_force(here, 10, &strict)
            .iter()
            .map(|m| m.atm.id.as_str())
            .collect::<Vec<_>>()
    );
    assert!(index.nearest(here, 0, &AtmFilter::default()).is_empty());
    assert_eq!(index.nearest(here, 100, &AtmFilter::default()).len(), 31);
}

#[tokio::test]
async fn usable_behind_the_traits() {
    let locator: Arc<dyn AtmLocator> = Arc::new(AtmIndex::demo());
    let geocoder: Arc<dyn Geocoder> = Arc::new(GazetteerGeocoder::demo());
    let place = geocoder
        .geocode("75011", Some(Lang::Fr))
        .await
        .unwrap()
        .unwrap();
    let found = locator
        .nearest(place.point, 2, &AtmFilter::default())
        .await
        .unwrap();
    assert_eq!(found[0].atm.id, "PAR-006");
    assert!(
        geocoder
            .geocode("nowhere at all", None)
            .await
            .unwrap()
            .is_none()
    );
}

#[test]
fn hopeless_filters_answer_empty() {
    let index = AtmIndex::demo();
    let here = GeoPoint::new(48.85, 2.35).unwrap();
    let unknown_brand = AtmFilter {
        brand: Some("No Such Bank".into()),
        ..AtmFilter::default()
    };
    assert!(index.nearest(here, 5, &unknown_brand).is_empty());
    // Partner Network has no machine that takes deposits, is open 24 h and is accessible.
    let partner_all = AtmFilter {
        deposits: true,
        open_24h: true,
        accessible: true,
        brand: Some("Partner Network".into()),
    };
    assert!(index.nearest(here, 5, &partner_all).is_empty());
    assert!(index.nearest_brute_force(here, 5, &partner_all).is_empty());
    let partner_deposits = AtmFilter {
        deposits: true,
        brand: Some("Partner Network".into()),
        ..AtmFilter::default()
    };
    assert_eq!(
        index.nearest(here, 5, &partner_deposits)[0].atm.id,
        "PAR-008"
    );
}

/// The production index passes the bank crate's ATM locator conformance check, in each
/// demo city, with `k` below and above the number of sites around.
#[tokio::test]
async fn the_index_passes_the_atm_locator_conformance_check() {
    let index = AtmIndex::demo();
    let places = [
        ("San Francisco", 37.7897, -122.4000),
        ("London", 51.5085, -0.1257),
        ("Paris", 48.8566, 2.3522),
    ];
    for (city, lat, lon) in places {
        let point = GeoPoint::new(lat, lon).unwrap();
        for k in [1, 3, 50] {
            let found = bankbot_bank::conformance::check_atm_locator(&index, point, k)
                .await
                .unwrap_or_else(|e| panic!("{city}, k={k}: {e}"));
            assert!(found > 0, "{city}, k={k}: nothing found");
        }
    }
}
