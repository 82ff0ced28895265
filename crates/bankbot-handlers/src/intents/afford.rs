//! "Est-ce que j'ai assez d'argent ?", "can I afford a 300 dollar flight", "la cantine c'est
//! 85, ça passe ?", "will I make it to payday": what can be spent now on the everyday
//! account, weighed against the amount when one is named, then every balance. The bot sees
//! today's balances only: asked about a day ahead (payday, the end of the month), it says it
//! cannot tell what will come in or go out before then.

use bankbot_bank::CustomerCredential;
use bankbot_core::has_padded_phrase;
use bankbot_core::{AccountKind, IntentId, Money, Slots};
use rust_decimal::Decimal;

use crate::catalog::Msg;
use crate::ctx::Ctx;
use crate::cues::{Ask, fold};
use crate::format::account_label;
use crate::{DialogState, HandlerError};

/// Words that ask whether there is enough money, whatever else the message names.
const ENOUGH: &[&str] = &[
    "assez d'argent",
    "assez de sous",
    "assez de thune",
    "assez de fric",
    "assez de blé",
    "assez de ble",
    "assez d'oseille",
    "assez pour",
    "assez sur mon compte",
    "assez sur le compte",
    "suffisamment",
    "me permettre",
    "les moyens",
    "enough money",
    "enough cash",
    "enough funds",
    "enough for",
    "enough to",
    "enough in my",
    "got enough",
    "have enough",
    "i got enough",
    "enough in checking",
    "enough in checkin",
    "enough on my",
    "afford",
    "am i good for",
    "am i ok for",
    "am i okay for",
    "will it go through",
    "would it go through",
    "will it bounce",
    "will i be short",
    "can i still spend",
    "can i still buy",
    "ok to spend",
    "okay to spend",
    "safe to spend",
    "je peux encore depenser",
    "je peux encore acheter",
];

/// Words of a day ahead the balance must last until: the bot cannot see that far.
const AHEAD: &[&str] = &[
    "make it to payday",
    "make it till",
    "make it until",
    "make it to the end",
    "make it through",
    "last me",
    "last until",
    "last till",
    "till payday",
    "until payday",
    "before payday",
    "till the end of the month",
    "until the end of the month",
    "to the end of the month",
    "for the rest of the month",
    "rest of the month",
    "tenir jusqu",
    "vais tenir",
    "je tiens jusqu",
    "on tient jusqu",
    "finir le mois",
    "terminer le mois",
    "boucler le mois",
    "boucler la fin du mois",
    "jusqu'a la fin du mois",
    "jusqu'a la fin de mois",
    "jusqu a la fin du mois",
    "jusqua la fin du mois",
    "d'ici la fin du mois",
    "pour finir le mois",
    "reste du mois",
    "jusqu'a la paie",
    "jusqu'a la paye",
    "jusqu'au salaire",
    "jusqu'au virement",
    "reste a vivre",
];

// A bare "end of the month" / "fin du mois" is no day ahead: "what did i spend at the end of
// the month", "ce qui est sorti à la fin du mois dernier" are periods of the past.

/// Words that ask whether one spend goes through, when an amount is named ("85, ça
/// passe ?", "can i buy a 3000 laptop").
const SPEND_OK: &[&str] = &[
    "ca passe",
    "ca va passer",
    "ca passerait",
    "c'est ok",
    "c ok",
    "can i buy",
    "can i spend",
    "can i pay it",
    "ok for",
    "okay for",
    "good for",
    "can i pay for",
    "could i buy",
    "could i spend",
    "is it ok if i spend",
    "is it ok to buy",
    "je peux acheter",
    "je peux depenser",
    "je peux payer",
    "je peux me payer",
    "est ce que je peux acheter",
    "est ce que je peux depenser",
    "est ce que je peux payer",
    "puis je acheter",
    "puis je depenser",
    // Québec: "c'est-tu correct si je retire 200 piasses", "je peux-tu acheter ça".
    "c'est correct si je",
    "c'est tu correct si je",
    "c'tu correct si je",
    "c tu correct si je",
    "correct si je depense",
    "correct si je retire",
    "ok si je depense",
    "ok si je retire",
    "ca passe si je",
    "je peux tu acheter",
    "je peux tu depenser",
    "je peux tu retirer",
    "je peux tu payer",
    "je peux retirer",
    "est ce que je peux retirer",
    "puis je retirer",
];

