//! Scale check for the ATM index and the gazetteer (issue 6 acceptance figures).
//!
//! ```text
//! cargo run --release -p bankbot-atm --example atm_scale -- [ATMS] [GAZETTEER_DIR]
//! ```
//!
//! Builds an index of `ATMS` (default 1,000,000) synthetic machines, times k = 5 queries
//! against a brute-force haversine scan, prints the peak resident memory (VmHWM), then loads
//! every file of the gazetteer folder (default: the shared data folder, when found) and
//! times lookups.

use std::path::{Path, PathBuf};
use std::time::{Duration, Instant};

use bankbot_atm::{AtmIndexBuilder, GazetteerGeocoder};
use bankbot_bank::AtmFilter;
use bankbot_core::{Atm, AtmFeatures, GeoPoint, Lang};
use rand::rngs::StdRng;
use rand::{Rng, SeedableRng};

fn main() -> Result<(), Box<dyn std::error::Error>> {
    let mut args = std::env::args().skip(1);
    let n: usize = args
        .next()
        .map(|a| a.parse())
        .transpose()?
        .unwrap_or(1_000_000);
    let gazetteer = args.next().map(PathBuf::from).or_else(default_gazetteer);
    let mut rng = StdRng::seed_from_u64(2026);

    let t = Instant::now();
    let mut builder = AtmIndexBuilder::new();
    let mut atm = Atm {
        id: String::new(),
        brand: "Synthetic Bank".into(),
        name: String::new(),
        address: String::new(),
        postcode: None,
        location: GeoPoint::new(0.0, 0.0)?,
        features: AtmFeatures::default(),
        site_id: None,
    };
    let centres: Vec<(f64, f64)> = (0..200)
        .map(|_| {
            (
                rng.random_range(-55.0..65.0),
                rng.random_range(-180.0..180.0),
            )
        })
        .collect();
    while builder.len() < n {
        let i = builder.len();
        let point = random_point(&mut rng, &centres)?;
        let machines = if i.is_multiple_of(10) { 3 } else { 1 };
        for m in 0..machines {
            atm.id = format!("S{i:07}-{m}");
            atm.name = format!("Site {i}");
            atm.address = format!("{i} Synthetic Street");
            atm.location = point;
            atm.features.deposits = (i + m).is_multiple_of(3);
            atm.features.open_24h = i.is_multiple_of(2);
            builder.push(&atm)?;
        }
    }
    let generated = t.elapsed();
    let t = Instant::now();
    let index = builder.build();
    let build = t.elapsed();
    println!(
        "atms={} sites={} generate+push={:.2}s build={:.3}s index_heap={:.0}MB",
        index.len(),
        index.site_count(),
        generated.as_secs_f64(),
        build.as_secs_f64(),
        index.heap_bytes() as f64 / 1e6
    );

    let any = AtmFilter::default();
    let deposits = AtmFilter {
        deposits: true,
        ..AtmFilter::default()
    };
    let queries: Vec<GeoPoint> = (0..10_000)
        .map(|_| random_point(&mut rng, &centres))
        .collect::<Result<_, _>>()?;
    let p50_index = median_time(&queries, |q| index.nearest(*q, 5, &any).len());
    let p50_filtered = median_time(&queries, |q| index.nearest(*q, 5, &deposits).len());
    let brute_queries = queries.get(..20).unwrap_or(&queries);
    let p50_brute = median_time(brute_queries, |q| {
        index.nearest_brute_force(*q, 5, &any).len()
    });
    for q in brute_queries {
        let (a, b) = (
            index.nearest(*q, 5, &any),
            index.nearest_brute_force(*q, 5, &any),
        );
        let same = a.len() == b.len()
            && a.iter()
                .zip(&b)
                .all(|(x, y)| (x.distance_m - y.distance_m).abs() < 1e-6);
        if !same {
            return Err("index and brute force disagree".into());
        }
    }
    println!(
        "k=5 query p50={:.2}us (deposits filter p50={:.2}us) brute_force p50={:.2}ms speedup={:.0}x",
        micros(p50_index),
        micros(p50_filtered),
        p50_brute.as_secs_f64() * 1e3,
        p50_brute.as_secs_f64() / p50_index.as_secs_f64()
    );
    println!(
        "peak_rss(VmHWM)={}",
        vm_hwm().unwrap_or_else(|| "unknown".into())
    );
    drop(index);

    match gazetteer {
        Some(dir) => gazetteer_figures(&dir)?,
        None => println!("gazetteer: skipped (no folder given and ../shared/data not found)"),
    }
    Ok(())
}

fn gazetteer_figures(dir: &Path) -> Result<(), Box<dyn std::error::Error>> {
    let mut loads = Vec::new();
    let mut g = GazetteerGeocoder::load_dir(dir)?;
    for _ in 0..3 {
        let t = Instant::now();
        g = GazetteerGeocoder::load_dir(dir)?;
        loads.push(t.elapsed());
    }
    loads.sort();
    let queries = [
        "94105",
        "SW1A 1AA",
        "sw1a1aa",
        "M1",
        "75011",
        "69001",
        "Lyon",
        "lyon, france",
        "Manchester",
        "San Francisco",
        "Londres",
        "Saint-Étienne",
    ];
    for q in queries {
        if g.lookup(q, None).is_none() {
            println!("gazetteer: no answer for {q:?}");
        }
    }
    let repeated: Vec<&str> = queries.iter().copied().cycle().take(12_000).collect();
    let p50 = median_time(&repeated, |q| {
        usize::from(g.lookup(q, Some(Lang::En)).is_some())
    });
    println!(
        "gazetteer: {:?} load p50={:.3}s lookup p50={:.2}us",
        g.stats(),
        loads.get(1).copied().unwrap_or_default().as_secs_f64(),
        micros(p50)
    );
    Ok(())
}

/// Median wall time of `f` over `inputs`, each timed alone.
fn median_time<T>(inputs: &[T], mut f: impl FnMut(&T) -> usize) -> Duration {
    let mut times: Vec<Duration> = inputs
        .iter()
        .map(|q| {
            let t = Instant::now();
            std::hint::black_box(f(q));
            t.elapsed()
        })
        .collect();
    times.sort();
    times.get(times.len() / 2).copied().unwrap_or_default()
}

fn micros(d: Duration) -> f64 {
    d.as_secs_f64() * 1e6
}

/// Half the points around 200 "cities" (±0.3°), half uniform on the sphere.
fn random_point(
    rng: &mut StdRng,
    centres: &[(f64, f64)],
) -> Result<GeoPoint, bankbot_core::GeoError> {
    if rng.random_bool(0.5) {
        let (lat, lon) = centres[rng.random_range(0..centres.len())];
        let lon = (lon + rng.random_range(-0.3..0.3) + 540.0) % 360.0 - 180.0;
        GeoPoint::new((lat + rng.random_range(-0.3..0.3)).clamp(-90.0, 90.0), lon)
    } else {
        let z: f64 = rng.random_range(-1.0..1.0);
        GeoPoint::new(z.asin().to_degrees(), rng.random_range(-180.0..180.0))
    }
}

fn vm_hwm() -> Option<String> {
    let status = std::fs::read_to_string("/proc/self/status").ok()?;
    let line = status.lines().find(|l| l.starts_with("VmHWM:"))?;
    Some(line.trim_start_matches("VmHWM:").trim().to_owned())
}

fn default_gazetteer() -> Option<PathBuf> {
    Path::new(env!("CARGO_MANIFEST_DIR"))
        .ancestors()
        .skip(2)
        .map(|a| a.join("../shared/data/gazetteer"))
        .find(|d| d.is_dir())
}
