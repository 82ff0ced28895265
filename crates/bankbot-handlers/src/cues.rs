//! What a request asks beyond its intent, read from the words customers use: "am I in the
//! red?" (a yes or no about balances), "what's my credit limit", "anything pending?",
//! "has my salary arrived", "biggest purchases", "unlock my card", "am I talking to a bot?",
//! the banking requests the bot cannot carry out, and social messages (laughs, emoji,
//! insults, small talk) that are not misunderstandings. English and French, typed loosely
//! (no accents, slang, SMS spelling).

use bankbot_core::IntentId;
use bankbot_core::has_padded_phrase;

/// [`bankbot_core::fold_text`] (lower case, accents removed, apostrophes made `'`) with
/// punctuation removed and emoji set apart, single spaces, padded with one space on each
/// side so that `" phrase "` matches whole words.
///
/// A turn asks many matchers about the same message, and each folds it: the last text
/// folded on this thread is remembered with its folding, so the others get a copy
/// (comparing the text is a `memcmp`; folding it again decomposes every character).
pub(crate) fn fold(text: &str) -> String {
    thread_local! {
        static LAST: std::cell::RefCell<(String, String)> =
            const { std::cell::RefCell::new((String::new(), String::new())) };
    }
    LAST.with(|last| {
        let mut last = last.borrow_mut();
        if last.0 != text || last.1.is_empty() {
            let folded = fold_uncached(text);
            last.0.clear();
            last.0.push_str(text);
            last.1 = folded;
        }
        last.1.clone()
    })
}

/// [`fold`] without the memory of the last text.
fn fold_uncached(text: &str) -> String {
    let folded = bankbot_core::fold_text(text);
    let mut out = String::with_capacity(folded.len() + 2);
    out.push(' ');
    for c in folded.chars() {
        let c = match c {
            c if c.is_alphanumeric() || c == '\'' || c == '$' || c == '€' => c,
            c if is_emoji(c) => c,
            _ => ' ',
        };
        if c == ' ' && out.ends_with(' ') {
            continue;
        }
        if is_emoji(c) && !out.ends_with(' ') {
            out.push(' ');
        }
        out.push(c);
        if is_emoji(c) {
            out.push(' ');
        }
    }
    if !out.ends_with(' ') {
        out.push(' ');
    }
    // "le numero c est quoi": the texting form "c" written out before a typed "est".
    if out.contains(" c'est est ") {
        out = out.replace(" c'est est ", " c'est ");
    }
    out
}

pub(crate) fn is_emoji(c: char) -> bool {
    matches!(c as u32, 0x1F300..=0x1FAFF | 0x2600..=0x27BF)
}

/// True when the folded text holds one of `phrases` as whole words.
fn any(folded: &str, phrases: &[&str]) -> bool {
    phrases.iter().any(|p| has_padded_phrase(folded, p))
}

/// The words of the folded text.
fn words(folded: &str) -> Vec<&str> {
    folded.split_whitespace().collect()
}

/// "what happens if I do?", "ça fait quoi exactement ?": a question about what was just
/// proposed.
pub(crate) fn asks_what_it_does(text: &str) -> bool {
    const CUES: &[&str] = &[
        "what happens",
        "what will happen",
        "what would happen",
        "what does that",
        "what does it",
        "what does this",
        "what do you mean",
        "what does that mean",
        "what's that",
        "whats that",
        "what is that",
        "meaning",
        "explain",
        "what for",
        "why",
        "ca fait quoi",
        "ca va faire quoi",
        "ca change quoi",
        "ca veut dire",
        "ca sert a quoi",
        "c'est quoi",
        "cest quoi",
        "c'est a dire",
        "c a d",
        "qu'est ce que ca",
        "quest ce que ca",
        "explique",
        "expliquez",
        "expliquer",
        "explain that",
        "pourquoi",
        "et apres",
        "il se passe quoi",
        "qu'est ce qui se passe",
    ];
    any(&fold(text), CUES)
}

/// What a data request asks beyond its intent.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Ask {
    /// Nothing more: the intent's usual answer.
    Plain,
    /// "Am I in the red?": yes or no first.
    Overdrawn,
    /// "How much do I have in total?"
    Total,
    /// "What's my credit limit", "what's left to spend on my card".
    Credit,
    /// "Anything pending?"
    Pending,
    /// "Has my salary arrived", "what came in this month".
    Income,
    /// "Biggest purchases".
    Largest,
    /// "The smallest one", "cheapest purchase".
    Smallest,
    /// "How many transactions this month", "how many times did I go to Starbucks".
    HowMany,
    /// "Unlock my card", "it turned up".
    Unlock,
}

const OVERDRAWN: &[&str] = &[
    "in the red",
    "overdrawn",
    "overdraft",
    "negative",
    "in the negative",
    "below zero",
    "under zero",
    "a decouvert",
    "en decouvert",
    "dans le rouge",
    "en negatif",
    "dans le negatif",
    "sous zero",
    "decouvert",
];

const TOTAL: &[&str] = &[
    "in total",
    "total",
    "altogether",
    "all together",
    "combined",
    "across all",
    "all my accounts",
    "all accounts",
    "overall",
    "en tout",
    "au total",
    "total de mes comptes",
    "tous mes comptes",
    "tous comptes confondus",
    "en tout et pour tout",
    "cumule",
];

const CREDIT: &[&str] = &[
    "credit limit",
    "limit on my",
    "my limit",
    "card limit",
    "available credit",
    "credit available",
    "left to spend",
    "left on my credit",
    "left on my card",
    "can i still spend",
    "how much can i spend",
    "spending limit",
    "the limit",
    "whats my limit",
    "what's my limit",
    "credit line",
    "how much credit",
    "credit left",
    "credit remaining",
    "remaining credit",
    "credit i have",
    "credit do i have",
    "still use on credit",
    "use on my credit",
    "use on credit",
    "left on credit",
    "left on the visa",
    "left on my visa",
    "can i still use",
    "how much can i use",
    "room on my card",
    "what's the limit",
    "whats the limit",
    "limite de credit",
    "credit disponible",
    "reste a depenser",
    "reste sur ma carte",
    "encours",
];

const PENDING: &[&str] = &[
    "pending",
    "not cleared",
    "not gone through",
    "hasnt gone through",
    "hasn't gone through",
    "still processing",
    "authorisations",
    "authorizations",
    "en attente",
    "pas encore passe",
    "pas encore passes",
    "pas encore debite",
    "pas encore debitees",
];

const INCOME: &[&str] = &[
    "salary",
    // "how much uber paid me": money in from that payer.
    "paid me",
    "pay me",
    "pays me",
    "paid us",
    "pay us",
    "paycheck",
    "pay check",
    "paycheque",
    "wages",
    "my pay",
    "get paid",
    "got paid",
    "been paid",
    "gotten paid",
    "paid yet",
    "came in",
    "come in",
    // "when did I last get money": money in, not every transaction.
    "last get money",
    "last got money",
    "last received money",
    "last receive money",
    "received any money",
    "receive any money",
    "went in",
    "gone in",
    "goes in",
    "money coming in",
    "coming in",
    "money in",
    "income",
    "earn",
    "earned",
    "did i make",
    "have i made",
    "do i make",
    "pension",
    "social security",
    "benefits come",
    "benefit payment",
    "i have made",
    "i've made",
    "ive made",
    "much i make",
    "much i made",
    "much did i make",
    "money i made",
    "much i made",
    "did i get paid",
    "pay hit",
    "paycheck hit",
    "check hit",
    "check come",
    "pay come",
    "pay came",
    "payday come",
    "earnings",
    "how much did i make",
    "from my job",
    "from work",
    "from my employer",
    "money i get from",
    "de mon travail",
    "de mon boulot",
    "de mon taf",
    "de mon employeur",
    "que je gagne",
    "j'ai gagne",
    "jai gagne",
    "ce que je touche",
    "ce que j'ai touche",
    "how much have i made",
    "how much i made",
    "what did i make",
    "brought in",
    "bring in",
    "take home",
    "any interest",
    "interest earned",
    "interest paid",
    "how much interest",
    "paid me",
    "direct deposit",
    "refund",
    "refunds",
    "incoming",
    "deposits",
    "deposited",
    "received",
    "credited",
    "salaire",
    "ma paie",
    "la paie",
    "ma paye",
    "la paye",
    "ma pay",
    "mon virement de salaire",
    "j'ai touche",
    "jai touche",
    "ai je touche",
    "touche combien",
    "j'ai gagne",
    "jai gagne",
    "ai je gagne",
    "gagne combien",
    "virements recus",
    // "combien acme m'a versé", "ils m'ont viré quoi": money paid to the customer.
    "m'a verse",
    "m'ont verse",
    "m'a vire",
    "m'ont vire",
    "m'a paye",
    "m'ont paye",
    "nous a verse",
    "mes allocs",
    "les allocs",
    "mes alloc",
    "la caf",
    "argent recu",
    "arrive sur mon compte",
    "ete paye",
    "ete payee",
    "suis paye",
    "rentre",
    "rentres",
    "entrees",
    "revenus",
    "recu",
    "recus",
    "vire sur mon compte",
    "virement recu",
    "versement",
    // "mes encaissements", "ce que j'ai encaissé", "les virements entrants": money in.
    "encaissement",
    "encaissements",
    "encaisse",
    "encaisses",
    "encaissee",
    "encaissees",
    "j'ai encaisse",
    "jai encaisse",
    "entrant",
    "entrants",
    "virements entrants",
    "credits",
    "mes credits",
    "ce qui est rentre",
    "ce qui est entre",
    "argent entre",
    "argent rentre",
    "argent qui rentre",
    "argent qui entre",
    "recue",
    "recues",
    // Non-native French: the infinitive or a made-up participle for "received"/"earned".
    "je recevoir",
    "jai recevoir",
    "j'ai recevoir",
    "recevu",
    "je recois",
    "j'ai recois",
    "je gagner",
    "jai gagner",
    "j'ai gagner",
    // Non-native English: "what money i receive", "how much i get this month from job".
    "i receive",
    "i recieve",
    "i receiving",
    "i received",
    "i recieved",
    "i get paid",
    "money i receive",
    "money i get",
    "money i got",
    "money come",
    "money coming",
    "money came",
];

