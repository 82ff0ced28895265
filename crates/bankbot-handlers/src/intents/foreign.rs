//! "which transactions were abroad?", "anything in foreign currency?", "mes paiements à
//! l'étranger": the transactions in a currency other than their account's. The bank's data
//! names no country, so the answer says it checked the currency, and says plainly when
//! there is none.

use bankbot_bank::{CustomerCredential, TransactionQuery};
use bankbot_core::has_padded_phrase;
use bankbot_core::{Slots, Transaction};

use crate::HandlerError;
use crate::catalog::Msg;
use crate::ctx::Ctx;
use crate::cues::fold;
use crate::format;
use crate::intents::transactions::{collect, slot_range_or_last};

/// How far back the question looks when no period is named.
const LOOK_BACK_DAYS: u64 = 90;
/// The most transactions read.
const READ_AT_MOST: u32 = 300;

const CUES: &[&str] = &[
    "abroad",
    "overseas",
    "foreign",
    "foreign currency",
    "other currency",
    "other currencies",
    "another currency",
    "different currency",
    "international",
    "outside the us",
    "outside the country",
    "out of the country",
    "outside the uk",
    "in euros",
    "in euro",
    "in pounds",
    "a l'etranger",
    "a letranger",
    "etranger",
    "devise",
    "devises",
    "en devises",
    "hors zone euro",
    "en dollars",
    "a l'international",
];

/// Words that make it a money question (not "atm abroad" or a travel notice).
const MONEY: &[&str] = &[
    "transaction",
    "transactions",
    "payment",
    "payments",
    "charge",
    "charges",
    "purchase",
    "purchases",
    "spent",
    "spend",
    "spending",
    "paid",
    "pay",
    "bought",
    "anything",
    "any",
    "which",
    "what",
    "operation",
    "operations",
    "paiement",
    "paiements",
    "achat",
    "achats",
    "depense",
    "depenses",
    "depenses",
    "paye",
    "achete",
];

/// True when `text` asks for transactions abroad or in a foreign currency.
pub(crate) fn asks(text: &str) -> bool {
    let f = fold(text);
    let any = |list: &[&str]| list.iter().any(|c| has_padded_phrase(&f, c));
    any(CUES)
        && any(MONEY)
        && !any(&[
            "atm",
            "atms",
            "cash machine",
            "withdraw",
            "card work",
            "block",
            "notice",
            "distributeur",
            "retirer",
            "fees",
            "frais",
            "exchange rate",
            "taux",
        ])
}

/// Answers from the customer's transactions over the slots' period (else the last 90 days).
pub(crate) async fn answer(
    ctx: &mut Ctx<'_>,
    credential: &CustomerCredential,
    slots: &Slots,
) -> Result<(), HandlerError> {
    let today = ctx.services.clock.today();
    let range = slot_range_or_last(slots, today, LOOK_BACK_DAYS);
    let accounts = ctx.services.bank.accounts(credential).await?;
    let query = TransactionQuery {
        range,
        ..TransactionQuery::default()
    };
    let (items, _) = collect(ctx, credential, query, READ_AT_MOST, 0).await?;
    ctx.audit("transactions");
    let home = |t: &Transaction| {
        accounts
            .iter()
            .find(|a| a.id == t.account_id)
            .map(|a| a.currency)
    };
    let foreign: Vec<&Transaction> = items
        .iter()
        .filter(|t| home(t).is_some_and(|c| c != t.amount.currency))
        .collect();
    let range_text = range
        .map(|r| format::range(r, today, ctx.lang))
        .unwrap_or_default();
    if foreign.is_empty() {
        let mut currencies: Vec<String> = accounts
            .iter()
            .map(|a| a.currency.code().to_owned())
            .collect();
        currencies.sort();
        currencies.dedup();
        ctx.say(Msg::ForeignNone {
            n: items.len(),
            range: &range_text,
            currency: &currencies.join(", "),
        });
        return Ok(());
    }
    let mut lines = vec![ctx.t(Msg::ForeignHeader {
        n: foreign.len(),
        range: &range_text,
    })];
    for tx in foreign {
        let date = format::date(tx.booking_date, today, ctx.lang);
        let amount = format::signed(&tx.amount, ctx.lang);
        lines.push(ctx.t(Msg::TxLine {
            date: &date,
            who: tx.counterparty(),
            amount: &amount,
            pending: tx.status == bankbot_core::TransactionStatus::Pending,
        }));
    }
    ctx.reply(bankbot_core::Reply::text(lines.join("\n")));
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::asks;

    #[test]
    fn questions_about_money_abroad() {
        for t in [
            "which transactions were abroad",
            "anything in foreign currency?",
            "did i pay anything overseas last month",
            "mes paiements a l'etranger",
        ] {
            assert!(asks(t), "{t}");
        }
        for t in [
            "find an atm abroad",
            "im going abroad dont block my card",
            "show my transactions",
            "",
        ] {
            assert!(!asks(t), "{t}");
        }
    }
}
