//! English texts of [`PickedMsg`].

use super::PickedMsg;

fn yes_no(b: bool) -> &'static str {
    if b { "yes" } else { "no" }
}

pub(super) fn text(msg: &PickedMsg<'_>) -> String {
    match msg {
        PickedMsg::Atm {
            n,
            name,
            distance,
            address,
            features,
            url,
        } => format!(
            "{}: {name}, {distance} away\n{address}\nDeposits: {} · Open 24h: {} · Accessible: {} · Contactless: {}\n{url}",
            n.map_or_else(|| "This cash machine".to_owned(), |n| format!("No. {n}")),
            yes_no(features.deposits),
            yes_no(features.open_24h),
            yes_no(features.accessible),
            yes_no(features.contactless),
        ),
        PickedMsg::Transaction {
            n,
            date,
            who,
            amount,
            label,
            account,
            category,
            pending,
        } => {
            let status = if *pending { "pending" } else { "posted" };
            let account = if account.is_empty() {
                String::new()
            } else {
                format!("Account: {account}\n")
            };
            format!(
                "{}: {date} · {who} · {amount}\nBank description: {label}\n{account}Category: {category} · {status}",
                n.map_or_else(
                    || "That transaction".to_owned(),
                    |n| format!("Transaction no. {n}")
                ),
            )
        }
        PickedMsg::OutOfRange { n, len } => {
            let items = if *len == 1 {
                "one item".to_owned()
            } else {
                format!("{len} items")
            };
            format!("The list only had {items}, so there's no no. {n}. Which one did you mean?")
        }
        PickedMsg::TransactionGone => {
            "I can't find that transaction in your history any more.".into()
        }
    }
}