/// Asking to see one's accounts ("voir mes comptes", "show me my accounts").
const SEE_ACCOUNTS: &[&str] = &[
    "voir mes comptes",
    "voir mon compte",
    "voir les comptes",
    "consulter mes comptes",
    "consulter mon compte",
    "montre moi mes comptes",
    "montrez moi mes comptes",
    "montre mes comptes",
    "montrez mes comptes",
    "affiche mes comptes",
    "afficher mes comptes",
    "mes comptes stp",
    "mes comptes svp",
    "mes comptes vite",
    "jeter un oeil sur mes comptes",
    "jeter un oeil a mes comptes",
    "un oeil sur mes comptes",
    "voir ou en sont mes comptes",
    "see my accounts",
    "show me my accounts",
    "show my accounts",
    "view my accounts",
    "check my accounts",
    // "I wan check my account", "make i see my account": the account itself, its balance.
    "check my account",
    "check my acct",
    "check ma account",
    "check on my account",
    "see my account",
    "view my account",
    "look at my account",
    "look my account",
    // "show me da money": slang for the money itself, not the data kept.
    "show me the money",
    "show me da money",
    "show me my money",
    "show me my cash",
    "show me the cash",
    "how much money i got",
    "how much cash i got",
    "how much i got",
    "wheres my money at",
    "where my money at",
];

/// "wetin enter my account", "what entered my account": money that came into it.
const ENTERED_ACCOUNT: &[&str] = &[
    "wetin enter",
    "wetin don enter",
    "wetin land",
    "what enter",
    "enter my account",
    "enter for my account",
    "entered my account",
    "entered in my account",
    "land for my account",
    "landed in my account",
    // Learners: "the money that enter in my account", "money entering my account".
    "enter in my account",
    "enters in my account",
    "enter into my account",
    "enters my account",
    "entering my account",
    "entering in my account",
    "entered into my account",
    "enter to my account",
    "that enter",
    "that enters",
    "money enter",
    "money entered",
    "money entering",
    "money income",
    "money that come",
    "money that came",
    "money that comes",
    "money receive",
    "money i receive",
    "money i received",
];

/// Pay or money arrived, as dialects and plain speakers ask it: "mi pay from ACME reach
/// yet?" (Jamaican), "has the wages landed", "i lodged money yesterday did it go in"
/// (Irish), "me wages in yet" (folded): money in, whatever the engine leaned to (a person
/// for "reach", the last payment for "yesterday").
const PAY_ARRIVED: &[&str] = &[
    "mi pay from",
    "mi pay come",
    "mi pay in",
    "mi salary",
    "mi wages",
    "mi money reach",
    "me pay from",
    "me pay in",
    "me wages",
    "me salary",
    "pay reach",
    "wages reach",
    "salary reach",
    "check reach",
    "cheque reach",
    "money reach",
    "pay land",
    "pay landed",
    "wages land",
    "wages landed",
    "wages in yet",
    "pay in yet",
    "paycheck in yet",
    "check in yet",
    "check landed",
    "check land",
    "cheque landed",
    "salary landed",
    "salary land",
    "money landed",
    "deposit landed",
    "deposit land",
    "lodged",
    "lodge money",
    "lodgement",
    "lodgment",
    "did it go in",
    "has it gone in",
    "did it clear",
    "has it cleared",
    "did the deposit go",
    "did my deposit go",
    "did the money go in",
    "did the money come",
    "has the money come",
    "paid in yet",
    "pay come thru",
    "pay come through",
    "wages come thru",
    "wages come through",
    "wages come in",
    "wages gone in",
];

/// "how much cash i got", "how much money ive got": the money held now (slang for "have"),
/// not cash taken out nor money received, unless a period says when ("how much money i
/// got this month" is money in).
const HELD_NOW: &[&str] = &[
    "how much cash i got",
    "how much money i got",
    "how much cash ive got",
    "how much money ive got",
    "how much cash i've got",
    "how much money i've got",
    "how much cash i have got",
    "how much money i have got",
    "how much cash have i got",
    "how much money have i got",
    "how much cash do i got",
    "how much money do i got",
    "how much cash i got left",
    "how much money i got left",
    "how much cash we got",
    "how much money we got",
];

/// Words that date what "i got" means: money received then.
const HELD_NOW_PERIOD: &[&str] = &[
    "month",
    "week",
    "year",
    "yesterday",
    "today",
    "last",
    "since",
    "from",
    "paid",
    "pay",
    "payday",
    "in january",
    "in february",
    "in march",
    "in april",
    "in may",
    "in june",
    "in july",
    "in august",
    "in september",
    "in october",
    "in november",
    "in december",
    "out",
    "withdraw",
    "withdrew",
    "atm",
];

/// True when `text` asks how much money the customer has, in the "i got" slang.
pub(crate) fn asks_held_now(text: &str) -> bool {
    let f = fold(text);
    any(&f, HELD_NOW) && !any(&f, HELD_NOW_PERIOD)
}

/// Money going out, as learners and fast typers say it ("what is go out", "money that exit
/// my account"), folded.
const LEFT_ACCOUNT: &[&str] = &[
    "is go out",
    "what go out",
    "what goes out",
    "what went out",
    "what is gone out",
    "what has gone out",
    "money go out",
    "money goes out",
    "money went out",
    "money that go",
    "money that goes",
    "money that went",
    "exit my account",
    "exits my account",
    "exited my account",
    "exit from my account",
    "leave my account",
    "leaves my account",
    "left my account",
    "leaving my account",
    "money out",
    "outgoings",
    "outgoing money",
];

/// Verbs that undo the link, folded.
const UNLINK_VERBS: &[&str] = &[
    "unlink",
    "delier",
    "deliez",
    "delie",
    "dissocier",
    "dissociez",
    "dissocie",
    "desassocier",
    "desassociez",
    "disconnect my",
    "disconnect me",
    "deconnectez mon compte",
    "deconnecte mon compte",
];

/// Words that make an unlink verb a question about it or turn it down.
const NOT_UNLINK_ORDER: &[&str] = &[
    "difference",
    "c'est quoi",
    "what is",
    "what does",
    "what happens",
    "how",
    "comment",
    "pas",
    "not",
    "dont",
    "don't",
    "never",
    "jamais",
    "if",
    "si",
];

/// True when `text` asks for the bank link to be removed ("alors déliez mon compte tout de
/// suite", "je veux unlink mon compte"): an unlink verb, not asked about nor turned down.
pub(crate) fn orders_unlink(text: &str) -> bool {
    let f = fold(text);
    any(&f, UNLINK_VERBS)
        && !any(&f, NOT_UNLINK_ORDER)
        // "is unlink the same as delete?": a question about the two, answered apart.
        && crate::intents::erase_how::asked(text).is_none()
}

/// Words that make "mes comptes" about linking or the data kept, not their balances.
const NOT_SEE_ACCOUNTS: &[&str] = &[
    "lier",
    "relier",
    "connecter",
    "associer",
    "delier",
    "link",
    "unlink",
    "connect",
    "donnees",
    "data",
    "meta",
    "facebook",
    "supprimer",
    "delete",
    "fermer",
    "close",
];

/// Words naming money spent: with them, an income word ("reçu") is not money in.
const SPEND_WORDS: &[&str] = &[
    "depense",
    "depenses",
    "depensee",
    "achat",
    "achats",
    "spent",
    "spend",
    "purchase",
    "purchases",
    "sorties",
];

const SMALLEST: &[&str] = &[
    "smallest",
    "cheapest",
    "least expensive",
    "lowest",
    "tiniest",
    "plus petite",
    "plus petites",
    "plus petit",
    "plus petits",
    "moins chere",
    "moins cheres",
    "moins cher",
];

const LARGEST: &[&str] = &[
    // Non-native forms: "most big purchase", "more big", "most expensive thing".
    "most big",
    "more big",
    "most large",
    "most high",
    "most costly",
    "costliest",
    "big purchase",
    "big payment",
    "big charge",
    "big expense",
    "big transaction",
    "large purchase",
    "large payment",
    "large transaction",
    "largest one",
    "spent the most on",
    "biggest",
    "largest",
    "highest",
    "most expensive",
    "top 3",
    "top 5",
    "top 10",
    "big ones",
    "big payments",
    "big purchases",
    "big charges",
    "big expenses",
    "big transactions",
    "large payments",
    "large purchases",
    "large transactions",
    "grosses depenses",
    "gros achats",
    "gros paiements",
    "plus grosse",
    "plus grosses",
    "plus gros",
    "plus grandes",
    "plus grande",
    "plus cheres",
    "plus chere",
    "plus chers",
    "plus cher",
    "qui coutent le plus",
    "qui ont coute le plus",
    "plus importantes",
    "plus importante",
    "plus important",
    "plus importants",
    "plus elevee",
    "plus elevees",
    "plus eleve",
    "plus eleves",
    "plus haute",
    "plus haut",
    "le max",
    "le maximum",
    "la pire depense",
    "le pire achat",
];

/// Words of a fraud report: with them, "mon plus gros paiement" is a payment the customer
/// does not recognise, not a question about sizes.
const FRAUD_WORDS: &[&str] = &[
    "fraud",
    "fraude",
    "frauduleux",
    "frauduleuse",
    "stolen",
    "steal",
    "hacked",
    "scam",
    "not me",
    "wasn't me",
    "wasnt me",
    "didn't make",
    "didnt make",
    "unauthorized",
    "unauthorised",
    "vol",
    "vole",
    "volee",
    "pirate",
    "piratee",
    "arnaque",
    "pas moi",
    "reconnais pas",
    "connais pas",
];

