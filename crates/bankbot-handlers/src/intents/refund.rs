//! Refunds to the customer: "est-ce que je vais être remboursé ?", "ils vont me rembourser ?",
//! "c quand le remboursement", "will I get my money back?" after a fraud report or a
//! dispute (the bank decides, after review: said so, with where to follow it), and
//! "j'ai été remboursé par amazon ?", "has the refund come in?" (the money in that looks
//! like a refund, searched in the data).
//!
//! Not a refund to the customer: paying someone back ("rembourser mon pote", "pay back
//! Paul": a transfer) or repaying a loan ("remboursement de mon prêt").

use bankbot_bank::{CustomerCredential, TransactionQuery};
use bankbot_core::{Category, DateRange, Transaction};
use chrono::Days;

use crate::DialogState;
use crate::HandlerError;
use crate::catalog::Msg;
use crate::ctx::Ctx;
use crate::cues::fold;
use crate::intents::transactions::{MAX_PAGES, send_list};

/// What is asked about a refund.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Refund {
    /// "Will I be refunded?", "c quand le remboursement": whether and when.
    Status,
    /// "J'ai été remboursé par amazon ?", "did the refund come in?": money already in.
    Received,
}

/// How far back refunds are looked for.
const LOOK_BACK_DAYS: u64 = 90;

/// Words of a refund to the customer, folded and padded (" remboursement ").
const REFUND: &[&str] = &[
    " remboursement ",
    " remboursements ",
    " rembourse ",
    " remboursee ",
    " rembourses ",
    " remboursees ",
    " remb ",
    " refund ",
    " refunds ",
    " refunded ",
    " reimbursed ",
    " reimbursement ",
];

/// The customer's money, a refund only with a verb of getting it back ([`GET_BACK`]).
const MONEY: &[&str] = &[
    " money back ",
    " mon argent ",
    " mes sous ",
    " mon fric ",
    " mon cash ",
    " mon oseille ",
    " mes thunes ",
];

/// Verbs that make "rembourser"/"refund" the customer's: "me rembourser", "refund me".
const TO_ME: &[&str] = &[
    " me rembourser ",
    " me rembourse ",
    " me rembourseront ",
    " me rembourserait ",
    " m'rembourser ",
    " rembourser moi ",
    " remboursez moi ",
    " rembourse moi ",
    " m'a rembourse ",
    " m'ont rembourse ",
    " m'a pas rembourse ",
    " m'ont pas rembourse ",
    " refund me ",
    " refunded me ",
    " reimburse me ",
    " pay me back ",
    " paid me back ",
];

/// Without one of these, "mon argent" / "money back" is no refund ("où va mon argent").
const GET_BACK: &[&str] = &[
    " recuperer ",
    " recupere ",
    " recup ",
    " ravoir ",
    " revoir ",
    " retrouver ",
    " rendre ",
    " rendu ",
    " rendra ",
    " rendront ",
    " get ",
    " got ",
    " getting ",
    " back ",
];

/// Money already in: past tenses and arrivals.
const RECEIVED: &[&str] = &[
    " ete rembourse ",
    " ete remboursee ",
    " suis rembourse ",
    " suis remboursee ",
    " m'a rembourse ",
    " m'ont rembourse ",
    " m'a pas rembourse ",
    " m'ont pas rembourse ",
    " est arrive ",
    " est arrivee ",
    " est passe ",
    " est rentre ",
    " arrive ",
    " recu ",
    " recu le ",
    " recu mon ",
    " tombe ",
    " been refunded ",
    " got refunded ",
    " got my refund ",
    " got the refund ",
    " refunded me ",
    " paid me back ",
    " came in ",
    " come in ",
    " come through ",
    " came through ",
    " gone through ",
    " went through ",
    " arrived ",
    " received ",
    " did ",
    " has the ",
    " have i been ",
];

/// A loan repaid or someone paid back: not a refund to the customer.
const NOT: &[&str] = &[
    " pret ",
    " emprunt ",
    " credit immo ",
    " loan ",
    " mortgage ",
    " rembourser mon ",
    " rembourser ma ",
    " rembourser un ",
    " rembourser une ",
    " rembourser quelqu'un ",
    " pay back ",
];

