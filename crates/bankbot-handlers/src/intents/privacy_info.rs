//! `privacy_info`: "what do you do with my data?", "is my data shared with facebook",
//! "is this secure". A yes-or-no question ([`privacy_question`](crate::privacy_question))
//! gets its direct answer first, then the one fact that goes with it; a request for the
//! whole picture gets the notice built from the [`facts`](crate::facts), the current alert
//! consents and the privacy page. Never a deletion, and a question is never answered with
//! an offer to delete.

use bankbot_core::{AlertKind, IntentId};

use crate::catalog::{Msg, PrivacyMsg};
use crate::ctx::Ctx;
use crate::facts::privacy_facts;
use crate::privacy_question::{self, PrivacyQuestion};

pub(crate) fn handle(ctx: &mut Ctx<'_>, text: &str) {
    match privacy_question::read(text) {
        Some(q) => short_answer(ctx, q),
        None => notice(ctx),
    }
}

/// The direct answer, its fact, the page, and a way to see what is kept.
fn short_answer(ctx: &mut Ctx<'_>, q: PrivacyQuestion) {
    let (answer, fact) = match q {
        PrivacyQuestion::Sell => (PrivacyMsg::AnswerSell, PrivacyMsg::NotStoredFact),
        PrivacyQuestion::Meta => (PrivacyMsg::AnswerMeta, PrivacyMsg::FactMeta),
        PrivacyQuestion::Share => (PrivacyMsg::AnswerShare, PrivacyMsg::FactMeta),
        PrivacyQuestion::Stored => (PrivacyMsg::AnswerStored, PrivacyMsg::Kept),
        PrivacyQuestion::WhoReads => (PrivacyMsg::AnswerWhoReads, PrivacyMsg::FactWhoReads),
        PrivacyQuestion::HumanReads => (PrivacyMsg::AnswerHumanReads, PrivacyMsg::FactWhoReads),
        PrivacyQuestion::Safe => (PrivacyMsg::AnswerSafe, PrivacyMsg::FactSafe),
        PrivacyQuestion::Password => (PrivacyMsg::AnswerPassword, PrivacyMsg::FactSafe),
    };
    let mut text = ctx.t(Msg::Privacy(answer));
    text.push_str("\n\n");
    text.push_str(&ctx.t(Msg::Privacy(fact)));
    push_page(ctx, &mut text);
    let choices = vec![ctx.intent_choice(
        Msg::Privacy(PrivacyMsg::LabelWhatYouKnow),
        IntentId::DataAccess,
    )];
    ctx.ask_text(text, choices);
}

/// The whole notice.
fn notice(ctx: &mut Ctx<'_>) {
    let facts = privacy_facts(ctx.lang);
    let consents: Vec<String> = AlertKind::ALL
        .iter()
        .map(|k| ctx.t(Msg::AlertLine(*k, ctx.alerts.is_on(*k))))
        .collect();
    let mut text = facts.summary.join("\n\n");
    text.push_str("\n\n");
    text.push_str(&ctx.t(Msg::Privacy(PrivacyMsg::Consents(&consents.join("\n")))));
    push_page(ctx, &mut text);
    let choices = see_or_delete(ctx);
    ctx.ask_text(text, choices);
}

/// "What you know of me" and "Delete my data": the quick replies under a privacy answer.
pub(crate) fn see_or_delete(ctx: &Ctx<'_>) -> Vec<bankbot_core::QuickReply> {
    vec![
        ctx.intent_choice(
            Msg::Privacy(PrivacyMsg::LabelWhatYouKnow),
            IntentId::DataAccess,
        ),
        ctx.intent_choice(
            Msg::Privacy(PrivacyMsg::LabelDeleteMyData),
            IntentId::DeleteMyData,
        ),
    ]
}

/// "All the details: …" when the bot serves a privacy page.
fn push_page(ctx: &Ctx<'_>, text: &mut String) {
    if !ctx.services.privacy_url.is_empty() {
        text.push_str("\n\n");
        text.push_str(&ctx.t(Msg::Privacy(PrivacyMsg::PageLink(
            &ctx.services.privacy_url,
        ))));
    }
}
