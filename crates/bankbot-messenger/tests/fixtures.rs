//! Every webhook fixture in `tests/fixtures/`, named after what it holds, parses into the
//! right events.

mod common;

use bankbot_messenger::{InboundEvent, InboundKind, ParseError, ParseOptions, parse_body};
use chrono::{TimeZone, Utc};
use common::fixture;

const PAGE: &str = "104857600000001";
const USER1: &str = "7423910000000001";
const USER2: &str = "7423910000000002";

fn parse(name: &str) -> Vec<InboundEvent> {
    parse_body(&fixture(name), &ParseOptions::default()).unwrap()
}

fn one(name: &str) -> InboundEvent {
    let mut events = parse(name);
    assert_eq!(events.len(), 1, "{name}: {events:?}");
    events.remove(0)
}

fn ms(ms: i64) -> chrono::DateTime<Utc> {
    Utc.timestamp_millis_opt(ms).unwrap()
}

#[test]
fn plain_text() {
    let e = one("text_message.json");
    assert_eq!(e.event_id, "m_Ab3xQ9kLw2F0001");
    assert_eq!(e.page_id, PAGE);
    assert_eq!(e.user_id.as_str(), USER1);
    assert_eq!(e.timestamp, ms(1_718_000_001_123));
    assert!(!e.standby);
    assert_eq!(
        e.kind,
        InboundKind::Text {
            text: "What's my balance?".into(),
            quick_reply_payload: None,
            reply_to: None
        }
    );
    assert!(e.wants_reply());
}

#[test]
fn quick_reply() {
    let e = one("quick_reply.json");
    assert_eq!(
        e.kind,
        InboundKind::Text {
            text: "Checking".into(),
            quick_reply_payload: Some("BALANCE:CHK".into()),
            reply_to: None
        }
    );
}

#[test]
fn postback_with_mid() {
    let e = one("postback_with_mid.json");
    assert_eq!(e.event_id, "m_Ab3xQ9kLw2F0003");
    assert_eq!(
        e.kind,
        InboundKind::Postback {
            title: Some("Recent transactions".into()),
            payload: Some("TRANSACTIONS".into()),
            referral: None
        }
    );
    assert!(e.wants_reply());
}

#[test]
fn get_started_with_referral() {
    let e = one("get_started_with_referral.json");
    assert_eq!(e.user_id.as_str(), USER2);
    let InboundKind::Postback {
        payload, referral, ..
    } = e.kind
    else {
        panic!("{:?}", e.kind)
    };
    assert_eq!(payload.as_deref(), Some("GET_STARTED"));
    let r = referral.unwrap();
    assert_eq!(r.ref_param.as_deref(), Some("atm_finder"));
    assert_eq!(r.source.as_deref(), Some("SHORTLINK"));
    assert_eq!(r.referral_type.as_deref(), Some("OPEN_THREAD"));
}

#[test]
fn legacy_location() {
    let e = one("legacy_location.json");
    assert!(e.wants_reply());
    let InboundKind::Location { lat, lon, title } = e.kind else {
        panic!("{:?}", e.kind)
    };
    assert!((lat - 51.500729).abs() < 1e-9 && (lon + 0.124625).abs() < 1e-9);
    assert_eq!(title.as_deref(), Some("Pinned Location"));
}

#[test]
fn account_linking() {
    let linked = one("account_linked.json");
    assert_eq!(
        linked.kind,
        InboundKind::AccountLinked {
            authorization_code: "alc_7f3e9c2b5a1d4e8f9b0c6a2d3e4f5a6b".into()
        }
    );
    assert!(linked.event_id.starts_with("h_"));
    let unlinked = one("account_unlinked.json");
    assert_eq!(unlinked.kind, InboundKind::AccountUnlinked);
    assert_ne!(linked.event_id, unlinked.event_id);
}

#[test]
fn own_echo_is_not_replied_to() {
    let e = one("own_echo.json");
    assert_eq!(e.user_id.as_str(), USER1, "echo user is the recipient");
    assert_eq!(e.page_id, PAGE);
    assert_eq!(
        e.kind,
        InboundKind::Echo {
            mid: Some("m_Ef9zS3oPq6H0001".into()),
            app_id: Some(987_654_321_000_001),
            by_human: false,
            metadata: Some("corr=5f1c0e;intent=balance".into()),
            text: Some("Your checking account ending 1234 has a balance of EUR 1,250.40.".into()),
        }
    );
    assert!(!e.wants_reply());
    assert!(!e.is_human_reply());
}

#[test]
fn page_inbox_echo_is_a_human_reply() {
    let e = one("page_inbox_echo.json");
    assert!(e.standby);
    assert!(e.is_human_reply());
    assert!(!e.wants_reply());
    // A different inbox app id (e.g. a contact-centre tool) is configurable.
    let custom = ParseOptions {
        page_inbox_app_id: 987_654_321_000_001,
    };
    let own = parse_body(&fixture("own_echo.json"), &custom).unwrap();
    assert!(own[0].is_human_reply());
}

