//! Reads and validates `intents/<locale>/*.toml` (one file per intent) and
//! `intents/<locale>/entities/*.toml` (lexicons).

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};

use bankbot_core::IntentId;
use regex::{Regex, RegexBuilder};
use serde::Deserialize;
use toml::Spanned;

use crate::error::NluError;
use crate::lexicon::{EntityKind, LexiconEntry};
use crate::normalize::normalize;

/// One validated intent file.
#[derive(Debug, Clone)]
pub struct IntentFile {
    /// The intent.
    pub intent: IntentId,
    /// Training examples.
    pub examples: Vec<String>,
    /// Compiled case-insensitive patterns, matched on the normalised text.
    pub patterns: Vec<Regex>,
    /// When not empty, the classifier's answer of this intent stands only if one of these
    /// (normalised-text) patterns matches; otherwise it becomes [`otherwise`](Self::otherwise).
    /// `delete_my_data` uses it: only an explicit delete, erase or forget deletes.
    pub requires: Vec<Regex>,
    /// The classifier's answer of this intent stands only if none of these patterns
    /// matches; otherwise it becomes [`otherwise`](Self::otherwise). `data_access` uses it:
    /// "remove everything you have on me" asks for an erasure, not a copy.
    pub rejects: Vec<Regex>,
    /// The intent answered when `requires` matches nothing or `rejects` matches
    /// (`out_of_scope` by default).
    pub otherwise: IntentId,
}

