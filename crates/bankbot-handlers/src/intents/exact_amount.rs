//! "j'ai une opé de 45 euros, c'est quoi ?", "c quoi le prélèvement de 63,20 € ?", "what's
//! the $45 charge?": a payment named by its exact amount is looked up — the listing of
//! the operations of that amount, whatever their date. A whole amount matches its cents
//! ("63 balles" finds 63,20 €); "genre 50 euros", "about $50" looks 10 % either side.

use std::str::FromStr;

use bankbot_bank::CustomerCredential;
use bankbot_core::{Category, Slots};
use rust_decimal::Decimal;

use crate::HandlerError;
use crate::catalog::Msg;
use crate::ctx::Ctx;
use crate::cues::fold;
use crate::intents::transactions;

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
    " retrait ",
    " retraits ",
    " prelo ",
    " prelos ",
    " prelevements ",
    " achats ",
    " virements ",
    " virement ",
    " versement ",
    " transactions ",
    " payments ",
    " charges ",
    " purchase ",
    " purchases ",
    " txn ",
    " txns ",
    " trans ",
    " debits ",
    " withdrawal ",
    " truc ",
    " trucs ",
    " machin ",
    " bidule ",
    " chose ",
    " thing ",
    " one ",
    " thing ",
    " item ",
    " entry ",
    " line ",
    " amount ",
    " montant ",
    " bill ",
    " pay ",
    " paid ",
    " spend ",
    " spent ",
    " paye ",
    " payee ",
];

/// Words of a search for one operation ("was there a payment for 42.50", "did i pay
/// 1850", "transaction of 1850"), each padded and folded: with them no "what" is needed.
const SEARCH: &[&str] = &[
    " was there ",
    " is there ",
    " were there ",
    " any ",
    " did i ",
    " have i ",
    " find ",
    " look for ",
    " look up ",
    " search ",
    " looking for ",
    " cherche ",
    " recherche ",
    " show me the ",
    " t'as vu ",
    " tu as vu ",
    " tas vu ",
    " vous avez vu ",
    " y a ",
    " ya ",
    " il y a ",
    " un paiement ",
    " un achat ",
    " un retrait ",
    " un prelevement ",
    " un prelo ",
    " une operation ",
    " y a eu ",
    " y a t il ",
    " y a tu ",
    " une ope ",
    " un truc ",
    " of ",
    " for ",
    " the ",
];

/// One operation named after a bare number that is its amount ("that 1850 thing").
const ONE_ITEM: &[&str] = &[
    "thing",
    "one",
    "charge",
    "payment",
    "item",
    "entry",
    "line",
    "transaction",
    "purchase",
    "bill",
    "debit",
    "withdrawal",
    "txn",
    "amount",
    "ope",
    "operation",
    "paiement",
    "prelevement",
    "achat",
    "virement",
    "retrait",
    "prelo",
    "truc",
];

/// Words before a number that counts items rather than naming an amount ("last 3 one").
const COUNTING: &[&str] = &[
    "last",
    "first",
    "top",
    "past",
    "latest",
    "recent",
    "next",
    "previous",
    "derniers",
    "dernieres",
    "premiers",
];

/// Words after which a bare number is an amount ("transaction of 1850", "did i pay 1850").
const BEFORE_BARE: &[&str] = &[
    "of",
    "for",
    "pay",
    "paid",
    "spent",
    "spend",
    "amount",
    "genre",
    "environ",
    "about",
    "around",
    "roughly",
    "like",
    "à",
    "a",
    "d'environ",
    "de",
];

/// Words saying the amount is approximate ("un truc genre 50 euros", "about $50"), padded.
const ROUGHLY: &[&str] = &[
    " genre ",
    " environ ",
    " d'environ ",
    " dans les ",
    " a peu pres ",
    " autour de ",
    " quelque chose comme ",
    " about ",
    " around ",
    " roughly ",
    " approximately ",
    " something like ",
    " ish ",
    " ~",
];

