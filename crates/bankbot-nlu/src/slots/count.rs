//! `count`: how many transactions ("last three payments", "mes 5 dernières opérations",
//! "latest transaction" = 1).

use std::sync::LazyLock;

use regex::Regex;

use super::numbers::{NUMBER, value};

const ITEMS: &str = r"transactions?|payments?|charges?|purchases?|debits?|credits?|deposits?|withdrawals?|transfers?|items?|entries|entry|operations?|paiements?|achats?|depenses?|virements?|mouvements?|retraits?|prelevements?";
const RECENT: &str = r"last|latest|past|recent|most\s+recent|previous|top|newest|dernier|derniere|derniers|dernieres|recents?|recentes?";
const UNITS: &str = r"^(?:days?|weeks?|months?|years?|jours?|semaines?|mois|ans?|annees?|hours?|heures?|\$|€|£|dollars?|euros?|bucks|eur|usd)\b";

static AFTER_RECENT: LazyLock<Option<Regex>> =
    LazyLock::new(|| Regex::new(&format!(r"\b(?:{RECENT})\s+({NUMBER})\b\s*(\S*)")).ok());
static BEFORE_ITEMS: LazyLock<Option<Regex>> = LazyLock::new(|| {
    Regex::new(&format!(
        r"\b({NUMBER})\s+(?:(?:{RECENT})\s+)?(?:{ITEMS})\b"
    ))
    .ok()
});
static SINGLE: LazyLock<Option<Regex>> = LazyLock::new(|| {
    Regex::new(r"\b(?:last|latest|most\s+recent|newest|previous|derniere|dernier)\s+(?:transaction|payment|charge|purchase|debit|deposit|withdrawal|transfer|thing|bill|order|item|operation|paiement|achat|depense|virement|retrait|prelevement)\b(?:\s|$|[^s\p{L}])|\b(?:transaction|operation|paiement|achat)\s+la\s+plus\s+recente\b|\b(?:transaction|operation)\s+recente\b(?:\s|$|[^s])")
        .ok()
});
static UNIT_RE: LazyLock<Option<Regex>> = LazyLock::new(|| Regex::new(UNITS).ok());
/// A word every count needs, a recency word or an item word (or their stems): one
/// literal search before the three regexes above, which most messages skip.
static CUES: LazyLock<Option<Regex>> = LazyLock::new(|| {
    Regex::new(
        "last|latest|past|recent|previous|top|newest|dernier|transaction|payment|charge|purchase|debit|credit|deposit|withdrawal|transfer|item|entr|operation|paiement|achat|depense|virement|mouvement|retrait|prelevement",
    )
    .ok()
});

/// The count in a normalised utterance.
pub fn extract(norm: &str) -> Option<u32> {
    if CUES.as_ref().is_some_and(|r| !r.is_match(norm)) {
        return None;
    }
    let is_unit = |w: &str| UNIT_RE.as_ref().is_some_and(|r| r.is_match(w));
    if let Some(c) = BEFORE_ITEMS.as_ref().and_then(|r| r.captures(norm))
        && let Some(n) = c.get(1).and_then(|m| value(m.as_str()))
    {
        return Some(n).filter(|n| *n > 0);
    }
    if let Some(re) = AFTER_RECENT.as_ref() {
        for c in re.captures_iter(norm) {
            let next = c.get(2).map_or("", |m| m.as_str());
            if !is_unit(next)
                && let Some(n) = c.get(1).and_then(|m| value(m.as_str())).filter(|n| *n > 0)
            {
                return Some(n);
            }
        }
    }
    if SINGLE.as_ref().is_some_and(|r| r.is_match(norm)) {
        return Some(1);
    }
    None
}

#[cfg(test)]
mod tests {
    use super::extract;

    #[test]
    fn counts() {
        assert_eq!(extract("show my last three transactions"), Some(3));
        assert_eq!(extract("last 5 payments please"), Some(5));
        assert_eq!(extract("what was my latest transaction"), Some(1));
        assert_eq!(extract("what was the last thing i bought"), Some(1));
        assert_eq!(extract("when was my last bill"), Some(1));
        assert_eq!(extract("spending in the last 30 days"), None);
        assert_eq!(extract("mes 5 dernieres operations"), Some(5));
        assert_eq!(extract("mes trois derniers achats"), Some(3));
        assert_eq!(extract("ma derniere transaction"), Some(1));
        assert_eq!(extract("les 10 derniers jours"), None);
        assert_eq!(extract("my last transactions"), None);
    }
}
