//! The index agrees with a brute-force haversine scan.

use bankbot_atm::AtmIndex;
use bankbot_bank::{AtmFilter, AtmMatch};
use bankbot_core::{Atm, AtmFeatures, GeoPoint};
use rand::rngs::StdRng;
use rand::{Rng, SeedableRng};

/// ATMs clustered around a few cities plus a worldwide scatter; some share sites.
fn synthetic(n: usize, rng: &mut StdRng) -> Vec<Atm> {
    let cities = [
        (51.5, -0.12),
        (48.86, 2.35),
        (37.78, -122.42),
        (-33.87, 151.2),
        (64.1, -21.9),
    ];
    let mut out = Vec::with_capacity(n);
    while out.len() < n {
        let i = out.len();
        let (lat, lon) = if i % 5 == 0 {
            (
                rng.random_range(-89.9..89.9),
                rng.random_range(-180.0..180.0),
            )
        } else {
            let (clat, clon) = cities[i % cities.len()];
            (
                clat + rng.random_range(-0.5..0.5),
                clon + rng.random_range(-0.5..0.5),
            )
        };
        let machines = if i % 7 == 0 { 3 } else { 1 };
        for m in 0..machines {
            out.push(Atm {
                id: format!("T{i}-{m}"),
                brand: if i % 3 == 0 { "Alpha" } else { "Beta" }.into(),
                name: format!("Site {i}"),
                address: String::new(),
                postcode: None,
                location: GeoPoint::new(lat, lon).unwrap(),
                features: AtmFeatures {
                    deposits: (i + m) % 4 == 0,
                    open_24h: (i + m) % 3 == 0,
                    accessible: m == 0,
                    contactless: true,
                },
                site_id: (machines > 1).then(|| format!("S{i}")),
            });
        }
    }
    out
}

fn assert_same(got: &[AtmMatch], want: &[AtmMatch], ctx: &str) {
    assert_eq!(got.len(), want.len(), "{ctx}");
    for (g, w) in got.iter().zip(want) {
        // Equal distance within rounding; ids equal unless two sites tie.
        assert!(
            (g.distance_m - w.distance_m).abs() < 1e-6,
            "{ctx}: {g:?} vs {w:?}"
        );
        if g.atm.id != w.atm.id {
            assert!((g.distance_m - w.distance_m).abs() < 1e-6, "{ctx}");
        } else {
            assert_eq!(g.machines, w.machines, "{ctx}");
        }
    }
}

#[test]
fn thousand_random_queries_match_brute_force() {
    let mut rng = StdRng::seed_from_u64(6);
    let index = AtmIndex::new(synthetic(20_000, &mut rng)).unwrap();
    let filters = [
        AtmFilter::default(),
        AtmFilter {
            deposits: true,
            ..AtmFilter::default()
        },
        AtmFilter {
            open_24h: true,
            accessible: true,
            brand: Some("alpha".into()),
            ..AtmFilter::default()
        },
    ];
    for q in 0..1000 {
        let point = if q % 2 == 0 {
            GeoPoint::new(
                rng.random_range(-90.0..90.0),
                rng.random_range(-180.0..180.0),
            )
        } else {
            GeoPoint::new(rng.random_range(48.0..52.0), rng.random_range(-1.0..3.0))
        }
        .unwrap();
        let filter = &filters[q % filters.len()];
        let got = index.nearest(point, 5, filter);
        let want = index.nearest_brute_force(point, 5, filter);
        assert_same(&got, &want, &format!("query {q} at {point:?}"));
        assert_eq!(got.len(), 5);
    }
}

#[test]
fn grouping_by_site_and_coordinates() {
    let p = GeoPoint::new(10.0, 10.0).unwrap();
    let atm = |id: &str, site: Option<&str>, lat: f64| Atm {
        id: id.into(),
        brand: "B".into(),
        name: id.into(),
        address: String::new(),
        postcode: None,
        location: GeoPoint::new(lat, 10.0).unwrap(),
        features: AtmFeatures::default(),
        site_id: site.map(str::to_owned),
    };
    let index = AtmIndex::new([
        atm("a", None, 10.001),
        atm("b", None, 10.001),
        atm("c", Some("s"), 10.002),
        atm("d", Some("s"), 10.0021),
        atm("e", Some("s"), 10.001),
        atm("f", None, 10.01),
    ])
    .unwrap();
    // a, b share coordinates; c, d, e share a site id and e shares a's coordinates.
    assert_eq!(index.site_count(), 2);
    let found = index.nearest(p, 5, &AtmFilter::default());
    assert_eq!(found.len(), 2);
    assert_eq!(found[0].machines, 5);
    assert_eq!(found[0].atm.id, "a");
    assert_eq!(found[1].atm.id, "f");
}
