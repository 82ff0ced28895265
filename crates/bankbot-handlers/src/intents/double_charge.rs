//! "did netflix charge me twice?", "any double charges?", "j'ai été prélevé deux fois ?":
//! looks for the same merchant charging the same amount within a few days and answers yes
//! (with each pair) or no (saying what was checked, and a named merchant's charges). Never
//! a dispute: that is the bank's app.

use bankbot_bank::{CustomerCredential, TransactionQuery};
use bankbot_core::has_padded_phrase;
use bankbot_core::{Slots, Transaction};

use crate::HandlerError;
use crate::catalog::Msg;
use crate::ctx::Ctx;
use crate::cues::fold;
use crate::format;
use crate::intents::transactions::{collect, slot_range_or_last};

/// Two charges this many days apart or fewer count as one charged twice.
pub(crate) const WITHIN_DAYS: i64 = 3;
/// How far back "any double charges?" looks when no period is named.
const LOOK_BACK_DAYS: u64 = 60;
/// The most transactions read.
const READ_AT_MOST: u32 = 300;

const CUES: &[&str] = &[
    "twice",
    "two times",
    "2 times",
    "2x",
    "double charge",
    "double charged",
    "double charges",
    "double charging",
    "double billed",
    "double billing",
    "double payment",
    "double payments",
    "charged double",
    "billed twice",
    "duplicate",
    "duplicates",
    "duplicated",
    "same charge twice",
    "charged again",
    "charged me again",
    "deux fois",
    "2 fois",
    "en double",
    "doublon",
    "doublons",
    "double prelevement",
    "double debit",
    "preleve deux fois",
];

/// True when `text` asks whether something was charged twice.
pub(crate) fn asks(text: &str) -> bool {
    let f = fold(text);
    CUES.iter().any(|c| has_padded_phrase(&f, c))
}

/// Answers from the customer's transactions over the slots' period (else the last 60 days),
/// narrowed to the named merchant.
pub(crate) async fn answer(
    ctx: &mut Ctx<'_>,
    credential: &CustomerCredential,
    slots: &Slots,
) -> Result<(), HandlerError> {
    let today = ctx.services.clock.today();
    let range = slot_range_or_last(slots, today, LOOK_BACK_DAYS);
    let query = TransactionQuery {
        range,
        text: slots.merchant.clone(),
        ..TransactionQuery::default()
    };
    let (items, _) = collect(ctx, credential, query, READ_AT_MOST, 0).await?;
    ctx.audit("transactions");
    let charges: Vec<&Transaction> = items.iter().filter(|t| t.is_debit()).collect();
    let pairs = pairs(&charges);
    let range_text = range
        .map(|r| format::range(r, today, ctx.lang))
        .unwrap_or_default();
    let merchant = slots.merchant.as_deref().map(|m| canonical(&charges, m));
    if pairs.is_empty() {
        let recent: Vec<String> = if merchant.is_some() {
            charges
                .iter()
                .take(4)
                .map(|t| {
                    format!(
                        "{} {}",
                        format::date(t.booking_date, today, ctx.lang),
                        t.amount.abs().format(ctx.lang)
                    )
                })
                .collect()
        } else {
            Vec::new()
        };
        ctx.say(Msg::DoubleNone {
            merchant: merchant.as_deref(),
            range: &range_text,
            recent: &recent.join(" · "),
        });
        return Ok(());
    }
    let lines: Vec<String> = pairs
        .iter()
        .map(|(a, b)| {
            ctx.t(Msg::DoublePair {
                who: a.counterparty(),
                amount: &a.amount.abs().format(ctx.lang),
                first: &format::date(b.booking_date, today, ctx.lang),
                second: &format::date(a.booking_date, today, ctx.lang),
            })
        })
        .collect();
    ctx.say(Msg::DoubleYes {
        pairs: &lines.join("\n"),
    });
    Ok(())
}

/// The merchant as the bank names it, when a charge matches; else as asked.
fn canonical(charges: &[&Transaction], asked: &str) -> String {
    let lower = asked.to_lowercase();
    charges
        .iter()
        .filter_map(|t| t.merchant.as_deref())
        .find(|m| m.to_lowercase().contains(&lower))
        .map_or_else(|| crate::catalog::title_case(asked), str::to_owned)
}

/// Pairs (newer, older) of charges from one counterparty, of one amount, at most
/// [`WITHIN_DAYS`] apart; each charge in one pair at most.
fn pairs<'t>(charges: &[&'t Transaction]) -> Vec<(&'t Transaction, &'t Transaction)> {
    let mut used = vec![false; charges.len()];
    let mut out = Vec::new();
    for i in 0..charges.len() {
        if used[i] {
            continue;
        }
        for j in i + 1..charges.len() {
            let (a, b) = (charges[i], charges[j]);
            if !used[j]
                && a.amount == b.amount
                && a.counterparty().eq_ignore_ascii_case(b.counterparty())
                && (a.booking_date - b.booking_date).num_days().abs() <= WITHIN_DAYS
            {
                used[i] = true;
                used[j] = true;
                let (newer, older) = if a.booking_date >= b.booking_date {
                    (a, b)
                } else {
                    (b, a)
                };
                out.push((newer, older));
                break;
            }
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::asks;

    #[test]
    fn double_charge_questions() {
        for t in [
            "did netflix charge me twice",
            "any double charges?",
            "was i double charged at shell",
            "j'ai ete preleve deux fois par netflix ?",
            "duplicate payments this month",
        ] {
            assert!(asks(t), "{t}");
        }
        for t in ["did netflix charge me", "show my charges", ""] {
            assert!(!asks(t), "{t}");
        }
    }
}
