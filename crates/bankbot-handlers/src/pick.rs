//! "Le deuxième", "c quoi le premier ?", "et la 3e", "the second one", "number 2": one item
//! of the list the last answer showed (cash machines, transactions), picked by its rank and
//! shown in full: the machine's address, services and map link; the transaction's label,
//! account, category and status. The message must be little more than the rank, so "depuis
//! le premier" (a date) or "mes 2 dernières opérations" (a count) are never a pick.

use bankbot_bank::TransactionQuery;
use bankbot_core::{Button, DateRange, IntentId, Reply, ReplyCard, TransactionStatus};

use crate::catalog::{Msg, PickedMsg};
use crate::ctx::Ctx;
use crate::cues::fold;
use crate::format;
use crate::{DialogState, HandlerError, Listed};

/// Words that may surround a rank without changing what is asked ("montre-moi le
/// deuxième", "c'est quoi la 3e ?", "what about the second one").
const FILLER: &[&str] = &[
    "et",
    "le",
    "la",
    "l'",
    "les",
    "c'est",
    "c",
    "est",
    "quoi",
    "qu'est",
    "ce",
    "que",
    "montre",
    "montrez",
    "moi",
    "affiche",
    "voir",
    "detail",
    "details",
    "detaille",
    "du",
    "de",
    "sur",
    "plus",
    "infos",
    "info",
    "s'il",
    "te",
    "vous",
    "plait",
    "stp",
    "svp",
    "ok",
    "ouais",
    "oui",
    "alors",
    "celui",
    "celle",
    "un",
    "une",
    "peu",
    "pour",
    "lui",
    "donne",
    "donnez",
    "numero",
    "num",
    "no",
    "n",
    "n°",
    "and",
    "the",
    "one",
    "what",
    "about",
    "show",
    "me",
    "is",
    "number",
    "tell",
    "more",
    "please",
    "pls",
    "how",
    "give",
    "on",
    "that",
    "so",
    "uh",
    "euh",
    "ben",
    "bah",
    "hmm",
    "then",
    "which",
    "whats",
    "what's",
    "item",
    "choisis",
    "je",
    "prends",
    "veux",
    "voudrais",
    "i'll",
    "take",
    "want",
    "go",
    "with",
    "option",
    "choix",
    "dis",
    "dites",
    "pourriez",
    "pouvez",
    "pourrais",
    "peux",
    "tu",
    "me",
    "m'",
    "afficher",
    "donner",
    "montrer",
    "detailler",
    "merci",
    "bien",
    "j'aimerais",
    "aimerais",
    "souhaiterais",
    "could",
    "can",
    "you",
    "i",
    "see",
    "thanks",
    "madame",
    "monsieur",
    // "le premier combien ?", "le 2e c'était quand ?": the item is the answer.
    "combien",
    "quand",
    "c'etait",
    "much",
    "when",
    "was",
    "it",
];

/// A rank word and the position it names (1-based).
const RANKS: &[(&str, usize)] = &[
    ("premier", 1),
    ("premiere", 1),
    ("1er", 1),
    ("1ere", 1),
    ("1re", 1),
    ("first", 1),
    ("1st", 1),
    ("deuxieme", 2),
    ("deusieme", 2),
    ("deuxiem", 2),
    ("second", 2),
    ("seconde", 2),
    ("2e", 2),
    ("2eme", 2),
    ("2ieme", 2),
    ("2em", 2),
    ("2nd", 2),
    ("troisieme", 3),
    ("troisiem", 3),
    ("third", 3),
    ("3e", 3),
    ("3eme", 3),
    ("3ieme", 3),
    ("3em", 3),
    ("3rd", 3),
    ("quatrieme", 4),
    ("fourth", 4),
    ("4e", 4),
    ("4eme", 4),
    ("4ieme", 4),
    ("4th", 4),
    ("cinquieme", 5),
    ("fifth", 5),
    ("5e", 5),
    ("5eme", 5),
    ("5ieme", 5),
    ("5th", 5),
];

