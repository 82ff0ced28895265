//! See the OBIE connector work without a bank: starts the mock AIS bank of the tests
//! in-process on 127.0.0.1, connects to it through OAuth2 refresh tokens and the bank
//! crate's decorators, and prints alice's balances and latest transactions.
//!
//! ```sh
//! cargo run -p bankbot-obie --example obie_demo
//! RUST_LOG=bankbot_obie=debug cargo run -p bankbot-obie --example obie_demo   # see the calls
//! ```

#[path = "../tests/support/mock_ais.rs"]
mod mock_ais;

use bankbot_bank::{BankConnector, Credential, CustomerCredential, TransactionQuery};
use bankbot_core::CustomerRef;
use bankbot_obie::{ObieConfig, ObieConnector};
use mock_ais::{CLIENT_ID, CLIENT_SECRET, MockAis, fixtures};

#[tokio::main]
async fn main() -> Result<(), Box<dyn std::error::Error>> {
    tracing_subscriber::fmt()
        .with_env_filter(tracing_subscriber::EnvFilter::from_default_env())
        .with_writer(std::io::stderr)
        .init();

    let mock = MockAis::start(3).await;
    println!("mock AIS bank at {}", mock.base_url);

    // The same options a `[bank]` table with `kind = "obie"` holds.
    let config: ObieConfig = toml::from_str(&format!(
        r#"
        base_url = "{base}"
        token_url = "{token}"
        client_id = "{CLIENT_ID}"
        client_secret = "{CLIENT_SECRET}"
        request_timeout_ms = 5000
        [extra_headers]
        x-fapi-financial-id = "001580000103UAvAAM"
        "#,
        base = mock.base_url,
        token = mock.token_url,
    ))?;
    let bank = ObieConnector::from_config(config)?.decorated();

    // What account linking stored for alice: her refresh token.
    let alice = CustomerCredential::new(
        CustomerRef::new("cust-alice"),
        Credential::new(fixtures::ALICE_REFRESH),
    );

    println!("\nalice's balances");
    for account in bank.accounts(&alice).await? {
        let balance = bank.balance(&alice, &account.id).await?;
        let number = account
            .masked_number
            .map(|m| m.to_string())
            .unwrap_or_default();
        let available = balance
            .available
            .map(|a| format!(", available {a}"))
            .unwrap_or_default();
        let limit = balance
            .credit_limit
            .map(|l| format!(", limit {l}"))
            .unwrap_or_default();
        println!(
            "  {:<18} {:<7} {:>12}{available}{limit}",
            account.display_name,
            number,
            balance.current.to_string()
        );
    }

    println!("\nlatest 5 transactions, every account");
    let page = bank
        .transactions(&alice, &TransactionQuery::latest(5))
        .await?;
    for tx in &page.transactions {
        println!(
            "  {}  {:>14}  {}",
            tx.booking_date,
            tx.amount.to_string(),
            tx.counterparty()
        );
    }
    if page.next_page.is_some() {
        println!("  … more with the page token");
    }
    Ok(())
}
