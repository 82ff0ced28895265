//! Known answers from `shared/data/atms/ATTRIBUTION.md` and `shared/data/gazetteer/ATTRIBUTION.md`.
//! Skipped with a notice when the shared data folder is absent.

mod common;

use std::path::PathBuf;

use bankbot_atm::load::PostcodeLookup;
use bankbot_atm::{AtmIndex, GazetteerGeocoder, SkipReason};
use bankbot_bank::AtmFilter;
use bankbot_core::{GeoPoint, Lang};

const HSBC: &str = "atms/hsbc-uk-atms-opendata-v2.2-2026-08-18.json";
const BOS: &str = "atms/bank-of-scotland-atms-opendata-v2.2-2020-11-20.json";

fn pt(lat: f64, lon: f64) -> GeoPoint {
    GeoPoint::new(lat, lon).unwrap()
}

#[test]
fn atm_known_answers() {
    let Some(data) = common::shared_data() else {
        return;
    };
    let (hsbc, report) = AtmIndex::from_files(&[data.join(HSBC)]).unwrap();
    assert_eq!(hsbc.len(), 1234);
    assert_eq!(report.loaded, 1234);
    assert!(report.skipped.is_empty(), "{:?}", report.skipped);
    assert_eq!(hsbc.site_count(), 334);

    let any = AtmFilter::default();
    let trafalgar = hsbc.nearest(pt(51.5080, -0.1281), 1, &any);
    assert!(
        trafalgar[0].atm.address.contains("16 King Street"),
        "{trafalgar:?}"
    );
    assert!(trafalgar[0].atm.address.contains("WC2E 8JF"));
    // ATTRIBUTION.md names three machines; the file has a fourth (M03M1678) at the same point.
    assert_eq!(trafalgar[0].machines, 4);
    assert!(
        ["A25A1679", "M01M1676", "M02M1677", "M03M1678"].contains(&trafalgar[0].atm.id.as_str())
    );
    assert!(
        (trafalgar[0].distance_m - 436.0).abs() < 1.0,
        "{}",
        trafalgar[0].distance_m
    );

    let manchester = hsbc.nearest(pt(53.4794, -2.2453), 1, &any);
    assert!(manchester[0].atm.address.contains("St Ann's Square"));
    assert!((manchester[0].distance_m - 356.0).abs() < 1.0);

    let (bos, report) = AtmIndex::from_files(&[data.join(BOS)]).unwrap();
    assert_eq!(bos.len() + report.skipped.len(), 422);
    let mut bad: Vec<&str> = report
        .skipped
        .iter()
        .filter_map(|s| s.id.as_deref())
        .collect();
    bad.sort_unstable();
    assert_eq!(
        bad,
        ["B852DC11", "B88EBC11", "B996HC11", "BA5FEC11", "BFA6HC11"]
    );
    assert!(
        report
            .skipped
            .iter()
            .all(|s| matches!(s.reason, SkipReason::OutsideCountry { .. }))
    );
    let edinburgh = bos.nearest(pt(55.9520, -3.1890), 1, &any);
    assert!(edinburgh[0].atm.address.contains("300 LAWNMARKET"));
    assert!((edinburgh[0].distance_m - 443.0).abs() < 1.0);
    let glasgow = bos.nearest(pt(55.8609, -4.2514), 1, &any);
    assert!(glasgow[0].atm.address.contains("167-201 ARGYLE STREET"));
    assert!((glasgow[0].distance_m - 445.0).abs() < 1.0);
    // "BOS BRANCH" is not shown as a building number.
    assert!((0..bos.len()).all(|i| !bos.atm(i).unwrap().address.contains("BOS BRANCH")));
    assert!(bos.atm(0).unwrap().features.accessible);

    let both = [data.join(HSBC), data.join(BOS)];
    let (all, _) = AtmIndex::from_files(&both).unwrap();
    assert_eq!(all.len(), 1234 + 417);
    for q in [pt(51.5080, -0.1281), pt(55.9520, -3.1890), pt(50.0, -5.0)] {
        let brand = AtmFilter {
            brand: Some("bank of scotland".into()),
            ..AtmFilter::default()
        };
        assert_eq!(
            all.nearest(q, 5, &brand),
            all.nearest_brute_force(q, 5, &brand)
        );
        assert_eq!(all.nearest(q, 5, &any), all.nearest_brute_force(q, 5, &any));
    }
}

