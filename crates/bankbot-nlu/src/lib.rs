//! # bankbot-nlu — the intent engine
//!
//! Pure Rust, trained at load time from the `intents/` folder, no model downloads, no
//! async runtime or HTTP. [`Engine::parse`] turns one customer message into an
//! [`IntentMatch`]: one of the 16 [`IntentId`]s (`out_of_scope` when unsure), a
//! confidence, the detected [`Lang`] and normalised [`Slots`].
//!
//! - `intents/<locale>/<intent>.toml`: `intent`, `examples` and optional regex `patterns`;
//!   `intents/<locale>/entities/*.toml`: `kind` (`account_type`, `category`, `merchant`)
//!   and `[values]` (canonical value → synonyms). [`Engine::load_dir`] validates everything
//!   and reports file and line on error ([`NluError`]).
//! - Classification: patterns first (case-insensitive, on the normalised text), then
//!   one-vs-rest linear SVMs trained by dual coordinate descent over TF-IDF word uni- and
//!   bigrams and character 2–5-grams (optionally blended with naive-Bayes log-count
//!   ratios, [`nb`]); out of scope through an explicit class and a threshold. Training is
//!   deterministic.
//! - Slots are extracted whatever the intent: account type, count, dates (resolved against
//!   `now`), amounts, merchant, category, location.
//! - [`eval`] measures the classifier on CLINC150 and BANKING77.
//!
//! ```no_run
//! use bankbot_nlu::Engine;
//! let engine = Engine::load_dir(std::path::Path::new("intents")).unwrap();
//! let now = chrono::NaiveDate::from_ymd_opt(2026, 11, 29).unwrap();
//! let m = engine.parse("did uber charge me last month", now, None);
//! println!("{} {:?}", m.intent, m.slots);
//! ```

pub mod classifier;
mod engine;
mod error;
pub mod eval;
pub mod features;
mod lang;
pub mod lexicon;
pub mod loader;
pub mod nb;
pub mod normalize;
pub mod slots;
mod spelled;
mod spelled_en;
mod spelled_fr;
pub mod svm;
pub mod texting_fr;
mod typo;
mod words_en;

pub use bankbot_core::{IntentId, IntentMatch, Lang, Slots};
pub use classifier::{Classifier, Prediction, TrainConfig};
pub use engine::{DEFAULT_THRESHOLD, Engine};
pub use error::NluError;
pub use lang::detect as detect_lang;
pub use lang::has_word_of as has_lang_word;