/// Cards named by their kind: "unlock debit", "unfreeze the visa".
const CARD_NAMES: &[&str] = &["debit", "visa", "credit", "cc", "mastercard", "amex", "cb"];

const UNLOCK: &[&str] = &[
    "unlock",
    "unblock",
    "unfreeze",
    "reactivate",
    "re activate",
    "re enable",
    "reenable",
    "turn it back on",
    "turn my card back on",
    "turned up",
    "found my card",
    "found it",
    "debloque",
    "debloquer",
    "debloquez",
    "debloquez la",
    "deblocage",
    "reactive",
    "reactiver",
    "reactivez",
    "degele",
    "degeler",
    "degelez",
    "unpause",
    "retrouve ma carte",
    "retrouvee",
    "retrouve",
];

/// Words saying a card (or the wallet holding it) has gone missing, beyond "lost" and
/// "stolen" that the engine knows: "mislaid", "misplaced", "can't find", "left … at".
const CARD_GONE: &[&str] = &[
    "mislaid",
    "mislayed",
    "misplaced",
    "misplace",
    "mislay",
    "lost",
    "losted",
    "lose",
    "loosed",
    "lossed",
    "stolen",
    "stole",
    "stollen",
    "nicked",
    "pinched",
    "swiped",
    "robbed",
    "gone missing",
    "went missing",
    "is missing",
    "has disappeared",
    "disappeared",
    "cannot find",
    "can not find",
    "can't find",
    "cant find",
    "cannot locate",
    "can't locate",
    "cant locate",
    "lost track of",
    "dropped my",
    "left my card",
    "left my wallet",
    "left my purse",
    "cant remember where",
    "can't remember where",
];

/// "je retrouve plus ma carte", "can't find my card": the card still lost, so no unlock.
pub(crate) const NOT_FOUND_AGAIN: &[&str] = &[
    "retrouve plus",
    "retrouve pas",
    "retrouve toujours pas",
    "pas retrouve",
    "pas retrouvee",
    "plus retrouve",
    "pas encore retrouve",
    "can't find",
    "cant find",
    "haven't found",
    "havent found",
    "not found",
];

/// What `text` asks beyond `intent`, and the intent that answers it: "what's left to spend
/// on my credit card" is a balance question whatever the classifier thought, "how much
/// income this month" a listing of money in, "my card turned up" an unlock.
pub(crate) fn refine(intent: IntentId, text: &str) -> (IntentId, Ask) {
    use IntentId::*;
    if text.trim().is_empty() {
        return (intent, Ask::Plain);
    }
    let f = fold(text);
    // "wetin enter my account", "wetin land for my account": what came in (Pidgin).
    if matches!(
        intent,
        LinkAccount
            | DataAccess
            | PrivacyInfo
            | OutOfScope
            | Balance
            | Transactions
            | SpendingSummary
    ) && any(&f, ENTERED_ACCOUNT)
    {
        return (Transactions, Ask::Income);
    }
    // "how much cash i got", "how much money i got": the balances.
    if matches!(
        intent,
        OutOfScope | Balance | Transactions | SpendingSummary | DataAccess
    ) && asks_held_now(text)
    {
        return (Balance, Ask::Plain);
    }
    // "mi pay from ACME reach yet?", "i lodged money yesterday did it go in": money in.
    if matches!(
        intent,
        LinkAccount
            | DataAccess
            | PrivacyInfo
            | OutOfScope
            | Balance
            | Transactions
            | SpendingSummary
            | HumanAgent
            | Help
            | Greeting
            | ReportFraud
            | ManageAlerts
    ) && (any(&f, PAY_ARRIVED) || crate::arrival_asked::asked(text))
        // "alert me when my wages land": an alert asked, not whether the pay came.
        && !crate::intents::alerts::asked_plainly(text)
    {
        return (Transactions, Ask::Income);
    }
    // "and what is go out", "what money exit my account": money going out, a spending
    // total (however the engine leaned: help, a balance, nothing).
    if matches!(intent, OutOfScope | Help | Balance)
        && any(&f, LEFT_ACCOUNT)
        && !any(&f, &["enough", "afford", "cash", "atm", "tonight"])
    {
        return (SpendingSummary, Ask::Plain);
    }
    // "jveux voir mes comptes", "montre moi mes comptes": their balances, not linking them
    // nor the data kept.
    if matches!(intent, LinkAccount | DataAccess | PrivacyInfo | OutOfScope)
        && any(&f, SEE_ACCOUNTS)
        && !any(&f, NOT_SEE_ACCOUNTS)
    {
        return (Balance, Ask::Plain);
    }
    let data = matches!(
        intent,
        Balance | Transactions | SpendingSummary | OutOfScope
    );
    // "unlock debit", "unfreeze visa": a card named by its kind is a card too. ("mets-la en
    // pause le temps que je la retrouve" is a lock: the card is not found yet.)
    if (any(&f, UNLOCK) || crate::intents::lock_order::back_on(&f))
        && !any(&f, NOT_FOUND_AGAIN)
        && !crate::intents::lock_order::requests(text)
        && (matches!(intent, CardLock | OutOfScope)
            || any(&f, CARD_NAMES)
            || f.contains(" card")
            || f.contains(" carte"))
    {
        return (CardLock, Ask::Unlock);
    }
    // "I may have mislaid my bank card", "cant find my debit card anywhere", "left my card
    // at the bar": a card gone missing, said the way people say it, is a lock to offer.
    if matches!(intent, OutOfScope | Help | HumanAgent | Balance)
        && any(&f, CARD_GONE)
        && (any(&f, CARD_NAMES)
            || f.contains(" card")
            || f.contains(" wallet")
            || f.contains(" purse"))
        && !any(&f, UNLOCK)
    {
        return (CardLock, Ask::Plain);
    }
    if intent == ManageAlerts {
        return (intent, Ask::Plain);
    }
    // "limit?", "cc limit pls": a bare limit word in a short message is the credit limit.
    let bare_limit = words(&f).len() <= 3 && any(&f, &["limit", "limite", "lmt"]);
    let raise = any(&f, &["increase", "raise", "augmenter", "higher", "relever"]);
    if data && (any(&f, CREDIT) || bare_limit) && !raise {
        return (Balance, Ask::Credit);
    }
    // "how much i must pay to the card", "what do i owe": the card's balance owed.
    // "my credit card outstanding plz": the bill named, however the engine leaned.
    if crate::intents::card_bill::names_bill(text) && !raise {
        return (Balance, Ask::Credit);
    }
    if (asks_credit_left(&f) || crate::intents::card_bill::asks_owed(text))
        && !raise
        && !matches!(intent, ReportFraud | CardLock)
    {
        return (Balance, Ask::Credit);
    }
    if data && any(&f, OVERDRAWN) {
        return (Balance, Ask::Overdrawn);
    }
    if data && any(&f, PENDING) {
        return (Transactions, Ask::Pending);
    }
    // "have you read my transactions?", "qui peut voir mes opérations": who sees the data,
    // not a request to see it.
    if matches!(intent, Transactions | Balance | DataAccess | OutOfScope) && any(&f, WHO_SEES) {
        return (PrivacyInfo, Ask::Plain);
    }
    // "can a human read my chats", "do staff see these messages": who reads, not a person
    // asked for.
    if intent == HumanAgent
        && matches!(
            crate::privacy_question::read(text),
            Some(
                crate::privacy_question::PrivacyQuestion::HumanReads
                    | crate::privacy_question::PrivacyQuestion::WhoReads
            )
        )
        && !any(
            &f,
            &[
                "talk",
                "speak",
                "call me",
                "connect",
                "transfer me",
                "parler",
            ],
        )
    {
        return (PrivacyInfo, Ask::Plain);
    }
    // "r my details sold to third parties", "can anyone at the bank see these messages".
    if matches!(
        intent,
        Transactions | Balance | SpendingSummary | OutOfScope
    ) && crate::privacy_question::outranks(text, intent == OutOfScope)
    {
        return (PrivacyInfo, Ask::Plain);
    }
    // "top 3 categories", "my biggest spending categories": the spending summary shows them.
    if data && any(&f, &["categor", "categories", "catégor"]) && any(&f, RANKS) {
        return (SpendingSummary, Ask::Plain);
    }
    // "which of those was the largest" can read like a question about data kept.
    // "quel a été mon plus gros paiement" can read like a payment to report.
    let about_items = data
        || matches!(intent, PrivacyInfo | DataAccess)
        || (intent == ReportFraud && !any(&f, FRAUD_WORDS));
    // "le plus gros virement reçu": the money in, not the largest payments.
    let money_in = any(&f, INCOME) && !any(&f, SPEND_WORDS);
    if about_items && any(&f, LARGEST) && !money_in {
        return (Transactions, Ask::Largest);
    }
    if about_items && any(&f, SMALLEST) {
        return (Transactions, Ask::Smallest);
    }
    if data
        && any(
            &f,
            &[
                "how many transactions",
                "how many purchases",
                "how many payments",
                "how many charges",
                "how many times",
                "hw many times",
                "how many time i",
                "hw often",
                "how many orders",
                "how many visits",
                "how often",
                "number of transactions",
                "number of purchases",
                "number of payments",
                "combien de fois",
                "cb de fois",
                "combien d fois",
                "combien de transactions",
                "combien d'operations",
                "combien d'achats",
                "combien de paiements",
                "nombre de",
                "number of",
                "count of",
                "how many rides",
                "how many trips",
            ],
        )
        && !any(
            &f,
            &[
                "how many days",
                "how many dollars",
                "how many euros",
                "how many accounts",
                "how many cards",
                "combien de comptes",
                "combien de cartes",
                "phone number",
                "account number",
                "card number",
                "routing number",
                "number of the",
                "number of days",
                "number of accounts",
                "number of cards",
            ],
        )
    {
        return (Transactions, Ask::HowMany);
    }
    let strong_income = any(
        &f,
        &[
            "salary",
            "paycheck",
            "got paid",
            "been paid",
            "get paid",
            "ete paye",
            "ete payee",
            "salaire",
            "suis paye",
            "de mon travail",
            "de mon boulot",
            "de mon taf",
            "de mon employeur",
            "from my job",
            "from work",
            "from my employer",
        ],
    );
    // "how many money in the checking", "what is money in my account": the money held
    // there, a balance, unless another word names money coming in.
    if data
        && money_held(&f)
        && !any(
            &f,
            &INCOME
                .iter()
                .filter(|w| !w.starts_with("money "))
                .copied()
                .collect::<Vec<_>>(),
        )
    {
        return (Balance, Ask::Plain);
    }
    // "any zelle from mike", "did the venmo come in": money in through a payment app.
    if crate::app_incoming::asked(text) {
        return (Transactions, Ask::Income);
    }
    if (data || (strong_income && matches!(intent, ReportFraud | Greeting | Help)))
        && any(&f, INCOME)
        // "groceries since my last paycheck": the pay names the start, not money in.
        && !since_payday(text)
        // "le loyer a bien été payé ?": the rent went out, nothing came in.
        && !crate::bill_lookup::bill_paid_out(text)
    {
        return (Transactions, Ask::Income);
    }
    if data
        && !last_digits(text).is_empty()
        && any(
            &f,
            &[
                "ending",
                "ending in",
                "ends in",
                "ends with",
                "acct",
                "account",
                "finit par",
                "finissant par",
                "se termine par",
                "terminant par",
                "compte",
            ],
        )
        && !any(
            &f,
            &[
                "spend",
                "spent",
                "depense",
                "depenses",
                "transactions",
                "operations",
            ],
        )
    {
        return (Balance, Ask::Plain);
    }
    // "how much did uber take", "combien chez carrefour": a sum, not a list.
    if intent == Transactions
        && any(&f, &["how much", "combien", "total", "au total", "en tout"])
        && !any(
            &f,
            &[
                "how many",
                "combien de transactions",
                "combien d'operations",
            ],
        )
    {
        return (SpendingSummary, Ask::Plain);
    }
    if intent == Balance && any(&f, TOTAL) {
        return (Balance, Ask::Total);
    }
    (intent, Ask::Plain)
}