fn gazetteer() -> Option<GazetteerGeocoder> {
    let data = common::shared_data()?;
    Some(GazetteerGeocoder::load_dir(&data.join("gazetteer")).unwrap())
}

#[test]
fn gazetteer_known_answers() {
    let Some(g) = gazetteer() else {
        return;
    };
    let s = g.stats();
    assert_eq!(s.us_zips, 33_791);
    assert_eq!(s.uk_districts, 2_995);
    assert_eq!(s.uk_sectors, 12_005);
    assert!(s.fr_postcodes > 6_000, "{s:?}");
    let at = |q: &str, lang: Option<Lang>, lat: f64, lon: f64, metres: f64| {
        let p = g.lookup(q, lang).unwrap_or_else(|| panic!("{q} not found"));
        let d = p.point.distance_m(&pt(lat, lon));
        assert!(d < metres, "{q}: {p:?} is {d} m from the expected point");
        p
    };
    at("94105", None, 37.791575, -122.393733, 1.0);
    at("10001", None, 40.750649, -73.997298, 1.0);
    at("00601", None, 18.180555, -66.749961, 1.0);
    at("SW1A", None, 51.50197, -0.13386, 1.0);
    at("SW1A 1AA", None, 51.50260, -0.13906, 1.0);
    at("sw1a1aa", None, 51.50260, -0.13906, 1.0);
    at("M1", None, 53.47768, -2.23674, 1.0);
    at("EC2V", None, 51.51584, -0.09490, 1.0);
    at("CF10", None, 51.47367, -3.17727, 1.0);
    // A full postcode whose sector is unknown falls back to its district.
    at("SW1A 9ZZ", None, 51.50197, -0.13386, 1.0);
    at("75011", None, 48.8594154976, 2.37874106024, 1.0);
    at("13001", None, 43.2999009436, 5.38227869795, 1.0);
    let fr = at("69001", Some(Lang::Fr), 45.7699284397, 4.82922464978, 1.0);
    assert_eq!(fr.country.as_deref(), Some("FR"));
    let us = g.lookup("69001", Some(Lang::En)).unwrap();
    assert_eq!(us.country.as_deref(), Some("US"));
    at("Manchester", None, 53.48095, -2.23743, 1.0);
    at("manchester", Some(Lang::Fr), 53.48095, -2.23743, 1.0);
    at("Lyon", None, 45.74906, 4.84789, 1.0);
    at("lyon, france", None, 45.74906, 4.84789, 1.0);
    at("London", None, 51.50853, -0.12574, 1.0);
    at("Londres", None, 51.50853, -0.12574, 1.0);
    at("Paris", None, 48.85341, 2.3488, 1.0);
    at("San Francisco", None, 37.77493, -122.41942, 1.0);
    at("Vitré", None, 48.12, -1.21, 5_000.0);
    at("vitre", None, 48.12, -1.21, 5_000.0);
    at("Saint-Étienne", None, 45.43, 4.39, 5_000.0);
    // A La Poste commune that is not a GeoNames city.
    assert!(g.lookup("Hauteville sur Mer", None).is_some());
    assert!(g.lookup("Qwxyzzy", None).is_none());
    // Postcode checks used when loading ATMs.
    assert!(g.postcode_point("HX3 0TD", Some("GB")).is_some());
    assert!(g.postcode_point("69001", None).is_none());
}

#[test]
fn postcode_check_with_gazetteer() {
    let Some(data) = common::shared_data() else {
        return;
    };
    let g = GazetteerGeocoder::load_dir(&data.join("gazetteer")).unwrap();
    let files: Vec<PathBuf> = [HSBC, BOS].iter().map(|f| data.join(f)).collect();
    let (index, report) = AtmIndex::from_files_checked(&files, Some(&g)).unwrap();
    // Only the five sign-flipped records are rejected; every real ATM agrees with its postcode.
    assert_eq!(report.skipped.len(), 5, "{:#?}", report.skipped);
    assert_eq!(index.len(), 1234 + 417);

    // Without the bounding box (no country), the postcode check alone catches them.
    let text = std::fs::read_to_string(data.join(BOS))
        .unwrap()
        .replace("\"Country\":\"GB\",", "");
    let (atms, skipped) =
        bankbot_atm::load::parse_atms(&text, std::path::Path::new("bos"), Some(&g)).unwrap();
    assert_eq!(atms.len(), 417);
    assert!(
        skipped
            .iter()
            .all(|s| matches!(s.reason, SkipReason::FarFromPostcode { .. }))
    );
    assert_eq!(skipped.len(), 5);
}
