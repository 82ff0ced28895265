//! The crate's error type.

use std::path::PathBuf;

/// Why ATM data or a gazetteer could not be loaded, phrased as what the caller can fix.
#[derive(Debug, thiserror::Error)]
#[non_exhaustive]
pub enum AtmError {
    /// A file or folder could not be read.
    #[error("cannot read {path}: {source}")]
    Io {
        /// The file or folder.
        path: PathBuf,
        /// The underlying error.
        #[source]
        source: std::io::Error,
    },
    /// A file is neither Open Banking ATM JSON nor our CSV/JSON format.
    #[error("{path}: unrecognised ATM file format ({reason})")]
    UnknownFormat {
        /// The file.
        path: PathBuf,
        /// What was wrong.
        reason: String,
    },
    /// A file has the right format but cannot be read as a whole (bad header, broken JSON).
    #[error("{path}: {reason}")]
    Parse {
        /// The file (or `<embedded>` for built-in data).
        path: PathBuf,
        /// What was wrong.
        reason: String,
    },
    /// A gazetteer folder holds none of the files the gazetteer knows.
    #[error("gazetteer folder {0} holds none of the known files (see the crate docs)")]
    EmptyGazetteer(PathBuf),
    /// More ATMs or text than one index can address (4 G bytes of text, 4 G machines).
    #[error("too much ATM data for one index")]
    Capacity,
    /// The HTTP geocoder was misconfigured (bad base URL, client build failure).
    #[error("geocoder configuration: {0}")]
    Config(String),
}

impl AtmError {
    pub(crate) fn io(path: impl Into<PathBuf>, source: std::io::Error) -> Self {
        AtmError::Io {
            path: path.into(),
            source,
        }
    }

    pub(crate) fn parse(path: impl Into<PathBuf>, reason: impl Into<String>) -> Self {
        AtmError::Parse {
            path: path.into(),
            reason: reason.into(),
        }
    }
}
