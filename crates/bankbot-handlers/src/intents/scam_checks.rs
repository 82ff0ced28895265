//! What a customer who fears a scam asks besides the report: "is my money still there",
//! "is my savings safe?" (the balances, and what moved lately — never the privacy policy),
//! "any charges today i dont recognize" (those charges listed, then the offer to lock the
//! card or reach a person).

use bankbot_bank::CustomerCredential;
use bankbot_core::{AccountKind, Slots};

use crate::ctx::Ctx;
use crate::cues::{Ask, fold};
use crate::{DialogState, HandlerError};

/// Money nouns, each padded and folded.
const MONEY: &[&str] = &[
    " money ",
    " savings ",
    " saving ",
    " account ",
    " accounts ",
    " acct ",
    " checking ",
    " chequing ",
    " funds ",
    " cash ",
    " balance ",
    " balances ",
    " paycheck ",
    " salary ",
    " argent ",
    " epargne ",
    " livret ",
    " compte ",
    " comptes ",
    " sous ",
];

/// Words asking whether it is safe or still there, each padded and folded.
const SAFE: &[&str] = &[
    " safe ",
    " secure ",
    " still there ",
    " still here ",
    " still in ",
    " still ok ",
    " still okay ",
    " ok ",
    " okay ",
    " alright ",
    " all right ",
    " protected ",
    " intact ",
    " gone ",
    " been taken ",
    " take my ",
    // "did anyone take money from my account" ("take money out" is a withdrawal).
    " take money from my ",
    " took money from ",
    " taken money from ",
    " take any money from ",
    " took any money ",
    " stolen ",
    " stole ",
    " steal ",
    " took my ",
    " taken my ",
    " steal my ",
    " stole my ",
    " touched ",
    " emptied ",
    " drained ",
    " en securite ",
    " toujours la ",
    " encore la ",
];

/// Words about data, which make it a privacy question ("is my data safe").
const DATA: &[&str] = &[
    " data ",
    " information ",
    " informations ",
    " info ",
    " details ",
    " privacy ",
    " personal ",
    " password ",
    " login ",
    " donnees ",
    // "is it safe to link my account": the link, a privacy question.
    " link ",
    " linking ",
    " linked ",
    " connect ",
    " connecting ",
    " share ",
    " sharing ",
    " messenger ",
    " facebook ",
    " meta ",
    " this chat ",
    " lier ",
    " relier ",
];

/// Words of a charge, each padded and folded.
const CHARGES: &[&str] = &[
    " charge ",
    " charges ",
    " transaction ",
    " transactions ",
    " payment ",
    " payments ",
    " purchase ",
    " purchases ",
    " activity ",
    " anything ",
    " something ",
    " txns ",
    " withdrawals ",
    " debits ",
    " operations ",
    " paiements ",
];

/// Words disowning or doubting a charge, each padded and folded.
const UNKNOWN: &[&str] = &[
    " dont recogni",
    " don't recogni",
    " do not recogni",
    " not recogni",
    " didnt make",
    " didn't make",
    " did not make",
    " didnt do",
    " didn't do",
    " not mine ",
    " arent mine ",
    " aren't mine ",
    " unknown ",
    " unusual ",
    " weird ",
    " strange ",
    " suspicious ",
    " odd ",
    " unauthori",
    " fraudulent ",
    " shouldnt be there ",
    " shouldn't be there ",
    " reconnais pas ",
    " bizarre ",
    " suspect ",
];

/// Words asking whether there are any (a question, not a report of one).
const ANY: &[&str] = &[
    " any ",
    " anything ",
    " are there ",
    " is there ",
    " were there ",
    " was there ",
    " have there been ",
    " has there been ",
    " show me ",
    " show ",
    " check ",
    " see if ",
    " look for ",
    " list ",
    " y a t il ",
    " il y a ",
];

fn has(f: &str, list: &[&str]) -> bool {
    list.iter().any(|w| f.contains(w))
}

/// "is my money still there", "is my savings safe?", "did they take my money": the money,
/// not the data.
pub(crate) fn asks_money_safe(text: &str) -> bool {
    let f = fold(text);
    let f = after_opening_acknowledgement(&f);
    has(f, MONEY) && has(f, SAFE) && !has(f, DATA)
}