/// Words asking what it is, each padded and folded.
const WHAT: &[&str] = &[
    " quoi ",
    " kesako ",
    " correspond ",
    " vient d'ou ",
    " d'ou vient ",
    " c'est qui ",
    " koi ",
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

/// Words disowning the operation ("un prélèvement que je n'ai point autorisé de 45 €"): a
/// fraud report, which the fraud path answers, not a lookup.
const DISOWNED: &[&str] = &[
    " pas autorise ",
    " point autorise ",
    " jamais autorise ",
    " pas autorisee ",
    " point autorisee ",
    " non autorise ",
    " non autorisee ",
    " pas fait ",
    " jamais fait ",
    " pas moi ",
    " reconnais pas ",
    " connais pas ",
    " frauduleux ",
    " frauduleuse ",
    " suspect ",
    " suspecte ",
    " louche ",
    " chelou ",
    " didn't make ",
    " didnt make ",
    " not mine ",
    " unauthorized ",
    " unauthorised ",
    " don't recognize ",
    " dont recognize ",
    " fraudulent ",
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
const AFTER: &[&str] = &[
    "€", "euro", "eur", "balle", "$", "dollar", "buck", "usd", "piasse", "piastre", "boule",
    "quid", "franc", "chf",
];

/// The exact amount asked about, when `text` asks what an operation of that amount is.
pub(crate) fn asked(text: &str) -> Option<Decimal> {
    let f = fold(text);
    let has = |list: &[&str]| list.iter().any(|w| f.contains(w));
    let orders = f
        .split_whitespace()
        .next()
        .is_some_and(|w| matches!(w, "pay" | "send" | "transfer" | "move"));
    if !has(OPERATION) || has(MOVE) || orders || has(DISOWNED) {
        return None;
    }
    let lower = without_thousands(&text.to_lowercase());
    if has(WHAT) || text.contains('?') {
        // "c'est quoi le prélèvement de 950 ?": a bare figure after "de" is the amount when
        // no day could be meant (100 or more, or with cents; not "le paiement du 12").
        return money_amount(&lower, false).or_else(|| {
            amount_after_of(&lower).filter(|d| *d >= Decimal::ONE_HUNDRED || !d.fract().is_zero())
        });
    }
    if has(SEARCH) {
        return money_amount(&lower, true);
    }
    None
}

/// The most words a payment pointed at by its amount takes ("celui de 45 euros", "the
/// $23.50 one", "le paiement de 45€ là").
const POINTED_WORDS: usize = 6;

/// "celui de 45 euros", "the 23.50 one", "le 45 €": a short message naming one payment by
/// its amount alone, as said in answer to a fraud report (the amount needs a currency or
/// cents; money to move is no lookup).
pub(crate) fn pointed(text: &str) -> Option<Decimal> {
    let f = fold(text);
    if f.split_whitespace().count() > POINTED_WORDS || MOVE.iter().any(|w| f.contains(w)) {
        return None;
    }
    money_amount(&without_thousands(&text.to_lowercase()), false)
}

/// Words asking on which day, folded and padded.
const WHICH_DAY: &[&str] = &[
    " when ",
    " what day ",
    " which day ",
    " what date ",
    " quel jour ",
    " quelle date ",
    " quand ",
];

/// "the amazon compra of 129.99, when was it?", "et le carrefour de 63 c'était quel
/// jour": a merchant (or a category, "la boulangerie de 3,80") named with an amount, asked
/// when: the amount of that operation.
pub(crate) fn dated(text: &str, slots: &Slots) -> Option<Decimal> {
    let f = fold(text);
    if (slots.merchant.is_none() && slots.category.is_none())
        || !WHICH_DAY.iter().any(|w| f.contains(w))
        || MOVE.iter().any(|w| f.contains(w))
    {
        return None;
    }
    let lower = without_thousands(&text.to_lowercase());
    money_amount(&lower, true).or_else(|| amount_after_of(&lower))
}

/// "de 63", "of 129.99": a number after "of" or "de" (not a count of days or times).
fn amount_after_of(lower: &str) -> Option<Decimal> {
    let mut words: Vec<&str> = lower
        .split_whitespace()
        .map(|w| w.trim_end_matches(|c: char| !c.is_alphanumeric()))
        .collect();
    words.push("");
    words.windows(3).find_map(|w| {
        let counts = ["days", "jours", "times", "fois", "mois", "months"].contains(&w[2]);
        (["de", "of", "du", "for", "at", "a", "à"].contains(&w[0]) && !counts)
            .then(|| Decimal::from_str(&w[1].replace(',', ".")).ok())
            .flatten()
    })
}

/// "$1,850.00" → "$1850.00": an English thousands separator (a comma before exactly three
/// digits) is dropped, so the number is read whole.
fn without_thousands(lower: &str) -> String {
    let chars: Vec<char> = lower.chars().collect();
    let mut out = String::with_capacity(lower.len());
    for (i, c) in chars.iter().enumerate() {
        let separator = *c == ','
            && i > 0
            && chars[i - 1].is_ascii_digit()
            && chars
                .get(i + 1..i + 4)
                .is_some_and(|d| d.iter().all(char::is_ascii_digit))
            && !chars.get(i + 4).is_some_and(char::is_ascii_digit);
        if !separator {
            out.push(*c);
        }
    }
    out
}

/// `text` with thousands written with a space joined ("2 450 euros" → "2450 euros"): a
/// group of three digits after a space, itself after a group of one to three digits.
pub(crate) fn join_spaced_thousands(text: &str) -> String {
    let chars: Vec<char> = text.chars().collect();
    let mut out = String::with_capacity(text.len());
    for (i, c) in chars.iter().enumerate() {
        let lead = chars[..i]
            .iter()
            .rev()
            .take_while(|d| d.is_ascii_digit())
            .count();
        let separator = matches!(c, ' ' | '\u{a0}' | '\u{202f}')
            && (1..=3).contains(&lead)
            && !chars
                .get(..i - lead)
                .and_then(|b| b.last())
                .is_some_and(|b| b.is_ascii_digit() || matches!(b, '.' | ','))
            && chars
                .get(i + 1..i + 4)
                .is_some_and(|d| d.iter().all(char::is_ascii_digit))
            && !chars.get(i + 4).is_some_and(char::is_ascii_digit);
        if !separator {
            out.push(*c);
        }
    }
    out
}

/// The first number of `text` that reads as an amount of money without a currency: 100 or
/// more, or with cents ("that 3200 wire, where's it from"); days of the month are smaller.
pub(crate) fn bare_amount(text: &str) -> Option<Decimal> {
    let lower = without_thousands(&join_spaced_thousands(&text.to_lowercase()));
    lower
        .split(|c: char| !(c.is_ascii_digit() || c == '.' || c == ','))
        .map(|w| w.trim_matches(|c| c == '.' || c == ','))
        .filter(|w| !w.is_empty())
        .find_map(|w| {
            let cents = w.contains(['.', ',']);
            let n: Decimal = w.replace(',', ".").parse().ok()?;
            (cents || n >= Decimal::from(100)).then_some(n)
        })
}

/// The amounts that match `amount` as asked in `text`: 10 % either side when it says
/// "about"; a whole amount up to its cents ("63 balles": 63,00 to 63,99 €); else exactly.
pub(crate) fn bounds(text: &str, amount: Decimal) -> (Decimal, Decimal) {
    let f = fold(text);
    if ROUGHLY.iter().any(|w| f.contains(w)) {
        let tenth = (amount / Decimal::from(10)).round_dp(2);
        return ((amount - tenth).max(Decimal::ZERO), amount + tenth);
    }
    if amount.fract().is_zero() && amount.scale() == 0 {
        return (amount, amount + Decimal::new(99, 2));
    }
    (amount, amount)
}

/// The slots of the lookup: from `min` to `max`. "Virement" names no category here — the
/// amount says which one, money in or out.
pub(crate) fn slots(parsed: &Slots, min: Decimal, max: Decimal) -> Slots {
    let category = parsed
        .category
        .filter(|c| !matches!(c, Category::Transfer | Category::Income));
    // "a payment for 42.50": the number read as a merchant's name is the amount.
    let merchant = parsed
        .merchant
        .clone()
        .filter(|m| !m.chars().next().is_some_and(|c| c.is_ascii_digit()));
    // "un achat de 60 euros": an article, not a count; every operation of that amount.
    Slots {
        amount_min: Some(min),
        amount_max: Some(max),
        count: None,
        category,
        merchant,
        ..parsed.clone()
    }
}

/// A lookup with dates that finds nothing then ("un paiement de 63 balles la semaine
/// dernière", paid this week): when the amount is found at other dates, that is said and
/// the dates are dropped; else the slots are kept, and the answer says nothing was found.
pub(crate) async fn other_dates(
    ctx: &mut Ctx<'_>,
    credential: &CustomerCredential,
    slots: Slots,
) -> Result<Slots, HandlerError> {
    let today = ctx.services.clock.today();
    let Some(range) = transactions::slot_range(&slots, today) else {
        return Ok(slots);
    };
    if slots.account_type.is_some() {
        return Ok(slots);
    }
    let undated = Slots {
        date_from: None,
        date_to: None,
        ..slots.clone()
    };
    if any_found(ctx, credential, &slots).await? || !any_found(ctx, credential, &undated).await? {
        return Ok(slots);
    }
    let when = crate::format::range(range, today, ctx.lang);
    ctx.say(Msg::AmountOtherDates(&when));
    Ok(undated)
}

/// True when at least one operation fits `slots`.
async fn any_found(
    ctx: &mut Ctx<'_>,
    credential: &CustomerCredential,
    slots: &Slots,
) -> Result<bool, HandlerError> {
    let today = ctx.services.clock.today();
    let Some((query, _)) = transactions::build_query(ctx, credential, slots, today).await? else {
        return Ok(false);
    };
    let (found, _) = transactions::collect(ctx, credential, query, 1, 0).await?;
    Ok(!found.is_empty())
}

/// The first number written with a currency ("45 euros", "63,20 €", "$45.10") or with
/// cents ("cette opération de 63,20"), or with `bare`, right after a word of
/// [`BEFORE_BARE`] ("transaction of 1850").
fn money_amount(lower: &str, bare: bool) -> Option<Decimal> {
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
        let word_before = chars[..start]
            .iter()
            .collect::<String>()
            .split_whitespace()
            .last()
            // "un paiement de… 45", "of... 50": a pause after the word.
            .map(|w| w.trim_end_matches(['.', '\u{2026}']).to_string());
        // "de 3 jours", "of 2 weeks": a count, no amount.
        let counts = [
            "days", "jours", "weeks", "semaines", "months", "mois", "fois", "times",
        ]
        .iter()
        .any(|u| after.split_whitespace().next() == Some(*u));
        let after_word = bare
            && !counts
            && before.is_empty()
            && word_before
                .as_deref()
                .is_some_and(|w| BEFORE_BARE.contains(&w));
        // "whats that 1850 thing", "the 129 one": a number naming the operation after it.
        let next_word = after
            .split_whitespace()
            .next()
            .unwrap_or("")
            .trim_matches(|c: char| !c.is_alphanumeric());
        let names_item = before.is_empty()
            && ONE_ITEM.contains(&next_word)
            && !word_before
                .as_deref()
                .is_some_and(|w| COUNTING.contains(&w));
        let signed = cents
            || after_word
            || names_item
            || before.contains(['€', '$'])
            || AFTER.iter().any(|c| after.starts_with(c))
            // "45e", "45 e": euros typed short.
            || (after.starts_with('e')
                && !after[1..].starts_with(|c: char| c.is_alphanumeric()));
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
        assert_eq!(amount("whats that 1850 thing"), Some("1850".into()));
        assert_eq!(amount("what's the 129.99 one?"), Some("129.99".into()));
        assert_eq!(amount("what was the 54 one"), Some("54".into()));
        assert_eq!(amount("what are my last 3 transactions"), None);
        assert_eq!(amount("whats the last 1 transaction"), None);
        assert_eq!(
            amount("un paiement de 45 balles, ça correspond à quoi"),
            Some("45".into())
        );
        assert_eq!(amount("je cherche un paiement de 45"), Some("45".into()));
        assert_eq!(
            amount("je cherche un paiement de\u{2026} 45"),
            Some("45".into())
        );
        assert_eq!(
            amount("im looking for a payment of... 50"),
            Some("50".into())
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
        assert_eq!(amount("pay 1850 to my landlord"), None);
        assert_eq!(amount("show my last 5 transactions"), None);
        assert_eq!(amount("transactions on the 12th"), None);
        assert_eq!(amount("c'est quoi le paiement de 12 ?"), None);
    }

    #[test]
    fn a_bare_figure_after_de_is_an_amount() {
        assert_eq!(
            amount("c'est quoi le prélèvement de 950 ?"),
            Some("950".into())
        );
    }

    #[test]
    fn searches_by_amount_are_looked_up() {
        assert_eq!(amount("transaction of 1850"), Some("1850".into()));
        assert_eq!(
            amount("was there a payment for 42.50"),
            Some("42.50".into())
        );
        assert_eq!(amount("the $1,850 one"), Some("1850".into()));
        assert_eq!(amount("did i pay 1850"), Some("1850".into()));
        assert_eq!(amount("any transaction for 129.99"), Some("129.99".into()));
        assert_eq!(amount("payment of $56.78"), Some("56.78".into()));
        assert_eq!(amount("c quoi le truc a 45 balles"), Some("45".into()));
        assert_eq!(
            amount("t'as vu un paiement de 63 balles la semaine derniere?"),
            Some("63".into())
        );
        assert_eq!(amount("un truc genre 50 euros"), Some("50".into()));
        assert_eq!(amount("un achat de 45e"), Some("45".into()));
    }

    #[test]
    fn whole_and_rough_amounts_are_ranges() {
        use super::bounds;
        use rust_decimal::Decimal;
        let d = |s: &str| s.parse::<Decimal>().unwrap();
        assert_eq!(bounds("63 balles", d("63")), (d("63"), d("63.99")));
        assert_eq!(bounds("63,20 €", d("63.20")), (d("63.20"), d("63.20")));
        assert_eq!(bounds("genre 50 euros", d("50")), (d("45"), d("55")));
    }
}

#[cfg(test)]
mod dated_tests {
    use super::*;

    fn at(merchant: &str) -> Slots {
        Slots {
            merchant: Some(merchant.into()),
            ..Slots::default()
        }
    }

    #[test]
    fn a_named_charge_with_its_amount_asked_when() {
        assert_eq!(
            dated("the amazon compra of 129.99, when was it?", &at("amazon")),
            Some(Decimal::new(12999, 2))
        );
        assert_eq!(
            dated("et le carrefour de 63 c'était quel jour", &at("carrefour")),
            Some(Decimal::from(63))
        );
        assert_eq!(dated("when did i last go to amazon", &at("amazon")), None);
        assert_eq!(dated("carrefour de 63", &at("carrefour")), None);
        assert_eq!(dated("what day was the 63 one", &Slots::default()), None);
    }
}

#[cfg(test)]
mod pointed_tests {
    use super::*;

    #[test]
    fn a_payment_pointed_at_by_its_amount() {
        let d = |s: &str| Decimal::from_str(s).ok();
        assert_eq!(pointed("celui de 45 euros"), d("45"));
        assert_eq!(pointed("le 45 €"), d("45"));
        assert_eq!(pointed("the $23.50 one"), d("23.50"));
        assert_eq!(pointed("send 45 euros to my mum"), None);
        assert_eq!(pointed("the uber one"), None);
        assert_eq!(
            pointed("i think it was the one of 45 euros at the station last week maybe"),
            None
        );
    }
}
