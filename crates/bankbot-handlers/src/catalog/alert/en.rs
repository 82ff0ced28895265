//! Alert texts in English.

use super::{AlertMsg, Purchase};

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
            let mut text = "Money arrived: a deposit".to_owned();
            if let Some(a) = amount {
                text.push_str(&format!(" of {a}"));
            }
            if let Some(f) = from {
                text.push_str(&format!(" from {f}"));
            }
            if let Some(a) = account {
                text.push_str(&format!(" in {a}"));
            }
            text.push('.');
            text
        }
        SummaryHead(n) => format!("{n} alerts:"),
        SummaryLine { n, lines } => format!("{n} alerts: {}", lines.join("; ")),
        AnswerHere => "Send us any message here to answer.".into(),
        ReminderPrefix => "Reminder: ".into(),
        Genuine => "Thanks, the purchase is confirmed as yours. Nothing else to do.".into(),
        Reported { card, locked: true } => format!(
            "We've locked your card{} and reported the purchase. Would you like to talk to a \
             person?",
            card.map(|l| format!(" ••{l}")).unwrap_or_default()
        ),
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
    let mut text = String::new();
    if let Some(a) = p.amount {
        text.push('−');
        text.push_str(a);
    }
    if let Some(m) = p.merchant {
        text.push_str(" at ");
        text.push_str(m);
    }
    if let Some(d) = p.date {
        text.push_str(" on ");
        text.push_str(d);
    }
    if let Some(l4) = p.card_last4 {
        text.push_str(" with card ••");
        text.push_str(l4);
    }
    text.trim().to_owned()
}
