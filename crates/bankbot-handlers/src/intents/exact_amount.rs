//! "j'ai une opé de 45 euros, c'est quoi ?", "c quoi le prélèvement de 63,20 € ?", "what's
//! the $45 charge?": a payment named by its exact amount is looked up — the listing of
//! the operations of that amount, whatever their date.

use std::str::FromStr;

use bankbot_core::{Category, Slots};
use rust_decimal::Decimal;

use crate::cues::fold;

/// Words naming one operation, each padded and folded.
const OPERATION: &[&str] = &[
    " ope ",
    " opes ",
    " operation ",
    " operations ",
    " paiement ",
    " paiements ",
    " prelevement ",
    " prlv ",
    " debit ",
    " achat ",
    " transaction ",
    " payment ",
    " charge ",
    " ligne ",
    " virement ",
    " versement ",
];

/// Words asking what it is, each padded and folded.
const WHAT: &[&str] = &[
    " quoi ",
    " kesako ",
    " correspond ",
    " vient d'ou ",
    " d'ou vient ",
    " c'est qui ",
    " what ",
    " whats ",
    " what's ",
    " which ",
    " comprends pas ",
    " comprend pas ",
    " capte pas ",
    " pige pas ",
    " explique ",
    " expliquer ",
];

/// Words of a request to move money, which is not a lookup ("fais un virement de 200 €");
/// "c'est quoi le virement de 2450 € ?" asks about one already made.
const MOVE: &[&str] = &[
    " fais ",
    " faire ",
    " fait ",
    " vire ",
    " virer ",
    " envoie ",
    " envoyer ",
    " veux ",
    " voudrais ",
    " peux ",
    " pourrais ",
    " transfer ",
    " send ",
    " make ",
    " want ",
    " can you ",
];

/// Currency words or signs that may follow a number.
const AFTER: &[&str] = &["€", "euro", "eur", "balle", "$", "dollar", "buck", "usd"];

/// The exact amount asked about, when `text` asks what an operation of that amount is.
pub(crate) fn asked(text: &str) -> Option<Decimal> {
    let f = fold(text);
    let has = |list: &[&str]| list.iter().any(|w| f.contains(w));
    if !has(OPERATION) || has(MOVE) || !(has(WHAT) || text.contains('?')) {
        return None;
    }
    money_amount(&text.to_lowercase())
}

/// The slots of the lookup: exactly `amount`. "Virement" names no category here — the
/// amount says which one, money in or out.
pub(crate) fn slots(parsed: &Slots, amount: Decimal) -> Slots {
    let category = parsed
        .category
        .filter(|c| !matches!(c, Category::Transfer | Category::Income));
    Slots {
        amount_min: Some(amount),
        amount_max: Some(amount),
        category,
        ..parsed.clone()
    }
}

/// The first number written with a currency ("45 euros", "63,20 €", "$45.10") or with
/// cents ("cette opération de 63,20").
fn money_amount(lower: &str) -> Option<Decimal> {
    let chars: Vec<char> = lower.chars().collect();
    let mut i = 0;
    while i < chars.len() {
        if !chars[i].is_ascii_digit() || (i > 0 && chars[i - 1].is_ascii_digit()) {
            i += 1;
            continue;
        }
        let start = i;
        while i < chars.len() && chars[i].is_ascii_digit() {
            i += 1;
        }
        let mut end = i;
        let mut cents = false;
        if i + 1 < chars.len() && matches!(chars[i], '.' | ',') && chars[i + 1].is_ascii_digit() {
            let mut j = i + 1;
            while j < chars.len() && chars[j].is_ascii_digit() {
                j += 1;
            }
            if j - i - 1 <= 2 {
                cents = j - i - 1 == 2;
                end = j;
            }
        }
        let before: String = chars[..start]
            .iter()
            .rev()
            .take_while(|c| *c != &' ')
            .collect();
        let after: String = chars[end..]
            .iter()
            .collect::<String>()
            .trim_start()
            .to_string();
        let signed =
            cents || before.contains(['€', '$']) || AFTER.iter().any(|c| after.starts_with(c));
        if signed {
            let number: String = chars[start..end].iter().collect();
            return Decimal::from_str(&number.replace(',', ".")).ok();
        }
        i = end.max(start + 1);
    }
    None
}

#[cfg(test)]
mod tests {
    use super::asked;

    fn amount(t: &str) -> Option<String> {
        asked(t).map(|d| d.to_string())
    }

    #[test]
    fn operations_named_by_amount_are_looked_up() {
        assert_eq!(
            amount("j'ai une opé de 45 euros, c'est quoi ?"),
            Some("45".into())
        );
        assert_eq!(
            amount("c quoi le prélèvement de 63,20 € ?"),
            Some("63.20".into())
        );
        assert_eq!(amount("c'est quoi ce débit de 3.80€"), Some("3.80".into()));
        assert_eq!(amount("what's the $45 charge"), Some("45".into()));
        assert_eq!(
            amount("un paiement de 45 balles, ça correspond à quoi"),
            Some("45".into())
        );
        assert_eq!(
            amount("j'ai besoin d'aide, je comprends pas cette opé de 45,10"),
            Some("45.10".into())
        );
    }

    #[test]
    fn other_amounts_are_not() {
        assert_eq!(amount("fais un virement de 200 € à ma sœur"), None);
        assert_eq!(
            amount("je veux faire un virement de 50 € c'est possible ?"),
            None
        );
        assert_eq!(amount("mes 3 dernières opérations ?"), None);
        assert_eq!(amount("combien j'ai dépensé"), None);
        assert_eq!(amount("c'est quoi le paiement du 12 ?"), None);
    }
}
