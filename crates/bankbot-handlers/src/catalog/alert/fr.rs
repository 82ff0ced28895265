//! Textes des alertes en français.

use super::{AlertMsg, Purchase, leads};

pub(super) fn text(msg: AlertMsg<'_>) -> String {
    use AlertMsg::*;
    let account_of = |account: Option<&str>| account.map(|a| format!(" {a}")).unwrap_or_default();
    match msg {
        Purchase(p) => purchase(p),
        FraudQuestion(details) => format!("Avez-vous fait cet achat ? {details}"),
        BalanceLow {
            account,
            balance,
            threshold,
        } => {
            let account = account_of(account);
            match (balance, threshold) {
                (Some(b), Some(t)) => {
                    format!("Solde bas : votre compte{account} est à {b}, sous {t}.")
                }
                (Some(b), None) => format!("Solde bas : votre compte{account} est à {b}."),
                _ => format!("Solde bas sur votre compte{account}."),
            }
        }
        BalanceUpdate { account, balance } => {
            let account = account_of(account);
            match balance {
                Some(b) => format!("Point sur le solde : votre compte{account} est à {b}."),
                None => format!("Point sur le solde de votre compte{account}."),
            }
        }
        LargeTransaction(details) => format!("Opération importante : {details}."),
        DepositReceived {
            amount,
            from,
            account,
        } => {
            let parts = leads(&[
                (" de ", amount),
                (" de la part de ", from),
                (" sur ", account),
            ]);
            format!("Argent reçu : un versement{parts}.")
        }
        SummaryHead(n) => format!("{n} alertes :"),
        SummaryLine { n, lines } => format!("{n} alertes : {}", lines.join(" ; ")),
        AnswerHere => "Envoyez-nous un message ici pour répondre.".into(),
        ReminderPrefix => "Rappel : ".into(),
        Genuine => "Merci, l'achat est confirmé. Rien d'autre à faire.".into(),
        Reported {
            card,
            locked: true,
            people: true,
        } => format!(
            "Nous avons bloqué votre carte{} et signalé l'achat. Voulez-vous parler à un \
             conseiller ?",
            card.map(|l| format!(" ••{l}")).unwrap_or_default()
        ),
        Reported {
            card,
            locked: true,
            people: false,
        } => format!(
            "Nous avons bloqué votre carte{} et signalé l'achat.",
            card.map(|l| format!(" ••{l}")).unwrap_or_default()
        ),
        Reported {
            locked: false,
            people: false,
            ..
        } => "Nous avons signalé l'achat, mais la carte n'a pas pu être bloquée. Appelez votre \
            banque dès maintenant."
            .into(),
        Reported { locked: false, .. } => "Nous avons signalé l'achat, mais la carte n'a pas pu \
            être bloquée. Parlez à un conseiller dès maintenant."
            .into(),
        AlreadyAnswered => "Cette alerte a déjà été traitée.".into(),
        LabelItWasMe => "Oui, c'est moi".into(),
        LabelNotMe => "Non".into(),
    }
}

fn purchase(p: Purchase<'_>) -> String {
    leads(&[
        ("−", p.amount),
        (" chez ", p.merchant),
        (" le ", p.date),
        (" avec la carte ••", p.card_last4),
    ])
    .trim()
    .to_owned()
}
