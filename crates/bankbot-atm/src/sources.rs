//! Building an [`AtmIndex`] from files or from the embedded demo data.

use std::path::{Path, PathBuf};

use crate::load::{self, LoadReport, PostcodeLookup};
use crate::{AtmError, AtmIndex, AtmIndexBuilder};

/// The demo ATMs, our CSV format.
pub(crate) const DEMO_ATMS_CSV: &str = include_str!("../data/atms.csv");

impl AtmIndex {
    /// The 34 demo ATMs embedded in the crate.
    pub fn demo() -> AtmIndex {
        match load::parse_atms(DEMO_ATMS_CSV, Path::new("<demo atms.csv>"), None)
            .and_then(|(atms, _)| AtmIndex::new(atms))
        {
            Ok(index) => index,
            Err(e) => {
                tracing::error!(error = %e, "embedded demo ATMs unreadable");
                AtmIndex::default()
            }
        }
    }

    /// Loads ATM files of any supported format (detected per file), checking coordinates
    /// against each declared country's bounding box.
    pub fn from_files(paths: &[PathBuf]) -> Result<(AtmIndex, LoadReport), AtmError> {
        Self::from_files_checked(paths, None)
    }

    /// Like [`AtmIndex::from_files`], also skipping machines far from their postcode's
    /// centre when `postcodes` (e.g. a [`crate::GazetteerGeocoder`]) is given.
    pub fn from_files_checked(
        paths: &[PathBuf],
        postcodes: Option<&dyn PostcodeLookup>,
    ) -> Result<(AtmIndex, LoadReport), AtmError> {
        let mut builder = AtmIndexBuilder::new();
        let mut report = LoadReport::default();
        for path in paths {
            let (atms, skipped) = load::load_file(path, postcodes)?;
            for atm in &atms {
                builder.push(atm)?;
            }
            report.loaded += atms.len();
            report.skipped.extend(skipped);
        }
        Ok((builder.build(), report))
    }
}

/// What the bot's runtime needs for nearest-ATM answers, built from its configuration.
#[derive(Debug)]
pub struct AtmServices {
    /// The index, usable as `Arc<dyn AtmLocator>`.
    pub index: std::sync::Arc<AtmIndex>,
    /// The geocoder, usable as `Arc<dyn Geocoder>`.
    pub geocoder: std::sync::Arc<crate::GazetteerGeocoder>,
    /// Records of `atm_files` that were skipped, with reasons.
    pub report: LoadReport,
}

impl AtmServices {
    /// From `[atm] files = [...]` and `[geocoder] gazetteer = "DIR"`: no files means the demo
    /// ATMs, no folder the demo gazetteer. With a folder, loaded ATMs are also checked
    /// against their postcodes.
    pub fn from_config(atm_files: &[PathBuf], gazetteer: Option<&Path>) -> Result<Self, AtmError> {
        let mut geocoder = match gazetteer {
            Some(dir) => crate::GazetteerGeocoder::load_dir(dir)?,
            None => crate::GazetteerGeocoder::demo(),
        };
        let (index, report) = if atm_files.is_empty() {
            (AtmIndex::demo(), LoadReport::default())
        } else {
            let check = gazetteer.map(|_| &geocoder as &dyn PostcodeLookup);
            AtmIndex::from_files_checked(atm_files, check)?
        };
        // "1 Market St": the network's street addresses are places too.
        geocoder.add_addresses((0..index.len()).filter_map(|i| index.atm(i)));
        Ok(AtmServices {
            index: std::sync::Arc::new(index),
            geocoder: std::sync::Arc::new(geocoder),
            report,
        })
    }
}
