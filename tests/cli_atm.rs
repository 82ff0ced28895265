//! The `bankbot atm nearest` contract: a JSON array, nearest first, with fixed keys.

use std::process::Command;

fn bankbot(args: &[&str]) -> std::process::Output {
    Command::new(env!("CARGO_BIN_EXE_bankbot"))
        .args(args)
        .output()
        .expect("run bankbot")
}

fn rows(out: &std::process::Output) -> Vec<serde_json::Map<String, serde_json::Value>> {
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    serde_json::from_slice(&out.stdout).expect("a JSON array of objects")
}

#[test]
fn demo_answers_with_the_contract_keys() {
    let found = rows(&bankbot(&["atm", "nearest", "SW1A 1AA"]));
    assert_eq!(found.len(), 5);
    for row in &found {
        let mut keys: Vec<&str> = row.keys().map(String::as_str).collect();
        keys.sort_unstable();
        assert_eq!(keys, ["address", "distance_m", "id", "lat", "lon", "name"]);
    }
    let d: Vec<f64> = found
        .iter()
        .map(|r| r["distance_m"].as_f64().unwrap())
        .collect();
    assert!(d.windows(2).all(|w| w[0] <= w[1]));

    let filtered = rows(&bankbot(&[
        "atm",
        "nearest",
        "--k",
        "2",
        "--deposit",
        "--24h",
        "75011",
    ]));
    assert_eq!(filtered.len(), 2);
    assert_eq!(filtered[0]["id"], "PAR-005");
}

#[test]
fn unknown_place_fails_with_a_message() {
    let out = bankbot(&["atm", "nearest", "Atlantis"]);
    assert_eq!(out.status.code(), Some(1));
    assert!(String::from_utf8_lossy(&out.stderr).contains("unknown place"));
    assert!(out.stdout.is_empty());
}

#[test]
fn own_csv_and_json_files() {
    let dir = tempfile::tempdir().unwrap();
    let csv = dir.path().join("atms.csv");
    std::fs::write(
        &csv,
        "id,name,address,lat,lon\nA,Alpha,1 Rue A,48.86,2.38\nB,Beta,2 Rue B,48.80,2.30\n",
    )
    .unwrap();
    let json = dir.path().join("more.json");
    std::fs::write(
        &json,
        r#"[{"id":"C","name":"Gamma","address":"3 Rue C","lat":"48.8594","lon":"2.3787"}]"#,
    )
    .unwrap();
    let found = rows(&bankbot(&[
        "atm",
        "nearest",
        "--atms",
        csv.to_str().unwrap(),
        "--atms",
        json.to_str().unwrap(),
        "--k",
        "3",
        "75011",
    ]));
    let ids: Vec<&str> = found.iter().map(|r| r["id"].as_str().unwrap()).collect();
    assert_eq!(ids, ["C", "A", "B"]);
    assert!(found[0]["distance_m"].as_f64().unwrap() < 1.0);
}
