//! Whole messages that steer the conversation rather than ask for anything, as people text
//! them: "nvm" / "forget it" (drop it), "brb" / "hold on" (wait), "my bad" / "sorry wrong
//! button" (an apology), "hbu" / "wyd" (asking the bot back), "who r u" / "u a bot or nah"
//! (who, or what, the bot is), "i have a question" / "one query" (a question coming). Each is
//! answered as a person in chat would — never as a request ("forget it" is no deletion,
//! "never mind" no fraud report, "i have a question" no goodbye).

use crate::cues::fold;

/// What a steering message does.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Move {
    /// "nvm", "forget it", "scratch that": drop what was under way.
    Dismiss,
    /// "brb", "hold on", "one sec": the customer comes back in a moment.
    Wait,
    /// "my bad", "sorry wrong button": nothing to forgive.
    Apology,
    /// "hbu", "wbu", "wyd": small talk asked back to the bot.
    AskBack,
    /// "who r u", "who dis": who (or what) answers.
    WhoAreYou,
    /// "u a bot or nah", "human or not": whether a bot answers (the "nah" is no answer).
    IsItABot,
    /// "i have a question", "one query": a question is coming.
    QuestionComing,
}

/// Words that ride along without changing the move ("nvm lol", "hold on pls", "ok my bad").
const RIDERS: &[&str] = &[
    "lol", "lmao", "haha", "pls", "plz", "please", "sir", "madam", "maam", "fam", "bro", "bruh",
    "mate", "dude", "man", "ok", "okay", "k", "kk", "oh", "ah", "um", "uh", "umm", "hmm", "even",
    "just", "actually", "then", "so", "well", "yo", "hey", "hi", "hello", "dear", "bot", "again",
    "oops", "whoops",
];

const DISMISS: &[&str] = &[
    "nvm",
    "nvmd",
    "nevermind",
    "never mind",
    "nm",
    "forget it",
    "forget that",
    "forget about it",
    "forget i asked",
    "forget what i said",
    "scratch that",
    "ignore that",
    "ignore me",
    "ignore it",
    "ignore my last message",
    "doesnt matter",
    "it doesnt matter",
    "no matter",
    "dont worry about it",
    "dont bother",
    "leave it",
    "disregard",
    "disregard that",
    "not important",
    "never mind that",
];

const WAIT: &[&str] = &[
    "brb",
    "be right back",
    "ill be right back",
    "i will be right back",
    "be back soon",
    "hold on",
    "hold on a sec",
    "hold on a second",
    "hold on a minute",
    "hang on",
    "hang on a sec",
    "one sec",
    "1 sec",
    "a sec",
    "sec",
    "one second",
    "one moment",
    "a moment",
    "just a moment",
    "just a sec",
    "just a second",
    "one min",
    "1 min",
    "wait",
    "wait a sec",
    "wait a second",
    "wait a minute",
    "wait a moment",
    "gimme a sec",
    "gimme a min",
    "gimme a minute",
    "give me a sec",
    "give me a second",
    "give me a minute",
    "give me a moment",
    "bear with me",
    "let me check",
    "lemme check",
    "let me see",
    "lemme see",
    "let me think",
    "lemme think",
    "kindly wait",
    "please wait",
];

const APOLOGY: &[&str] = &[
    "my bad",
    "mb",
    "sorry",
    "sry",
    "soz",
    "srry",
    "sorry my bad",
    "sorry my mistake",
    "my mistake",
    "oops sorry",
    "sorry oops",
    "sorry wrong button",
    "wrong button",
    "sorry pressed the wrong button",
    "sorry i pressed the wrong button",
    "sorry wrong one",
    "wrong one sorry",
    "sorry typo",
    "typo",
    "typo sorry",
    "sorry about that",
    "sorry for that",
    "sorry for the trouble",
    "sorry to bother you",
    "my apologies",
    "apologies",
    "sorry for the confusion",
];

const ASK_BACK: &[&str] = &[
    "hbu",
    "wbu",
    "how about you",
    "how about u",
    "how bout you",
    "how bout u",
    "how abt u",
    "how abt you",
    "what about you",
    "what about u",
    "and you",
    "and u",
    "and yourself",
    "you",
    "u",
    "wyd",
    "what are you doing",
    "what are u doing",
    "what r u doing",
    "what r u doin",
    "what you doing",
    "what u doing",
    "what u doin",
    "whatcha doing",
    "whatcha doin",
    "watcha doin",
    "how u doin",
    "how you doin",
    "how ya doin",
    "how u doing today",
    "hows u",
    "hows you",
];

/// How the customer is, before asking back ("good hbu", "im fine wbu", "not bad, u?").
const DOING_FINE: &[&str] = &[
    "good", "gud", "fine", "great", "im", "i", "am", "doing", "not", "bad", "all", "alright",
    "too", "also", "pretty", "well", "okay", "ok", "cool", "chilling", "chillin", "tired",
];