/// Words at most in a pick ("pourriez-vous me donner le détail du numéro 3, s'il vous
/// plaît ?"); a longer message asks something else.
const MAX_WORDS: usize = 14;

/// Words that make a following bare digit a rank ("numéro 2", "number 3", "n° 1").
const NUMBER_WORDS: &[&str] = &["numero", "num", "no", "n", "number"];

/// The 1-based rank `text` points at, when the message is little more than a rank.
pub(crate) fn rank(text: &str) -> Option<usize> {
    let spaced = text.replace('#', " numero ");
    let folded = fold(&spaced);
    let words: Vec<&str> = folded.split_whitespace().collect();
    if words.is_empty() || words.len() > MAX_WORDS {
        return None;
    }
    let mut found = None;
    for (i, w) in words.iter().enumerate() {
        // An elided article or pronoun ("m'afficher") is its word.
        let w = ["l'", "m'", "d'", "t'"]
            .iter()
            .find_map(|p| w.strip_prefix(p))
            .unwrap_or(w);
        if let Some((_, n)) = RANKS.iter().find(|(r, _)| *r == w) {
            if found.replace(*n).is_some() {
                return None;
            }
            continue;
        }
        let after_number_word = i > 0 && words.get(i - 1).is_some_and(|p| NUMBER_WORDS.contains(p));
        if after_number_word
            && w.len() == 1
            && let Ok(n) = w.parse::<usize>()
            && n > 0
        {
            if found.replace(n).is_some() {
                return None;
            }
            continue;
        }
        if FILLER.contains(&w) {
            continue;
        }
        return None;
    }
    found
}

/// Questions about the one item just shown ("de combien ?", "elle est arrivée quand ?",
/// "c'était quoi ?", "how much was it?"), as left once [`FILLER`] words are gone.
const ABOUT_IT: &[&str] = &[
    "combien",
    "c'etait combien",
    "c'etait quand",
    "quand",
    "quel jour",
    "quelle date",
    "elle est arrivee quand",
    "est arrivee quand",
    "est arrive quand",
    "est tombee quand",
    "est tombe quand",
    "il est arrive quand",
    "elle est tombee quand",
    "il est tombe quand",
    "c'est tombe quand",
    "c'est arrive quand",
    "arrivee quand",
    "arrive quand",
    "tombe quand",
    "c'etait",
    "c'etait qui",
    "c'est qui",
    "c'etait ou",
    "how much",
    "how much was it",
    "how much was that",
    "when",
    "when was it",
    "when was that",
    "when did it come",
    "when did it come in",
    "what was it",
    "what was that",
    "which day",
    "what day",
    // "which account was that from", « sur quel compte ? »: the account it was on.
    "which account",
    "which account from",
    "which account was that from",
    "which account was it from",
    "which account did it come from",
    "which account did that come from",
    "which account did it come out of",
    "which account did it go out of",
    "what account",
    "what account was that from",
    "what account was it from",
    "what account did it come out of",
    "from which account",
    "from what account",
    "on which account",
    "on what account",
    "sur quel compte",
    "quel compte",
    "de quel compte",
    "c'etait sur quel compte",
    "c'est sur quel compte",
    "sur quel compte c'etait",
    "sur quel compte c'est passe",
    "ca vient de quel compte",
    "c'est parti de quel compte",
    "c'est sorti de quel compte",
    "c'etait quel compte",
    "which account that from",
    "what account that from",
    "what account from",
    "which account did come from",
    "what account did come from",
    // "How much amount?", "who paid it", « il vient de qui » after a pay shown: its amount
    // and who it came from, both in the item's details (filler words already dropped).
    "how much amount",
    "what amount",
    "what the amount",
    "how much money",
    "who paid",
    "who paid me",
    "who sent",
    "who sent me",
    "who's from",
    "who from",
    "from who",
    "from whom",
    "who's that from",
    "who that from",
    "who is from",
    "who was from",
    "vient qui",
    "vient d'ou",
    "qui vient",
    "d'ou vient",
    "d'ou",
    "de qui",
    "qui",
    "qui a paye",
    "qui a vire",
    "qui me l'a verse",
    "qui l'a verse",
    "qui l'a paye",
    "quel montant",
    "montant",
];

