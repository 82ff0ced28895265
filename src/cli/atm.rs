//! `bankbot atm nearest [--atms FILE]... [--gazetteer DIR] [--k N] [--deposit] [--24h] "<where>"`:
//! prints the nearest ATM sites as a JSON array, nearest first.

use std::path::PathBuf;

use bankbot::atm::AtmServices;
use bankbot::bank::AtmFilter;
use bankbot::core::Lang;
use clap::{Args, Subcommand};
use serde::Serialize;

use super::{CliError, CliResult};

/// `bankbot atm …`.
#[derive(Debug, Args)]
pub struct AtmArgs {
    #[command(subcommand)]
    command: AtmCommand,
}

#[derive(Debug, Subcommand)]
enum AtmCommand {
    /// The nearest ATMs to a postcode, ZIP code or place, as JSON.
    Nearest(NearestArgs),
}

#[derive(Debug, Args)]
struct NearestArgs {
    /// ATM file: Open Banking ATM JSON, or our CSV/JSON (repeatable; default: demo ATMs).
    #[arg(long = "atms", value_name = "FILE")]
    atms: Vec<PathBuf>,
    /// Gazetteer folder laid out like shared/data/gazetteer (default: demo gazetteer).
    #[arg(long, value_name = "DIR")]
    gazetteer: Option<PathBuf>,
    /// How many sites to list.
    #[arg(long, default_value_t = 5)]
    k: usize,
    /// Only machines that take deposits.
    #[arg(long)]
    deposit: bool,
    /// Only machines open 24 hours.
    #[arg(long = "24h")]
    open_24h: bool,
    /// Only accessible machines.
    #[arg(long)]
    accessible: bool,
    /// Only this brand.
    #[arg(long)]
    brand: Option<String>,
    /// Language deciding codes that are both a US ZIP and a French postcode (en, fr).
    #[arg(long)]
    lang: Option<String>,
    /// Where: "94105", "SW1A 1AA", "Lyon", "75011" …
    #[arg(value_name = "WHERE")]
    place: String,
}

#[derive(Serialize)]
struct Row {
    id: String,
    name: String,
    address: String,
    lat: f64,
    lon: f64,
    distance_m: f64,
}

/// Runs `bankbot atm …`.
pub fn run(args: AtmArgs) -> CliResult {
    match args.command {
        AtmCommand::Nearest(a) => nearest(a),
    }
}

fn nearest(a: NearestArgs) -> CliResult {
    let services = AtmServices::from_config(&a.atms, a.gazetteer.as_deref())
        .map_err(|e| CliError::new(e.to_string()))?;
    for skipped in &services.report.skipped {
        eprintln!("bankbot: skipped {skipped}");
    }
    let (index, geocoder) = (&services.index, &services.geocoder);
    let lang = a.lang.as_deref().and_then(Lang::from_locale);
    let place = geocoder
        .lookup(&a.place, lang)
        .ok_or_else(|| CliError::new(format!("unknown place: {:?}", a.place)))?;
    let filter = AtmFilter {
        deposits: a.deposit,
        open_24h: a.open_24h,
        accessible: a.accessible,
        brand: a.brand,
    };
    let rows: Vec<Row> = index
        .nearest(place.point, a.k, &filter)
        .into_iter()
        .map(|m| Row {
            lat: m.atm.location.lat(),
            lon: m.atm.location.lon(),
            distance_m: (m.distance_m * 10.0).round() / 10.0,
            id: m.atm.id,
            name: m.atm.name,
            address: m.atm.address,
        })
        .collect();
    let json = serde_json::to_string_pretty(&rows).map_err(|e| CliError::new(e.to_string()))?;
    println!("{json}");
    Ok(())
}