const WHO: &[&str] = &[
    "who r u",
    "who are you",
    "who are u",
    "who r you",
    "who is this",
    "whos this",
    "who dis",
    "who this",
    "who am i talking to",
    "who am i speaking to",
    "who am i speaking with",
    "who am i chatting with",
    "who am i talking with",
    "who is there",
    "whos there",
    "what are you",
    "what r u",
    "wat r u",
    "wat are you",
    "what is this",
    "bot or human",
    "human or bot",
    "bot or nah",
    "real or bot",
    "are you real",
    "r u real",
    "u real",
];

const QUESTION: &[&str] = &[
    "i have a question",
    "i have one question",
    "i have a quick question",
    "i have a small question",
    "i have some questions",
    "i have a few questions",
    "i have one query",
    "i have a query",
    "i have a small query",
    "i have some query",
    "i have some queries",
    "i have one doubt",
    "i have a doubt",
    "i have a small doubt",
    "i got a question",
    "got a question",
    "got a quick question",
    "quick question",
    "quick q",
    "one question",
    "one query",
    "one doubt",
    "a question",
    "question",
    "query",
    "can i ask you something",
    "can i ask something",
    "can i ask a question",
    "can i ask you a question",
    "may i ask a question",
    "may i ask something",
    "i want to ask something",
    "i want to ask a question",
    "i need to ask something",
    "i need to ask you something",
    "i wanted to ask something",
    "i wanted to ask you something",
];

/// Endings that leave a yes-or-no question open ("u a bot or nah").
const OPEN_ENDINGS: &[&str] = &[" or nah", " or no", " or not", " or what", " or nope"];

/// The move `text` makes, when the whole message is one.
pub(crate) fn read(text: &str) -> Option<Move> {
    let folded = fold(text).replace(['\'', '’'], "");
    let kept: Vec<&str> = folded
        .split_whitespace()
        .filter(|w| !RIDERS.contains(w) && !w.chars().all(crate::cues::is_emoji))
        .collect();
    let said = kept.join(" ");
    if said.is_empty() {
        return None;
    }
    let is = |list: &[&str]| list.contains(&said.as_str());
    // "good hbu", "im fine wbu": how the customer is, then the question back.
    let asked_back = {
        let mut rest = said.as_str();
        while let Some((first, after)) = rest.split_once(' ')
            && DOING_FINE.contains(&first)
        {
            rest = after;
        }
        ASK_BACK.contains(&rest) && !DOING_FINE.contains(&rest)
    };
    if is(DISMISS) {
        Some(Move::Dismiss)
    } else if is(WAIT) {
        Some(Move::Wait)
    } else if is(APOLOGY) {
        Some(Move::Apology)
    } else if is(WHO) {
        Some(Move::WhoAreYou)
    } else if asks_if_bot_openly(&folded) {
        Some(Move::IsItABot)
    } else if asked_back {
        Some(Move::AskBack)
    } else if is(QUESTION) {
        Some(Move::QuestionComing)
    } else {
        None
    }
}

/// "u a bot or nah", "are you human or not": the bot question with an open ending, whose
/// "nah" is no answer to anything.
fn asks_if_bot_openly(folded: &str) -> bool {
    let said = folded.trim_end();
    OPEN_ENDINGS
        .iter()
        .any(|end| said.strip_suffix(end).is_some_and(crate::cues::asks_if_bot))
}

#[cfg(test)]
mod tests {
    use super::{Move, read};

    #[test]
    fn moves_as_people_text_them() {
        for (said, is) in [
            ("nvm", Move::Dismiss),
            ("never mind lol", Move::Dismiss),
            ("Forget it.", Move::Dismiss),
            ("ok scratch that", Move::Dismiss),
            ("brb", Move::Wait),
            ("hold on pls", Move::Wait),
            ("I'll be right back", Move::Wait),
            ("gimme a sec", Move::Wait),
            ("my bad", Move::Apology),
            ("sorry my mistake", Move::Apology),
            ("oops sorry 😅", Move::Apology),
            ("hbu", Move::AskBack),
            ("wyd", Move::AskBack),
            ("good hbu", Move::AskBack),
            ("im fine wbu", Move::AskBack),
            ("not bad, u?", Move::AskBack),
            ("oops sorry wrong button", Move::Apology),
            ("how u doin", Move::AskBack),
            ("who r u even lol", Move::WhoAreYou),
            ("who dis", Move::WhoAreYou),
            ("u a bot or nah", Move::IsItABot),
            ("are you human or not", Move::IsItABot),
            ("i have a question", Move::QuestionComing),
            ("one query sir", Move::QuestionComing),
        ] {
            assert_eq!(read(said), Some(is), "{said}");
        }
    }

    #[test]
    fn requests_are_no_moves() {
        for said in [
            "forget my data",
            "never mind the balance, show my transactions",
            "wait, was i charged twice?",
            "sorry but what's my balance",
            "who is ACME Corp Payroll",
            "i have a question about my bill",
            "lol",
            "ok",
            "ok cancel that",
            "thanks u",
            "good",
        ] {
            assert_eq!(read(said), None, "{said}");
        }
    }
}
