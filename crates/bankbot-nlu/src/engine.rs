//! [`Engine`]: patterns, then a per-locale classifier, then slots.

use std::path::Path;

use bankbot_core::{IntentId, IntentMatch, Lang};
use chrono::NaiveDate;
use regex::Regex;

use crate::classifier::{Classifier, TrainConfig};
use crate::error::NluError;
use crate::lexicon::Lexicon;
use crate::loader::{LocaleData, load_locale};
use crate::normalize::{english_amounts_as_digits, normalize_marked, truncate};
use crate::{lang, slots};

/// Decision value under which the engine answers `out_of_scope` (SVM margin units).
pub const DEFAULT_THRESHOLD: f32 = -0.35;

/// An intent the classifier may answer only when one of `requires` matches (if any) and
/// none of `rejects` does; else `otherwise` is answered.
#[derive(Debug)]
struct Guard {
    intent: IntentId,
    requires: Vec<Regex>,
    rejects: Vec<Regex>,
    otherwise: IntentId,
}

impl Guard {
    fn holds(&self, norm: &str) -> bool {
        (self.requires.is_empty() || self.requires.iter().any(|re| re.is_match(norm)))
            && !self.rejects.iter().any(|re| re.is_match(norm))
    }
}

#[derive(Debug)]
struct LocaleModel {
    lang: Lang,
    patterns: Vec<(Regex, IntentId)>,
    /// Intents the classifier may answer only under conditions (see [`Guard`]).
    guards: Vec<Guard>,
    classifier: Classifier,
    intents: Vec<IntentId>,
}

/// The trained intent engine: immutable, `Send + Sync`, `parse` takes `&self`.
#[derive(Debug)]
pub struct Engine {
    locales: Vec<LocaleModel>,
    lexicon: Lexicon,
}

impl LocaleModel {
    fn train(lang: Lang, data: &LocaleData) -> LocaleModel {
        let mut examples: Vec<(&str, &str)> = Vec::new();
        let mut patterns = Vec::new();
        let mut guards = Vec::new();
        for file in &data.intents {
            if !file.requires.is_empty() || !file.rejects.is_empty() {
                guards.push(Guard {
                    intent: file.intent,
                    requires: file.requires.clone(),
                    rejects: file.rejects.clone(),
                    otherwise: file.otherwise,
                });
            }
            examples.extend(
                file.examples
                    .iter()
                    .map(|e| (e.as_str(), file.intent.as_str())),
            );
            patterns.extend(file.patterns.iter().map(|p| (p.clone(), file.intent)));
        }
        let mut classifier = Classifier::train(
            &examples,
            Some(IntentId::OutOfScope.as_str()),
            &TrainConfig::default(),
        );
        classifier.set_threshold(DEFAULT_THRESHOLD);
        let intents = classifier
            .labels()
            .iter()
            .map(|l| l.parse().unwrap_or(IntentId::OutOfScope))
            .collect();
        LocaleModel {
            lang,
            patterns,
            guards,
            classifier,
            intents,
        }
    }

    fn classify(&self, norm: &str) -> (IntentId, f32) {
        if let Some((_, intent)) = self.patterns.iter().find(|(re, _)| re.is_match(norm)) {
            return (*intent, 1.0);
        }
        let p = self.classifier.predict_normalized(norm);
        let intent = self
            .intents
            .get(p.class)
            .copied()
            .unwrap_or(IntentId::OutOfScope);
        // A locale trained without an out_of_scope class still answers it under the threshold.
        if self.classifier.oos_class().is_none() && p.score < DEFAULT_THRESHOLD {
            return (IntentId::OutOfScope, 1.0 - p.confidence);
        }
        // "what do you do with my data?" may look like "delete my data" to the classifier;
        // a guarded intent stands only when the text says it explicitly.
        if let Some(guard) = self.guards.iter().find(|g| g.intent == intent)
            && !guard.holds(norm)
        {
            return (guard.otherwise, p.confidence);
        }
        (intent, p.confidence)
    }
}

impl Engine {
    /// Loads and validates `dir/en` and `dir/fr` (either may be absent, not both) and
    /// trains one model per locale. Deterministic for the same files.
    pub fn load_dir(dir: &Path) -> Result<Engine, NluError> {
        if !dir.is_dir() {
            let source = std::io::Error::new(std::io::ErrorKind::NotFound, "not a folder");
            return Err(NluError::Io {
                path: dir.to_path_buf(),
                source,
            });
        }
        let mut locales = Vec::new();
        let mut entries = Vec::new();
        for lang in [Lang::En, Lang::Fr] {
            let data = load_locale(&dir.join(lang.code()))?;
            entries.extend(data.entities.iter().cloned());
            if data.intents.len() >= 2 {
                locales.push(LocaleModel::train(lang, &data));
            }
        }
        if locales.is_empty() {
            return Err(NluError::NoLocale {
                path: dir.to_path_buf(),
            });
        }
        tracing::debug!(locales = locales.len(), "intent engine trained");
        Ok(Engine {
            locales,
            lexicon: Lexicon::new(&entries),
        })
    }

    /// The locales this engine has a model for.
    pub fn langs(&self) -> Vec<Lang> {
        self.locales.iter().map(|l| l.lang).collect()
    }

    /// Understands one message. `now` resolves relative dates; `locale_hint` (the
    /// customer's Messenger locale) decides the language when the text does not.
    pub fn parse(&self, text: &str, now: NaiveDate, locale_hint: Option<Lang>) -> IntentMatch {
        let text = truncate(text);
        let (norm, texting) = normalize_marked(text);
        let written_out = texting.then(|| norm.clone());
        let (detected, clear) = lang::detect(&norm, text);
        let model_for = |l: Lang| self.locales.iter().find(|m| m.lang == l);
        let (lang, (intent, confidence)) = if clear
            || locale_hint.is_none() && model_for(detected).is_some() && self.locales.len() == 1
        {
            let model = model_for(detected).or_else(|| self.locales.first());
            (
                detected,
                model.map_or((IntentId::OutOfScope, 0.0), |m| m.classify(&norm)),
            )
        } else {
            // Unclear language: ask every locale and keep the most confident answer,
            // preferring the hinted locale on ties.
            let hint = locale_hint.unwrap_or(detected);
            let mut best: Option<(Lang, (IntentId, f32))> = None;
            for m in &self.locales {
                let r = m.classify(&norm);
                let better = match &best {
                    None => true,
                    Some((l, b)) => {
                        r.1 > b.1 || (r.1.total_cmp(&b.1).is_eq() && m.lang == hint && *l != hint)
                    }
                };
                if better {
                    best = Some((m.lang, r));
                }
            }
            best.map_or((hint, (IntentId::OutOfScope, 0.0)), |(l, r)| {
                if r.0 == IntentId::OutOfScope {
                    (hint, r)
                } else {
                    (l, r)
                }
            })
        };
        // "above fifty dollars": the amount in digits for the slots and the dialogue.
        let (norm, written_out) = match english_amounts_as_digits(&norm) {
            Some(digits) => (digits.clone(), Some(digits)),
            None => (norm, written_out),
        };
        let slots = slots::extract(text, &norm, now, &self.lexicon);
        tracing::trace!(intent = %intent, confidence, lang = %lang, "parsed");
        IntentMatch {
            intent,
            confidence: confidence.clamp(0.0, 1.0),
            lang,
            slots,
            written_out,
        }
    }
}
