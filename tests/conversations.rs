//! Runs every conversation test under `tests/conversations/` through `bankbot test`, so
//! `cargo test --workspace` (CI) runs them. The report (per conversation, per class, per
//! language) is printed on failure; `cargo run -- test` shows it always.

use std::process::Command;

#[test]
fn every_conversation_passes() {
    let root = env!("CARGO_MANIFEST_DIR");
    let out = Command::new(env!("CARGO_BIN_EXE_bankbot"))
        .current_dir(root)
        .args(["test", "tests/conversations"])
        .env_remove("BANKBOT_NOW")
        .env("RUST_LOG", "error")
        .output()
        .expect("run bankbot test");
    let stdout = String::from_utf8_lossy(&out.stdout);
    let last = stdout.lines().last().unwrap_or_default();
    assert!(
        out.status.success(),
        "{stdout}\n{}",
        String::from_utf8_lossy(&out.stderr)
    );
    assert!(last.ends_with(" passed, 0 failed"), "closing line: {last}");
}

#[test]
fn a_failing_conversation_fails_the_run_and_says_why() {
    let dir = tempfile::tempdir().expect("temp dir");
    let file = dir.path().join("broken.toml");
    std::fs::write(
        &file,
        r#"
as = "alice"
[[conversation]]
name = "a balance that is not alice's"
  [[conversation.turn]]
  say = "what's my balance"
  intent = "balance"
  contains = "$1.00"
[[conversation]]
name = "a balance"
  [[conversation.turn]]
  say = "what's my balance"
  contains = "$2,345.67"
"#,
    )
    .expect("write");
    let junit = dir.path().join("junit.xml");
    let out = Command::new(env!("CARGO_BIN_EXE_bankbot"))
        .args(["test", "--junit"])
        .arg(&junit)
        .arg(&file)
        .env("RUST_LOG", "error")
        .output()
        .expect("run bankbot test");
    let stdout = String::from_utf8_lossy(&out.stdout);
    assert!(!out.status.success(), "{stdout}");
    assert!(stdout.contains("FAIL"), "{stdout}");
    assert!(
        stdout.contains("expected: text containing \"$1.00\""),
        "{stdout}"
    );
    assert!(stdout.contains("got:"), "{stdout}");
    assert_eq!(
        stdout.lines().last(),
        Some("1 passed, 1 failed"),
        "{stdout}"
    );
    let xml = std::fs::read_to_string(&junit).expect("junit written");
    assert!(xml.contains("<failure"), "{xml}");
    assert!(xml.contains("tests=\"2\""), "{xml}");
}
