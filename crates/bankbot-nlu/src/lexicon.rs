//! Entity lexicons: account-kind synonyms, spending categories and merchant aliases, matched
//! as whole phrases in the normalised text (longest phrase first).

use std::collections::HashMap;

use bankbot_core::{AccountKind, Category};
use regex::Regex;

use crate::normalize::normalize;

/// Everyday words one typo from a merchant name that mean something else: French slang
/// for money ("j'ai combien de tunes" is not iTunes).
const NOT_MISSPELT_MERCHANTS: &[&str] = &["tunes", "thunes", "thune", "balles"];

/// What a lexicon file describes.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum EntityKind {
    /// Values are `checking`, `savings`, `credit_card`.
    AccountType,
    /// Values are [`Category`] names.
    Category,
    /// Values are canonical merchant names (lower case).
    Merchant,
}

impl EntityKind {
    /// Parses `account_type`, `category` or `merchant`.
    pub fn parse(name: &str) -> Option<EntityKind> {
        match name {
            "account_type" => Some(EntityKind::AccountType),
            "category" => Some(EntityKind::Category),
            "merchant" => Some(EntityKind::Merchant),
            _ => None,
        }
    }
}

/// A canonical value and its synonyms.
#[derive(Debug, Clone, PartialEq)]
pub struct LexiconEntry {
    kind: EntityKind,
    value: String,
    synonyms: Vec<String>,
}

impl LexiconEntry {
    /// Validates the value for its kind; synonyms are normalised (the value itself is one).
    pub fn new<'a>(
        kind: EntityKind,
        value: &str,
        synonyms: impl IntoIterator<Item = &'a str>,
    ) -> Option<LexiconEntry> {
        let valid = match kind {
            EntityKind::AccountType => {
                matches!(
                    AccountKind::parse(value),
                    Some(AccountKind::Checking | AccountKind::Savings | AccountKind::CreditCard)
                )
            }
            EntityKind::Category => Category::parse(value).is_some(),
            EntityKind::Merchant => !value.trim().is_empty() && value == value.to_lowercase(),
        };
        if !valid {
            return None;
        }
        let mut all = vec![normalize(&value.replace('_', " "))];
        for s in synonyms {
            let n = normalize(s);
            if n.is_empty() {
                return None;
            }
            all.push(n);
        }
        Some(LexiconEntry {
            kind,
            value: value.to_owned(),
            synonyms: all,
        })
    }
}

/// Phrases of one kind compiled into a single alternation.
#[derive(Debug, Clone)]
struct Matcher {
    re: Option<Regex>,
    values: HashMap<String, String>,
}

impl Matcher {
    fn build<'a>(entries: impl Iterator<Item = &'a LexiconEntry>) -> Matcher {
        let mut values = HashMap::new();
        for e in entries {
            for s in &e.synonyms {
                values.entry(s.clone()).or_insert_with(|| e.value.clone());
            }
        }
        let mut phrases: Vec<&String> = values.keys().collect();
        phrases.sort_by(|a, b| b.len().cmp(&a.len()).then(a.cmp(b)));
        let alternation: Vec<String> = phrases
            .iter()
            .map(|p| regex::escape(p).replace("\\ ", "\\s+").replace(' ', "\\s+"))
            .collect();
        let re = if alternation.is_empty() {
            None
        } else {
            Regex::new(&format!(
                // A plural or possessive of a phrase is the phrase: "ubers", "amazon's".
                r"(?:^|[^\p{{L}}\p{{N}}])({})(?:'?s)?(?:$|[^\p{{L}}\p{{N}}])",
                alternation.join("|")
            ))
            .ok()
        };
        Matcher { re, values }
    }

    fn find(&self, norm: &str) -> Option<(&str, usize, usize)> {
        let caps = self.re.as_ref()?.captures(norm)?;
        let m = caps.get(1)?;
        let key = m.as_str().split_whitespace().collect::<Vec<_>>().join(" ");
        self.values
            .get(&key)
            .map(|v| (v.as_str(), m.start(), m.end()))
    }
}

/// All lexicons of the engine (every locale together: slots do not depend on the language).
#[derive(Debug, Clone)]
pub struct Lexicon {
    accounts: Matcher,
    categories: Matcher,
    merchants: Matcher,
    /// Merchant names a typo may be read as (one word, long enough) and their values,
    /// chosen once instead of on every parse.
    typo_names: TypoNames,
}

