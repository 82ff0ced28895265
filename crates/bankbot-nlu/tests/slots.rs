//! Every slot kind, in English and French, with the repository's lexicons and a fixed `now`.

use std::path::Path;
use std::sync::OnceLock;

use bankbot_nlu::{Engine, Lang, Slots};
use chrono::NaiveDate;

fn engine() -> &'static Engine {
    static ENGINE: OnceLock<Engine> = OnceLock::new();
    ENGINE.get_or_init(|| {
        Engine::load_dir(&Path::new(env!("CARGO_MANIFEST_DIR")).join("../../intents"))
            .expect("repository intents load")
    })
}

fn day(s: &str) -> NaiveDate {
    s.parse().unwrap()
}

/// Sunday 29 November 2026.
fn slots(text: &str) -> Slots {
    slots_at(text, "2026-11-29")
}

fn slots_at(text: &str, now: &str) -> Slots {
    engine().parse(text, day(now), None).slots
}

fn dates(text: &str, now: &str) -> Option<(String, String)> {
    let s = slots_at(text, now);
    Some((s.date_from?.to_string(), s.date_to?.to_string()))
}

fn range(a: &str, b: &str) -> Option<(String, String)> {
    Some((a.to_owned(), b.to_owned()))
}

#[test]
fn account_type_en_fr() {
    use bankbot_core::AccountKind::*;
    for (text, want) in [
        ("savings balance pls", Savings),
        ("how much is in my current account", Checking),
        ("chequing balance", Checking),
        ("what do i owe on my Visa", CreditCard),
        ("solde du compte courant", Checking),
        ("combien sur mon livret A", Savings),
        ("solde de ma carte de crédit", CreditCard),
    ] {
        assert_eq!(slots(text).account_type, Some(want), "{text}");
    }
    assert_eq!(slots("what's my balance").account_type, None);
}

#[test]
fn count_en_fr() {
    for (text, want) in [
        ("show my last three transactions", Some(3)),
        ("last 5 payments", Some(5)),
        ("what was my latest transaction", Some(1)),
        ("mes trois dernières opérations", Some(3)),
        ("mes 10 derniers achats", Some(10)),
        ("ma dernière transaction", Some(1)),
        ("spending in the last 30 days", None),
        ("les 7 derniers jours", None),
    ] {
        assert_eq!(slots(text).count, want, "{text}");
    }
}

#[test]
fn relative_dates_en() {
    let now = "2026-11-29";
    assert_eq!(
        dates("what did i spend today", now),
        range("2026-11-29", "2026-11-29")
    );
    assert_eq!(
        dates("transactions yesterday", now),
        range("2026-11-28", "2026-11-28")
    );
    assert_eq!(
        dates("spending this week", "2026-11-18"),
        range("2026-11-16", "2026-11-18")
    );
    assert_eq!(
        dates("spending last week", "2026-11-18"),
        range("2026-11-09", "2026-11-15")
    );
    assert_eq!(
        dates("how much this month", now),
        range("2026-11-01", "2026-11-29")
    );
    assert_eq!(
        dates("payments last month", now),
        range("2026-10-01", "2026-10-31")
    );
    assert_eq!(
        dates("spent this year", now),
        range("2026-01-01", "2026-11-29")
    );
    assert_eq!(
        dates("what did i spend in October", now),
        range("2026-10-01", "2026-10-31")
    );
    assert_eq!(
        dates("what did i spend in December", now),
        range("2025-12-01", "2025-12-31")
    );
    assert_eq!(
        dates("charges since November 1", now),
        range("2026-11-01", "2026-11-29")
    );
    assert_eq!(
        dates("what did i buy on November 3rd", now),
        range("2026-11-03", "2026-11-03")
    );
    assert_eq!(
        dates("spending over the last 7 days", now),
        range("2026-11-23", "2026-11-29")
    );
    assert_eq!(
        dates("last 2 weeks", now),
        range("2026-11-16", "2026-11-29")
    );
    assert_eq!(dates("i may need help", now), None);
}

