//! The texts of money in against money out, of the payer asked about, of "the last time"
//! and of when a regular debit should come, once per language. Kept apart from the main
//! catalogs so one file holds one subject. Amounts and dates come in already formatted.

use bankbot_core::Lang;

use crate::catalog::Weighed;

mod en;
mod fr;

/// Every message about money in and out.
#[derive(Debug, Clone)]
pub(crate) enum FlowMsg<'a> {
    /// "What came in vs went out": both figures over `range` and how they weigh (`More`:
    /// more came in than went out).
    InOut {
        range: &'a str,
        money_in: &'a str,
        money_out: &'a str,
        diff: &'a str,
        weighed: Weighed,
    },
    /// "Compare my income this month to October": money in over `range` against `other`.
    IncomeCompared {
        range: &'a str,
        total: &'a str,
        other: &'a str,
        other_total: &'a str,
        diff: &'a str,
        weighed: Weighed,
    },
    /// "J'ai reçu le virement de ma mère ?": a relative is no name shown on a payment.
    PayerUnknown,
    /// Before the last matching transaction of the whole history.
    LastOne,
    /// No cash withdrawal anywhere in the history.
    CashNone,
    /// No cash withdrawal over `range`.
    CashNoneIn { range: &'a str },
    /// `n` cash withdrawals over `range`, `total` in all (empty: currencies mixed).
    CashIn {
        range: &'a str,
        total: &'a str,
        n: usize,
    },
    /// "When does Netflix charge me": last taken on `last` (`amount`); expected around
    /// `next`, which is already past (`late`) when it has not shown up yet.
    NextDebit {
        who: &'a str,
        last: &'a str,
        amount: &'a str,
        next: &'a str,
        late: bool,
    },
    /// "When do i get paid": the last pay (`who`, `last`, `amount`) and when the next one
    /// should come if monthly (`late`: that day is past and nothing came yet).
    NextPay {
        who: &'a str,
        last: &'a str,
        amount: &'a str,
        next: &'a str,
        late: bool,
    },
    /// Paid several times a month: no set day; the last payment.
    NextDebitOften {
        who: &'a str,
        last: &'a str,
        amount: &'a str,
    },
    /// No such payment over the past year: no date can be guessed.
    NextDebitNone { who: &'a str },
    /// "Any direct debits coming up": the regular payments expected, one `lines` each
    /// (estimated day · payee · last amount).
    Upcoming { lines: &'a str },
    /// No regular payment expected in the coming month.
    UpcomingNone,
}

/// Renders a money-flow message in a language.
pub(crate) fn text(lang: Lang, msg: &FlowMsg<'_>) -> String {
    match lang {
        Lang::En => en::text(msg),
        Lang::Fr => fr::text(msg),
    }
}
