//! # obie-bot — bankbot on a UK Open Banking bank
//!
//! `[bank] kind = "obie"` reads accounts, balances and transactions through the AIS API;
//! `[linking] kind = "obie"` links each customer through an account-access consent they
//! authorise at the bank. Nothing of the demo bank is used: no demo logins, cards or fraud
//! reporting. Without a bank of your own, [`point_at_mock_bank`] aims the configuration at
//! the testkit's [`MockObieBank`] (login `alice` / `mockbank` on its page).

use std::path::Path;

use bankbot::prelude::Config;
pub use bankbot_testkit::OidcClient;
pub use bankbot_testkit::obie::MockObieBank;

/// The client the mock bank knows the bot as.
pub const MOCK_CLIENT_ID: &str = "obie-bot";
/// Its secret at the mock bank.
pub const MOCK_CLIENT_SECRET: &str = "obie-bot-mock-secret";

/// Starts the mock bank on a loopback port, knowing the bot's client.
pub async fn start_mock_bank() -> Result<MockObieBank, bankbot_testkit::TestkitError> {
    MockObieBank::start(OidcClient {
        id: MOCK_CLIENT_ID.to_owned(),
        secret: MOCK_CLIENT_SECRET.to_owned(),
    })
    .await
}

/// Fills `[bank]` and `[linking]` for `bank`: the AIS root, its login endpoints, the bot's
/// client, and the request-signing key (written to `key_dir/request-signing.pem`, readable
/// by its owner only where the platform allows).
pub fn point_at_mock_bank(
    config: &mut Config,
    bank: &MockObieBank,
    key_dir: &Path,
) -> std::io::Result<()> {
    let key_file = key_dir.join("request-signing.pem");
    std::fs::create_dir_all(key_dir)?;
    std::fs::write(&key_file, bank.client_key_pem())?;
    #[cfg(unix)]
    {
        use std::os::unix::fs::PermissionsExt;
        std::fs::set_permissions(&key_file, std::fs::Permissions::from_mode(0o600))?;
    }
    config.bank.kind = "obie".to_owned();
    config
        .bank
        .connector
        .insert("base_url".to_owned(), toml::Value::String(bank.aisp_url()));
    let issuer = bank.issuer();
    let linking = &mut config.linking;
    linking.kind = "obie".to_owned();
    linking.authorization_endpoint = Some(format!("{issuer}/authorize"));
    linking.token_endpoint = Some(format!("{issuer}/token"));
    linking.jwks_uri = Some(format!("{issuer}/jwks"));
    linking.issuer = Some(issuer);
    linking.client_id = Some(MOCK_CLIENT_ID.to_owned());
    linking.client_secret = Some(MOCK_CLIENT_SECRET.to_owned());
    linking.signing_key_file = Some(key_file);
    linking.signing_algorithm = Some("ES256".to_owned());
    Ok(())
}
