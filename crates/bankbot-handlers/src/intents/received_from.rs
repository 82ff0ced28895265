//! "virement de Martin Conseil arrivé ?", "le virement de la CAF est tombé ?", "has any
//! client payment landed this week", "j'ai reçu le virement de ma mère ?": a question about
//! money received, never a request to make a transfer. It is a search of the money in,
//! narrowed to the payer when one is named; a relative ("ma mère", "my dad") is no name the
//! bank shows on a payment, so the bot says it can only show what came in.

use bankbot_bank::CustomerCredential;
use bankbot_core::has_padded_phrase;
use bankbot_core::{Category, IntentId, Slots};

use crate::catalog::{FlowMsg, Msg};
use crate::ctx::Ctx;
use crate::cues::{Ask, fold};
use crate::intents::transactions;
use crate::{DialogState, HandlerError};

/// Words saying money arrived (folded, whole words or phrases).
const ARRIVED: &[&str] = &[
    "parvenu",
    "parvenue",
    "m'est parvenu",
    "m'a vire",
    "m'a verse",
    "m'ont vire",
    "arrive",
    "arrivee",
    "arrives",
    "arrivees",
    "bien arrive",
    "tombe",
    "tombee",
    "tombes",
    "est tombe",
    "recu",
    "recue",
    "recus",
    "recues",
    "rentre",
    "rentree",
    "passe sur mon compte",
    "credite",
    "creditee",
    "landed",
    "land",
    "lands",
    "arrived",
    "arrive yet",
    "came in",
    "come in",
    "come through",
    "came through",
    "gone through",
    "went through",
    "hit my account",
    "received",
    "get paid",
    "got paid",
    "credited",
    "deposited",
    "showed up",
    "show up",
    "in yet",
];

/// Words naming money sent to the customer.
const PAYMENT: &[&str] = &[
    "virement",
    "virements",
    "vir",
    "versement",
    "versements",
    "paiement",
    "paiements",
    "transfer",
    "transfers",
    "wire",
    "payment",
    "payments",
    "deposit",
    "e-transfer",
    "etransfer",
    "interac",
];

/// Words of a request to send money: then it is the can't-do, not a search.
const SEND: &[&str] = &[
    "fais",
    "faire",
    "faites",
    "envoie",
    "envoyer",
    "envoyez",
    "send",
    "make",
    "do a",
    "can you transfer",
    "transfer to",
    "virer",
    "vire",
    "how do i",
    "how can i",
    "comment",
];

/// Words asking to be told when it comes: an alert, not a search.
pub(crate) const ALERT: &[&str] = &[
    "alert",
    "alerts",
    "alerte",
    "alertes",
    "alerte moi",
    "notify",
    "notif",
    "previens",
    "prevenez",
    "prevenir",
    "tell me when",
    "let me know",
    "message me when",
    "text me when",
    "ping me",
    "dis moi quand",
    "dites moi quand",
];

/// Weaker words of arrival, enough with a payer named ("got the transfer from my sister?").
const GOT: &[&str] = &[
    "got",
    "get",
    "gotten",
    "any",
    "passe",
    "est passe",
    "y a",
    "ya",
];

/// The customer's own accounts and cards: money moved between them is no payment received.
const OWN_ACCOUNT: &[&str] = &[
    "checking", "savings", "saving", "account", "card", "visa", "livret", "compte", "epargne",
    "carte",
];

/// The payer's place at work: the pay, whoever the bank names.
const EMPLOYER: &[&str] = &[
    "employeur",
    "employer",
    "boss",
    "patron",
    "boulot",
    "taf",
    "job",
    "work",
    "travail",
    "boite",
];

/// Words that open the payer's name after a payment word.
const FROM: &[&str] = &["from", "de", "du", "des", "d'"];

/// Words that end the payer's name.
const NAME_ENDS: &[&str] = &[
    "m'est",
    "m'a",
    "m'ont",
    "parvenu",
    "arrive",
    "arrivee",
    "arrived",
    "est",
    "a",
    "it",
    "is",
    "has",
    "have",
    "tombe",
    "tombee",
    "recu",
    "recue",
    "come",
    "came",
    "landed",
    "land",
    "yet",
    "deja",
    "bien",
    "hit",
    "in",
    "this",
    "last",
    "cette",
    "ce",
    "la",
    "le",
    "today",
    "aujourd'hui",
    "hier",
    "yesterday",
    "sur",
    "on",
    "to",
    "into",
    "dans",
    "pour",
    "for",
    "ou",
    "or",
    "svp",
    "stp",
    "pls",
    "please",
    "encore",
    "still",
    "ok",
    "transfer",
    "payment",
    "virement",
    "deposit",
    "been",
    "went",
];