/// "il me reste combien sur ma visa", "et le crédit dispo ?", "c koi mon plafond de carte de
/// crédit": what is left, or the limit, on a credit card — never a request to change it.
fn asks_credit_left(f: &str) -> bool {
    let left = any(
        f,
        &[
            "reste",
            "dispo",
            "disponible",
            "plafond",
            "limite",
            "encore depenser",
            "marge",
            "available",
            "avail",
            "remaining",
        ],
    );
    let card = any(
        f,
        &["credit", "visa", "mastercard", "amex", "carte de credit"],
    );
    let spent = any(
        f,
        &[
            "depense",
            "depenses",
            "achats",
            "operations",
            "paiements",
            "credits",
            "recu",
            "spent",
            "purchases",
            "payments",
        ],
    );
    left && card && !spent
}

/// "the last few things I bought", "stuff i paid for": the customer's purchases, as items.
pub(crate) fn names_purchases(text: &str) -> bool {
    any(
        &fold(text),
        &[
            "things i bought",
            "things i have bought",
            "things i've bought",
            "stuff i bought",
            "what i bought",
            "what i have bought",
            "what i've bought",
            "things i paid for",
            "stuff i paid for",
            "what i paid for",
            "things i purchased",
            "what i purchased",
            "spent money on",
            "spend money on",
            "spent my money on",
            "spend my money on",
            "spent cash on",
            "things i spent on",
            "stuff i spent on",
            "what i spent on",
            "what i spend on",
            "things i paid",
            "stuff i paid",
            "things i spend",
        ],
    ) && !asks_sum(text)
}

/// Someone reading or seeing the customer's data ("have you read my transactions?").
const WHO_SEES: &[&str] = &[
    "have you read my",
    "did you read my",
    "do you read my",
    "are you reading my",
    "who can see my",
    "who sees my",
    "who reads my",
    "can anyone see my",
    "can facebook see my",
    "can meta see my",
    "vous avez lu mes",
    "t'as lu mes",
    "tu as lu mes",
    "vous lisez mes",
    "tu lis mes",
    "qui peut voir mes",
    "qui voit mes",
    "qui lit mes",
    "facebook voit mes",
    "meta voit mes",
];

/// Words ranking categories ("top 3 categories", "biggest categories").
const RANKS: &[&str] = &[
    "top",
    "biggest",
    "largest",
    "main",
    "most",
    "where my money goes",
    "principales",
    "plus grosses",
    "plus importantes",
    "ou part mon argent",
];

/// "what does pending mean?", "c'est quoi une opération en attente": the word explained,
/// not the pending payments listed ("what's pending?" lists them).
pub(crate) fn asks_what_pending_means(text: &str) -> bool {
    let f = fold(text);
    any(&f, &["pending", "en attente"])
        && any(
            &f,
            &[
                "mean",
                "means",
                "meaning",
                "what is a pending",
                "what's a pending",
                "veut dire",
                "ca signifie",
                "signifie",
                "c'est quoi une operation en attente",
                "c'est quoi en attente",
                "c quoi en attente",
                "pourquoi en attente",
                "why is it pending",
                "why pending",
            ],
        )
}

/// "au total ?", "in total": a sum across what was just shown.
pub(crate) fn asks_total(text: &str) -> bool {
    any(&fold(text), TOTAL)
}

/// "since payday", "depuis la paie": a range that starts on the last salary.
pub(crate) fn since_payday(text: &str) -> bool {
    any(
        &fold(text),
        &[
            "since payday",
            "since pay day",
            "since i got paid",
            "since my last paycheck",
            "since my paycheck",
            "since my salary",
            "since last payday",
            "since my last pay",
            "since last pay",
            "since my pay",
            "since my last paycheque",
            "since my paycheque",
            "since i was paid",
            "since i got my pay",
            "since i got my paycheck",
            "since i got my salary",
            "since my wages",
            "since my last wages",
            "since wages",
            "since my last salary",
            "since payroll",
            "since pay came in",
            "since my pay came in",
            "depuis la paie",
            "depuis la paye",
            "depuis ma paie",
            "depuis ma paye",
            "depuis le salaire",
            "depuis mon salaire",
            "depuis que j'ai ete paye",
            "depuis ma derniere paie",
            "depuis ma derniere paye",
            "depuis la derniere paie",
            "depuis la derniere paye",
            "depuis mon dernier salaire",
            "depuis le dernier salaire",
            "depuis ma derniere pay",
            "depuis que j'ai touche ma paye",
            "depuis que j'ai touche ma paie",
            "depuis que j'ai touche mon salaire",
            "depuis que la paye est tombee",
            "depuis que la paie est tombee",
            "depuis que le salaire est tombe",
            "depuis ma derniere retraite",
            "since my last payday",
        ],
    )
}

/// True when every word of `text` belongs to a date expression or a follow-up opener ("the
/// past 30 days", "et cette semaine ?", "what about last month"): such a message refines
/// the last answer's dates rather than asking something new.
pub(crate) fn only_dates(text: &str) -> bool {
    const DATE: &[&str] = &[
        "and",
        "what",
        "about",
        "how",
        "the",
        "in",
        "for",
        "of",
        "over",
        "during",
        "this",
        "last",
        "past",
        "previous",
        "since",
        "from",
        "to",
        "between",
        "days",
        "day",
        "weeks",
        "week",
        "months",
        "month",
        "year",
        "today",
        "yesterday",
        "weekend",
        "only",
        "just",
        "now",
        "et",
        "les",
        "le",
        "la",
        "l'",
        "ces",
        "ce",
        "cette",
        "du",
        "au",
        "de",
        "depuis",
        "entre",
        "derniers",
        "dernieres",
        "dernier",
        "derniere",
        "jours",
        "jour",
        "semaine",
        "semaines",
        "mois",
        "annee",
        "hier",
        "aujourd'hui",
        "en",
        "pour",
        "sur",
        "quid",
        "seulement",
        "juste",
        "ci",
        "passe",
        "passee",
        "week",
        "end",
        "january",
        "february",
        "march",
        "april",
        "may",
        "june",
        "july",
        "august",
        "september",
        "october",
        "november",
        "december",
        "janvier",
        "fevrier",
        "mars",
        "avril",
        "mai",
        "juin",
        "juillet",
        "aout",
        "septembre",
        "octobre",
        "novembre",
        "decembre",
        "jan",
        "feb",
        "mar",
        "apr",
        "jun",
        "jul",
        "aug",
        "sep",
        "sept",
        "oct",
        "nov",
        "dec",
        // The same question over another period: "same amount as last month?", « c'est tu
        // le même montant que le mois passé », « pareil que le mois d'avant ? ».
        "same",
        "amount",
        "as",
        "is",
        "it",
        "c'est",
        "tu",
        "pareil",
        "meme",
        "montant",
        "que",
        "comme",
        // A correction's opener: "nan plutôt en octobre", "no i meant last month".
        "non",
        "nan",
        "pardon",
        "plutot",
        "je",
        "voulais",
        "dire",
        "no",
        "sorry",
        "actually",
        "i",
        "meant",
        "mean",
        "ah",
        "oh",
        "oups",
        "oops",
        "euh",
        "hmm",
        // "since like the autumn", "since summer", "mtd".
        "like",
        "around",
        "maybe",
        "start",
        "beginning",
        "spring",
        "summer",
        "autumn",
        "fall",
        "winter",
        "printemps",
        "ete",
        "automne",
        "hiver",
        "mtd",
        "so",
        "far",
    ];
    let f = fold(text);
    let w = words(&f);
    !w.is_empty()
        && w.iter().any(|x| x.chars().any(|c| c.is_alphabetic()))
        && w.iter()
            .all(|x| DATE.contains(x) || x.chars().all(|c| c.is_ascii_digit()))
}

