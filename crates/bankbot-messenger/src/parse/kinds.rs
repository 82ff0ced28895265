//! Wire event bodies → [`InboundKind`]s.

use crate::event::{AttachmentInfo, InboundKind, ReferralInfo};
use crate::wire::{Attachment, EventBody, Message, Referral};

use super::{ParseOptions, to_time};

/// The kind and, when the event has its own message id, that id.
pub(super) fn kind_of(
    body: EventBody,
    sender_ref: Option<String>,
    opts: &ParseOptions,
) -> Option<(InboundKind, Option<String>)> {
    Some(match body {
        EventBody::Message(m) => message_kind(m, opts),
        EventBody::Postback(p) => {
            let kind = InboundKind::Postback {
                title: p.title,
                payload: p.payload,
                referral: p.referral.map(|r| referral(r, None)),
            };
            (kind, p.mid)
        }
        EventBody::AccountLinking(a) => {
            let kind = match (a.status.as_deref(), a.authorization_code) {
                (Some("linked"), Some(code)) => InboundKind::AccountLinked {
                    authorization_code: code,
                },
                (Some("unlinked"), _) => InboundKind::AccountUnlinked,
                _ => InboundKind::Unknown {
                    key: Some("account_linking".to_owned()),
                },
            };
            (kind, None)
        }
        EventBody::Optin(o) => {
            let kind = InboundKind::Optin {
                ref_param: o.ref_param,
                user_ref: o.user_ref.or(sender_ref),
                optin_type: o.kind,
                payload: o.payload,
            };
            (kind, None)
        }
        EventBody::Referral(r) => (InboundKind::Referral(referral(r, sender_ref)), None),
        EventBody::Read(r) => match r.watermark.and_then(to_time) {
            Some(watermark) => (InboundKind::Read { watermark }, None),
            None => unknown("read"),
        },
        EventBody::Delivery(d) => {
            let kind = InboundKind::Delivery {
                mids: d.mids,
                watermark: d.watermark.and_then(to_time),
            };
            (kind, None)
        }
        EventBody::Reaction(r) => {
            let kind = InboundKind::Reaction {
                mid: r.mid,
                reaction: r.reaction,
                emoji: r.emoji,
                added: r.action.as_deref() != Some("unreact"),
            };
            (kind, None)
        }
        EventBody::PassThreadControl(t) => {
            let kind = InboundKind::PassThreadControl {
                previous_owner_app_id: t.previous_owner_app_id,
                new_owner_app_id: t.new_owner_app_id,
                metadata: t.metadata,
            };
            (kind, None)
        }
        EventBody::TakeThreadControl(t) => {
            let kind = InboundKind::TakeThreadControl {
                previous_owner_app_id: t.previous_owner_app_id,
                new_owner_app_id: t.new_owner_app_id,
                metadata: t.metadata,
            };
            (kind, None)
        }
        EventBody::RequestThreadControl(r) => {
            let kind = InboundKind::RequestThreadControl {
                requested_owner_app_id: r.requested_owner_app_id,
                metadata: r.metadata,
            };
            (kind, None)
        }
        EventBody::AppRoles(roles) => (InboundKind::AppRoles { roles }, None),
        EventBody::PolicyEnforcement(p) => match p.action {
            Some(action) => {
                let kind = InboundKind::PolicyEnforcement {
                    action,
                    reason: p.reason,
                };
                (kind, None)
            }
            None => unknown("policy_enforcement"),
        },
        EventBody::Unknown { key } => (InboundKind::Unknown { key }, None),
        EventBody::Empty => return None,
    })
}

fn unknown(key: &str) -> (InboundKind, Option<String>) {
    let key = Some(key.to_owned());
    (InboundKind::Unknown { key }, None)
}

fn message_kind(m: Message, opts: &ParseOptions) -> (InboundKind, Option<String>) {
    if m.is_echo {
        let app_id = m.app_id.as_deref().and_then(|a| a.parse::<u64>().ok());
        let kind = InboundKind::Echo {
            mid: m.mid.clone(),
            app_id,
            by_human: app_id == Some(opts.page_inbox_app_id),
            metadata: m.metadata,
            text: m.text,
        };
        return (kind, m.mid);
    }
    let reply_to = m.reply_to.and_then(|r| r.mid);
    let location = m.attachments.iter().find_map(location_of);
    let kind = if let Some((lat, lon, title)) = location {
        InboundKind::Location { lat, lon, title }
    } else if !m.attachments.is_empty() {
        InboundKind::Attachments {
            text: m.text,
            attachments: m.attachments.into_iter().map(attachment).collect(),
            reply_to,
        }
    } else if let Some(text) = m.text {
        InboundKind::Text {
            text,
            quick_reply_payload: m.quick_reply.and_then(|q| q.payload),
            reply_to,
        }
    } else if let Some(q) = m.quick_reply {
        InboundKind::Text {
            text: String::new(),
            quick_reply_payload: q.payload,
            reply_to,
        }
    } else {
        InboundKind::Unknown {
            key: Some("message".to_owned()),
        }
    };
    (kind, m.mid)
}

fn location_of(a: &Attachment) -> Option<(f64, f64, Option<String>)> {
    if a.kind.as_deref() != Some("location") {
        return None;
    }
    let c = a.payload.as_ref()?.coordinates.as_ref()?;
    let (lat, lon) = (c.lat?, c.long?);
    let valid = (-90.0..=90.0).contains(&lat) && (-180.0..=180.0).contains(&lon);
    valid.then(|| (lat, lon, a.title.clone()))
}

fn attachment(a: Attachment) -> AttachmentInfo {
    let payload = a.payload.unwrap_or_default();
    AttachmentInfo {
        kind: a.kind.unwrap_or_default(),
        url: payload.url.or(a.url).or(a.url_upper),
        title: payload.title.or(a.title),
        sticker_id: payload.sticker_id,
    }
}

fn referral(r: Referral, user_ref: Option<String>) -> ReferralInfo {
    ReferralInfo {
        ref_param: r.ref_param,
        source: r.source,
        referral_type: r.kind,
        ad_id: r.ad_id,
        user_ref,
    }
}
