//! The webhook builders produce the webhook fixtures of
//! `crates/bankbot-messenger/tests/fixtures/`
//! (compared with `time`/`timestamp` zeroed where the builder stamps "now").

use bankbot_testkit::webhooks::{self, DEFAULT_PAGE_ID};
use serde_json::Value;

const PSID: &str = "7423910000000001";

fn parse(text: &str) -> Value {
    serde_json::from_str(text).unwrap_or_else(|e| panic!("fixture is not JSON: {e}"))
}

/// Zeroes every `time` and `timestamp` field.
fn without_times(mut v: Value) -> Value {
    fn walk(v: &mut Value) {
        match v {
            Value::Object(map) => {
                for (k, child) in map.iter_mut() {
                    if k == "time" || k == "timestamp" {
                        *child = Value::from(0);
                    } else {
                        walk(child);
                    }
                }
            }
            Value::Array(items) => items.iter_mut().for_each(walk),
            _ => {}
        }
    }
    walk(&mut v);
    v
}

#[test]
fn builds_text_message_fixture() {
    let want = parse(
        r#"{"object":"page","entry":[{"id":"104857600000001","time":1718000001456,"messaging":[{"sender":{"id":"7423910000000001"},"recipient":{"id":"104857600000001"},"timestamp":1718000001123,"message":{"mid":"m_Ab3xQ9kLw2F0001","text":"What's my balance?"}}]}]}"#,
    );
    let got = webhooks::text_message(
        DEFAULT_PAGE_ID,
        PSID,
        "m_Ab3xQ9kLw2F0001",
        "What's my balance?",
        1_718_000_001_123,
    );
    assert_eq!(
        got["entry"][0]["messaging"][0]["timestamp"],
        1_718_000_001_123_i64
    );
    assert_eq!(without_times(got), without_times(want));
}

#[test]
fn builds_quick_reply_fixture() {
    let want = parse(
        r#"{"object":"page","entry":[{"id":"104857600000001","time":1718000062456,"messaging":[{"sender":{"id":"7423910000000001"},"recipient":{"id":"104857600000001"},"timestamp":1718000062101,"message":{"mid":"m_Ab3xQ9kLw2F0002","text":"Checking","quick_reply":{"payload":"BALANCE:CHK"}}}]}]}"#,
    );
    let got = webhooks::quick_reply(
        DEFAULT_PAGE_ID,
        PSID,
        "m_Ab3xQ9kLw2F0002",
        "Checking",
        "BALANCE:CHK",
        1,
    );
    assert_eq!(without_times(got), without_times(want));
}

#[test]
fn builds_postback_with_mid_fixture() {
    let want = parse(
        r#"{"object":"page","entry":[{"id":"104857600000001","time":1718000120999,"messaging":[{"sender":{"id":"7423910000000001"},"recipient":{"id":"104857600000001"},"timestamp":1718000120654,"postback":{"mid":"m_Ab3xQ9kLw2F0003","title":"Recent transactions","payload":"TRANSACTIONS"}}]}]}"#,
    );
    let got = webhooks::postback(
        DEFAULT_PAGE_ID,
        PSID,
        "m_Ab3xQ9kLw2F0003",
        "Recent transactions",
        "TRANSACTIONS",
        1,
    );
    assert_eq!(without_times(got), without_times(want));
}

#[test]
fn builds_account_linked_and_unlinked_fixtures() {
    let linked = parse(
        r#"{"object":"page","entry":[{"id":"104857600000001","time":1718000300456,"messaging":[{"sender":{"id":"7423910000000001"},"recipient":{"id":"104857600000001"},"timestamp":1718000300123,"account_linking":{"status":"linked","authorization_code":"alc_7f3e9c2b5a1d4e8f9b0c6a2d3e4f5a6b"}}]}]}"#,
    );
    let got = webhooks::account_linked(PSID, "alc_7f3e9c2b5a1d4e8f9b0c6a2d3e4f5a6b");
    assert!(got["entry"][0]["time"].as_i64().unwrap_or(0) > 1_700_000_000_000);
    assert_eq!(without_times(got), without_times(linked));

    let unlinked = parse(
        r#"{"object":"page","entry":[{"id":"104857600000001","time":1718003600456,"messaging":[{"sender":{"id":"7423910000000001"},"recipient":{"id":"104857600000001"},"timestamp":1718003600123,"account_linking":{"status":"unlinked"}}]}]}"#,
    );
    assert_eq!(
        without_times(webhooks::account_unlinked(PSID)),
        without_times(unlinked)
    );
}