/// "How much", "total", "combien": the customer wants a sum, not a list.
pub(crate) fn asks_sum(text: &str) -> bool {
    any(
        &fold(text),
        &[
            "how much",
            "total",
            "sum",
            "altogether",
            "combien",
            "en tout",
            "au total",
            "somme",
        ],
    )
}

/// "the largest", "smallest": a question about the extreme items of a search.
pub(crate) fn asks_extreme(text: &str) -> bool {
    let f = fold(text);
    any(&f, LARGEST) || any(&f, SMALLEST)
}

/// "expense", "bought", "dépense": words about money going out, so a money-in context
/// ("my income this year") does not carry over to the question.
pub(crate) fn names_spending(text: &str) -> bool {
    any(
        &fold(text),
        &[
            "expense",
            "expenses",
            "spend",
            "spent",
            "spending",
            "purchase",
            "purchases",
            "bought",
            "buy",
            "buys",
            "paid",
            "payment",
            "payments",
            "depense",
            "depenses",
            "achat",
            "achats",
            "achete",
            "paye",
        ],
    )
}

/// "the biggest ever", "amazon in total", "all time": no period but the whole history.
/// "total" counts only with a merchant or category named (`filtered`): "total spending"
/// alone is this month's.
pub(crate) fn asks_all_time(text: &str, filtered: bool) -> bool {
    let f = fold(text);
    any(
        &f,
        &[
            "ever",
            "all time",
            "of all time",
            "altogether",
            "all together",
            "till now",
            "until now",
            "up to now",
            "to date",
            "since forever",
            "since i opened",
            "depuis toujours",
            "depuis l'ouverture",
            "depuis que j'ai ouvert",
            "depuis que je suis client",
            "depuis que je suis cliente",
            "de tout temps",
            "de tous les temps",
            "jusqu'a maintenant",
            "jusqu'a present",
            "jusqu'ici",
            "au total depuis",
        ],
    ) || (any(
        &f,
        &[
            "depuis le debut",
            "depuis le tout debut",
            "depuis le commencement",
        ],
    ) && !any(
        &f,
        &[
            "debut du",
            "debut de",
            "debut d'",
            "commencement du",
            "commencement de",
        ],
    )) || (filtered
        && any(
            &f,
            &[
                "total",
                "in total",
                "overall",
                "in all",
                "all told",
                "everything",
                "en tout",
                "tout ce que",
            ],
        ))
}

/// "what do I do?", "what now", "que faire ?": the customer asks for the next step.
pub(crate) fn asks_what_to_do(text: &str) -> bool {
    any(
        &fold(text),
        &[
            "what do i do",
            "what should i do",
            "what can i do",
            "what do i need to do",
            "what now",
            "now what",
            "what next",
            "what are my options",
            "help me",
            "que faire",
            "je fais quoi",
            "que dois je faire",
            "qu'est ce que je fais",
        ],
    )
}

/// "that card", "the same account", "cette carte": the card or account last spoken of.
pub(crate) fn names_that_account(text: &str) -> bool {
    any(
        &fold(text),
        &[
            "that card",
            "this card",
            "the same card",
            "same card",
            "that account",
            "this account",
            "the same account",
            "same account",
            "that one",
            "cette carte",
            "la meme carte",
            "ce compte",
            "le meme compte",
            // "actually lock it again" just after an unlock: the card just unlocked.
            "lock it again",
            "lock it back",
            "relock it",
            "re-lock it",
            "re lock it",
            "block it again",
            "freeze it again",
            "rebloque la",
            "rebloque-la",
            "rebloquez la",
            "rebloquez-la",
            "la rebloquer",
            "la bloquer a nouveau",
            "la bloquer de nouveau",
            "bloque la a nouveau",
            "bloque-la a nouveau",
        ],
    )
}

/// "it", "that", "those", "ça": the message points back at the last answer.
pub(crate) fn points_back(text: &str) -> bool {
    any(
        &fold(text),
        &[
            "it", "that", "those", "them", "these", "ca", "cela", "ceux", "celles", "ces",
        ],
    )
}

/// Groups of 4 digits in `text` ("ending 8765", "le 2468"): candidate last digits.
pub(crate) fn last_digits(text: &str) -> Vec<String> {
    text.split(|c: char| !c.is_ascii_digit())
        .filter(|w| w.len() == 4)
        .map(str::to_owned)
        .collect()
}

/// "Am I talking to a bot?", "r u a real person", "je parle à un robot ?": a question about
/// what the bot is (not a request for a person).
pub(crate) fn asks_if_bot(text: &str) -> bool {
    let f = fold(text);
    let beings = [
        "bot",
        "robot",
        "machine",
        "ai",
        "ia",
        "human",
        "humain",
        "humaine",
        "person",
        "real person",
        "computer",
        "ordinateur",
        "chatbot",
        "chatgpt",
        "gpt",
        "siri",
        "alexa",
        "vraie personne",
        "vrai",
        "real",
        "automated",
        "automatique",
        "programme",
    ];
    let openers = [
        "am i talking to",
        "am i speaking to",
        "am i chatting with",
        "am i talking with",
        "is this a",
        "is this an",
        "is this",
        "are you a",
        "are you an",
        "are you",
        "r u a",
        "r u",
        "ru a",
        "u a",
        "you a",
        "is it a",
        "je parle a un",
        "je parle a une",
        "je parle avec un",
        "je parle avec une",
        "je discute avec un",
        "t'es un",
        "t es un",
        "t un",
        "t une",
        "t'es",
        "t es",
        "tes",
        "tu es",
        "vous etes",
        "es tu",
        "etes vous",
        "ta un",
        "t'es une",
        "t es une",
        "tes un",
        "tes une",
        "c'est une",
        "c est une",
        "tu es un",
        "tu es une",
        "vous etes un",
        "vous etes une",
        "c'est un",
        "c est un",
        "est ce un",
        "est ce que tu es un",
        "est ce que vous etes un",
        "es tu un",
        "etes vous un",
    ];
    let wants_person = any(
        &f,
        &[
            "i need",
            "i want",
            "let me",
            "talk to a",
            "speak to a",
            "connect me",
            "je veux",
            "je voudrais",
            "passez moi",
            "mettez moi",
        ],
    );
    if wants_person {
        return false;
    }
    openers.iter().any(|o| {
        let o = format!(" {o} ");
        f.find(&o).is_some_and(|at| {
            let rest = &f[at + o.len() - 1..];
            beings.iter().any(|b| has_padded_phrase(rest, b))
        })
    })
}

/// "money in the checking", "money in my savings account": money held in an account.
fn money_held(folded: &str) -> bool {
    const HELD_IN: &[&str] = &[
        " money in ",
        " money on ",
        " money inside ",
        " money is in ",
        " money there is in ",
        " money have in ",
        " money i have in ",
        " money i got in ",
        " money stay in ",
        " money left in ",
    ];
    const ACCOUNTS: &[&str] = &[
        "checking",
        "checkings",
        "chequing",
        "savings",
        "saving",
        "account",
        "accounts",
        "acct",
        "current",
        "bank",
        "visa",
        "credit",
    ];
    HELD_IN.iter().any(|p| {
        folded.match_indices(p).any(|(at, _)| {
            folded[at + p.len()..]
                .split_whitespace()
                .find(|w| !matches!(*w, "the" | "my" | "our" | "de" | "this"))
                .is_some_and(|w| ACCOUNTS.contains(&w))
        })
    })
}

/// A banking request the bot cannot carry out.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Unsupported {
    Transfer,
    BillPayment,
    OpenAccount,
    PersonalDetails,
    Dispute,
    Loan,
    Limit,
    /// "c'est quoi mon plafond de carte": the card's payment and withdrawal limits, which
    /// the bank's data does not carry.
    LimitInfo,
    Checkbook,
    Pin,
    DirectDeposit,
    CloseAccount,
    ChequeDeposit,
    Subscription,
    /// "what's the interest rate on my savings", "apr on my visa".
    Rates,
    /// "what is minimum balance i need to keep", "MAB for my account": the account's
    /// terms, which the bank's data does not carry (not the balance itself).
    AccountTerms,
    /// "whats my credit score", "fico", "credit report": the bureau's score, not the bank's.
    CreditScore,
    /// "what is my account number", "routing number", "iban".
    AccountNumber,
    /// "send me a new card", "remplacer ma carte": a card ordered or replaced.
    NewCard,
    /// "when is the payment due", "date d'échéance": a card statement's due date or minimum
    /// (a statement as a list of operations is answered with the transactions).
    Statement,
    /// "I have a complaint about a fee", "faire une réclamation".
    Complaint,
    /// "tell you i'm travelling so my card doesn't get blocked": a travel notice.
    TravelNotice,
    /// "jpeux retirer du cash sans carte ?": a withdrawal without a card.
    CashWithoutCard,
    /// "how much is 50 euros in dollars", "quel est le taux de change": a conversion or an
    /// exchange rate.
    Exchange,
    /// "tu peux me faire un découvert ?": an overdraft asked for.
    Overdraft,
    /// "un export csv pour mon comptable", "download my statements": a file of them.
    Export,
    /// "y a des frais si je retire là-bas ?": the bank's fees.
    Fees,
    /// "how much is the fee if I send thru bank wire": the price of a service.
    FeeSchedule,
}