/// Words that make an amount a bill to pay from here ("je peux payer ma facture de 80 €"),
/// which is no question of money left.
const BILL: &[&str] = &[
    "facture", "factures", "bill", "bills", "invoice", "impots", "amende",
];

/// What an affordability question asks: the amount weighed, and whether a day ahead is
/// named.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) struct Afford {
    pub amount: Option<Decimal>,
    pub ahead: bool,
    /// Cash taken out at a machine: the daily cash limit is said to be the bank's.
    pub cash: bool,
}

/// The affordability question `text` asks, if any.
pub(crate) fn asks(text: &str) -> Option<Afford> {
    let f = fold(text);
    let has = |list: &[&str]| list.iter().any(|p| has_padded_phrase(&f, p));
    let amount = amount(text);
    let ahead = has(AHEAD);
    let enough = has(ENOUGH);
    let spend = amount.is_some() && has(SPEND_OK) && !has(BILL);
    let left = has(LEFT) && has(PURPOSE) && has(ASKED) && !has(NOT_LEFT);
    let can_spend = has(CAN_SPEND) && (has(ASKED) || amount.is_some());
    (enough || ahead || spend || left || can_spend).then_some(Afford {
        amount,
        ahead,
        cash: false,
    })
}

/// Words taking cash out, folded: "take out", "tek out", "withdraw", « retirer ».
const WITHDRAW: &[&str] = &[
    "withdraw",
    "withdrawl",
    "take out",
    "tek out",
    "tak out",
    "pull out",
    "draw out",
    "get out",
    "retirer",
    "retire",
    "retrait",
    "sortir",
];

/// Verbs that take cash when "out" follows the amount ("get 100 out the cash machine").
const TAKE: &[&str] = &["get", "take", "tek", "pull", "draw", "grab"];

/// Words asking whether it is possible, folded.
const CAN: &[&str] = &[
    "can",
    "could",
    "able",
    "fit",
    "am i ok",
    "am i good",
    "peux",
    "puis",
    "pourrais",
    "correct",
    "ca passe",
    "possible",
];

/// Words asking where a machine is: a finder question, not an amount's.
const WHERE: &[&str] = &[
    "where",
    "nearest",
    "closest",
    "near me",
    "ou est",
    "ou se trouve",
    "le plus proche",
];

/// "mi can tek out 300 from di atm today?", « je peux retirer 300 au distributeur ? »: an
/// amount of cash asked to be possible, weighed against the money available (the daily
/// cash limit is the bank's).
pub(crate) fn asks_cash(text: &str) -> Option<Afford> {
    let f = fold(text);
    let has = |list: &[&str]| list.iter().any(|p| has_padded_phrase(&f, p));
    let amount = amount(text)?;
    let taken = has(WITHDRAW) || (has(TAKE) && has_padded_phrase(&f, "out"));
    (taken && has(CAN) && !has(WHERE)).then_some(Afford {
        amount: Some(amount),
        ahead: false,
        cash: true,
    })
}

/// Words of money one may still spend ("how much I got to spend", "what am I able to
/// spend", « combien je peux dépenser »): the money available now, never a spending total.
const CAN_SPEND: &[&str] = &[
    "i can spend",
    "can i spend",
    "i could spend",
    "could i spend",
    "able to spend",
    "fit spend",
    "got to spend",
    "have to spend",
    "left to spend",
    "free to spend",
    "allowed to spend",
    "available to spend",
    "je peux depenser",
    "je pourrais depenser",
    "puis je depenser",
    "peut on depenser",
    "on peut depenser",
    "a depenser",
];

/// Words of money still there ("il me reste combien", "how much i got left", "combien
/// j'ai"): asked with a purpose ("pour faire le plein", "for gas"), the money left, never a
/// spending total in the purpose's category.
const LEFT: &[&str] = &[
    "reste",
    "restant",
    "restent",
    "left",
    "remaining",
    "dispo",
    "disponible",
    "combien j'ai",
    "combien jai",
    "combien j ai",
    "combien ai je",
    "combien que j'ai",
    "combien que jai",
    "cb j'ai",
    "cb jai",
    "how much do i have",
    "how much i have",
    "how much have i got",
    "how much i got",
    "how much do i got",
    "how much money do i have",
    "how much money i have",
    "how much money i got",
    "what do i have",
    "what have i got",
];

/// The purpose the money is for.
const PURPOSE: &[&str] = &["pour", "pr", "for"];

/// A question of how much.
const ASKED: &[&str] = &[
    "combien",
    "cb",
    "cmb",
    "how much",
    "how mutch",
    "hw much",
    "what",
    "quoi",
    "quel",
    "quelle",
];