/// The merchant names a typo may be read as, ASCII ones by byte length: a typed ASCII word
/// is compared only with the names one letter shorter, as long or one longer (the only
/// ones one edit away), instead of with every name on every parse.
#[derive(Debug, Clone, Default)]
struct TypoNames {
    /// `ascii_by_len[n]`: ASCII names of `n` bytes and their values.
    ascii_by_len: Vec<Vec<(String, String)>>,
    /// Names with other characters (byte lengths say little about their edits).
    other: Vec<(String, String)>,
}

impl TypoNames {
    fn new(names: impl Iterator<Item = (String, String)>) -> TypoNames {
        let mut t = TypoNames::default();
        for (name, value) in names {
            if name.is_ascii() {
                let n = name.len();
                if t.ascii_by_len.len() <= n {
                    t.ascii_by_len.resize_with(n + 1, Vec::new);
                }
                if let Some(bucket) = t.ascii_by_len.get_mut(n) {
                    bucket.push((name, value));
                }
            } else {
                t.other.push((name, value));
            }
        }
        t
    }

    /// The names that may be one edit from `word`: for an ASCII word the ASCII names of
    /// a neighbouring length and every other name; for any other word, every name whose
    /// byte length is within a few bytes.
    fn candidates<'a>(&'a self, word: &'a str) -> impl Iterator<Item = &'a (String, String)> {
        let len = word.len();
        let ascii_lens = if word.is_ascii() {
            len.saturating_sub(1)..len + 2
        } else {
            len.saturating_sub(4)..len + 5
        };
        let ascii = ascii_lens.flat_map(|n| self.ascii_by_len.get(n).into_iter().flatten());
        let other = self
            .other
            .iter()
            .filter(move |(name, _)| name.len().abs_diff(len) <= 4);
        ascii.chain(other)
    }
}

impl Lexicon {
    /// Compiles the entries.
    pub fn new(entries: &[LexiconEntry]) -> Lexicon {
        let of = |k: EntityKind| entries.iter().filter(move |e| e.kind == k);
        let merchants = Matcher::build(of(EntityKind::Merchant));
        let typo_names = TypoNames::new(
            merchants
                .values
                .iter()
                .filter(|(name, _)| {
                    name.chars().count() >= crate::typo::MIN_LEN && !name.contains(' ')
                })
                .map(|(name, value)| (name.clone(), value.clone())),
        );
        Lexicon {
            accounts: Matcher::build(of(EntityKind::AccountType)),
            categories: Matcher::build(of(EntityKind::Category)),
            merchants,
            typo_names,
        }
    }

    /// The account kind named in `norm`.
    pub fn account_type(&self, norm: &str) -> Option<AccountKind> {
        self.accounts
            .find(norm)
            .and_then(|(v, _, _)| AccountKind::parse(v))
    }

    /// The spending category named in `norm`.
    pub fn category(&self, norm: &str) -> Option<Category> {
        self.categories
            .find(norm)
            .and_then(|(v, _, _)| Category::parse(v))
    }

    /// A known merchant named in `norm`.
    pub fn merchant(&self, norm: &str) -> Option<String> {
        self.merchants
            .find(norm)
            .map(|(v, _, _)| v.to_owned())
            .or_else(|| self.misspelt_merchant(norm))
    }

    /// A merchant one typo away from a long-enough word of `norm` ("amazn", "netflx"),
    /// when that word is no category or account word and only one merchant is that close.
    fn misspelt_merchant(&self, norm: &str) -> Option<String> {
        let mut found: Option<&String> = None;
        for word in norm.split(|c: char| !c.is_alphanumeric() && c != '\'') {
            if word.len() < crate::typo::MIN_LEN - 1
                || word.chars().count() < crate::typo::MIN_LEN - 1
                || self.is_category_or_account_word(word)
                || NOT_MISSPELT_MERCHANTS.contains(&word)
            {
                continue;
            }
            for (name, value) in self.typo_names.candidates(word) {
                if crate::typo::one_edit_apart(word, name) {
                    if found.is_some_and(|f| f != value) {
                        return None;
                    }
                    found = Some(value);
                }
            }
        }
        found.cloned()
    }

    /// True when `word` (normalised) is a category or account synonym.
    pub fn is_category_or_account_word(&self, word: &str) -> bool {
        self.categories.values.contains_key(word) || self.accounts.values.contains_key(word)
    }
}