/// The banking request the bot cannot do that `text` asks for, if any: "transfer $200 to
/// savings", "pay my electricity bill", "ouvrir un compte", "changer mon adresse".
pub(crate) fn unsupported(text: &str) -> Option<Unsupported> {
    use Unsupported::*;
    // "how much do i need to pay back on my card": the amount owed, which is shown.
    if crate::intents::card_bill::asks_owed(text) {
        return None;
    }
    // "what rate do you use abroad": the rate, before the trip read as a travel notice.
    if crate::exchange::asked(text) {
        return Some(Exchange);
    }
    // "how much is the fee if I send thru bank wire": the price, before the transfer itself.
    if crate::fee_schedule::asked(text) {
        return Some(FeeSchedule);
    }
    if let Some(u) = crate::cant_do::asked(text) {
        return Some(u);
    }
    // "préviens moi quand le virement de la caf arrive": an alert on money received.
    if crate::intents::received_from::alert_asked(text) {
        return None;
    }
    if let Some(u) = crate::everyday_cant_do::asked(text) {
        return Some(u);
    }
    let f = fold(text);
    let w = words(&f);
    if any(
        &f,
        &[
            "sans carte",
            "sans ma carte",
            "sans cb",
            "sans ma cb",
            "without a card",
            "without my card",
            "without card",
            "cardless",
        ],
    ) && any(
        &f,
        &[
            "retirer",
            "retire",
            "retrait",
            "retraits",
            "cash",
            "liquide",
            "especes",
            "sous",
            "argent",
            "withdraw",
            "withdrawal",
            "money",
            "thunes",
        ],
    ) {
        return Some(CashWithoutCard);
    }
    if any(
        &f,
        &[
            "credit score",
            "credit scores",
            "credit rating",
            "credit report",
            "credit history",
            "credit file",
            "credit karma",
            "fico",
            "fico score",
            "experian",
            "equifax",
            "transunion",
            "cred score",
            "credit scor",
            "score de credit",
            "cote de credit",
            "notation de credit",
        ],
    ) {
        return Some(CreditScore);
    }
    if any(
        &f,
        &[
            "minimum balance",
            "min balance",
            "minimum bal",
            "min bal",
            "minimum amount to keep",
            "minimum amount i need to keep",
            "minimum amount in my account",
            "keep a minimum",
            "maintain a minimum",
            "maintain minimum",
            "minimum to maintain",
            "average balance",
            "monthly average balance",
            "mab",
            "solde minimum",
        ],
    ) && !any(
        &f,
        &[
            "alert",
            "alerts",
            "notify",
            "tell me when",
            "text me",
            "alerte",
            "alertes",
        ],
    ) {
        return Some(AccountTerms);
    }
    if any(
        &f,
        &[
            "interest rate",
            "interest rates",
            "rate of interest",
            "apy",
            "savings rate",
            "taux d'interet",
            "taux d interet",
            "taux du livret",
            "taux",
        ],
    ) {
        return Some(Rates);
    }
    if any(
        &f,
        &[
            "account number",
            "account no",
            "acct number",
            "acct no",
            "acc number",
            "routing number",
            "routing no",
            "sort code",
            "iban",
            "bic",
            "swift code",
            "full card number",
            "card number",
            "numero de compte",
            "rib",
        ],
    ) {
        return Some(AccountNumber);
    }
    if any(
        &f,
        &[
            "new card",
            "replacement card",
            "replace my card",
            "replace the card",
            "card replaced",
            "card replacement",
            "reissue",
            "re-issue",
            "order a card",
            "nouvelle carte",
            "remplacer ma carte",
            "remplacer la carte",
            "carte de remplacement",
            "refaire ma carte",
            "refaire une carte",
            "renouveler ma carte",
            "commander une carte",
            // After a lock, the card named by a pronoun: "j'fais quoi pour en avoir une
            // nouvelle", "how do i get a new one".
            "en avoir une nouvelle",
            "en avoir une autre",
            "en refaire une",
            "en commander une",
            "en recevoir une nouvelle",
            "une autre carte",
            "une carte neuve",
            "get a new one",
            "order a new one",
            "send me a new one",
        ],
    ) {
        return Some(NewCard);
    }
    // "how i make the pay of the card?", "when is the date for pay it": the card's bill.
    if crate::intents::card_bill::pays_card(text) && !crate::bill_lookup::asked(text) {
        return Some(BillPayment);
    }
    if crate::intents::card_bill::asks_due(text) {
        return Some(Statement);
    }
    if any(
        &f,
        &[
            "payment due",
            "due date",
            // "when is the payment do": "due" heard as "do".
            "when is the payment do",
            "when is my payment do",
            "when is payment do",
            "payment do date",
            "paymnt due",
            "pymt due",
            "payment dew",
            "when is my payment",
            "when's my payment",
            "minimum payment",
            "min payment",
            "statement balance",
            "date limite de paiement",
            "date d'echeance",
            "date d echeance",
            "echeance de ma carte",
            "paiement minimum",
        ],
    ) {
        return Some(Statement);
    }
    if any(
        &f,
        &[
            "complaint",
            "complain",
            "file a grievance",
            "reclamation",
            "reclamer",
            "porter plainte",
            "me plaindre",
            "une plainte",
            "deposer plainte",
        ],
    ) {
        return Some(Complaint);
    }
    // "mets 500 sur le livret", "put 200 in savings": moving money, not a balance question.
    let puts = w.iter().take(4).any(|x| {
        matches!(
            *x,
            "mets" | "met" | "mettre" | "mettez" | "put" | "place" | "verse" | "versez" | "bouge"
        )
    }) && f.chars().any(|c| c.is_ascii_digit())
        && any(
            &f,
            &[
                "sur le livret",
                "sur mon livret",
                "sur l'epargne",
                "sur mon epargne",
                "sur le compte",
                "sur mon compte",
                "in savings",
                "into savings",
                "in my savings",
                "into my savings",
                "to savings",
                "to my savings",
                "in checking",
                "into checking",
                "into my checking",
            ],
        );
    if puts {
        return Some(Transfer);
    }
    // Questions about past money ("how much did I transfer") are data requests.
    if any(
        &f,
        &[
            "how much did i",
            "how much have i",
            // "how much i pay of rent", "how much we paid for rent": asked without "did".
            "how much i",
            "how much i'm",
            "how much im",
            "how much do i",
            "how much am i",
            "how much we",
            "how much do we",
            "how much did we",
            "how much have we",
            "did i",
            "show me",
            "show my",
            "list my",
            "my last",
            "combien j'ai",
            "combien ai je",
            "mes derniers",
            "mes dernieres",
            "est ce que j'ai",
            "j'ai recu",
            "jai recu",
            "ai je recu",
            "recu un virement",
            "mon dernier virement",
            "mes virements",
        ],
    ) && !any(&f, &["can i", "how do i", "how can i", "comment"])
    {
        return None;
    }
    // "i pay the aluguel this month?", "we paid rent?": whether it was paid, asked with
    // a question mark instead of "did".
    if text.trim_end().ends_with('?')
        && matches!(w.as_slice(), ["i" | "we", "pay" | "paid" | "payed", ..])
    {
        return None;
    }
    if any(
        &f,
        &[
            "direct deposit",
            "virement de salaire",
            "domiciliation",
            "domicilier",
        ],
    ) {
        return Some(DirectDeposit);
    }
    if any(
        &f,
        &[
            "dispute",
            "chargeback",
            "charge back",
            "get my money back",
            "get it back",
            "get the money back",
            "my money back",
            "reimburse me",
            "refund me",
            "get a refund",
            "give me a refund",
            "want a refund",
            "need a refund",
            "can you refund",
            "could you refund",
            "me rembourser",
            "me rembourse",
            "rembourse moi",
            "remboursez moi",
            "remboursez-moi",
            "rembourse-moi",
            "nous rembourser",
            "me faire rembourser",
            "veux etre rembourse",
            "voudrais etre rembourse",
            "aimerais etre rembourse",
            "contester",
            "contestation",
            "conteste",
        ],
    ) {
        return Some(Dispute);
    }
    if any(
        &f,
        &[
            "encaisser un cheque",
            "encaisser mon cheque",
            "encaisser ce cheque",
            "deposer un cheque",
            "deposer mon cheque",
            "remettre un cheque",
            "remise de cheque",
            "deposit a check",
            "deposit a cheque",
            "cash a check",
            "cash a cheque",
        ],
    ) {
        return Some(ChequeDeposit);
    }
    // « compte chèques » (Québec) is the current account, not a chequebook.
    let without_account = crate::words::without_cheque_account(&f);
    if any(
        &without_account,
        &[
            "checkbook",
            "cheque book",
            "checkbooks",
            "chequier",
            "chequiers",
            "cheques",
        ],
    ) && !any(&f, &["cashed", "encaisse"])
    {
        return Some(Checkbook);
    }
    let new_code = any(
        &f,
        &[
            "code",
            "mon code",
            "code cb",
            "code de carte",
            "code de ma carte",
            "code de ma cb",
            "code de la carte",
            "code de la cb",
            "code carte",
        ],
    ) && any(
        &f,
        &[
            "changer",
            "change",
            "modifier",
            "oublie",
            "perdu",
            "nouveau",
            "renvoyer",
            "recevoir",
            // "je sais pas le code de ma cb, tu peux me le dire ?": the code asked for.
            "sais pas",
            "sais plus",
            "connais pas",
            "connais plus",
            "rappelle pas",
            "rappelle plus",
            "souviens pas",
            "souviens plus",
            "dire",
            "donner",
            "donne",
            "donnez",
            "redonner",
            "rappeler",
            "quel est",
            "c'est quoi",
            "c quoi",
        ],
    );
    if any(&f, &["pin", "code pin", "code secret", "code confidentiel"]) || new_code {
        return Some(Pin);
    }
    let raise = any(
        &f,
        &[
            "increase",
            "raise",
            "higher",
            "augmenter",
            "augmentation",
            "relever",
            "change my limit",
            "plus grande",
            "plus grand",
            "plus gros",
            "plus haut",
            "plus elevee",
            "plus eleve",
        ],
    );
    let overdraft_limit = any(
        &f,
        &[
            "autorisation de decouvert",
            "decouvert autorise",
            "overdraft limit",
        ],
    ) || (raise && any(&f, &["decouvert", "overdraft"]));
    if (raise && any(&f, &["limit", "limite", "plafond", "plafonds"])) || overdraft_limit {
        return Some(Limit);
    }
    // "c koi mon plafond ?": asked, not changed. A credit card's is its credit limit, which
    // the balance answers ([`refine`]).
    if any(&f, &["plafond", "plafonds"]) && !any(&f, &["credit", "decouvert"]) {
        return Some(LimitInfo);
    }
    if any(&f, &["plafond", "plafonds"]) && any(&f, &["decouvert"]) {
        return Some(Limit);
    }
    if any(
        &f,
        &[
            "loan",
            "loans",
            "mortgage",
            "borrow",
            "refinance",
            "pret",
            "prets",
            "pret immo",
            "credit immo",
            "credit immobilier",
            "credit conso",
            "emprunt",
            "emprunter",
            "credit auto",
            "credit voiture",
            "credit pour",
            "credit a la consommation",
            "un credit",
            "faire un credit",
            "demande de credit",
            "financement",
        ],
    ) {
        return Some(Loan);
    }
    if any(
        &f,
        &[
            "address",
            "adress",
            "addres",
            "adresse",
            "phone number",
            "email address",
            "numero de telephone",
            "numero de tel",
            "numero de portable",
            "numero de mobile",
            "natel",
            "mobile number",
            "cell number",
            "my name",
        ],
    ) && any(
        &f,
        &[
            "change",
            "update",
            "moved",
            "new",
            "changer",
            "modifier",
            "mettre a jour",
            "demenage",
            "nouvelle",
        ],
    ) && (!crate::intents::atm_place_guess::names_atm(text)
        || any(
            &f,
            &["change", "update", "changer", "modifier", "mettre a jour"],
        ))
    {
        return Some(PersonalDetails);
    }
    if any(
        &f,
        &[
            "close my account",
            "close an account",
            "closing my account",
            "cloturer",
            "cloture",
            "fermer mon compte",
            "fermer mon livret",
            "fermer le compte",
            "fermeture de compte",
            "fermeture du compte",
            "resilier mon compte",
            "resilier",
        ],
    ) {
        return Some(CloseAccount);
    }
    if any(
        &f,
        &[
            "open",
            "ouvrir",
            "ouverture",
            "new account",
            "nouveau compte",
        ],
    ) && any(
        &f,
        &[
            "account",
            "compte",
            "livret",
            "acct",
            "pel",
            "cel",
            "celi",
            "celiapp",
            "reer",
            "reee",
            "cri",
            "pea",
            "ldds",
            "lep",
            "assurance vie",
            "tfsa",
            "rrsp",
            "isa",
        ],
    ) {
        return Some(OpenAccount);
    }
    let pay_words = [
        "pay", "payer", "paie", "paye", "payez", "paies", "regler", "regle", "reglez", "settle",
    ];
    let bills = [
        "bill",
        "bills",
        "invoice",
        "rent",
        "facture",
        "factures",
        "loyer",
        "edf",
        "electricity",
        "water",
        "phone",
        "tax",
        "taxes",
        "impots",
        "amende",
        "hydro",
        "hydro quebec",
        "bell",
        "videotron",
        "fizz",
        "electricite",
        "gaz",
        "internet",
        "cellulaire",
        "telephone",
        "assurance",
        "taxes municipales",
        "carte de credit",
        "compte d'hydro",
    ];
    // "j'ai payé le loyer ou pas encore ?", "jai pay le loyer", "did i pay the rent": whether
    // it was paid, a look at the operations, not an order to pay ("ai-je bien payé mon
    // loyer", "did i actually pay": an adverb in the question changes nothing).
    let unhedged = [" bien ", " vraiment ", " actually ", " really ", " even "]
        .iter()
        .fold(f.clone(), |t, w| t.replace(w, " "));
    let paid_already = any(
        &unhedged,
        &[
            "j'ai paye",
            "jai paye",
            "j'ai pay",
            "jai pay",
            "ai je paye",
            "j'ai regle",
            "jai regle",
            "deja paye",
            "deja regle",
            "a ete paye",
            "a ete payee",
            "est passe",
            "est passee",
            "did i pay",
            "have i paid",
            "i already paid",
            "did i already pay",
            "ou pas encore",
        ],
    );
    if w.iter().any(|x| pay_words.contains(x))
        && any(&f, &bills)
        && !paid_already
        && !crate::bill_lookup::asked(text)
    {
        return Some(BillPayment);
    }
    // "did the venmo come in", "any zelle from mike": money in through an app, shown.
    if crate::app_incoming::asked(text) {
        return None;
    }
    // "acme m'a viré combien", "ils m'ont versé quoi": money the customer received.
    if any(
        &f,
        &[
            "m'a vire",
            "m'ont vire",
            "m'a verse",
            "m'ont verse",
            "nous a vire",
            "nous a verse",
        ],
    ) {
        return None;
    }
    // "What was the $500 transfer for?": a transfer already made, looked up.
    if crate::transfer_lookup::asked(text) {
        return None;
    }
    let send_verbs = [
        "transfer",
        "transfers",
        "send",
        "wire",
        "zelle",
        "venmo",
        "paypal",
        "move",
        "virer",
        "vire",
        "envoie",
        "envoyer",
        "envoyez",
        "verser",
        "transferer",
        "transfere",
    ];
    let opens = w.iter().take(5).any(|x| send_verbs.contains(x));
    // "virement 500 fournisseur", "transfert de 200 a maman": an amount to move ("virement
    // 15 nov" is a date).
    let ordered = w.windows(3).any(|s| {
        matches!(s[0], "virement" | "transfert" | "transfer" | "vir" | "wire")
            && ((starts_with_digit(s[1]) && !names_month(s[2]))
                || (s[1] == "de" && starts_with_digit(s[2])))
    }) || w.len() >= 2
        && matches!(
            w[w.len() - 2],
            "virement" | "transfert" | "transfer" | "vir" | "wire"
        )
        && starts_with_digit(w[w.len() - 1]);
    let asks = any(
        &f,
        &[
            "faire un virement",
            "fais un virement",
            "faire une virement",
            "virement de",
            "virement vers",
            "virement a",
            "virement sur",
            "virement international",
            "un virement",
            "interac",
            "virement interac",
            "transfert interac",
            "e-transfer",
            "etransfer",
            "lydia",
            "paylib",
            "wero",
            "make a transfer",
            "make a payment to",
            "pay back",
            "rembourser",
        ],
    );
    if opens || asks || ordered || moves_money(&w) || asks_transfer_noun(&w) {
        return Some(Transfer);
    }
    None
}

