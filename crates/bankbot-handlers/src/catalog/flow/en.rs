//! English texts of [`FlowMsg`].

use super::FlowMsg;
use crate::catalog::{Weighed, sentence, title_case};

pub(super) fn text(msg: &FlowMsg<'_>) -> String {
    match msg {
        FlowMsg::InOut {
            range,
            money_in,
            money_out,
            diff,
            weighed,
        } => {
            let net = match weighed {
                Weighed::More => format!("{diff} more came in than went out"),
                Weighed::Less => format!("{diff} more went out than came in"),
                Weighed::Same => "as much came in as went out".into(),
            };
            format!(
                "{}: {money_in} came in and {money_out} went out, so {net}.",
                title_case(range)
            )
        }
        FlowMsg::IncomeCompared {
            range,
            total,
            other,
            other_total,
            diff,
            weighed,
        } => match weighed {
            Weighed::More => {
                format!("{total} came in {range}, against {other_total} {other}: {diff} more.")
            }
            Weighed::Less => {
                format!("{total} came in {range}, against {other_total} {other}: {diff} less.")
            }
            Weighed::Same => sentence(format!("{total} came in {range}, the same as {other}")),
        },
        FlowMsg::PayerUnknown => {
            "I only see the names written on payments, not who sent them, so here is what came in."
                .into()
        }
        FlowMsg::LastOne => "The last one in your history:".into(),
        FlowMsg::CashNoneIn { range } => format!(
            "I don't see any cash withdrawal {range}: no payment in that period is named as one."
        ),
        FlowMsg::CashIn { range, total, n } => {
            let what = if *n == 1 {
                "Your cash withdrawal".to_owned()
            } else {
                format!("Your {n} cash withdrawals")
            };
            if total.is_empty() {
                format!("{what} {range}:")
            } else {
                format!("{what} {range}: {total} in all")
            }
        }
        FlowMsg::CashNone => "I don't see any cash withdrawal in your accounts' history: \
             no payment is named as one."
            .into(),
        FlowMsg::NextDebit {
            who,
            last,
            amount,
            next,
            late,
        } => {
            let head = format!("{who} was last taken on {last} ({amount}).");
            let when = if *late {
                format!(
                    " If it comes every month, it would have been due around {next} and I don't see it yet."
                )
            } else {
                format!(" If it comes every month, the next one should come around {next}.")
            };
            format!(
                "{head}{when} That's an estimate from your past payments, not a date the bank has confirmed."
            )
        }
        FlowMsg::NextPay {
            who,
            last,
            amount,
            next,
            late,
        } => {
            let when = if *late {
                format!(
                    "if it comes every month, it would have been due around {next} and I don't see it yet"
                )
            } else {
                format!("if it comes every month, the next one should come around {next}")
            };
            format!(
                "Your last pay came in on {last}: {who}, {amount}. {} That's an estimate from your past payments, not a date the bank has confirmed.",
                sentence(title_case(&when))
            )
        }
        FlowMsg::NextDebitOften { who, last, amount } => format!(
            "You pay {who} several times a month, not on a set day, so I can't tell when the next one will come. The last one was on {last} ({amount})."
        ),
        FlowMsg::NextDebitNone { who } => format!(
            "I don't see any {who} payment over the past year, so I can't tell when the next one will come."
        ),
        FlowMsg::Upcoming { lines } => format!(
            "Regular payments expected in the coming month, estimated from your past payments (the bank hasn't confirmed these dates):\n{lines}"
        ),
        FlowMsg::UpcomingNone => "I don't see any regular payment (rent, bills, subscriptions) due in the coming month from your past payments. The bank doesn't show me scheduled payments: your bank's app lists them.".into(),
    }
}