/// Articles and possessives dropped before the name.
const ARTICLES: &[&str] = &[
    "la",
    "le",
    "l'",
    "les",
    "the",
    "my",
    "ma",
    "mon",
    "mes",
    "a",
    "societe",
    "entreprise",
    "company",
];

/// Relatives: a person the bank cannot tell from a name on a payment.
const KIN: &[&str] = &[
    "mere",
    "pere",
    "maman",
    "papa",
    "mom",
    "mum",
    "mommy",
    "dad",
    "daddy",
    "mother",
    "father",
    "soeur",
    "frere",
    "sister",
    "brother",
    "sis",
    "bro",
    "femme",
    "mari",
    "wife",
    "husband",
    "fils",
    "fille",
    "son",
    "daughter",
    "copain",
    "copine",
    "boyfriend",
    "girlfriend",
    "parents",
    "grand mere",
    "grand-mere",
    "grandma",
    "grandpa",
    "tante",
    "oncle",
    "aunt",
    "uncle",
    "cousin",
    "cousine",
    "pote",
    // Verlan and slang: "ma reum", "mon daron", "ma reus".
    "reum",
    "daron",
    "daronne",
    "darons",
    "reup",
    "reuf",
    "reus",
    "ami",
    "amie",
    "friend",
    "mec",
];

/// What was asked: the payer named (as typed), and whether it is a relative.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct Received {
    pub payer: Option<String>,
    pub kin: bool,
}

/// The question about money received in `text`, if it is one.
pub(crate) fn asks(text: &str) -> Option<Received> {
    let f = fold(text);
    let has = |list: &[&str]| list.iter().any(|p| has_padded_phrase(&f, p));
    // "j'ai reçu un SMS qui parle d'un paiement": a message received, not money.
    let message = has(&[
        "sms",
        "text",
        "texto",
        "mail",
        "email",
        "e-mail",
        "message",
        "appel",
        "call",
        "courrier",
        "lettre",
        "letter",
        "notification",
    ]);
    if !has(PAYMENT) || has(SEND) || has(ALERT) || message {
        return None;
    }
    // "did i get the money i sent", "j'ai envoyé": money out.
    if has(&[
        "sent",
        "envoye",
        "envoyee",
        "paid to",
        "i paid",
        "j'ai paye",
        "jai paye",
    ]) {
        return None;
    }
    // "payments from my checking to savings": the customer's own account is no payer.
    // "un paiement de 63 euros", "a payment of 70": an amount, no payer.
    let folded_payer = payer(&f)
        .filter(|p| !OWN_ACCOUNT.iter().any(|a| p.contains(a)))
        .filter(|p| !p.starts_with(|c: char| c.is_ascii_digit() || c == '$' || c == '€'));
    // "any deposit from acme?", "got the transfer from my sister?", "le virement de mon
    // employeur est passé ?": with a payer named, weaker words of arrival are enough.
    let arrived = has(ARRIVED)
        || (folded_payer.is_some()
            && (has(GOT) || has(&["deposit", "deposits"]))
            && !has(&["sent", "envoye"]));
    if !arrived {
        return None;
    }
    let folded_payer = folded_payer.filter(|p| !EMPLOYER.contains(&p.as_str()));
    // "de ma mère", "my dad's transfer": a relative, named or not after "from".
    let kin = folded_payer.as_deref().is_some_and(|p| {
        KIN.iter()
            .any(|k| format!(" {p} ").contains(&format!(" {k} ")))
    }) || KIN.iter().any(|k| {
        ["my", "ma", "mon", "mes"]
            .iter()
            .any(|p| f.contains(&format!(" {p} {k}")))
    });
    let payer = folded_payer.map(|p| as_typed(text, &p));
    Some(Received { payer, kin })
}

/// True when `text` asks to be told when money arrives ("préviens moi quand le virement de
/// la caf arrive"): an alert to set, never a transfer to make.
pub(crate) fn alert_asked(text: &str) -> bool {
    let f = fold(text);
    let has = |list: &[&str]| list.iter().any(|p| has_padded_phrase(&f, p));
    has(PAYMENT)
        && has(ALERT)
        && (has(ARRIVED) || has(&["arrive", "lands", "comes in"]))
        && !has(SEND)
}

/// The money in over the slots' period (this month by default), from the payer when one
/// is named; when nothing came from them, that is said and the latest money in is shown.
pub(crate) async fn answer(
    ctx: &mut Ctx<'_>,
    state: &mut DialogState,
    credential: &CustomerCredential,
    asked: &Received,
    slots: &Slots,
) -> Result<(), HandlerError> {
    if asked.kin {
        ctx.say(Msg::Flow(FlowMsg::PayerUnknown));
    }
    let search = Slots {
        merchant: asked.payer.clone().filter(|_| !asked.kin),
        date_from: slots.date_from,
        date_to: slots.date_to,
        account_type: slots.account_type,
        ..Slots::default()
    };
    state.pending = None;
    state.turn_intent = Some(IntentId::Transactions);
    transactions::handle(ctx, state, credential, &search, Ask::Income, false).await?;
    state.last_intent = Some(IntentId::Transactions);
    state.last_slots = Slots {
        category: Some(Category::Income),
        ..search
    };
    Ok(())
}

