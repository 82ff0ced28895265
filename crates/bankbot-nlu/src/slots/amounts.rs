//! `amount_min` / `amount_max`: "over $100", "under 20 euros", "plus de 100 €",
//! "between 10 and 50", "entre 10 et 50 euros".

use std::str::FromStr;
use std::sync::LazyLock;

use regex::Regex;
use rust_decimal::Decimal;

const CUR: &str = r"\$|€|£|usd|eur|gbp|dollars?|bucks|euros?|pounds?|quid|balles";
const NUM: &str = r"\d{1,3}(?:,\d{3})+(?:\.\d{1,2})?|\d{1,3}(?:[ \u{a0}\u{202f}]\d{3})+(?:,\d{1,2})?|\d+(?:[.,]\d{1,2})?";
const MIN: &str = r"over|above|more\s+than|greater\s+than|bigger\s+than|larger\s+than|higher\s+than|at\s+least|exceeding|in\s+excess\s+of|>=?|plus\s+de|plus\s+d'|au[\s-]dessus\s+de|superieure?s?\s+a|au\s+moins|minimum|min|\+\s*de|\+\s*d'|depass(?:e|es|ent|ant|ants|ait|aient)|excede(?:s|nt)?|excedant|au[\s-]dela\s+de|plus\s+(?:gros|grosses?|cher|chers|eleves?)\s+que|a\s+partir\s+de";
const MAX: &str = r"under|below|less\s+than|smaller\s+than|lower\s+than|at\s+most|no\s+more\s+than|up\s+to|<=?|moins\s+de|moins\s+d'|en[\s-]dessous\s+de|au[\s-]dessous\s+de|inferieure?s?\s+a|au\s+plus|maximum|max|depass(?:e|es|ent|ant|ait)?\s+pas|(?:n'|ne\s+)exced(?:e|ent)\s+pas";
const NOT_MONEY: &str = r"^\s*(?:days?|weeks?|months?|years?|jours?|semaines?|mois|ans?|annees?|transactions?|payments?|operations?|charges?|times?|fois|km|miles?|meters?|m)\b";

fn amount(cur: &str) -> String {
    format!(r"(?:(?:{cur})\s*)?({NUM})(?:\s*(?:{cur}))?", cur = cur)
}

static BETWEEN: LazyLock<Option<Regex>> = LazyLock::new(|| {
    Regex::new(&format!(
        r"\b(?:between|entre)\s+{a}\s*(?:and|et|-|to|&)\s*{b}",
        a = amount(CUR),
        b = amount(CUR)
    ))
    .ok()
});
static MIN_RE: LazyLock<Option<Regex>> = LazyLock::new(|| {
    Regex::new(&format!(
        r"(?:^|\b|\s)(?:{MIN})\s*{}(.{{0,12}})",
        amount(CUR)
    ))
    .ok()
});
static MAX_RE: LazyLock<Option<Regex>> = LazyLock::new(|| {
    Regex::new(&format!(
        r"(?:^|\b|\s)(?:{MAX})\s*{}(.{{0,12}})",
        amount(CUR)
    ))
    .ok()
});
/// "à partir de 15 novembre", "over 3 oct": a day of a month is no amount either.
static NOT_MONEY_RE: LazyLock<Option<Regex>> = LazyLock::new(|| {
    Regex::new(&format!(
        r"{NOT_MONEY}|^\s*(?:{})\b|^\s*(?:h|heures?|hours?)\b",
        super::dates::MONTH
    ))
    .ok()
});

/// Reads "1,234.50", "1 234,50", "12,5" or "100" as a decimal.
pub fn parse_number(s: &str) -> Option<Decimal> {
    let s = s.replace(['\u{a0}', '\u{202f}', ' '], "");
    let cleaned = if s.contains('.') {
        s.replace(',', "")
    } else if let Some((int, frac)) = s.rsplit_once(',') {
        if frac.len() == 3 {
            format!("{}{frac}", int.replace(',', ""))
        } else {
            format!("{}.{frac}", int.replace(',', ""))
        }
    } else {
        s
    };
    Decimal::from_str(&cleaned).ok()
}

fn bound(re: &Option<Regex>, norm: &str) -> Option<Decimal> {
    let not_money = NOT_MONEY_RE.as_ref()?;
    for c in re.as_ref()?.captures_iter(norm) {
        let tail = c.get(2).map_or("", |m| m.as_str());
        let whole = c.get(0).map_or("", |m| m.as_str());
        let has_currency =
            whole.contains(['$', '€', '£']) || whole.contains("dollar") || whole.contains("euro");
        if !has_currency && not_money.is_match(tail) {
            continue;
        }
        if let Some(v) = c.get(1).and_then(|m| parse_number(m.as_str())) {
            return Some(v);
        }
    }
    None
}

/// `(amount_min, amount_max)` in a normalised utterance.
pub fn extract(norm: &str) -> (Option<Decimal>, Option<Decimal>) {
    // Every amount has digits (`NUM`): most messages have none and skip the regexes.
    if !super::numbers::has_digit(norm) {
        return (None, None);
    }
    if let Some(c) = BETWEEN.as_ref().and_then(|r| r.captures(norm)) {
        let a = c.get(1).and_then(|m| parse_number(m.as_str()));
        let b = c.get(2).and_then(|m| parse_number(m.as_str()));
        if let (Some(a), Some(b)) = (a, b) {
            return (Some(a.min(b)), Some(a.max(b)));
        }
    }
    (bound(&MIN_RE, norm), bound(&MAX_RE, norm))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn ex(s: &str) -> (Option<String>, Option<String>) {
        let (a, b) = extract(s);
        (a.map(|d| d.to_string()), b.map(|d| d.to_string()))
    }

    #[test]
    fn amounts() {
        assert_eq!(ex("transactions over $100"), (Some("100".into()), None));
        assert_eq!(ex("anything above 50 dollars"), (Some("50".into()), None));
        assert_eq!(ex("purchases under 20 euros"), (None, Some("20".into())));
        assert_eq!(
            ex("between 10 and 50"),
            (Some("10".into()), Some("50".into()))
        );
        assert_eq!(ex("plus de 100 euros"), (Some("100".into()), None));
        assert_eq!(ex("mes opes de + de 50€"), (Some("50".into()), None));
        assert_eq!(ex("moins de 20 €"), (None, Some("20".into())));
        assert_eq!(
            ex("entre 10,50 et 30 euros"),
            (Some("10.50".into()), Some("30".into()))
        );
        assert_eq!(ex("more than 1,250.75 usd"), (Some("1250.75".into()), None));
        assert_eq!(ex("more than 3 transactions"), (None, None));
        // "dépasse", "au-delà de", "à partir de", the euro typed "e": a lower bound too.
        for typed in [
            "tout ce qui depasse 50e",
            "tt ce qui depasse 50 balles",
            "les achats qui depassent 50 euros",
            "les depenses depassant 50 €",
            "au-dela de 50 eur",
            "tout ce qui excede 50$",
            "les paiements a partir de 50 euros",
            "les trucs plus chers que 50e",
        ] {
            assert_eq!(ex(typed), (Some("50".into()), None), "{typed}");
        }
        assert_eq!(ex("a partir du 15 novembre"), (None, None));
        assert_eq!(ex("a partir de 15 novembre"), (None, None));
        assert_eq!(ex("ce qui depasse pas 5 euros"), (None, Some("5".into())));
        assert_eq!(ex("il me reste plus que 50 euros"), (None, None));
        assert_eq!(ex("depuis 3 jours"), (None, None));
        assert_eq!(ex("my balance"), (None, None));
    }
}
