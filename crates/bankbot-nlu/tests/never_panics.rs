//! `parse` never panics, whatever the UTF-8 it is given.

use std::path::Path;
use std::sync::OnceLock;

use bankbot_nlu::{Engine, Lang};
use chrono::NaiveDate;
use proptest::prelude::*;

fn engine() -> &'static Engine {
    static ENGINE: OnceLock<Engine> = OnceLock::new();
    ENGINE.get_or_init(|| {
        Engine::load_dir(&Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/tiny"))
            .unwrap()
    })
}

fn check(text: &str) {
    let now = NaiveDate::from_ymd_opt(2026, 11, 29).unwrap();
    for hint in [None, Some(Lang::En), Some(Lang::Fr)] {
        let m = engine().parse(text, now, hint);
        assert!((0.0..=1.0).contains(&m.confidence));
    }
}

#[test]
fn edge_cases() {
    check("");
    check(" ");
    check(&"a".repeat(100_000));
    check(&"é€😀 ".repeat(25_000));
    check("💳💳💳 🏧?");
    check("余额 баланс رصيد balance solde");
    check(
        "last 99999999999999999999 days over $99999999999999999999999999999999 since february 30",
    );
    check("between 1 and");
    check("\u{0}\u{200b}\u{feff}\r\n\t");
    check("le 31 février depuis le 99 novembre");
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(200))]
    #[test]
    fn arbitrary_text(text in "\\PC{0,300}") {
        check(&text);
    }

    #[test]
    fn banking_like_text(text in "(last|over|since|le|à|near|\\$|€|[0-9]{1,6}|november|3rd|,|\\.| |chez|SW1A|entre|et){0,20}") {
        check(&text);
    }
}