/// Words of money spent or received: "combien j'ai dépensé pour le loyer", "how much did i
/// pay for gas", "combien il reste à payer" ask about payments, not the money left.
const NOT_LEFT: &[&str] = &[
    "depense",
    "depenses",
    "depensee",
    "depenser",
    "paye",
    "payee",
    "payes",
    "payer",
    "mis",
    "claque",
    "sorti",
    "sortie",
    "spent",
    "spend",
    "paid",
    "pay",
    "recu",
    "received",
    "touche",
    "gagne",
    "earned",
    "frais",
    "fees",
    "fee",
    "rembourse",
    "refund",
    "coute",
    "cost",
    "costs",
    "owe",
    "due",
    "doit",
    "dois",
];

/// `Balance` when `text` asks whether there is enough money, for a data intent or one the
/// engine could not place; otherwise `intent` unchanged.
pub(crate) fn balance_instead(intent: IntentId, text: &str) -> IntentId {
    let f = fold(text);
    let enough = ENOUGH.iter().any(|p| has_padded_phrase(&f, p));
    let data = matches!(
        intent,
        IntentId::SpendingSummary
            | IntentId::Transactions
            | IntentId::OutOfScope
            | IntentId::ReportFraud
    );
    if enough && data {
        IntentId::Balance
    } else {
        intent
    }
}

/// The money that can be spent now on the named account (else the checking account), set
/// against `asked`, then every balance.
pub(crate) async fn answer(
    ctx: &mut Ctx<'_>,
    state: &mut DialogState,
    credential: &CustomerCredential,
    asked: Afford,
    kind: Option<AccountKind>,
) -> Result<(), HandlerError> {
    state.pending = None;
    state.more = None;
    state.turn_intent = Some(IntentId::Balance);
    let accounts = ctx.services.bank.accounts(credential).await?;
    let everyday = accounts
        .iter()
        .find(|a| kind.is_some_and(|k| a.kind == k))
        .or_else(|| accounts.iter().find(|a| a.kind == AccountKind::Checking))
        .or_else(|| {
            accounts
                .iter()
                .find(|a| !a.kind.is_liability() && a.kind != AccountKind::Savings)
        });
    let mut lead = Vec::new();
    if let Some(account) = everyday {
        let b = ctx.services.bank.balance(credential, &account.id).await?;
        let available = b.available.unwrap_or(b.current);
        let label = account_label(account);
        let lang = ctx.lang;
        let now = available.format(lang);
        lead.push(match asked.amount {
            Some(amount) => {
                let wanted = Money::new(amount, available.currency);
                let left = Money::new(available.amount - amount, available.currency);
                if left.amount >= Decimal::ZERO {
                    ctx.t(Msg::AffordFits {
                        label: &label,
                        available: &now,
                        amount: &wanted.format(lang),
                        left: &left.format(lang),
                    })
                } else {
                    ctx.t(Msg::AffordShort {
                        label: &label,
                        available: &now,
                        amount: &wanted.format(lang),
                        short: &left.abs().format(lang),
                    })
                }
            }
            None => ctx.t(Msg::AffordAvailable {
                label: &label,
                available: &now,
            }),
        });
    }
    if asked.ahead {
        lead.push(ctx.t(Msg::AffordNoForecast));
    }
    if asked.cash {
        lead.push(ctx.t(Msg::AffordCashLimit));
    }
    if !lead.is_empty() {
        let text = lead.join(" ");
        ctx.reply(bankbot_core::Reply::text(text));
    }
    crate::intents::balance::handle(ctx, credential, None, Ask::Plain, "").await?;
    state.last_intent = Some(IntentId::Balance);
    state.last_slots = Slots::default();
    Ok(())
}

