//! Errors of the intent engine: all about loading `intents/`.

use std::path::PathBuf;

/// Why [`crate::Engine::load_dir`] failed. Every variant names the file, and the line when
/// the problem is inside it.
#[derive(Debug, thiserror::Error)]
#[non_exhaustive]
pub enum NluError {
    /// A file or folder could not be read.
    #[error("{}: {source}", path.display())]
    Io {
        /// The file or folder.
        path: PathBuf,
        /// The cause.
        source: std::io::Error,
    },
    /// The file is not valid TOML or does not have the expected keys and types.
    #[error("{}:{line}: {message}", path.display())]
    Syntax {
        /// The file.
        path: PathBuf,
        /// 1-based line.
        line: usize,
        /// What is wrong.
        message: String,
    },
    /// The file parses but its content is invalid (unknown intent, file name mismatch,
    /// no examples, bad regex, duplicate intent, unknown entity value ...).
    #[error("{}:{line}: {message}", path.display())]
    Invalid {
        /// The file.
        path: PathBuf,
        /// 1-based line.
        line: usize,
        /// What is wrong.
        message: String,
    },
    /// The folder holds no usable locale (`en/` or `fr/` with at least two intents).
    #[error("{}: no locale folder with at least two intents (expected en/ and/or fr/)", path.display())]
    NoLocale {
        /// The intents folder.
        path: PathBuf,
    },
}

impl NluError {
    /// The 1-based line the error points at, if any.
    pub fn line(&self) -> Option<usize> {
        match self {
            NluError::Syntax { line, .. } | NluError::Invalid { line, .. } => Some(*line),
            _ => None,
        }
    }
}