/// The payer named after a payment word and "de"/"from": "virement de Martin Conseil
/// arrivé" → "martin conseil" (folded), "de la CAF" → "caf".
fn payer(folded: &str) -> Option<String> {
    let words: Vec<&str> = folded.split_whitespace().collect();
    let start = words.windows(2).position(|w| {
        PAYMENT.contains(&w[0]) && (FROM.contains(&w[1]) || w[1].starts_with("d'"))
    })?;
    let mut rest: Vec<&str> = words[start + 1..].to_vec();
    // "d'Amazon": the name is glued to the article.
    if let Some(first) = rest.first().copied()
        && let Some(name) = first.strip_prefix("d'")
        && !name.is_empty()
    {
        rest[0] = name;
    } else {
        rest.remove(0);
    }
    while rest.first().is_some_and(|w| ARTICLES.contains(w)) {
        rest.remove(0);
    }
    let name: Vec<&str> = rest
        .iter()
        .copied()
        .take_while(|w| !NAME_ENDS.contains(w))
        .take(4)
        .map(|w| w.strip_prefix("l'").unwrap_or(w))
        .collect();
    let name = name.join(" ");
    (!name.is_empty() && !name.chars().all(|c| c.is_ascii_digit())).then_some(name)
}

/// The payer as the customer typed it ("Martin Conseil", "CAF"), found from its folded
/// words; the folded words when the typed ones cannot be matched.
fn as_typed(text: &str, folded: &str) -> String {
    let wanted: Vec<&str> = folded.split_whitespace().collect();
    let typed: Vec<&str> = text
        .split_whitespace()
        .map(|w| w.trim_matches(|c: char| !c.is_alphanumeric()))
        .collect();
    let bare = |w: &str| {
        let f = fold(w);
        let f = f.trim();
        let f = f
            .strip_prefix("d'")
            .or_else(|| f.strip_prefix("l'"))
            .unwrap_or(f);
        f.to_owned()
    };
    typed
        .windows(wanted.len())
        .find(|run| run.iter().zip(&wanted).all(|(t, w)| bare(t) == *w))
        .map(|run| {
            run.iter()
                .map(|t| {
                    let cut = t.find('\'').map_or(0, |i| i + 1);
                    if bare(t).len() < t.len() {
                        &t[cut..]
                    } else {
                        t
                    }
                })
                .collect::<Vec<_>>()
                .join(" ")
        })
        .unwrap_or_else(|| folded.to_owned())
}

#[cfg(test)]
mod tests {
    use super::*;

    fn payer_of(text: &str) -> Option<String> {
        asks(text).and_then(|r| r.payer)
    }

    #[test]
    fn money_received_is_a_question() {
        assert_eq!(
            payer_of("virement de Martin Conseil arrivé ?").as_deref(),
            Some("Martin Conseil")
        );
        assert_eq!(
            payer_of("le virement de la CAF est tombé ?").as_deref(),
            Some("CAF")
        );
        assert_eq!(
            payer_of("did the transfer from acme land yet").as_deref(),
            Some("acme")
        );
        let mum = asks("j'ai reçu le virement de ma mère ?").unwrap();
        assert!(mum.kin, "{mum:?}");
        assert!(asks("my dad's transfer, has it arrived?").is_some_and(|r| r.kin));
        assert!(asks("has any client payment landed this week").is_some());
        assert_eq!(
            asks("has any client payment landed this week")
                .unwrap()
                .payer,
            None
        );
        assert!(asks("le versement de pole emploi est arrivé ?").is_some());
        assert_eq!(
            payer_of("any deposit from acme this month?").as_deref(),
            Some("acme")
        );
        assert!(asks("got the transfer from my sister?").is_some_and(|r| r.kin));
        let pay = asks("le virement de mon employeur est passé ?").unwrap();
        assert_eq!(pay.payer, None);
        assert!(alert_asked(
            "préviens moi quand le virement de la caf arrive"
        ));
        assert!(!alert_asked("le virement de la caf est arrivé ?"));
    }

    #[test]
    fn sending_money_is_not() {
        for t in [
            "fais un virement de 50 euros à ma soeur",
            "send a transfer to my mom",
            "how do i receive a wire from abroad",
            "préviens moi quand le virement de la caf arrive",
            "virements de novembre",
            "did the money i sent to my sister arrive",
            "any payments from my checking to savings",
            "j'ai reçu un SMS de la banque qui me demande mon code pour annuler un paiement",
        ] {
            assert_eq!(asks(t), None, "{t}");
        }
    }
}
