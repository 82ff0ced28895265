//! The texts of proactive alerts and of the fraud question's answers, once per language.
//! Kept apart from the main catalogs so one file holds one subject. Amounts and dates come
//! in already formatted (`Money::format`, [`crate::format::date`]), like every other reply.

use bankbot_core::Lang;

mod en;
mod fr;

/// The details of a transaction, each already formatted; absent ones are left out.
#[derive(Debug, Clone, Copy, Default)]
pub(crate) struct Purchase<'a> {
    /// The amount without its sign (`$500.00`); the text adds the minus.
    pub amount: Option<&'a str>,
    pub merchant: Option<&'a str>,
    /// The day (`Nov 28` / `28 nov.`).
    pub date: Option<&'a str>,
    pub card_last4: Option<&'a str>,
}

/// Every alert message.
#[derive(Debug, Clone, Copy)]
pub(crate) enum AlertMsg<'a> {
    /// `−$500.00 at ElectroMart on Nov 28 with card ••9876` (the parts present).
    Purchase(Purchase<'a>),
    /// "Did you make this purchase? …" (the purchase rendered).
    FraudQuestion(&'a str),
    /// A balance below the customer's threshold.
    BalanceLow {
        account: Option<&'a str>,
        balance: Option<&'a str>,
        threshold: Option<&'a str>,
    },
    /// A periodic balance update.
    BalanceUpdate {
        account: Option<&'a str>,
        balance: Option<&'a str>,
    },
    /// A transaction above the threshold (the purchase rendered).
    LargeTransaction(&'a str),
    /// Money arrived.
    DepositReceived {
        amount: Option<&'a str>,
        from: Option<&'a str>,
        account: Option<&'a str>,
    },
    /// The head of a message listing `n` alerts, one per line.
    SummaryHead(usize),
    /// `n` alerts on one line (a utility template's single parameter).
    SummaryLine {
        n: usize,
        lines: &'a [String],
    },
    /// Appended to a fraud question sent without its buttons.
    AnswerHere,
    /// Put before a fraud question asked again.
    ReminderPrefix,
    /// After "yes, that was me".
    Genuine,
    /// After "no": the card locked (`card` is its last four digits) or not.
    /// `people`: a person can answer in this chat (else the bank's contact follows).
    Reported {
        card: Option<&'a str>,
        locked: bool,
        people: bool,
    },
    /// A fraud answer to a question already answered, or unknown.
    AlreadyAnswered,
    // labels (Messenger allows 20 characters; "talk to a person" is `Msg::LabelPerson`)
    LabelItWasMe,
    LabelNotMe,
}

/// Renders an alert message in a language.
pub(crate) fn text(lang: Lang, msg: AlertMsg<'_>) -> String {
    match lang {
        Lang::En => en::text(msg),
        Lang::Fr => fr::text(msg),
    }
}

/// The parts present, each after its lead-in (`" at "`, `" with card ••"`), in order.
fn leads(parts: &[(&str, Option<&str>)]) -> String {
    parts
        .iter()
        .filter_map(|(lead, part)| part.map(|p| format!("{lead}{p}")))
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn labels_fit_messenger_quick_replies() {
        for lang in [Lang::En, Lang::Fr] {
            for label in [AlertMsg::LabelItWasMe, AlertMsg::LabelNotMe] {
                let l = text(lang, label);
                assert!(!l.is_empty() && l.chars().count() <= 20, "{lang} {l}");
            }
        }
    }
}