/// Everything one locale folder holds.
#[derive(Debug, Clone, Default)]
pub struct LocaleData {
    /// Intent files, by intent.
    pub intents: Vec<IntentFile>,
    /// Lexicon entries from `entities/`.
    pub entities: Vec<LexiconEntry>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct RawIntent {
    intent: Spanned<String>,
    examples: Spanned<Vec<Spanned<String>>>,
    #[serde(default)]
    patterns: Vec<Spanned<String>>,
    #[serde(default)]
    requires: Vec<Spanned<String>>,
    #[serde(default)]
    rejects: Vec<Spanned<String>>,
    otherwise: Option<Spanned<String>>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct RawEntities {
    kind: Spanned<String>,
    values: BTreeMap<String, Spanned<Vec<Spanned<String>>>>,
}

fn line_of(src: &str, offset: usize) -> usize {
    src.as_bytes()
        .iter()
        .take(offset)
        .filter(|b| **b == b'\n')
        .count()
        + 1
}

fn invalid(path: &Path, src: &str, offset: usize, message: String) -> NluError {
    NluError::Invalid {
        path: path.to_path_buf(),
        line: line_of(src, offset),
        message,
    }
}

fn read(path: &Path) -> Result<String, NluError> {
    std::fs::read_to_string(path).map_err(|source| NluError::Io {
        path: path.to_path_buf(),
        source,
    })
}

fn parse_toml<T: serde::de::DeserializeOwned>(path: &Path, src: &str) -> Result<T, NluError> {
    toml::from_str(src).map_err(|e| NluError::Syntax {
        path: path.to_path_buf(),
        line: e.span().map_or(1, |s| line_of(src, s.start)),
        message: e.message().to_owned(),
    })
}

/// `*.toml` files of a folder, sorted by name; an absent folder is empty.
fn toml_files(dir: &Path) -> Result<Vec<PathBuf>, NluError> {
    if !dir.is_dir() {
        return Ok(Vec::new());
    }
    let entries = std::fs::read_dir(dir).map_err(|source| NluError::Io {
        path: dir.to_path_buf(),
        source,
    })?;
    let mut files = Vec::new();
    for entry in entries {
        let path = entry
            .map_err(|source| NluError::Io {
                path: dir.to_path_buf(),
                source,
            })?
            .path();
        if path.is_file() && path.extension().is_some_and(|e| e == "toml") {
            files.push(path);
        }
    }
    files.sort();
    Ok(files)
}

/// Parses and validates one intent file.
pub fn load_intent_file(path: &Path) -> Result<IntentFile, NluError> {
    let src = read(path)?;
    let raw: RawIntent = parse_toml(path, &src)?;
    let name = raw.intent.get_ref();
    let intent: IntentId = name.parse().map_err(|_| {
        invalid(
            path,
            &src,
            raw.intent.span().start,
            format!(
                "unknown intent `{name}` (expected one of the {} ids)",
                IntentId::ALL.len()
            ),
        )
    })?;
    let stem = path.file_stem().and_then(|s| s.to_str()).unwrap_or("");
    if stem != name {
        let msg = format!("intent `{name}` does not match the file name `{stem}.toml`");
        return Err(invalid(path, &src, raw.intent.span().start, msg));
    }
    let mut examples = Vec::new();
    for ex in raw.examples.get_ref() {
        if normalize(ex.get_ref()).is_empty() {
            return Err(invalid(
                path,
                &src,
                ex.span().start,
                "empty example".to_owned(),
            ));
        }
        examples.push(ex.get_ref().clone());
    }
    if examples.is_empty() {
        return Err(invalid(
            path,
            &src,
            raw.examples.span().start,
            "`examples` is empty".to_owned(),
        ));
    }
    let patterns = regexes(path, &src, &raw.patterns)?;
    let requires = regexes(path, &src, &raw.requires)?;
    let rejects = regexes(path, &src, &raw.rejects)?;
    let otherwise = match &raw.otherwise {
        None => IntentId::OutOfScope,
        Some(o) => {
            let other: IntentId = o.get_ref().parse().map_err(|_| {
                let msg = format!("unknown intent `{}` in `otherwise`", o.get_ref());
                invalid(path, &src, o.span().start, msg)
            })?;
            if other == intent || requires.is_empty() && rejects.is_empty() {
                let msg =
                    "`otherwise` needs `requires` or `rejects`, and another intent".to_owned();
                return Err(invalid(path, &src, o.span().start, msg));
            }
            other
        }
    };
    Ok(IntentFile {
        intent,
        examples,
        patterns,
        requires,
        rejects,
        otherwise,
    })
}

/// Compiles case-insensitive patterns, naming the line of a bad one.
fn regexes(path: &Path, src: &str, raw: &[Spanned<String>]) -> Result<Vec<Regex>, NluError> {
    raw.iter()
        .map(|p| {
            RegexBuilder::new(p.get_ref())
                .case_insensitive(true)
                .size_limit(1 << 20)
                .build()
                .map_err(|e| {
                    invalid(
                        path,
                        src,
                        p.span().start,
                        format!("bad regex: {}", e.to_string().replace('\n', " ")),
                    )
                })
        })
        .collect()
}

/// Parses and validates one lexicon file.
pub fn load_entities_file(path: &Path) -> Result<Vec<LexiconEntry>, NluError> {
    let src = read(path)?;
    let raw: RawEntities = parse_toml(path, &src)?;
    let kind_name = raw.kind.get_ref();
    let kind = EntityKind::parse(kind_name).ok_or_else(|| {
        let msg = format!(
            "unknown entity kind `{kind_name}` (expected account_type, category or merchant)"
        );
        invalid(path, &src, raw.kind.span().start, msg)
    })?;
    let mut out = Vec::new();
    for (value, synonyms) in &raw.values {
        let entry = LexiconEntry::new(
            kind,
            value,
            synonyms.get_ref().iter().map(|s| s.get_ref().as_str()),
        )
        .ok_or_else(|| {
            let msg = format!("`{value}` is not a valid {kind_name} value, or a synonym is empty");
            invalid(path, &src, synonyms.span().start, msg)
        })?;
        out.push(entry);
    }
    Ok(out)
}

/// Loads one locale folder (`intents/en`): every intent file and `entities/`.
pub fn load_locale(dir: &Path) -> Result<LocaleData, NluError> {
    let mut data = LocaleData::default();
    let mut seen: BTreeMap<IntentId, PathBuf> = BTreeMap::new();
    for path in toml_files(dir)? {
        let file = load_intent_file(&path)?;
        if let Some(first) = seen.insert(file.intent, path.clone()) {
            let message = format!(
                "intent `{}` already defined in {}",
                file.intent,
                first.display()
            );
            return Err(NluError::Invalid {
                path,
                line: 1,
                message,
            });
        }
        data.intents.push(file);
    }
    for path in toml_files(&dir.join("entities"))? {
        data.entities.extend(load_entities_file(&path)?);
    }
    Ok(data)
}
