//! Reading what the bot sent through the (mock) Send API: the human-readable text of some
//! message bodies, the last message's quick replies, the buttons. One reader for every
//! test that checks a reply (the workspace's end-to-end tests, the example crates).

use serde_json::Value;

/// Every human-readable text of some message bodies, joined by new lines: plain text, a
/// button template's text, and each generic-template element's title and subtitle.
pub fn texts(bodies: &[Value]) -> String {
    let mut out = Vec::new();
    for b in bodies {
        let m = &b["message"];
        for t in [&m["text"], &m["attachment"]["payload"]["text"]] {
            if let Some(t) = t.as_str() {
                out.push(t.to_owned());
            }
        }
        for e in m["attachment"]["payload"]["elements"]
            .as_array()
            .into_iter()
            .flatten()
        {
            out.push(format!(
                "{} {}",
                e["title"].as_str().unwrap_or(""),
                e["subtitle"].as_str().unwrap_or("")
            ));
        }
    }
    out.join("\n")
}

/// The quick replies of the last message, as (title, payload).
pub fn quick_replies(bodies: &[Value]) -> Vec<(String, String)> {
    bodies
        .last()
        .and_then(|b| b["message"]["quick_replies"].as_array().cloned())
        .unwrap_or_default()
        .iter()
        .map(|q| {
            (
                q["title"].as_str().unwrap_or("").to_owned(),
                q["payload"].as_str().unwrap_or("").to_owned(),
            )
        })
        .collect()
}

/// The buttons of every message (type, url or payload).
pub fn buttons(bodies: &[Value]) -> Vec<Value> {
    bodies
        .iter()
        .filter_map(|b| {
            b["message"]["attachment"]["payload"]["buttons"]
                .as_array()
                .cloned()
        })
        .flatten()
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;

    #[test]
    fn reads_texts_quick_replies_and_buttons() {
        let bodies = [
            json!({"message": {"text": "Hello"}}),
            json!({"message": {"attachment": {"payload": {
                "text": "Link", "buttons": [{"type": "account_link", "url": "u"}],
                "elements": [{"title": "ATM", "subtitle": "0.1 mi"}]}}}}),
            json!({"message": {"text": "Which?", "quick_replies": [
                {"title": "Yes", "payload": "YES"}]}}),
        ];
        assert_eq!(texts(&bodies), "Hello\nLink\nATM 0.1 mi\nWhich?");
        assert_eq!(
            quick_replies(&bodies),
            vec![("Yes".to_owned(), "YES".to_owned())]
        );
        assert_eq!(buttons(&bodies).len(), 1);
    }
}
