//! The answer to a fraud check, over the demo bank: what the customer reads, whether the
//! card is locked, and the effect the runtime applies.

mod common;

use bankbot_bank::CardControls;
use bankbot_core::{Alert, IntentId, Lang, Payload, Reply};
use bankbot_handlers::{Effect, FraudCheckAnswer, FraudVerdict, Outcome, answer_fraud_check};
use common::Chat;

fn question(card: &str) -> Alert {
    serde_json::from_str(&format!(
        r#"{{"id":"a-1","customer":"cust-alice","kind":"fraud_suspected",
            "data":{{"amount":"500.00","merchant":"ElectroMart",{card}"transaction":"tx-77"}}}}"#
    ))
    .unwrap()
}

async fn answer(chat: &Chat, question: Option<&Alert>, genuine: bool) -> Outcome {
    let answer = FraudCheckAnswer {
        question,
        customer: chat.customer.as_ref(),
        genuine,
        lang: chat.lang,
        people_available: true,
    };
    answer_fraud_check(&chat.services, answer).await
}

async fn locked(chat: &Chat, last4: &str) -> bool {
    let cards = chat
        .bank
        .cards(chat.customer.as_ref().unwrap())
        .await
        .unwrap();
    cards
        .iter()
        .find(|c| c.last4.digits() == last4)
        .map(|c| c.locked)
        .unwrap()
}

fn answered(alert: &Alert, verdict: FraudVerdict) -> Vec<Effect> {
    vec![Effect::FraudCheckAnswered {
        alert_id: alert.id.clone(),
        transaction: alert.transaction_reference().to_owned(),
        verdict,
    }]
}

#[tokio::test]
async fn yes_it_was_me_is_thanked_and_recorded_without_locking() {
    let chat = Chat::alice();
    let q = question(r#""card_last4":"9876","#);
    let out = answer(&chat, Some(&q), true).await;
    assert_eq!(
        out.replies[0].text_content(),
        Some("Thanks, the purchase is confirmed as yours. Nothing else to do.")
    );
    assert_eq!(out.effects, answered(&q, FraudVerdict::Genuine));
    assert!(!locked(&chat, "9876").await);
}

#[tokio::test]
async fn no_locks_the_card_by_id_or_last_four_and_offers_a_person() {
    for card in [
        r#""card_last4":"9876","#,
        r#""card_id":"alice-debit-card","card_last4":"9876","#,
    ] {
        let chat = Chat::alice();
        let q = question(card);
        let out = answer(&chat, Some(&q), false).await;
        let text = out.replies[0].text_content().unwrap();
        assert!(text.contains("locked your card ••9876"), "{text}");
        let Reply::Text { quick_replies, .. } = &out.replies[0] else {
            panic!("{:?}", out.replies)
        };
        assert_eq!(
            Payload::parse(&quick_replies[0].payload),
            Some(Payload::Intent(IntentId::HumanAgent))
        );
        assert_eq!(quick_replies[0].title, "Talk to a person");
        assert_eq!(
            out.effects,
            answered(&q, FraudVerdict::NotMine { card_locked: true })
        );
        assert!(locked(&chat, "9876").await);
        assert!(!locked(&chat, "1111").await, "only the reported card");
    }
}

#[tokio::test]
async fn no_with_a_card_that_cannot_be_found_is_still_reported() {
    for card in [
        r#""card_last4":"0000","#,
        "",
        r#""card_id":"no-such-card","#,
    ] {
        let chat = Chat::alice();
        let q = question(card);
        let out = answer(&chat, Some(&q), false).await;
        assert_eq!(
            out.replies[0].text_content(),
            Some(
                "We've reported the purchase but couldn't lock the card. Please talk to a person now."
            )
        );
        assert_eq!(
            out.effects,
            answered(&q, FraudVerdict::NotMine { card_locked: false })
        );
        assert!(!locked(&chat, "9876").await);
    }
}

#[tokio::test]
async fn a_question_no_longer_waiting_or_an_unlinked_customer_changes_nothing() {
    let q = question(r#""card_last4":"9876","#);
    for genuine in [true, false] {
        let out = answer(&Chat::alice(), None, genuine).await;
        assert_eq!(
            out.replies[0].text_content(),
            Some("That alert has already been taken care of.")
        );
        assert!(out.effects.is_empty());
        let out = answer(&Chat::unlinked(Lang::Fr), Some(&q), genuine).await;
        assert_eq!(
            out.replies[0].text_content(),
            Some("Cette alerte a déjà été traitée.")
        );
        assert!(out.effects.is_empty());
    }
}

#[tokio::test]
async fn french_answers_come_from_the_french_catalogue() {
    let chat = Chat::bob();
    let q: Alert = serde_json::from_str(
        r#"{"id":"b-1","customer":"cust-bob","kind":"fraud_suspected",
            "data":{"amount":"249.99","currency":"EUR","card_last4":"5678"}}"#,
    )
    .unwrap();
    let out = answer(&chat, Some(&q), false).await;
    let text = out.replies[0].text_content().unwrap();
    assert!(
        text.starts_with("Nous avons bloqué votre carte ••5678"),
        "{text}"
    );
    let Reply::Text { quick_replies, .. } = &out.replies[0] else {
        panic!("{:?}", out.replies)
    };
    assert!(quick_replies[0].title.chars().count() <= 20);
    assert!(locked(&chat, "5678").await);
    let out = answer(&Chat::bob(), Some(&q), true).await;
    assert_eq!(
        out.replies[0].text_content(),
        Some("Merci, l'achat est confirmé. Rien d'autre à faire.")
    );
    assert_eq!(out.effects, answered(&q, FraudVerdict::Genuine));
}

#[tokio::test]
async fn no_with_nobody_behind_the_chat_gives_the_bank_not_a_person() {
    let chat = Chat::alice();
    let q = question(r#""card_last4":"9876","#);
    let answer = FraudCheckAnswer {
        question: Some(&q),
        customer: chat.customer.as_ref(),
        genuine: false,
        lang: chat.lang,
        people_available: false,
    };
    let out = answer_fraud_check(&chat.services, answer).await;
    let text = out.replies[0].text_content().unwrap();
    assert!(text.contains("locked your card ••9876"), "{text}");
    assert!(!text.contains("talk to a person?"), "{text}");
    assert!(text.contains("To reach your bank"), "{text}");
    let Reply::Text { quick_replies, .. } = &out.replies[0] else {
        panic!("{:?}", out.replies)
    };
    assert!(quick_replies.is_empty(), "{quick_replies:?}");
    assert!(locked(&chat, "9876").await);
}
