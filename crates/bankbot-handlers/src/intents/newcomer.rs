//! "my wife used to do all this, i dont know how any of it works", "I'm 80 and new to
//! this", "i have never used one of these chat things", "im not very good with computers":
//! someone unused to chat (or to banking, after a loss) says so before asking anything.
//! They get a warm, short answer that says how to ask and what the bot can do — never
//! "didn't get that", the long menu or a fraud report. A message that also names what they
//! want ("i'm new to this, what's my balance") is read as that request instead.

use bankbot_core::{IntentId, has_padded_phrase};

use crate::DialogState;
use crate::catalog::Msg;
use crate::ctx::Ctx;
use crate::cues::fold;

/// Ways of saying one is new to this, lost with it, or that someone else always did it,
/// each folded.
const UNUSED_TO_IT: &[&str] = &[
    "new to this",
    "new to all this",
    "new to these",
    "new to chat",
    "new to chatting",
    "new to computers",
    "new to technology",
    "new at this",
    "first time using",
    "first time doing this",
    "first time on here",
    "never used one of these",
    "never used this",
    "never used a chat",
    "never done this",
    "never did this before",
    "not good with computers",
    "not good with phones",
    "not good with technology",
    "not good with tech",
    "not good at this",
    "not very good with",
    "not very good at this",
    "no good with computers",
    "rubbish with computers",
    "useless with computers",
    "hopeless with computers",
    "bad with computers",
    "bad with technology",
    "bad with phones",
    "not tech savvy",
    "not very techy",
    "not techy",
    "dont know how any of",
    "don't know how any of",
    "do not know how any of",
    "dont know how this works",
    "don't know how this works",
    "do not know how this works",
    "dont know how it works",
    "don't know how it works",
    "dont know how to use this",
    "don't know how to use this",
    "dont know how to do this",
    "don't know how to do this",
    "dont know what to do",
    "don't know what to do",
    "dont know what im doing",
    "don't know what i'm doing",
    "dont understand this",
    "don't understand this",
    "do not understand this",
    "dont understand any of",
    "don't understand any of",
    "dont understand how",
    "don't understand how",
    "cant work this",
    "can't work this",
    "cannae work this",
    "dinnae know how",
    "how does this work",
    "how does this thing work",
    "how do i use this",
    "how do i work this",
    "what do i do now",
    "what do i type",
    "what do i write",
    "used to do all this",
    "used to do all of this",
    "used to do all that",
    "used to do the banking",
    "used to do all the banking",
    "used to handle all",
    "used to handle the",
    "did all the banking",
    "did all this",
    "did all of this",
    "always did the banking",
    "always did all",
    "always handled the",
    "did the money stuff",
    "i'm a bit lost",
    "im a bit lost",
    "i am a bit lost",
    "i'm lost",
    "im lost",
    "i am lost",
    "i'm confused",
    "im confused",
    "i am confused",
    "so confused",
    "im old",
    "i'm old",
    "i am old",
    "bear with me",
    "my grandson set this up",
    "my granddaughter set this up",
    "my son set this up",
    "my daughter set this up",
];

/// Words that name something to do: then the message is that request, read as usual.
const NAMES_A_TOPIC: &[&str] = &[
    "balance",
    "balnce",
    "how much",
    "how many",
    "spend",
    "spent",
    "spending",
    "transaction",
    "transactions",
    "payment",
    "payments",
    "paid",
    "card",
    "cards",
    "lock",
    "block",
    "atm",
    "cash",
    "machine",
    "statement",
    "rent",
    "bill",
    "bills",
    "transfer",
    "alert",
    "alerts",
    "savings",
    "checking",
    "account",
    "unlink",
    "delete",
    "fraud",
    "scam",
    "stolen",
    "lost my",
    "lost a",
    "lost the",
    "lost it",
    "where",
    "when",
    "which",
];

/// "I'm 80", "i am 92 years old": an age told, folded and padded.
fn tells_old_age(f: &str) -> bool {
    let words: Vec<&str> = f.split_whitespace().collect();
    words.windows(2).any(|w| {
        matches!(w[0], "i'm" | "im" | "am" | "aged")
            && w[1]
                .parse::<u32>()
                .is_ok_and(|age| (65..=110).contains(&age))
    })
}

/// True when `text` says the customer is new to this or lost with it, and asks nothing
/// the bot can answer on its own ("my wife used to do all this").
pub(crate) fn told(text: &str) -> bool {
    let f = fold(text);
    let unused = UNUSED_TO_IT.iter().any(|p| has_padded_phrase(&f, p)) || tells_old_age(&f);
    unused && !NAMES_A_TOPIC.iter().any(|w| has_padded_phrase(&f, w))
}

/// How to ask, in a few words, what the bot does, and how to reach a person; condolences
/// first when a death was told ("my husband passed away and he did all the banking").
pub(crate) fn answer(ctx: &mut Ctx<'_>, state: &mut DialogState, text: &str) {
    state.pending = None;
    state.more = None;
    state.misses = 0;
    state.turn_intent = Some(IntentId::Help);
    let sorry = crate::intents::bereaved::tells_death(text);
    let way = ctx.reach();
    let menu = ctx.menu();
    ctx.ask(Msg::Newcomer { sorry, way }, menu);
}

#[cfg(test)]
mod tests {
    use super::told;

    #[test]
    fn new_or_lost_told() {
        for t in [
            "my wife used to do all this, i dont know how any of it works",
            "I'm 80 and new to this",
            "i have never used one of these chat things",
            "im not very good with computers",
            "Im 84 years old, bear with me",
            "my husband always did the banking",
            "sorry i dont understand this",
            "how does this work?",
            "i'm confused",
            "sorry i'm a bit lost here",
        ] {
            assert!(told(t), "{t}");
        }
        for t in [
            "i'm new to this, what's my balance",
            "never used this card abroad",
            "my wife used to do all this, how much money have we got",
            "i dont know how any of this works, where is my money",
            "i am 30",
            "what do you do",
            "i lost my card",
        ] {
            assert!(!told(t), "{t}");
        }
    }
}