/// Words dropped before reading a question about the item just shown.
const ABOUT_FILLER: &[&str] = &[
    "etait",
    "est",
    "et",
    "de",
    "ok",
    "alors",
    "euh",
    "ben",
    "bin",
    "donc",
    "il",
    "elle",
    "ca",
    "and",
    "so",
    "ok",
    "it",
    "was",
    "exactement",
    "exactly",
    "precisement",
    // "grand, and who sent it", "cool, how much amount": an acknowledgement first.
    "grand",
    "cool",
    "right",
    "great",
    "super",
    "daccord",
    "d'accord",
];

/// True when `text` asks about the one item the last answer showed.
pub(crate) fn asks_about_it(text: &str) -> bool {
    let folded = fold(text);
    let kept: Vec<&str> = folded.split_whitespace().collect();
    if kept.is_empty() || kept.len() > 6 {
        return false;
    }
    let said = kept.join(" ");
    if ABOUT_IT.contains(&said.as_str()) {
        return true;
    }
    let bare: Vec<&str> = kept
        .iter()
        .copied()
        .filter(|w| !ABOUT_FILLER.contains(w))
        .collect();
    !bare.is_empty() && ABOUT_IT.contains(&bare.join(" ").as_str())
}

/// "whats the exact address", « c'est quoi l'adresse exacte ? » after cash machines were
/// listed: the address of the first (nearest) one, unless another is named by its rank.
pub(crate) fn asks_address(text: &str, listed: &[Listed]) -> bool {
    const ADDRESS: &[&str] = &[
        " address ",
        " adress ",
        " addy ",
        " adresse ",
        " l'adresse ",
        " where exactly ",
        " exact location ",
        " ou exactement ",
    ];
    let f = fold(text);
    !listed.is_empty()
        && listed.iter().all(|l| matches!(l, Listed::Atm { .. }))
        && f.split_whitespace().count() <= 8
        && ADDRESS.iter().any(|w| f.contains(w))
}

