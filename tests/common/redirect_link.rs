//! What the redirect-login tests (`e2e_oauth_link.rs`, `e2e_obie_link.rs`) check of every
//! login, whichever bank is behind it: the bot's redirect to the bank's `/authorize`, and
//! the way back ending with Messenger's `account_linking` webhook.

use std::collections::HashMap;

use bankbot_testkit::redirect_login::{self, Back, ToTheBank};
use reqwest::StatusCode;
use serde_json::Value;

use crate::common::TestBot;

/// Opens `/link` for `psid` as Messenger's webview does and checks the redirect to
/// `{issuer}/authorize`: an authorization-code request for `client_id` with PKCE S256, the
/// callback under the bot's public URL, Meta's token kept with the bot. Returns the
/// redirect and its query.
pub async fn to_the_bank(
    bot: &TestBot,
    http: &reqwest::Client,
    psid: &str,
    issuer: &str,
    client_id: &str,
) -> (ToTheBank, HashMap<String, String>) {
    let token = bot.graph.linking_token_for(psid);
    let to_bank = redirect_login::open_link_page(http, &bot.base_url, &token)
        .await
        .unwrap();
    let authorize = &to_bank.authorize;
    assert!(
        authorize.starts_with(&format!("{issuer}/authorize?")),
        "{authorize}"
    );
    let q: HashMap<_, _> = url::Url::parse(authorize)
        .unwrap()
        .query_pairs()
        .into_owned()
        .collect();
    assert_eq!(q["response_type"], "code");
    assert_eq!(q["client_id"], client_id);
    assert_eq!(q["redirect_uri"], "http://bot.test/link/callback");
    assert_eq!(q["scope"], "openid accounts");
    assert_eq!(q["code_challenge_method"], "S256");
    assert!(
        !authorize.contains(&token),
        "Meta's token stays with the bot"
    );
    (to_bank, q)
}

/// The bank sent the browser to `location` under the bot's public URL: the same callback
/// on the test server, with the bot's login cookie.
pub fn back(bot: &TestBot, location: &str, to_bank: &ToTheBank) -> Back {
    Back::new(location, "http://bot.test", &bot.base_url, &to_bank.cookie)
}

/// Follows `back` to the bot's callback, checks the code handed to Messenger is the bot's
/// own (`alc_…`), not the bank's, and posts Messenger's `account_linking` webhook with it;
/// the replies to it.
pub async fn link_back(
    bot: &TestBot,
    http: &reqwest::Client,
    psid: &str,
    back: &Back,
) -> Vec<Value> {
    let resp = back.follow(http).await.unwrap();
    let code = redirect_login::messenger_code(&resp).unwrap();
    assert!(
        code.starts_with("alc_"),
        "the bot's own code, not the bank's"
    );
    let before = bot.sent_to(psid).len();
    assert_eq!(
        bot.post(&bankbot_testkit::webhooks::account_linked(psid, &code))
            .await,
        StatusCode::OK
    );
    bot.replies_after(psid, before).await
}