#[test]
fn builds_thread_control_passed_back_fixture() {
    let mut want = parse(
        r#"{"object":"page","entry":[{"id":"104857600000001","time":1718010000456,"messaging":[{"sender":{"id":"7423910000000001"},"recipient":{"id":"104857600000001"},"timestamp":1718010000123,"pass_thread_control":{"previous_owner_app_id":"263902037430900","new_owner_app_id":"987654321000001","metadata":"case=88231;resolved=true"}}]}]}"#,
    );
    // The builder sends no metadata (it is optional).
    if let Some(control) = want["entry"][0]["messaging"][0]["pass_thread_control"].as_object_mut() {
        control.remove("metadata");
    }
    assert_eq!(
        without_times(webhooks::pass_thread_control_back(PSID)),
        without_times(want)
    );
}

#[test]
fn builds_own_echo_fixture() {
    let want = parse(
        r#"{"object":"page","entry":[{"id":"104857600000001","time":1718000002900,"messaging":[{"sender":{"id":"104857600000001"},"recipient":{"id":"7423910000000001"},"timestamp":1718000002701,"message":{"mid":"m_Ef9zS3oPq6H0001","is_echo":true,"app_id":987654321000001,"text":"Hello"}}]}]}"#,
    );
    let got = webhooks::echo(
        DEFAULT_PAGE_ID,
        PSID,
        "m_Ef9zS3oPq6H0001",
        "Hello",
        987_654_321_000_001,
        1,
    );
    assert_eq!(without_times(got), without_times(want));
}

#[test]
fn envelope_batches_two_users_like_its_fixture() {
    let want = parse(
        r#"{"object":"page","entry":[{"id":"104857600000001","time":1718000400200,"messaging":[{"sender":{"id":"7423910000000002"},"recipient":{"id":"104857600000001"},"timestamp":1718000400010,"message":{"mid":"m_Cd7yR1mNp4G0002","text":"nearest atm to SW1A 1AA"}}]},{"id":"104857600000001","time":1718000400250,"messaging":[{"sender":{"id":"7423910000000001"},"recipient":{"id":"104857600000001"},"timestamp":1718000399990,"message":{"mid":"m_Ab3xQ9kLw2F0005","text":"show my last 5 transactions"}}]}]}"#,
    );
    let got = webhooks::envelope([
        webhooks::text_message(
            DEFAULT_PAGE_ID,
            "7423910000000002",
            "m_Cd7yR1mNp4G0002",
            "nearest atm to SW1A 1AA",
            1,
        ),
        // a bare entry is accepted too
        webhooks::entry(
            DEFAULT_PAGE_ID,
            2,
            vec![webhooks::event(
                DEFAULT_PAGE_ID,
                PSID,
                2,
                "message",
                serde_json::json!({"mid": "m_Ab3xQ9kLw2F0005", "text": "show my last 5 transactions"}),
            )],
        ),
    ]);
    assert_eq!(without_times(got), without_times(want));
}

#[test]
fn meta_bytes_escape_like_fallback_with_escaped_slashes() {
    let body = webhooks::text_message(
        DEFAULT_PAGE_ID,
        PSID,
        "m_1",
        "épargne https://x.example/a",
        1,
    );
    let bytes = bankbot_testkit::meta_json_bytes(&body);
    let text = String::from_utf8(bytes.clone()).unwrap_or_default();
    assert!(
        text.contains(r"\u00e9pargne https:\/\/x.example\/a"),
        "{text}"
    );
    assert!(text.is_ascii());
    assert_eq!(serde_json::from_slice::<Value>(&bytes).ok(), Some(body));
}