#[test]
fn delivery_and_read_in_two_entries() {
    let events = parse("delivery_and_read_in_two_entries.json");
    assert_eq!(events.len(), 2);
    // Delivery has no timestamp: its watermark orders it.
    assert_eq!(
        events[0].kind,
        InboundKind::Delivery {
            mids: vec!["m_Ef9zS3oPq6H0001".into()],
            watermark: Some(ms(1_718_000_002_701))
        }
    );
    assert_eq!(events[0].timestamp, ms(1_718_000_002_701));
    assert_eq!(
        events[1].kind,
        InboundKind::Read {
            watermark: ms(1_718_000_002_701)
        }
    );
    assert!(events.iter().all(|e| !e.wants_reply()));
}

#[test]
fn two_users_ordered_by_timestamp() {
    let events = parse("two_users_in_one_batch.json");
    let users: Vec<&str> = events.iter().map(|e| e.user_id.as_str()).collect();
    assert_eq!(users, vec![USER1, USER2], "sorted by event timestamp");
    assert!(events.windows(2).all(|w| w[0].timestamp <= w[1].timestamp));
}

#[test]
fn a_redelivery_has_the_same_event_id_as_the_first_delivery() {
    let a = one("text_message.json");
    let b = one("text_message_redelivered.json");
    assert_eq!(a.event_id, b.event_id);
    assert_eq!(a, b, "entry.time differs but the event is identical");
}

#[test]
fn standby_postback_without_payload() {
    let e = one("standby_postback_without_payload.json");
    assert!(e.standby);
    assert_eq!(
        e.kind,
        InboundKind::Postback {
            title: Some("Balance".into()),
            payload: None,
            referral: None
        }
    );
    assert!(!e.wants_reply(), "never reply on standby");
}

#[test]
fn thread_control_passed_back() {
    let e = one("thread_control_passed_back.json");
    assert_eq!(
        e.kind,
        InboundKind::PassThreadControl {
            previous_owner_app_id: Some("263902037430900".into()),
            new_owner_app_id: Some("987654321000001".into()),
            metadata: Some("case=88231;resolved=true".into()),
        }
    );
    assert!(!e.wants_reply());
}

#[test]
fn reply_to_and_reaction() {
    let events = parse("reply_to_and_reaction.json");
    assert_eq!(events.len(), 2);
    assert_eq!(
        events[0].kind,
        InboundKind::Text {
            text: "what was this one?".into(),
            quick_reply_payload: None,
            reply_to: Some("m_Ef9zS3oPq6H0003".into())
        }
    );
    assert_eq!(
        events[1].kind,
        InboundKind::Reaction {
            mid: Some("m_Ef9zS3oPq6H0001".into()),
            reaction: Some("like".into()),
            emoji: Some("👍".into()),
            added: true
        }
    );
    assert_ne!(
        events[1].event_id, "m_Ef9zS3oPq6H0001",
        "not the reacted-to mid"
    );
}

#[test]
fn fallback_with_escaped_slashes() {
    let e = one("fallback_with_escaped_slashes.json");
    let InboundKind::Attachments {
        text, attachments, ..
    } = e.kind
    else {
        panic!("{:?}", e.kind)
    };
    assert_eq!(
        text.as_deref(),
        Some("is this your site? https://examp1e-bank.example/login")
    );
    assert_eq!(attachments.len(), 1);
    assert_eq!(attachments[0].kind, "fallback");
    assert_eq!(
        attachments[0].url.as_deref(),
        Some("https://examp1e-bank.example/login")
    );
    assert_eq!(
        attachments[0].title.as_deref(),
        Some("Example Bank - Sign in")
    );
}

#[test]
fn policy_enforcement_without_sender() {
    let e = one("policy_enforcement_without_sender.json");
    assert_eq!(e.page_id, PAGE);
    assert_eq!(e.user_id.as_str(), "");
    let InboundKind::PolicyEnforcement { action, reason } = &e.kind else {
        panic!("{:?}", e.kind)
    };
    assert_eq!(action, "warning");
    assert!(reason.as_deref().unwrap().starts_with("The bot violated"));
    assert!(!e.wants_reply());
}

#[test]
fn signature_vector_body_parses() {
    let e = one("signature_vector_body.bin");
    assert_eq!(e.event_id, "m_sigvector0001");
    let InboundKind::Text { text, .. } = e.kind else {
        panic!()
    };
    assert_eq!(text, "Solde du compte épargne? https://bank.example/atm");
}

#[test]
fn dashboard_test_and_feed_change_survive() {
    let test = parse("dashboard_test_event.json");
    assert_eq!(test.len(), 1);
    assert_eq!(
        test[0].kind,
        InboundKind::Unknown {
            key: Some("message".into())
        }
    );
    assert!(!test[0].wants_reply());
    assert!(parse("feed_change.json").is_empty());
}