/// Asking the bot itself to give the money back ("pouvez-vous me rembourser les 45 €",
/// "refund me the 50 bucks"): a dispute the bot cannot open, not a question about a refund.
const ASKS_BOT: &[&str] = &[
    " pouvez me rembourser ",
    " pouvez-vous me rembourser ",
    " pouvez vous me rembourser ",
    " peux me rembourser ",
    " peux-tu me rembourser ",
    " peux tu me rembourser ",
    " remboursez moi ",
    " remboursez-moi ",
    " rembourse moi ",
    " rembourse-moi ",
    " veux etre rembourse ",
    " veux etre remboursee ",
    " veux un remboursement ",
    " voudrais etre rembourse ",
    " voudrais un remboursement ",
    " refund me the ",
    " refund me my ",
    " please refund ",
    " can you refund ",
    " could you refund ",
    " want a refund ",
    " want my money back ",
    " need a refund ",
];

/// A dispute or chargeback, each padded and folded.
const DISPUTE: &[&str] = &[
    " dispute ",
    " disputes ",
    " disputed ",
    " disput ",
    " chargeback ",
    " chargebacks ",
    " claim ",
    " contestation ",
    " contestations ",
    " litige ",
];

/// Asking how long something takes or how far along it is, each padded and folded.
const HOW_LONG: &[&str] = &[
    " how long ",
    " how many days ",
    " how many weeks ",
    " how much time ",
    " timeline ",
    " take long ",
    " usually take ",
    " combien de temps ",
    " delai ",
    " delais ",
    " ca prend ",
];

/// The refund question `text` asks, if it asks one.
pub(crate) fn asks(text: &str) -> Option<Refund> {
    let f = fold(text);
    let has = |list: &[&str]| list.iter().any(|p| f.contains(p));
    if has(ASKS_BOT) {
        return None;
    }
    // "how long do disputes take", "combien de temps prend une contestation": the bank
    // decides, where to follow it; not the "can't dispute here" answer.
    if has(DISPUTE) && has(HOW_LONG) {
        return Some(Refund::Status);
    }
    let to_me = has(TO_ME);
    if has(NOT) && !to_me {
        return None;
    }
    let money_back = has(MONEY) && has(GET_BACK);
    if !(to_me || has(REFUND) || money_back) {
        return None;
    }
    // "ai-je été remboursé", "le remboursement est arrivé ?": already in (or not).
    let future = f.contains(" vais ")
        || f.contains(" va ")
        || f.contains(" vont ")
        || f.contains(" serai ")
        || f.contains(" sera ")
        || f.contains(" will ")
        || f.contains(" going to ")
        || f.contains(" gonna ")
        || f.contains(" quand ")
        || f.contains(" when ");
    if has(RECEIVED) && !future {
        Some(Refund::Received)
    } else {
        Some(Refund::Status)
    }
}

/// "je le récupère comment ?", "how do i get it back": the money named by a pronoun only,
/// which is a refund question just after a fraud report or a card lock.
const IT_BACK: &[&str] = &[
    " le recupere ",
    " la recupere ",
    " les recupere ",
    " le recuperer ",
    " la recuperer ",
    " les recuperer ",
    " le recup ",
    " les recup ",
    " le ravoir ",
    " les ravoir ",
    " recuperer ca ",
    " recupere ca ",
    " get it back ",
    " get them back ",
    " get that back ",
    " get this back ",
];

/// True when `text` asks how to get back money named only by a pronoun.
pub(crate) fn asks_it_back(text: &str) -> bool {
    let f = fold(text);
    IT_BACK.iter().any(|p| f.contains(p))
}

/// Words at most between "get" and "back" in "will i get the 129.99 back".
const MAX_SUM_WORDS: usize = 4;

/// True when `text` asks to get a sum or the money back ("will i get the 129 back?", "do i
/// get my $45 back", "can i get that money back"): "get", a few words, then "back" ("got it
/// back" is a card found, not money).
pub(crate) fn asks_sum_back(text: &str) -> bool {
    let f = fold(text);
    let words: Vec<&str> = f.split_whitespace().collect();
    words.iter().enumerate().any(|(i, w)| {
        matches!(*w, "get" | "getting" | "gettin")
            && words
                .iter()
                .skip(i + 1)
                .take(MAX_SUM_WORDS + 1)
                .any(|b| *b == "back")
    })
}

