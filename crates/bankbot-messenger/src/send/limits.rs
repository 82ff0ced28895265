//! Checking a Send API request body against Meta's limits, after it was built: the
//! playground shows the result beside every reply, so a payload Messenger would refuse is
//! seen before it reaches a customer.

use serde::Serialize;
use serde_json::Value;

use super::build::{
    MAX_BUTTON_TEXT_CHARS, MAX_BUTTONS, MAX_CARD_TEXT_CHARS, MAX_CARDS, MAX_QUICK_REPLIES,
    MAX_TITLE_CHARS,
};
use super::text::MAX_TEXT_CHARS;

/// One limit a request body goes beyond.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct LimitBreach {
    /// What is over the limit, e.g. `quick_replies` or `quick_replies[2].title`.
    pub what: String,
    /// How many (items or characters) the body has.
    pub found: usize,
    /// Meta's maximum.
    pub max: usize,
}

/// Every limit `body` (a full Send API request: `{"recipient", "message", …}`) goes beyond;
/// empty when Messenger would take it. Sender actions have no limits.
pub fn limit_breaches(body: &Value) -> Vec<LimitBreach> {
    let mut out = Vec::new();
    let Some(message) = body.get("message") else {
        return out;
    };
    let mut check = |what: String, found: usize, max: usize| {
        if found > max {
            out.push(LimitBreach { what, found, max });
        }
    };
    if let Some(text) = message.get("text").and_then(Value::as_str) {
        check("text".into(), chars(text), MAX_TEXT_CHARS);
    }
    if let Some(quick) = message.get("quick_replies").and_then(Value::as_array) {
        check("quick_replies".into(), quick.len(), MAX_QUICK_REPLIES);
        for (i, q) in quick.iter().enumerate() {
            check(
                format!("quick_replies[{i}].title"),
                chars(str_at(q, "title")),
                MAX_TITLE_CHARS,
            );
        }
    }
    let payload = &message["attachment"]["payload"];
    match payload.get("template_type").and_then(Value::as_str) {
        Some("button") => {
            check(
                "text".into(),
                chars(str_at(payload, "text")),
                MAX_BUTTON_TEXT_CHARS,
            );
            buttons(&payload["buttons"], "buttons", &mut check);
        }
        Some("generic") => {
            let elements = payload["elements"]
                .as_array()
                .map_or(&[][..], Vec::as_slice);
            check("elements".into(), elements.len(), MAX_CARDS);
            for (i, el) in elements.iter().enumerate() {
                for field in ["title", "subtitle"] {
                    check(
                        format!("elements[{i}].{field}"),
                        chars(str_at(el, field)),
                        MAX_CARD_TEXT_CHARS,
                    );
                }
                buttons(
                    &el["buttons"],
                    &format!("elements[{i}].buttons"),
                    &mut check,
                );
            }
        }
        _ => {}
    }
    out
}

fn buttons(list: &Value, name: &str, check: &mut impl FnMut(String, usize, usize)) {
    let Some(list) = list.as_array() else { return };
    check(name.to_owned(), list.len(), MAX_BUTTONS);
    for (i, b) in list.iter().enumerate() {
        check(
            format!("{name}[{i}].title"),
            chars(str_at(b, "title")),
            MAX_TITLE_CHARS,
        );
    }
}

fn str_at<'a>(v: &'a Value, key: &str) -> &'a str {
    v.get(key).and_then(Value::as_str).unwrap_or("")
}

fn chars(s: &str) -> usize {
    s.chars().count()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::send::{MessagingType, reply_bodies};
    use bankbot_core::{Button, QuickReply, Reply, ReplyCard};
    use serde_json::json;

    #[test]
    fn built_bodies_stay_within_limits_even_from_oversized_replies() {
        let quick: Vec<QuickReply> = (0..20)
            .map(|i| QuickReply {
                title: format!("a rather long quick reply title {i}"),
                payload: format!("P{i}"),
            })
            .collect();
        let postback = |i: usize| Button::Postback {
            title: format!("a very long button title number {i}"),
            payload: "X".into(),
        };
        let cards: Vec<ReplyCard> = (0..14)
            .map(|i| ReplyCard {
                title: "t".repeat(120),
                subtitle: Some(format!("card {i}")),
                image_url: None,
                default_url: None,
                buttons: (0..5).map(postback).collect(),
            })
            .collect();
        let replies = [
            Reply::Text {
                text: "x".repeat(4500),
                quick_replies: quick,
            },
            Reply::Buttons {
                text: "y".repeat(900),
                buttons: (0..5).map(postback).collect(),
            },
            Reply::Cards { cards },
        ];
        for reply in &replies {
            for body in reply_bodies("1", reply, MessagingType::Response, None) {
                assert_eq!(limit_breaches(&body), Vec::new(), "{body}");
            }
        }
    }

    #[test]
    fn hand_made_bodies_over_the_limits_are_named() {
        let quick: Vec<Value> = (0..14)
            .map(|i| json!({"content_type": "text", "title": "t", "payload": i.to_string()}))
            .collect();
        let mut long_title = quick.clone();
        long_title[2]["title"] = json!("twenty-one characters");
        let body = json!({"message": {"text": "hi", "quick_replies": quick}});
        assert_eq!(
            limit_breaches(&body),
            vec![LimitBreach {
                what: "quick_replies".into(),
                found: 14,
                max: 13
            }]
        );
        long_title.truncate(3);
        let body = json!({"message": {"text": "hi", "quick_replies": long_title}});
        assert_eq!(limit_breaches(&body)[0].what, "quick_replies[2].title");
        let button = json!({"type": "postback", "title": "ok", "payload": "X"});
        let body = json!({"message": {"attachment": {"type": "template", "payload": {
            "template_type": "button", "text": "pick", "buttons": [button, button, button, button]
        }}}});
        assert_eq!(limit_breaches(&body)[0].what, "buttons");
        let elements: Vec<Value> = (0..11).map(|_| json!({"title": "ATM"})).collect();
        let body = json!({"message": {"attachment": {"type": "template", "payload": {
            "template_type": "generic", "elements": elements
        }}}});
        assert_eq!(limit_breaches(&body)[0].what, "elements");
        let typing = json!({"recipient": {"id": "1"}, "sender_action": "typing_on"});
        assert!(limit_breaches(&typing).is_empty());
    }
}
