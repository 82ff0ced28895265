//! "what's bob's balance? he's my brother", "show me my wife's transactions", "le solde de
//! mon frère": another person's accounts. The bot only shows the linked customer's own
//! accounts, so the answer says so (never the customer's own balances in their place).

use bankbot_core::IntentId;

use crate::DialogState;
use crate::catalog::Msg;
use crate::ctx::Ctx;
use crate::cues::fold;

/// What a money question is about: a balance, an account, its payments.
const MONEY: &[&str] = &[
    "balance",
    "balances",
    "account",
    "accounts",
    "acct",
    "transactions",
    "transaction",
    "spending",
    "statement",
    "movements",
    "bank",
    "money",
    "solde",
    "soldes",
    "compte",
    "comptes",
    "operations",
    "releve",
];

/// A possessive that names the customer's own things or a time, not another person.
const NOT_A_PERSON: &[&str] = &[
    "what's",
    "whats",
    "it's",
    "its",
    "that's",
    "thats",
    "there's",
    "theres",
    "he's",
    "she's",
    "let's",
    "lets",
    "who's",
    "whos",
    "where's",
    "wheres",
    "how's",
    "hows",
    "here's",
    "heres",
    "today's",
    "todays",
    "yesterday's",
    "month's",
    "week's",
    "year's",
    "bank's",
    "account's",
    "card's",
    "visa's",
    "checking's",
    "savings's",
    "debit's",
    "credit's",
    "everyday's",
    "one's",
    "everyone's",
    "everybody's",
    "somebody's",
    "someone's",
    "customer's",
    "customers",
    "i's",
    "name's",
    "c'est",
    "n'est",
    "qu'est",
    "l'est",
];

/// A relative or another person, named by the customer ("my brother", "ma femme").
const RELATIVE: &[&str] = &[
    "brother",
    "sister",
    "wife",
    "husband",
    "mom",
    "mum",
    "mother",
    "dad",
    "father",
    "son",
    "daughter",
    "friend",
    "partner",
    "girlfriend",
    "boyfriend",
    "grandma",
    "grandpa",
    "cousin",
    "neighbor",
    "neighbour",
    "frere",
    "soeur",
    "femme",
    "mari",
    "mere",
    "pere",
    "fils",
    "fille",
    "copain",
    "copine",
    "pote",
    "voisin",
    "voisine",
];

/// True when `text` asks for another person's balance or account.
pub(crate) fn asked(text: &str) -> bool {
    let f = fold(text);
    let w: Vec<&str> = f.split_whitespace().collect();
    let near_money = |i: usize| w.iter().skip(i + 1).take(3).any(|x| MONEY.contains(x));
    // "bob's balance", "my brother's account", "my sisters acct".
    let possessive = w.iter().enumerate().any(|(i, x)| {
        let owner = x
            .strip_suffix("'s")
            .filter(|_| !NOT_A_PERSON.contains(x))
            .or_else(|| x.strip_suffix('s').filter(|r| RELATIVE.contains(r)));
        owner.is_some_and(|o| o.len() > 1) && near_money(i)
    });
    // "his balance", "her account" with a relative named; "le compte de mon frère".
    let theirs = w.windows(2).any(|p| {
        matches!(p[0], "his" | "her" | "their")
            && MONEY.contains(&p[1])
            && w.iter().any(|x| RELATIVE.contains(x))
    }) || w.windows(4).any(|p| {
        MONEY.contains(&p[0])
            && matches!(p[1], "de" | "d'")
            && matches!(p[2], "mon" | "ma")
            && RELATIVE.contains(&p[3])
    });
    possessive || theirs
}

/// Only the customer's own accounts are shown; theirs a tap away.
pub(crate) fn answer(ctx: &mut Ctx<'_>, state: &mut DialogState) {
    state.pending = None;
    state.more = None;
    state.turn_intent = Some(IntentId::Balance);
    let choices = vec![ctx.intent_choice(Msg::LabelBalance, IntentId::Balance)];
    ctx.ask(Msg::OthersData, choices);
}

#[cfg(test)]
mod tests {
    use super::asked;

    #[test]
    fn other_peoples_accounts() {
        for q in [
            "what's bob's balance? he's my brother, same bank",
            "show me my wife's transactions",
            "how much is in my moms account",
            "check my husbands balance pls",
            "can you tell me his balance, he's my son",
            "c'est quoi le solde de mon frere",
            "montre moi le compte de ma femme",
        ] {
            assert!(asked(q), "{q}");
        }
        for q in [
            "what's my balance",
            "today's transactions",
            "what's the visa's balance",
            "send 200 to my sister",
            "netflix's charge this month",
            "c'est quoi mon solde",
        ] {
            assert!(!asked(q), "{q}");
        }
    }
}