/// Whether and when: the bank decides; where to follow it.
pub(crate) fn status(ctx: &mut Ctx<'_>) {
    let mut choices = Vec::new();
    if ctx.people_available {
        choices.push(ctx.intent_choice(Msg::LabelPerson, bankbot_core::IntentId::HumanAgent));
    }
    choices.push(ctx.intent_choice(Msg::LabelTransactions, bankbot_core::IntentId::Transactions));
    let text = ctx.t(Msg::RefundStatus {
        people: ctx.people_available,
    });
    ctx.ask_text(text, choices);
}

/// The money in over the past [`LOOK_BACK_DAYS`] that looks like a refund (from
/// `merchant` when named), listed; or that none came, and where to follow it.
pub(crate) async fn received(
    ctx: &mut Ctx<'_>,
    state: &mut DialogState,
    credential: &CustomerCredential,
    merchant: Option<&str>,
) -> Result<(), HandlerError> {
    let today = ctx.services.clock.today();
    let from = today
        .checked_sub_days(Days::new(LOOK_BACK_DAYS))
        .unwrap_or(today);
    let mut query = TransactionQuery {
        range: DateRange::new(from, today).ok(),
        text: merchant.map(str::to_owned),
        limit: bankbot_bank::MAX_PAGE_SIZE,
        ..TransactionQuery::default()
    };
    let mut found: Vec<Transaction> = Vec::new();
    for _ in 0..MAX_PAGES {
        let page = ctx.services.bank.transactions(credential, &query).await?;
        found.extend(
            page.transactions
                .into_iter()
                .filter(|t| looks_like_refund(t, merchant.is_some())),
        );
        match page.next_page {
            Some(token) => query.page_token = Some(token),
            None => break,
        }
    }
    found.sort_by_key(|t| std::cmp::Reverse(t.booking_date));
    let since = crate::format::date(from, today, ctx.lang);
    if found.is_empty() {
        let text = ctx.t(Msg::RefundNone {
            merchant,
            since: &since,
            people: ctx.people_available,
        });
        ctx.reply(bankbot_core::Reply::text(text));
        return Ok(());
    }
    let header = ctx.t(Msg::RefundFound {
        merchant,
        count: found.len(),
    });
    send_list(ctx, state, header, &found, None);
    Ok(())
}

/// Money in that is not the salary, interest or a move between the customer's own
/// accounts, unless its description says refund. From a named merchant, any money in is.
fn looks_like_refund(t: &Transaction, from_merchant: bool) -> bool {
    if t.is_debit() || t.category == Some(Category::Transfer) {
        return false;
    }
    let described = fold(&t.description);
    let says_refund = [
        " rembours",
        " remb ",
        " refund",
        " avoir ",
        " retour ",
        " reimburs",
    ]
    .iter()
    .any(|w| described.contains(w));
    says_refund || from_merchant || t.category != Some(Category::Income)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn money_named_by_a_pronoun() {
        assert!(asks_it_back("je le récupère comment ?"));
        assert!(asks_it_back("how do i get it back"));
        assert!(asks_it_back("on peut les récupérer ?"));
        assert!(!asks_it_back("je récupère ma carte demain"));
    }

    #[test]
    fn refund_questions() {
        for s in [
            "est-ce que je vais être remboursé ?",
            "ils vont me rembourser ?",
            "c quand le remboursement",
            "je serai remboursée quand",
            "la banque va me rembourser les 63 euros ?",
            "je vais recuperer mon argent ?",
            "est ce que je vais ravoir mon argent",
            "will i get a refund",
            "when do i get my money back",
            "remboursement ???",
        ] {
            assert_eq!(asks(s), Some(Refund::Status), "{s}");
        }
        for s in [
            "j'ai été remboursé par amazon ?",
            "jai ete rembourse ?",
            "le remboursement est arrivé ?",
            "amazon m'a remboursé ?",
            "g recu le remboursement ?",
            "did amazon refund me",
            "has the refund come in",
        ] {
            assert_eq!(asks(s), Some(Refund::Received), "{s}");
        }
        for s in [
            "je veux rembourser mon pote 20 euros",
            "remboursement de mon prêt",
            "où va mon argent",
            "mes dépenses du mois",
            "pay back paul 20 dollars",
        ] {
            assert_eq!(asks(s), None, "{s}");
        }
    }
}
