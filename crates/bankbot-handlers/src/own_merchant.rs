//! The customer's own payers and merchants win over the generic gazetteer: "le salaire
//! acme ?" is bob's "ACME France", not the gazetteer's "Acme corp payroll", when bob has
//! no payment from the gazetteer's name but one from a name holding the word he typed.

use std::borrow::Cow;

use bankbot_bank::{MAX_PAGE_SIZE, TransactionQuery};
use bankbot_core::{IntentMatch, fold_text};

use crate::ctx::Ctx;

/// The shortest word that may tie a typed name to one of the customer's merchants.
const MIN_WORD: usize = 3;

/// `parsed` with its merchant replaced by the customer's own merchant when the
/// gazetteer's name matches none of their operations but one of their merchants holds a
/// word the customer typed that the gazetteer's name holds too. Unchanged otherwise (and
/// when the bank cannot be asked: the turn goes on with the gazetteer's reading).
pub(crate) async fn prefer<'p>(
    ctx: &Ctx<'_>,
    text: &str,
    parsed: &'p IntentMatch,
) -> Cow<'p, IntentMatch> {
    let (Some(credential), Some(merchant)) = (ctx.customer, parsed.slots.merchant.as_deref())
    else {
        return Cow::Borrowed(parsed);
    };
    let query = TransactionQuery {
        limit: MAX_PAGE_SIZE,
        ..TransactionQuery::default()
    };
    let Ok(page) = ctx.services.bank.transactions(credential, &query).await else {
        return Cow::Borrowed(parsed);
    };
    let named = TransactionQuery {
        text: Some(merchant.to_owned()),
        ..TransactionQuery::default()
    };
    if page.transactions.iter().any(|t| named.matches(t)) {
        return Cow::Borrowed(parsed);
    }
    let own = page
        .transactions
        .iter()
        .filter_map(|t| t.merchant.as_deref());
    match own_name(text, merchant, own) {
        Some(name) => {
            let mut changed = parsed.clone();
            changed.slots.merchant = Some(name);
            Cow::Owned(changed)
        }
        None => Cow::Borrowed(parsed),
    }
}

/// The first of `own` names holding a word of `text` that `gazetteer` holds too.
fn own_name<'a>(
    text: &str,
    gazetteer: &str,
    mut own: impl Iterator<Item = &'a str>,
) -> Option<String> {
    let typed = fold_text(text);
    let canonical = fold_text(gazetteer);
    let words = |s: &str| -> Vec<String> {
        s.split(|c: char| !c.is_alphanumeric())
            .filter(|w| w.chars().count() >= MIN_WORD)
            .map(str::to_owned)
            .collect()
    };
    let typed_words = words(&typed);
    let shared: Vec<String> = words(&canonical)
        .into_iter()
        .filter(|w| typed_words.contains(w))
        .collect();
    own.find(|name| words(&fold_text(name)).iter().any(|w| shared.contains(w)))
        .map(str::to_owned)
}

#[cfg(test)]
mod tests {
    use super::own_name;

    #[test]
    fn the_customers_name_holding_the_typed_word() {
        let own = ["Carrefour", "ACME France", "SNCF"];
        assert_eq!(
            own_name("le salaire acme ?", "acme corp payroll", own.into_iter()).as_deref(),
            Some("ACME France")
        );
        assert_eq!(
            own_name(
                "combien ACME m'a versé",
                "acme corp payroll",
                own.into_iter()
            )
            .as_deref(),
            Some("ACME France")
        );
    }

    #[test]
    fn no_shared_typed_word_no_change() {
        let own = ["Carrefour", "ACME France"];
        // "payroll" typed, but none of the customer's names holds it.
        assert_eq!(
            own_name("my payroll", "acme corp payroll", own.into_iter()),
            None
        );
        assert_eq!(own_name("netflix", "netflix", own.into_iter()), None);
    }
}
