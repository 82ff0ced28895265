//! Loading `intents/`: the tiny fixture trains, and every broken file names file and line.

use std::fs;
use std::path::{Path, PathBuf};

use bankbot_nlu::{Engine, IntentId, NluError};
use chrono::NaiveDate;

fn fixture() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/tiny")
}

/// A copy of the fixture with `en/<name>` replaced by `content`.
fn broken(name: &str, content: &str) -> (tempfile::TempDir, NluError) {
    let dir = tempfile::tempdir().unwrap();
    let en = dir.path().join("en");
    fs::create_dir_all(en.join("entities")).unwrap();
    for entry in fs::read_dir(fixture().join("en")).unwrap() {
        let path = entry.unwrap().path();
        if path.is_file() {
            fs::copy(&path, en.join(path.file_name().unwrap())).unwrap();
        }
    }
    fs::write(en.join(name), content).unwrap();
    let err = Engine::load_dir(dir.path()).expect_err("broken intents must not load");
    (dir, err)
}

fn assert_points_at(err: &NluError, file: &str, line: usize) {
    let msg = err.to_string();
    assert!(msg.contains(file), "{msg} should name {file}");
    assert_eq!(err.line(), Some(line), "{msg}");
    assert!(msg.contains(&format!(":{line}:")), "{msg}");
}

#[test]
fn fixture_trains_and_parses() {
    let engine = Engine::load_dir(&fixture()).unwrap();
    let now = NaiveDate::from_ymd_opt(2026, 11, 29).unwrap();
    assert_eq!(engine.parse("bal?", now, None).intent, IntentId::Balance);
    assert!(engine.parse("BALANCE", now, None).confidence > 0.999);
    assert_eq!(
        engine.parse("hello there", now, None).intent,
        IntentId::Greeting
    );
    assert_eq!(
        engine
            .parse("how much money is in my account", now, None)
            .intent,
        IntentId::Balance
    );
}

#[test]
fn training_is_deterministic() {
    let a = Engine::load_dir(&fixture()).unwrap();
    let b = Engine::load_dir(&fixture()).unwrap();
    let now = NaiveDate::from_ymd_opt(2026, 11, 29).unwrap();
    for text in ["balance", "hi", "weather tomorrow", "how much have i got"] {
        assert_eq!(a.parse(text, now, None), b.parse(text, now, None));
    }
}

#[test]
fn unknown_intent_names_file_and_line() {
    let (_d, err) = broken(
        "weather.toml",
        "# comment\n\nintent = \"weather\"\nexamples = [\"sunny?\"]\n",
    );
    assert_points_at(&err, "weather.toml", 3);
    assert!(err.to_string().contains("unknown intent"));
}

#[test]
fn file_name_mismatch_names_file_and_line() {
    let (_d, err) = broken(
        "thanks.toml",
        "\nintent = \"goodbye\"\nexamples = [\"bye\"]\n",
    );
    assert_points_at(&err, "thanks.toml", 2);
}

#[test]
fn empty_examples_name_file_and_line() {
    let (_d, err) = broken("thanks.toml", "intent = \"thanks\"\n\nexamples = []\n");
    assert_points_at(&err, "thanks.toml", 3);
    let (_d, err) = broken(
        "thanks.toml",
        "intent = \"thanks\"\nexamples = [\n  \"thx\",\n  \"  \",\n]\n",
    );
    assert_points_at(&err, "thanks.toml", 4);
}

#[test]
fn bad_regex_names_the_pattern_line() {
    let src =
        "intent = \"thanks\"\nexamples = [\"thx\"]\npatterns = [\n  '^thanks$',\n  '^(merci',\n]\n";
    let (_d, err) = broken("thanks.toml", src);
    assert_points_at(&err, "thanks.toml", 5);
    assert!(err.to_string().contains("bad regex"));
}

#[test]
fn unknown_key_and_syntax_errors_name_file_and_line() {
    let (_d, err) = broken(
        "thanks.toml",
        "intent = \"thanks\"\nexamples = [\"thx\"]\nexemples = [\"oops\"]\n",
    );
    assert_points_at(&err, "thanks.toml", 3);
    let (_d, err) = broken(
        "thanks.toml",
        "intent = \"thanks\"\nexamples = [\"thx\"\n\nbroken ===\n",
    );
    assert!(err.to_string().contains("thanks.toml"), "{err}");
    assert!(err.line().is_some());
}

#[test]
fn intent_in_the_wrong_file_is_rejected() {
    let dir = tempfile::tempdir().unwrap();
    let en = dir.path().join("en");
    fs::create_dir_all(&en).unwrap();
    fs::write(
        en.join("thanks.toml"),
        "intent = \"thanks\"\nexamples = [\"thx\"]\n",
    )
    .unwrap();
    fs::write(
        en.join("hello.toml"),
        "intent = \"greeting\"\nexamples = [\"hi\"]\n",
    )
    .unwrap();
    // Same intent declared by two files: the second has a mismatching name first.
    let err = Engine::load_dir(dir.path()).expect_err("mismatch");
    assert!(err.to_string().contains("hello.toml:1"), "{err}");
}

#[test]
fn bad_lexicon_names_file_and_line() {
    let (_d, err) = broken(
        "entities/accounts.toml",
        "kind = \"account_type\"\n\n[values]\nbrokerage = [\"stocks\"]\n",
    );
    assert_points_at(&err, "accounts.toml", 4);
    let (_d, err) = broken("entities/accounts.toml", "kind = \"colour\"\n[values]\n");
    assert_points_at(&err, "accounts.toml", 1);
}

#[test]
fn missing_folder_is_an_io_error() {
    let err = Engine::load_dir(Path::new("/nonexistent/intents")).unwrap_err();
    assert!(matches!(err, NluError::Io { .. }));
    let empty = tempfile::tempdir().unwrap();
    assert!(matches!(
        Engine::load_dir(empty.path()).unwrap_err(),
        NluError::NoLocale { .. }
    ));
}

#[test]
fn engine_is_send_and_sync() {
    fn assert_send_sync<T: Send + Sync>() {}
    assert_send_sync::<Engine>();
}

#[test]
fn otherwise_without_requires_or_unknown_names_file_and_line() {
    let src = "intent = \"thanks\"\nexamples = [\"thx\"]\notherwise = \"help\"\n";
    let (_d, err) = broken("thanks.toml", src);
    assert_points_at(&err, "thanks.toml", 3);
    let src =
        "intent = \"thanks\"\nexamples = [\"thx\"]\nrequires = ['thx']\n\notherwise = \"nope\"\n";
    let (_d, err) = broken("thanks.toml", src);
    assert_points_at(&err, "thanks.toml", 5);
    assert!(err.to_string().contains("otherwise"), "{err}");
    let src = "intent = \"thanks\"\nexamples = [\"thx\"]\nrequires = [\n  '(thx',\n]\n";
    let (_d, err) = broken("thanks.toml", src);
    assert_points_at(&err, "thanks.toml", 4);
}