#[test]
fn relative_dates_fr() {
    let now = "2026-11-29";
    assert_eq!(
        dates("mes dépenses aujourd'hui", now),
        range("2026-11-29", "2026-11-29")
    );
    assert_eq!(
        dates("opérations d'hier", now),
        range("2026-11-28", "2026-11-28")
    );
    assert_eq!(
        dates("dépenses cette semaine", "2026-11-18"),
        range("2026-11-16", "2026-11-18")
    );
    assert_eq!(
        dates("la semaine dernière", "2026-11-18"),
        range("2026-11-09", "2026-11-15")
    );
    assert_eq!(
        dates("combien ce mois-ci", now),
        range("2026-11-01", "2026-11-29")
    );
    assert_eq!(
        dates("mes achats du mois dernier", now),
        range("2026-10-01", "2026-10-31")
    );
    assert_eq!(
        dates("dépenses cette année", now),
        range("2026-01-01", "2026-11-29")
    );
    assert_eq!(
        dates("combien en octobre", now),
        range("2026-10-01", "2026-10-31")
    );
    assert_eq!(
        dates("depuis le 1er novembre", now),
        range("2026-11-01", "2026-11-29")
    );
    assert_eq!(
        dates("paiements du 3 novembre", now),
        range("2026-11-03", "2026-11-03")
    );
    assert_eq!(
        dates("les 10 derniers jours", now),
        range("2026-11-20", "2026-11-29")
    );
}

#[test]
fn amounts_en_fr() {
    let amounts = |t: &str| {
        let s = slots(t);
        (
            s.amount_min.map(|d| d.to_string()),
            s.amount_max.map(|d| d.to_string()),
        )
    };
    assert_eq!(
        amounts("transactions over $100"),
        (Some("100".into()), None)
    );
    assert_eq!(
        amounts("payments above 50 dollars"),
        (Some("50".into()), None)
    );
    assert_eq!(
        amounts("purchases under 20 euros"),
        (None, Some("20".into()))
    );
    assert_eq!(
        amounts("charges between 10 and 50"),
        (Some("10".into()), Some("50".into()))
    );
    assert_eq!(
        amounts("achats de plus de 100 euros"),
        (Some("100".into()), None)
    );
    assert_eq!(
        amounts("paiements de moins de 20 €"),
        (None, Some("20".into()))
    );
    assert_eq!(
        amounts("entre 10 et 49,90 €"),
        (Some("10".into()), Some("49.90".into()))
    );
}

#[test]
fn merchant_en_fr() {
    for (text, want) in [
        ("payments to Amazon", "amazon"),
        ("how much did i spend at Starbucks", "starbucks"),
        ("did uber charge me last month", "uber"),
        ("what did i pay to Joe's Pizza", "joe's pizza"),
        ("how much did i spend at the gym", "gym"),
        ("mes achats chez Carrefour", "carrefour"),
        (
            "combien chez Boulangerie Paul ce mois-ci",
            "boulangerie paul",
        ),
    ] {
        assert_eq!(slots(text).merchant.as_deref(), Some(want), "{text}");
    }
    assert_eq!(slots("what's my balance").merchant, None);
}

#[test]
fn category_en_fr() {
    use bankbot_core::Category::*;
    for (text, want) in [
        ("how much on groceries", Groceries),
        ("eating out this month", Dining),
        ("what did i spend on gas", Fuel),
        ("rent payments", Housing),
        ("combien en courses", Groceries),
        ("dépenses restaurants", Dining),
        ("budget essence", Fuel),
        ("mes loisirs", Entertainment),
    ] {
        assert_eq!(slots(text).category, Some(want), "{text}");
    }
}

#[test]
fn location_en_fr() {
    for (text, want) in [
        ("atm near 94105", "94105"),
        ("nearest atm to SW1A 1AA", "SW1A 1AA"),
        ("atm near Union Square", "Union Square"),
        ("cash machine in Lyon", "Lyon"),
        ("distributeur près de 75011", "75011"),
        ("distributeur à Lyon", "Lyon"),
        ("un distributeur près de la Gare de Lyon", "Gare de Lyon"),
        ("someone stole my card in Paris", "Paris"),
        ("j'ai perdu ma carte à Marseille", "Marseille"),
    ] {
        assert_eq!(slots(text).location.as_deref(), Some(want), "{text}");
    }
    assert_eq!(slots("what did i spend in October").location, None);
    assert_eq!(slots("spent over 10000").location, None);
    assert_eq!(slots("coffee at Starbucks").location, None);
    assert_eq!(slots("what did i spend in the last week").location, None);
}

#[test]
fn language_is_reported() {
    let now = day("2026-11-29");
    assert_eq!(
        engine().parse("what's my balance", now, None).lang,
        Lang::En
    );
    assert_eq!(
        engine().parse("quel est mon solde", now, None).lang,
        Lang::Fr
    );
    assert_eq!(
        engine()
            .parse("distributeur le plus proche", now, None)
            .lang,
        Lang::Fr
    );
}