#[test]
fn non_page_objects_and_garbage_are_told_apart() {
    let opts = ParseOptions::default();
    let insta = br#"{"object":"instagram","entry":[]}"#;
    assert_eq!(
        parse_body(insta, &opts),
        Err(ParseError::NotPage {
            object: Some("instagram".into())
        })
    );
    assert_eq!(
        parse_body(b"[1,2]", &opts),
        Err(ParseError::NotPage { object: None })
    );
    assert!(matches!(
        parse_body(b"{\"object\":\"page\",", &opts),
        Err(ParseError::Malformed(_))
    ));
    assert!(matches!(
        parse_body(b"[1, nope", &opts),
        Err(ParseError::Malformed(_))
    ));
}

#[test]
fn odd_shapes_are_lenient() {
    let body = br#"{"object":"page","entry":[
      {"id":104857600000001,"time":"1718000001","standby":[
        {"sender":{"id":7423910000000001},"recipient":{"id":104857600000001},"timestamp":"1718000001",
         "message":{"mid":"m_x","text":"hi","quick_reply":"oops","attachments":null}}]},
      {"id":"p","messaging":[
        {"sender":{"id":"u"},"timestamp":1718000002000,"app_roles":{"123":["primary_receiver"]}},
        {"sender":{"id":"u"},"timestamp":1718000003000,"message_edit":{"mid":"m_y"}},
        {"sender":{"id":"u"},"timestamp":1718000004000,"request_thread_control":{"requested_owner_app_id":263902037430900}},
        {"sender":{"id":"u"},"timestamp":1718000005000,"policy-enforcement":{"action":"unblock"}},
        {"sender":{"id":"u"},"timestamp":1718000006000,"optin":{"ref":"r","user_ref":"ur"}},
        {"sender":{"id":"u"},"timestamp":1718000007000,"referral":{"ref":"atm","source":"ADS","ad_id":42}},
        {"sender":{"id":"u"},"timestamp":1718000008000,"take_thread_control":{"new_owner_app_id":"1"}},
        {"sender":{"id":"u"},"timestamp":1718000009000,"reaction":{"action":"unreact","mid":"m_z"}},
        {},
        42
      ]}]}"#;
    let events = parse_body(body, &ParseOptions::default()).unwrap();
    let names: Vec<&str> = events.iter().map(|e| e.kind_name()).collect();
    assert_eq!(
        names,
        vec![
            "text",
            "app_roles",
            "unknown",
            "request_thread_control",
            "policy_enforcement",
            "optin",
            "referral",
            "take_thread_control",
            "reaction"
        ]
    );
    assert_eq!(events[0].user_id.as_str(), "7423910000000001");
    assert_eq!(
        events[0].timestamp,
        ms(1_718_000_001_000),
        "seconds as string"
    );
    assert!(events[0].standby);
    assert_eq!(
        events[2].kind,
        InboundKind::Unknown {
            key: Some("message_edit".into())
        }
    );
    assert_eq!(
        events[3].kind,
        InboundKind::RequestThreadControl {
            requested_owner_app_id: Some("263902037430900".into()),
            metadata: None
        }
    );
    assert!(matches!(
        events[8].kind,
        InboundKind::Reaction { added: false, .. }
    ));
}

#[test]
fn events_round_trip_through_json_for_an_inbox() {
    let names = [
        "text_message.json",
        "quick_reply.json",
        "postback_with_mid.json",
        "get_started_with_referral.json",
        "legacy_location.json",
        "account_linked.json",
        "account_unlinked.json",
        "own_echo.json",
        "page_inbox_echo.json",
        "delivery_and_read_in_two_entries.json",
        "two_users_in_one_batch.json",
        "standby_postback_without_payload.json",
        "thread_control_passed_back.json",
        "reply_to_and_reaction.json",
        "fallback_with_escaped_slashes.json",
        "policy_enforcement_without_sender.json",
        "dashboard_test_event.json",
    ];
    for name in names {
        for e in parse(name) {
            let json = serde_json::to_string(&e).unwrap();
            let back: InboundEvent = serde_json::from_str(&json).unwrap();
            assert_eq!(back, e, "{name}");
        }
    }
}

#[test]
fn hashed_ids_survive_redelivery_and_differ_between_events() {
    let body = String::from_utf8(fixture("account_linked.json")).unwrap();
    let again = body.replace("1718000300456", "1718000999999"); // entry.time only
    let a = parse_body(body.as_bytes(), &ParseOptions::default()).unwrap();
    let b = parse_body(again.as_bytes(), &ParseOptions::default()).unwrap();
    assert_eq!(a[0].event_id, b[0].event_id);
    let read = parse("delivery_and_read_in_two_entries.json");
    assert_ne!(read[0].event_id, read[1].event_id);
    assert!(read.iter().all(|e| e.event_id.len() == 34));
}