/// `f` (folded, padded) without an opening "ok" / "alright": "ok then what is my balance"
/// acknowledges before asking, where "is my money ok?" asks whether it is safe.
fn after_opening_acknowledgement(f: &str) -> &str {
    const OPENERS: &[&str] = &[" ok ", " okay ", " k ", " alright ", " all right "];
    OPENERS
        .iter()
        .find(|a| f.starts_with(*a))
        .map_or(f, |a| &f[a.len() - 1..])
}

/// Words pointing back at the money just shown ("is that money safe?", "is it safe").
const BACK: &[&str] = &[
    " that ", " this ", " it ", " its ", " it's ", " ca ", " cet ", " cette ",
];

/// True when a money question points back at the account just shown.
pub(crate) fn refers_back(text: &str) -> bool {
    has(&fold(text), BACK)
}

/// "any charges today i dont recognize", "anything unusual on my account": a question
/// whether there are payments the customer did not make.
pub(crate) fn asks_unrecognised(text: &str) -> bool {
    let f = fold(text);
    has(&f, UNKNOWN) && has(&f, CHARGES) && has(&f, ANY)
}

/// "Est-ce que quelqu'un a pu s'en servir ?", "did anyone use it?", "has somebody been
/// using my card?": whether someone else used the card, asked (not told): the recent
/// payments, to look at, then what to do if one is not theirs.
pub(crate) fn asks_someone_used(text: &str) -> bool {
    const SOMEONE: &[&str] = &[
        " quelqu'un ",
        " quelqu un ",
        " qqn ",
        " qqun ",
        " someone ",
        " somebody ",
        " anyone ",
        " anybody ",
        " any one ",
        " some one ",
    ];
    const USED: &[&str] = &[
        " servi ",
        " servir ",
        " utilise ",
        " utiliser ",
        " utilisee ",
        " used ",
        " use ",
        " using ",
        " spent ",
        " depense ",
        " paye avec ",
        " charged ",
    ];
    const ASKED: &[&str] = &[
        " est ce ",
        " est-ce ",
        " did ",
        " has ",
        " have ",
        " could ",
        " can you see ",
        " is there ",
        " any chance ",
        " tu vois si ",
        " vous voyez si ",
        " pu ",
    ];
    // "i think somebody has been using my visa. what should i do?": a report, told.
    const TOLD: &[&str] = &[
        " i think ",
        " i believe ",
        " tried ",
        " what should i do ",
        " what ought ",
        " what do i do ",
        " je pense ",
        " je crois ",
        " a essaye ",
        " que faire ",
        " je fais quoi ",
    ];
    let f = fold(text);
    let question = text.trim_end().ends_with('?') || has(&f, ASKED);
    question
        && has(&f, SOMEONE)
        && has(&f, USED)
        && !has(&f, TOLD)
        && !crate::intents::scam::reported(text)
}

/// Either question: after the offer to lock, a question to answer, not a card named.
pub(crate) fn asks_more(text: &str) -> bool {
    asks_money_safe(text) || asks_unrecognised(text) || asks_someone_used(text)
}

/// The balances (of `kind`, else all), then the last few payments of that account, so the
/// customer sees the money is there and what moved.
pub(crate) async fn reassure(
    ctx: &mut Ctx<'_>,
    state: &mut DialogState,
    credential: &CustomerCredential,
    kind: Option<AccountKind>,
    text: &str,
) -> Result<(), HandlerError> {
    crate::intents::balance::handle(ctx, credential, kind, Ask::Plain, text).await?;
    let recent = Slots {
        account_type: kind,
        count: Some(3),
        ..Slots::default()
    };
    crate::intents::transactions::handle(ctx, state, credential, &recent, Ask::Plain, false).await
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn money_questions() {
        for q in [
            "is my money still there",
            "is my savings safe?",
            "are my funds ok??",
            "did they take my money",
            "is my checking account safe",
            "did anyone take money from my account",
        ] {
            assert!(asks_money_safe(q), "{q}");
        }
        for q in [
            "is my data safe",
            "where i can take money out of machine near of union square",
            "is my personal information secure",
            "what's my balance",
            "is it safe to link my account",
        ] {
            assert!(!asks_money_safe(q), "{q}");
        }
    }

    #[test]
    fn unrecognised_charges() {
        for q in [
            "have there been any charges today i dont recognize",
            "any charges today i dont recognize",
            "anything weird on my account",
            "are there payments i didn't make",
            "check for unusual activity pls",
        ] {
            assert!(asks_unrecognised(q), "{q}");
        }
        for q in ["i dont recognize this amazon charge", "any charges today"] {
            assert!(!asks_unrecognised(q), "{q}");
        }
    }
}