/// "make a transference of 200 dollars to my sister", "i want do a transferencia": a
/// non-native word for a transfer, with an amount or a verb asking to make one.
fn asks_transfer_noun(w: &[&str]) -> bool {
    const NOUNS: &[&str] = &[
        "transference",
        "transferences",
        "transferencia",
        "transferencias",
        "transferance",
        "transferation",
        "transferency",
        "transferment",
        "tranference",
        "trasference",
        "transferir",
    ];
    const MAKE: &[&str] = &[
        "make", "do", "send", "want", "need", "possible", "can", "could", "please", "pls",
    ];
    w.iter().any(|x| NOUNS.contains(x))
        && w.iter()
            .any(|x| MAKE.contains(x) || x.starts_with(|c: char| c.is_ascii_digit() || c == '$'))
}

/// "transférer mille euros du livret vers mon compte courant", "passe 300 balles du livret
/// au compte", "faut que je paye mon fournisseur 500 euros": a verb that moves or pays money,
/// an amount, and where it goes or comes from. Past payments ("j'ai payé 50 euros") are not.
fn moves_money(w: &[&str]) -> bool {
    const MOVE: &[&str] = &[
        "transferer",
        "transfere",
        "transferez",
        "transferes",
        "passer",
        "passe",
        "passez",
        "passiez",
        "passes",
        "basculer",
        "bascule",
        "basculez",
        "bouger",
        "bougez",
        "virer",
        "virez",
        "viriez",
        "verser",
        "versez",
        "mettre",
        "mettez",
        "move",
        "put",
        "shift",
        "payer",
        "payez",
        "paye",
        "paie",
        "pay",
        "rembourser",
        "rembourse",
        "remboursez",
    ];
    const PAST: &[&str] = &[
        "j'ai", "jai", "ai", "g", "as", "a", "avez", "avons", "i", "have", "had", "t'as", "tas",
        "deja", "been", "est", "sont", "c'est", "bien", "etait", "was", "is", "ma", "la", "une",
        "sa", "ta", "my", "your", "de",
    ];
    // "mets une alerte à 100 euros", "je peux payer 50 euros avec ma carte ?": not a transfer.
    const ELSEWHERE: &[&str] = &[
        "alerte",
        "alertes",
        "alert",
        "alerts",
        "notif",
        "notification",
        "carte",
        "card",
        "cb",
    ];
    if w.iter().any(|x| ELSEWHERE.contains(x)) {
        return false;
    }
    const AMOUNT_WORDS: &[&str] = &[
        "mille",
        "cent",
        "cents",
        "vingt",
        "trente",
        "quarante",
        "cinquante",
        "soixante",
        "hundred",
        "thousand",
        "fifty",
        "twenty",
    ];
    const WHERE: &[&str] = &[
        "vers", "sur", "au", "a", "du", "de", "to", "into", "from", "pour", "mon", "ma", "chez",
    ];
    // "qu'ai-je payé", "avez-vous versé": an auxiliary before it, a question about the past.
    let past = |p: &str| {
        PAST.contains(&p) || p.ends_with("ai-je") || p.ends_with("'ai") || p.ends_with("-vous")
    };
    // "qu'ai je payé" (hyphen folded away): the pronoun after the auxiliary.
    let inverted = |i: usize| {
        i >= 2 && matches!(w[i - 1], "je" | "tu" | "vous" | "il" | "elle" | "on") && past(w[i - 2])
    };
    let verb = w.iter().enumerate().any(|(i, x)| {
        MOVE.contains(x) && !i.checked_sub(1).is_some_and(|p| past(w[p])) && !inverted(i)
    });
    let amount = w
        .iter()
        .any(|x| starts_with_digit(x) || AMOUNT_WORDS.contains(x));
    let place = w.iter().any(|x| WHERE.contains(x));
    verb && amount && place
}

