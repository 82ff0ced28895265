//! Criterion benches; run with short settings, e.g.
//! `cargo bench -p bankbot-atm --bench atm -- --warm-up-time 1 --measurement-time 3`.

use std::hint::black_box;

use bankbot_atm::{AtmIndex, GazetteerGeocoder};
use bankbot_bank::AtmFilter;
use bankbot_core::{Atm, AtmFeatures, GeoPoint, Lang};
use criterion::{Criterion, criterion_group, criterion_main};
use rand::rngs::StdRng;
use rand::{Rng, SeedableRng};

fn random_point(rng: &mut StdRng) -> GeoPoint {
    let z: f64 = rng.random_range(-1.0..1.0);
    GeoPoint::new(z.asin().to_degrees(), rng.random_range(-180.0..180.0))
        .unwrap_or_else(|e| panic!("{e}"))
}

fn unit_vector(p: GeoPoint) -> [f64; 3] {
    let (lat, lon) = (p.lat().to_radians(), p.lon().to_radians());
    [lat.cos() * lon.cos(), lat.cos() * lon.sin(), lat.sin()]
}

/// An index of `n` random ATMs, and their locations.
fn index(n: usize, rng: &mut StdRng) -> (AtmIndex, Vec<GeoPoint>) {
    let atms = (0..n).map(|i| Atm {
        id: format!("B{i}"),
        brand: "Bench".into(),
        name: format!("Site {i}"),
        address: String::new(),
        postcode: None,
        location: random_point(rng),
        features: AtmFeatures {
            deposits: i % 3 == 0,
            ..AtmFeatures::default()
        },
        site_id: None,
    });
    let atms: Vec<Atm> = atms.collect();
    let locations = atms.iter().map(|atm| atm.location).collect();
    (
        AtmIndex::new(atms).unwrap_or_else(|e| panic!("{e}")),
        locations,
    )
}

fn bench_index(c: &mut Criterion) {
    let mut rng = StdRng::seed_from_u64(1);
    let (idx, locations) = index(100_000, &mut rng);
    let queries: Vec<GeoPoint> = (0..256).map(|_| random_point(&mut rng)).collect();
    let any = AtmFilter::default();
    let deposits = AtmFilter {
        deposits: true,
        ..AtmFilter::default()
    };
    let mut i = 0usize;
    c.bench_function("nearest k=5 (100k ATMs)", |b| {
        b.iter(|| {
            i = (i + 1) % queries.len();
            black_box(idx.nearest(queries[i], 5, &any))
        })
    });
    c.bench_function("nearest k=5 deposits (100k ATMs)", |b| {
        b.iter(|| {
            i = (i + 1) % queries.len();
            black_box(idx.nearest(queries[i], 5, &deposits))
        })
    });
    // The same 100k points in an `rstar` R*-tree, as unit vectors (chord order is
    // great-circle order): the bare k-nearest query, without the index's site grouping,
    // filters and distance formatting, so a lower bound for what the index does.
    let points: Vec<[f64; 3]> = locations.into_iter().map(unit_vector).collect();
    let rtree = rstar::RTree::bulk_load(points);
    c.bench_function("rstar k=5 (100k points)", |b| {
        b.iter(|| {
            i = (i + 1) % queries.len();
            let q = unit_vector(queries[i]);
            black_box(rtree.nearest_neighbor_iter(&q).take(5).count())
        })
    });
    c.bench_function("brute force k=5 (100k ATMs)", |b| {
        b.iter(|| {
            i = (i + 1) % queries.len();
            black_box(idx.nearest_brute_force(queries[i], 5, &any))
        })
    });
}

fn bench_gazetteer(c: &mut Criterion) {
    let g = GazetteerGeocoder::demo();
    let queries = [
        "94105",
        "SW1A 1AA",
        "75011",
        "Lyon",
        "lyon, france",
        "Union Square",
    ];
    let mut i = 0usize;
    c.bench_function("demo gazetteer lookup", |b| {
        b.iter(|| {
            i = (i + 1) % queries.len();
            black_box(g.lookup(queries[i], Some(Lang::En)))
        })
    });
}

criterion_group!(benches, bench_index, bench_gazetteer);
criterion_main!(benches);