/// Shows item `n` (1-based) of `listed`, the last answer's list, and keeps the list for
/// the next pick.
pub(crate) async fn answer(
    ctx: &mut Ctx<'_>,
    state: &mut DialogState,
    listed: Vec<Listed>,
    n: usize,
) -> Result<(), HandlerError> {
    let Some(item) = n.checked_sub(1).and_then(|i| listed.get(i)).cloned() else {
        ctx.say(Msg::Picked(PickedMsg::OutOfRange {
            n,
            len: listed.len(),
        }));
        state.listed = listed;
        return Ok(());
    };
    // The rank is said back only when there was a choice.
    let rank = (listed.len() > 1).then_some(n);
    match item {
        Listed::Atm { atm, distance } => {
            state.turn_intent = Some(IntentId::AtmNearby);
            let name = crate::intents::atm::display_name(&atm);
            let url = format::maps_url(atm.location);
            let text = ctx.t(Msg::Picked(PickedMsg::Atm {
                n: rank,
                name: &name,
                distance: &distance,
                address: &atm.address,
                features: atm.features,
                url: &url,
            }));
            ctx.reply(Reply::text(text));
            let map_button = ctx.t(Msg::AtmMapButton);
            ctx.reply(Reply::Cards {
                cards: vec![ReplyCard {
                    title: name,
                    subtitle: Some(format!("{distance} · {}", atm.address)),
                    image_url: None,
                    default_url: Some(url.clone()),
                    buttons: vec![Button::WebUrl {
                        title: map_button,
                        url,
                    }],
                }],
            });
        }
        Listed::Transaction { account, id, day } => {
            state.turn_intent = Some(IntentId::Transactions);
            let Some(credential) = ctx.customer else {
                return crate::dispatch::link_needed(ctx);
            };
            let query = TransactionQuery {
                account: Some(account.clone()),
                range: DateRange::new(day, day).ok(),
                limit: 100,
                ..TransactionQuery::default()
            };
            let page = ctx.services.bank.transactions(credential, &query).await?;
            let Some(tx) = page.transactions.into_iter().find(|t| t.id == id) else {
                ctx.say(Msg::Picked(PickedMsg::TransactionGone));
                state.listed = listed;
                return Ok(());
            };
            let accounts = ctx.services.bank.accounts(credential).await?;
            let account_label = accounts
                .iter()
                .find(|a| a.id == account)
                .map(format::account_label)
                .unwrap_or_default();
            let today = ctx.services.clock.today();
            let date = format::date(tx.booking_date, today, ctx.lang);
            let amount = format::signed(&tx.amount, ctx.lang);
            let category = crate::catalog::category(ctx.lang, tx.category);
            let text = ctx.t(Msg::Picked(PickedMsg::Transaction {
                n: rank,
                date: &date,
                who: tx.counterparty(),
                amount: &amount,
                label: &tx.description,
                account: &account_label,
                category,
                pending: tx.status == TransactionStatus::Pending,
            }));
            ctx.reply(Reply::text(text));
            ctx.audit("transactions");
        }
    }
    state.listed = listed;
    state.picked = Some(n - 1);
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::{asks_about_it, rank};

    #[test]
    fn questions_about_the_item_shown() {
        for said in [
            "de combien",
            "de combien ?",
            "et elle est arrivée quand",
            "c'était quand",
            "quand ça ?",
            "how much was it",
            "when was that?",
            "c'était qui",
            "de combien il était",
            "il était de combien ?",
            "which account was that from",
            "sur quel compte ?",
            "and what account was it from",
            "c'était sur quel compte",
        ] {
            assert!(asks_about_it(said), "{said}");
        }
        for said in [
            "combien j'ai sur mon compte",
            "quand arrive mon salaire le mois prochain",
            "merci",
            "how much did i spend",
        ] {
            assert!(!asks_about_it(said), "{said}");
        }
    }

    #[test]
    fn a_rank_alone_or_with_fillers_is_a_pick() {
        for (said, n) in [
            ("le deuxième", 2),
            ("Le deuxieme ?", 2),
            ("c quoi le premier", 1),
            ("c'est quoi la 3e ?", 3),
            ("et le troisième", 3),
            ("montre moi le 2ème stp", 2),
            ("la première", 1),
            ("le numéro 2", 2),
            ("n° 3", 3),
            ("#2", 2),
            ("the second one", 2),
            ("what about the 3rd one", 3),
            ("number 1 please", 1),
            ("first one", 1),
            ("je prends le deuxième", 2),
            ("plus de détails sur le premier", 1),
            (
                "Pourriez-vous me donner le détail du numéro 3, s'il vous plaît ?",
                3,
            ),
            ("can you show me the second one", 2),
            ("le premier combien", 1),
            ("le 2e c'était quand", 2),
            ("how much was the third one", 3),
        ] {
            assert_eq!(rank(said), Some(n), "{said}");
        }
    }

    #[test]
    fn dates_counts_and_requests_are_no_pick() {
        for said in [
            "depuis le premier",
            "mes 2 dernières opérations",
            "le 2",
            "2",
            "le premier et le deuxième",
            "mes dépenses du premier au 10",
            "mon premier salaire",
            "bloquer la deuxième carte",
            "merci",
            "first transaction of the month",
            "le dernier",
            "combien depuis le premier",
            "combien le premier mois",
        ] {
            assert_eq!(rank(said), None, "{said}");
        }
    }
}
