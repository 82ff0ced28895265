//! « c quoi CB CARREFOUR CITY »: a merchant typed with the words around it as the bank's
//! statement shows them. When the merchant with its neighbouring words matches some of
//! that merchant's payments but not all, the search is for those words ("CB CARREFOUR
//! CITY" finds the Carrefour City payment, not every Carrefour).

use bankbot_bank::{CustomerCredential, TransactionQuery};
use bankbot_core::fold_text;

use crate::HandlerError;
use crate::ctx::Ctx;
use crate::intents::transactions::{MAX_COUNT, collect, last_days};

/// How many words either side of the merchant may belong to the label.
const REACH: usize = 2;
/// How far back the merchant's payments are read.
const LOOK_BACK_DAYS: u64 = 365;

/// The label typed around `merchant` in `text` that narrows its payments, if any.
pub(crate) async fn narrowed(
    ctx: &Ctx<'_>,
    credential: &CustomerCredential,
    text: &str,
    merchant: &str,
) -> Result<Option<String>, HandlerError> {
    let candidates = around(text, merchant);
    if candidates.is_empty() {
        return Ok(None);
    }
    let query = TransactionQuery {
        range: last_days(ctx.services.clock.today(), LOOK_BACK_DAYS),
        text: Some(merchant.to_owned()),
        ..TransactionQuery::default()
    };
    let (items, _) = collect(ctx, credential, query, MAX_COUNT, 0).await?;
    let descriptions: Vec<String> = items.iter().map(|t| fold_text(&t.description)).collect();
    Ok(candidates.into_iter().find(|label| {
        let needle = fold_text(label);
        let n = descriptions.iter().filter(|d| d.contains(&needle)).count();
        n > 0 && n < descriptions.len()
    }))
}

/// The spans of `text` holding `merchant` and up to `REACH` words either side, longest
/// first (the merchant alone left out).
fn around(text: &str, merchant: &str) -> Vec<String> {
    let words: Vec<&str> = text
        .split_whitespace()
        .map(|w| w.trim_matches(|c: char| !c.is_alphanumeric()))
        .filter(|w| !w.is_empty())
        .collect();
    let folded: Vec<String> = words.iter().map(|w| fold_text(w)).collect();
    let wanted: Vec<String> = merchant.split_whitespace().map(fold_text).collect();
    let Some(start) = folded
        .windows(wanted.len().max(1))
        .position(|w| w == wanted.as_slice())
    else {
        return Vec::new();
    };
    let end = start + wanted.len();
    let mut spans: Vec<(usize, usize)> = (0..=REACH.min(start))
        .flat_map(|l| (0..=REACH.min(words.len() - end)).map(move |r| (start - l, end + r)))
        .filter(|&(a, b)| (a, b) != (start, end))
        .collect();
    spans.sort_by_key(|&(a, b)| std::cmp::Reverse(b - a));
    spans
        .into_iter()
        .map(|(a, b)| words[a..b].join(" "))
        .collect()
}

#[cfg(test)]
mod tests {
    use super::around;

    #[test]
    fn spans_around_the_merchant() {
        let spans = around("c quoi CB CARREFOUR CITY", "carrefour");
        assert!(spans.contains(&"CB CARREFOUR CITY".to_owned()));
        assert!(spans.contains(&"CARREFOUR CITY".to_owned()));
        assert!(!spans.contains(&"CARREFOUR".to_owned()));
        assert!(around("mes depenses", "carrefour").is_empty());
    }
}
