//! What the load's users say: one fixed text, or a realistic weighted mix of what linked
//! customers ask (balances, transactions, spending, ATMs, small talk), in English and French.
//!
//! The mix is deterministic: event `n` always gets the same message, so runs compare.

use serde::Serialize;

/// The kind of request a message of the mix is, reported per kind.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum RequestKind {
    /// The `--text` of every event (no mix).
    Fixed,
    /// Account balances.
    Balance,
    /// Recent transactions.
    Transactions,
    /// Spending by category, merchant or period.
    Spending,
    /// Cash machines near a place.
    Atm,
    /// Greetings, thanks, questions about the bot.
    SmallTalk,
}

impl RequestKind {
    /// The name used in the report.
    pub fn as_str(self) -> &'static str {
        match self {
            RequestKind::Fixed => "fixed",
            RequestKind::Balance => "balance",
            RequestKind::Transactions => "transactions",
            RequestKind::Spending => "spending",
            RequestKind::Atm => "atm",
            RequestKind::SmallTalk => "small_talk",
        }
    }
}

/// Which messages the load sends.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Mix {
    /// Every event carries this text.
    Fixed(String),
    /// The weighted realistic mix ([`REALISTIC`]).
    Realistic,
}

/// Weight (share out of 100) and texts of each kind of the realistic mix.
pub const REALISTIC: &[(RequestKind, u32, &[&str])] = &[
    (
        RequestKind::Balance,
        35,
        &[
            "what's my balance",
            "how much money do I have in my savings",
            "quel est mon solde",
        ],
    ),
    (
        RequestKind::Transactions,
        25,
        &[
            "show my last 5 transactions",
            "recent transactions on my checking account",
            "mes dernières opérations",
        ],
    ),
    (
        RequestKind::Spending,
        20,
        &[
            "how much did I spend on groceries this month",
            "how much did I spend at Starbucks last month",
            "combien j'ai dépensé en restaurants ce mois-ci",
        ],
    ),
    (
        RequestKind::Atm,
        10,
        &["atm near 94105", "nearest cash machine to SW1A 1AA"],
    ),
    (
        RequestKind::SmallTalk,
        10,
        &["hi", "thanks!", "who are you?"],
    ),
];

/// Spreads consecutive events over the 100 weight slots (coprime with 100, so every slot is
/// used once per 100 events and neighbours differ).
const STRIDE: usize = 37;

impl Mix {
    /// Parses `--mix`: `realistic`, or `fixed` (the `--text`).
    pub fn parse(name: &str, text: &str) -> Result<Self, String> {
        match name {
            "realistic" => Ok(Mix::Realistic),
            "fixed" => Ok(Mix::Fixed(text.to_owned())),
            other => Err(format!(
                "unknown mix {other:?} (use \"realistic\" or \"fixed\")"
            )),
        }
    }

    /// The kind and text of event number `event`.
    pub fn message(&self, event: usize) -> (RequestKind, &str) {
        match self {
            Mix::Fixed(text) => (RequestKind::Fixed, text.as_str()),
            Mix::Realistic => {
                let total: u32 = REALISTIC.iter().map(|(_, w, _)| w).sum();
                let slot = ((event.wrapping_mul(STRIDE)) % total as usize) as u32;
                let mut upto = 0;
                for (kind, weight, texts) in REALISTIC {
                    upto += weight;
                    if slot < upto {
                        let variant = event / total as usize + slot as usize;
                        return (*kind, texts[variant % texts.len()]);
                    }
                }
                // Unreachable while the weights sum to `total`; answer with the first text.
                (REALISTIC[0].0, REALISTIC[0].2[0])
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::collections::BTreeMap;

    #[test]
    fn realistic_mix_follows_its_weights() {
        let mut counts: BTreeMap<RequestKind, usize> = BTreeMap::new();
        for event in 0..1000 {
            *counts.entry(Mix::Realistic.message(event).0).or_insert(0) += 1;
        }
        assert_eq!(counts[&RequestKind::Balance], 350);
        assert_eq!(counts[&RequestKind::Transactions], 250);
        assert_eq!(counts[&RequestKind::Spending], 200);
        assert_eq!(counts[&RequestKind::Atm], 100);
        assert_eq!(counts[&RequestKind::SmallTalk], 100);
        assert!(!counts.contains_key(&RequestKind::Fixed));
    }

    #[test]
    fn every_text_is_used_and_neighbours_differ() {
        let texts: std::collections::BTreeSet<&str> =
            (0..1000).map(|e| Mix::Realistic.message(e).1).collect();
        let all: usize = REALISTIC.iter().map(|(_, _, t)| t.len()).sum();
        assert_eq!(texts.len(), all);
        let same_kind_runs = (1..100)
            .filter(|e| Mix::Realistic.message(*e).0 == Mix::Realistic.message(e - 1).0)
            .count();
        assert!(same_kind_runs < 50, "{same_kind_runs}");
    }

    #[test]
    fn fixed_mix_and_parsing() {
        let mix = Mix::parse("fixed", "hello").unwrap_or(Mix::Realistic);
        assert_eq!(mix.message(3), (RequestKind::Fixed, "hello"));
        assert_eq!(Mix::parse("realistic", ""), Ok(Mix::Realistic));
        assert!(Mix::parse("chatty", "").is_err());
    }
}
