//! Alert texts in English.

use super::{AlertMsg, Purchase, leads};

pub(super) fn text(msg: AlertMsg<'_>) -> String {
    use AlertMsg::*;
    let your = |account: Option<&str>| match account {
        Some(a) => format!("your {a}"),
        None => "your".to_owned(),
    };
    match msg {
        Purchase(p) => purchase(p),
        FraudQuestion(details) => format!("Did you make this purchase? {details}"),
        BalanceLow {
            account,
            balance,
            threshold,
        } => match (balance, threshold) {
            (Some(b), Some(t)) => {
                format!("Low balance: {} balance is {b}, below {t}.", your(account))
            }
            (Some(b), None) => format!("Low balance: {} balance is {b}.", your(account)),
            _ => format!("Low balance on {} account.", your(account)),
        },
        BalanceUpdate { account, balance } => match balance {
            Some(b) => format!("Balance update: {} balance is {b}.", your(account)),
            None => format!("Balance update for {} account.", your(account)),
        },
        LargeTransaction(details) => format!("Large transaction: {details}."),
        DepositReceived {
            amount,
            from,
            account,
        } => {
            let parts = leads(&[(" of ", amount), (" from ", from), (" in ", account)]);
            format!("Money arrived: a deposit{parts}.")
        }
        SummaryHead(n) => format!("{n} alerts:"),
        SummaryLine { n, lines } => format!("{n} alerts: {}", lines.join("; ")),
        AnswerHere => "Send us any message here to answer.".into(),
        ReminderPrefix => "Reminder: ".into(),
        Genuine => "Thanks, the purchase is confirmed as yours. Nothing else to do.".into(),
        Reported {
            card,
            locked: true,
            people: true,
        } => format!(
            "We've locked your card{} and reported the purchase. Would you like to talk to a \
             person?",
            card.map(|l| format!(" ••{l}")).unwrap_or_default()
        ),
        Reported {
            card,
            locked: true,
            people: false,
        } => format!(
            "We've locked your card{} and reported the purchase.",
            card.map(|l| format!(" ••{l}")).unwrap_or_default()
        ),
        Reported {
            locked: false,
            people: false,
            ..
        } => "We've reported the purchase but couldn't lock the card. Please call your bank \
            now."
            .into(),
        Reported { locked: false, .. } => {
            "We've reported the purchase but couldn't lock the card. Please talk to a person now."
                .into()
        }
        AlreadyAnswered => "That alert has already been taken care of.".into(),
        LabelItWasMe => "Yes, it was me".into(),
        LabelNotMe => "No".into(),
    }
}

fn purchase(p: Purchase<'_>) -> String {
    leads(&[
        ("−", p.amount),
        (" at ", p.merchant),
        (" on ", p.date),
        (" with card ••", p.card_last4),
    ])
    .trim()
    .to_owned()
}