/// The amount named in `text` ("a 300 dollar flight", "85, ça passe", "$2,500", "500
/// balles"), never a day ("the 15th", "le 5").
pub(crate) fn amount(text: &str) -> Option<Decimal> {
    let lower = text.to_lowercase();
    let chars: Vec<char> = lower.chars().collect();
    let mut i = 0;
    while i < chars.len() {
        if !chars[i].is_ascii_digit() || (i > 0 && chars[i - 1].is_ascii_alphanumeric()) {
            i += 1;
            continue;
        }
        let start = i;
        let mut number = String::new();
        while i < chars.len() {
            let c = chars[i];
            if c.is_ascii_digit() {
                number.push(c);
            } else if c == ','
                && chars
                    .get(i + 1..i + 4)
                    .is_some_and(|d| d.iter().all(char::is_ascii_digit))
                && !chars.get(i + 4).is_some_and(char::is_ascii_digit)
            {
                // "2,500": an English thousands separator.
            } else if matches!(c, '.' | ',')
                && chars.get(i + 1).is_some_and(char::is_ascii_digit)
                && !chars.get(i + 3).is_some_and(char::is_ascii_digit)
            {
                number.push('.');
            } else {
                break;
            }
            i += 1;
        }
        let attached: String = chars[i..].iter().collect();
        let after = attached.trim_start();
        let before: String = chars[..start].iter().collect();
        let word_before = before
            .split(|c: char| !c.is_alphanumeric() && c != '\'')
            .rfind(|w| !w.is_empty())
            .unwrap_or("");
        let ordinal = ["st", "nd", "rd", "th", "er", "e ", "eme", "ème", "h"]
            .iter()
            .any(|s| attached.starts_with(s));
        let day = matches!(
            word_before,
            "the" | "le" | "au" | "du" | "on" | "before" | "avant" | "until" | "till" | "jusqu'au"
        ) && !before.trim_end().ends_with(['$', '€']);
        let percent = after.starts_with('%');
        if !(ordinal || day || percent)
            && let Ok(value) = number.parse::<Decimal>()
            && value > Decimal::ZERO
        {
            return Some(value);
        }
    }
    None
}

#[cfg(test)]
mod tests {
    use super::*;
    use rust_decimal_macros::dec;

    #[test]
    fn enough_money_is_a_balance_question() {
        for text in [
            "j'aimerais magasiner mais chu pas sûr d'avoir assez d'argent",
            "est-ce que je peux me permettre un resto",
            "can i afford a new phone",
        ] {
            assert_eq!(
                balance_instead(IntentId::SpendingSummary, text),
                IntentId::Balance,
                "{text}"
            );
        }
        assert_eq!(
            balance_instead(IntentId::SpendingSummary, "mes courses ce mois"),
            IntentId::SpendingSummary
        );
    }

    #[test]
    fn money_left_for_a_purpose_is_the_money_left() {
        for text in [
            "il me reste combien pour faire le plein",
            "combien j'ai pour le week-end",
            "how much i got left for gas",
            "cb il me reste pr les courses",
            "how much do i have left for groceries this week",
            "combien de dispo pour les vacances",
        ] {
            assert!(asks(text).is_some(), "{text}");
        }
        for text in [
            "combien j'ai dépensé pour le loyer",
            "how much did i spend for gas",
            "combien il reste à payer pour le crédit",
            "combien pour uber",
            "how much was rent",
            "combien j'ai payé pour l'essence",
        ] {
            assert!(asks(text).is_none(), "{text}");
        }
    }

    #[test]
    fn affordability_questions_with_their_amount() {
        let cases = [
            ("can i afford a 300 dollar flight", Some(dec!(300)), false),
            ("la cantine c'est 85, ça passe ?", Some(dec!(85)), false),
            ("will i make it to payday", None, true),
            ("il me reste combien jusqu'à la fin du mois ?", None, true),
            ("am i good for a $2,500 purchase", Some(dec!(2500)), false),
            (
                "j'ai assez pour payer le loyer de 750 ?",
                Some(dec!(750)),
                false,
            ),
            ("can i buy a 3000 laptop", Some(dec!(3000)), false),
            (
                "ça passe si je dépense 500 balles ?",
                Some(dec!(500)),
                false,
            ),
            (
                "je peux acheter des baskets à 89,90 €",
                Some(dec!(89.90)),
                false,
            ),
            ("je vais tenir jusqu'au 5 ?", None, true),
            ("can i spend 500 this weekend", Some(dec!(500)), false),
            (
                "is 85 ok for the school trip, can i pay it",
                Some(dec!(85)),
                false,
            ),
        ];
        for (text, amount, ahead) in cases {
            assert_eq!(
                asks(text),
                Some(Afford {
                    amount,
                    ahead,
                    cash: false
                }),
                "{text}"
            );
        }
    }

    #[test]
    fn other_questions_are_not() {
        for text in [
            "what's my balance",
            "je peux payer ma facture de 80 € ici ?",
            "how much did i spend at amazon",
            "ça passe ?",
            "can i buy stuff abroad with my card",
            "",
        ] {
            assert_eq!(asks(text), None, "{text}");
        }
    }
}
