//! `privacy_info`: "what do you do with my data?", "is my data shared with facebook",
//! "is this secure". A plain answer from the [`facts`](crate::facts), the current alert
//! consents and the privacy page, with quick replies to see or delete what is kept. Never
//! a deletion.

use bankbot_core::{AlertKind, IntentId};

use crate::catalog::{Msg, PrivacyMsg};
use crate::ctx::Ctx;
use crate::facts::privacy_facts;

pub(crate) fn handle(ctx: &mut Ctx<'_>) {
    let facts = privacy_facts(ctx.lang);
    let consents: Vec<String> = AlertKind::ALL
        .iter()
        .map(|k| ctx.t(Msg::AlertLine(*k, ctx.alerts.is_on(*k))))
        .collect();
    let mut text = facts.summary.join("\n\n");
    text.push_str("\n\n");
    text.push_str(&ctx.t(Msg::Privacy(PrivacyMsg::Consents(&consents.join("\n")))));
    if !ctx.services.privacy_url.is_empty() {
        let url = ctx.services.privacy_url.clone();
        text.push_str("\n\n");
        text.push_str(&ctx.t(Msg::Privacy(PrivacyMsg::PageLink(&url))));
    }
    let choices = vec![
        ctx.intent_choice(
            Msg::Privacy(PrivacyMsg::LabelWhatYouKnow),
            IntentId::DataAccess,
        ),
        ctx.intent_choice(
            Msg::Privacy(PrivacyMsg::LabelDeleteMyData),
            IntentId::DeleteMyData,
        ),
    ];
    ctx.ask_text(text, choices);
}