/// A month's name or its short form, folded ("nov", "novembre", "december").
fn names_month(word: &str) -> bool {
    const MONTHS: &[&str] = &[
        "jan",
        "janv",
        "janvier",
        "january",
        "feb",
        "fev",
        "fevr",
        "fevrier",
        "february",
        "mar",
        "mars",
        "march",
        "apr",
        "avr",
        "avril",
        "april",
        "may",
        "mai",
        "jun",
        "juin",
        "june",
        "jul",
        "juil",
        "juillet",
        "july",
        "aug",
        "aout",
        "august",
        "sep",
        "sept",
        "septembre",
        "september",
        "oct",
        "octobre",
        "october",
        "nov",
        "novembre",
        "november",
        "dec",
        "decembre",
        "december",
    ];
    MONTHS.contains(&word.trim_matches(|c: char| !c.is_alphanumeric()))
}

/// "500", "500e", "45€": a word that opens with a digit.
fn starts_with_digit(word: &str) -> bool {
    word.chars().next().is_some_and(|c| c.is_ascii_digit())
}

/// A social message: not a request, not a misunderstanding.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Social {
    /// "lol", "😂", "mdr".
    Laugh,
    /// "you're useless", "t'es nul".
    Insult,
    /// "tell me a joke", "il fait beau ?".
    Chitchat,
    /// "how are you", "ça va toi ?".
    HowAreYou,
}

/// Reads a message that is social rather than a request.
pub(crate) fn social(text: &str) -> Option<Social> {
    let f = fold(text);
    let w = words(&f);
    if w.is_empty() {
        return None;
    }
    let laughs = [
        "lol", "lool", "loool", "lmao", "lmfao", "rofl", "haha", "hahaha", "hehe", "hihi", "xd",
        "mdr", "mdrr", "mdrrr", "ptdr", "ptdrr", "hahah", "jpp", "omg", "wow", "cool", "nice",
        "oh", "ah", "oups", "oops", "ok", "okay", "super", "top", "genial", "parfait",
    ];
    if w.iter()
        .all(|x| laughs.contains(x) || x.chars().all(is_emoji))
    {
        return Some(Social::Laugh);
    }
    let insults = [
        "useless",
        "stupid",
        "dumb",
        "idiot",
        "idiotic",
        "sucks",
        "suck",
        "worst",
        "garbage",
        "trash",
        "rubbish",
        "pathetic",
        "hate you",
        "shut up",
        "wtf",
        "nul",
        "nulle",
        "debile",
        "de merde",
        "merde",
        "con",
        "conne",
        "abruti",
        "naze",
        "pourri",
        "inutile",
        "ta gueule",
        "t'es bete",
        "bete",
        // Plurals and the feminine ("vous êtes nuls", "bande d'incompétents").
        "nuls",
        "nulles",
        "debiles",
        "cons",
        "connes",
        "abrutis",
        "nazes",
        "pourris",
        "inutiles",
        "betes",
        "incompetent",
        "incompetents",
        "incompetente",
        "incompetentes",
        "guignols",
        "idiots",
        "clowns",
        "d'incompetents",
        "d'abrutis",
        "d'idiots",
        "d'incapables",
        "incapables",
    ];
    if any(&f, &insults) {
        return Some(Social::Insult);
    }
    let how_are_you = [
        "how are you",
        "how r u",
        "how are u",
        "hows it going",
        "how's it going",
        "how you doing",
        "how are you doing",
        "ca va",
        "ca va toi",
        "ca va et toi",
        "ca va et vous",
        "comment ca va",
        "comment vas tu",
        "comment allez vous",
        "tu vas bien",
        "vous allez bien",
        "ca roule",
        "la forme",
        "en forme",
        "sa va",
        "cv",
        "ca va bien",
        "comment tu vas",
        "comment ca se passe",
        "bien ou quoi",
        "bien ou bien",
        "quoi de neuf",
        "ca dit quoi",
        "ca gaze",
        "la forme",
        "tu vas bien",
        "vous allez bien",
        "allez vous bien",
        "vas tu bien",
        "comment tu te sens",
    ];
    if crate::off_topic::pidgin_hello(text) {
        return Some(Social::HowAreYou);
    }
    if any(&f, &how_are_you)
        && !any(
            &f,
            &["ca va aller", "ca va etre", "ca va faire", "ca va me"],
        )
    {
        return Some(Social::HowAreYou);
    }
    let chitchat = [
        "how are you",
        "how r u",
        "how are u",
        "hows it going",
        "how's it going",
        "whats up",
        "what's up",
        "sup",
        "joke",
        "weather",
        "who made you",
        "what's your name",
        "whats your name",
        "your name",
        "do you like",
        "are you happy",
        "ca va",
        "comment ca va",
        "comment vas tu",
        "comment allez vous",
        "blague",
        "il fait beau",
        "meteo",
        "quel temps",
        "tu t'appelles",
        "ton nom",
        "tu vas bien",
        "vous allez bien",
    ];
    if any(&f, &chitchat) || crate::off_topic::asks(text) {
        return Some(Social::Chitchat);
    }
    None
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn folds_text() {
        assert_eq!(fold("Débloquer MA carte!"), " debloquer ma carte ");
        // Again (the remembered folding), then another text, then the first again.
        assert_eq!(fold("Débloquer MA carte!"), " debloquer ma carte ");
        assert_eq!(fold("Où est le DAB ?"), " ou est le dab ");
        assert_eq!(fold("Débloquer MA carte!"), " debloquer ma carte ");
        assert_eq!(fold(""), " ");
        assert_eq!(fold("ok👍"), " ok 👍 ");
    }

    #[test]
    fn reads_what_a_request_asks() {
        use IntentId::*;
        assert_eq!(
            refine(Balance, "am i in the red?"),
            (Balance, Ask::Overdrawn)
        );
        assert_eq!(
            refine(Balance, "je suis a découvert ?"),
            (Balance, Ask::Overdrawn)
        );
        assert_eq!(
            refine(SpendingSummary, "what's left to spend on my credit card"),
            (Balance, Ask::Credit)
        );
        assert_eq!(
            refine(Balance, "how much do i have in total"),
            (Balance, Ask::Total)
        );
        assert_eq!(
            refine(Transactions, "anything pending?"),
            (Transactions, Ask::Pending)
        );
        assert_eq!(
            refine(SpendingSummary, "what came in this month"),
            (Transactions, Ask::Income)
        );
        assert_eq!(
            refine(SpendingSummary, "how much have i spent since payday"),
            (SpendingSummary, Ask::Plain)
        );
        assert_eq!(
            refine(ManageAlerts, "notify me when my paycheck lands").1,
            Ask::Plain
        );
        assert_eq!(
            refine(OutOfScope, "my card turned up, unlock it"),
            (CardLock, Ask::Unlock)
        );
        assert_eq!(
            refine(SpendingSummary, "total spent last month").1,
            Ask::Plain
        );
    }

    #[test]
    fn tells_questions_about_the_bot_from_requests_for_a_person() {
        assert!(asks_if_bot("am i talking to a bot?"));
        assert!(asks_if_bot("r u a real person"));
        assert!(asks_if_bot("je parle a un robot ?"));
        assert!(asks_if_bot("t'es un humain ou quoi"));
        assert!(!asks_if_bot("i need a REAL person not a bot"));
        assert!(!asks_if_bot("what's my balance"));
    }

    #[test]
    fn recognises_what_the_bot_cannot_do() {
        use Unsupported::*;
        assert_eq!(
            unsupported("transfer $200 from checking to savings"),
            Some(Transfer)
        );
        assert_eq!(unsupported("pay my electricity bill"), Some(BillPayment));
        assert_eq!(
            unsupported("i want to open a new savings account"),
            Some(OpenAccount)
        );
        assert_eq!(
            unsupported("faire un virement de 100 euros"),
            Some(Transfer)
        );
        assert_eq!(
            unsupported("changer mon adresse postale"),
            Some(PersonalDetails)
        );
        assert_eq!(unsupported("virement 500 fournisseur"), Some(Transfer));
        assert_eq!(unsupported("virement de 80e a mon pote"), Some(Transfer));
        assert_eq!(
            unsupported("vous pouvez me rembourser les 45 euros"),
            Some(Dispute)
        );
        assert_eq!(unsupported("virements de novembre"), None);
        assert_eq!(
            unsupported("passe 300 balles du livret au compte"),
            Some(Transfer)
        );
        assert_eq!(
            unsupported("faut que je paye mon fournisseur 500 euros"),
            Some(Transfer)
        );
        assert_eq!(unsupported("j'ai payé 50 euros a carrefour ?"), None);
        assert_eq!(unsupported("le loyer de 950 euros est bien passé ?"), None);
        assert_eq!(unsupported("ma paie de 2450 est arrivée ?"), None);
        assert_eq!(
            unsupported("qu'ai-je payé il y a 3 jours je vous prie ?"),
            None
        );
        assert_eq!(unsupported("how much did i transfer to savings"), None);
        assert_eq!(
            unsupported("I want to make a transference of 200 dollars to my sister, is possible?"),
            Some(Unsupported::Transfer)
        );
        assert_eq!(unsupported("show my transfers"), None);
        assert_eq!(unsupported("what's my balance"), None);
        assert_eq!(unsupported("spending on bills this month"), None);
    }

    #[test]
    fn social_messages() {
        assert_eq!(social("lol"), Some(Social::Laugh));
        assert_eq!(social("😂"), Some(Social::Laugh));
        assert_eq!(social("you're useless"), Some(Social::Insult));
        assert_eq!(social("vous êtes nuls"), Some(Social::Insult));
        assert_eq!(social("bande d'incompétents"), Some(Social::Insult));
        assert_eq!(social("tell me a joke"), Some(Social::Chitchat));
        assert_eq!(social("blorf the quantum ledger"), None);
    }
}
