//! The demo bank's account-link login page, through the real router: only Meta's redirect
//! URL receives a code, the token is required, and the code is the bot's, bound to the
//! token and redeemable once.

use std::sync::Arc;

use axum::body::Body;
use axum::http::{Request, StatusCode, header};
use bankbot::bank::LinkingProvider;
use bankbot::bank::demo::DemoBank;
use bankbot::core::{CustomerRef, SystemClock, UserId};
use bankbot::link_page::{LinkPage, RedirectPolicy};
use bankbot_runtime::{LinkCodes, LinkRefusal};
use bankbot_store::{EncryptionKey, Store};
use http_body_util::BodyExt;
use tower::ServiceExt;

struct Page {
    bank: DemoBank,
    codes: LinkCodes,
    store: Arc<dyn Store>,
    redirects: RedirectPolicy,
}

impl Page {
    async fn new() -> Page {
        Page::with_allow(&[]).await
    }

    async fn with_allow(allow: &[&str]) -> Page {
        let store = bankbot_store::connect("sqlite::memory:", EncryptionKey::generate())
            .await
            .unwrap();
        let allow: Vec<String> = allow.iter().map(|s| (*s).to_owned()).collect();
        Page {
            bank: DemoBank::builtin(Arc::new(SystemClock)),
            codes: LinkCodes::new(store.clone()),
            store,
            redirects: RedirectPolicy::new(&allow).unwrap(),
        }
    }

    fn app(&self) -> axum::Router {
        bankbot::link_page::router(LinkPage::new(
            Arc::new(self.bank.clone()),
            self.codes.clone(),
            self.redirects.clone(),
        ))
    }

    async fn post(&self, form: &str) -> axum::response::Response {
        let req = Request::post("/link")
            .header(header::CONTENT_TYPE, "application/x-www-form-urlencoded")
            .body(Body::from(form.to_owned()))
            .unwrap();
        self.app().oneshot(req).await.unwrap()
    }
}

async fn body_text(resp: axum::response::Response) -> String {
    let bytes = resp.into_body().collect().await.unwrap().to_bytes();
    String::from_utf8(bytes.to_vec()).unwrap()
}

fn enc(s: &str) -> String {
    url::form_urlencoded::byte_serialize(s.as_bytes()).collect()
}

const META: &str =
    "https://www.facebook.com/messenger_platform/account_linking/?account_linking_token=ALT";

fn alice_form(token: &str, redirect: &str) -> String {
    format!(
        "username=alice&password=demo&account_linking_token={}&redirect_uri={}",
        enc(token),
        enc(redirect)
    )
}

fn location(resp: &axum::response::Response) -> Option<String> {
    resp.headers()
        .get(header::LOCATION)
        .map(|l| l.to_str().unwrap().to_owned())
}

#[tokio::test]
async fn get_shows_the_form_with_escaped_values() {
    let page = Page::new().await;
    let token = "\"><script>";
    let redirect = format!(
        "https://www.facebook.com/messenger_platform/account_linking/?account_linking_token={}",
        enc(token)
    );
    let uri = format!(
        "/link?account_linking_token={}&redirect_uri={}",
        enc(token),
        enc(&redirect)
    );
    let resp = page
        .app()
        .oneshot(Request::get(uri).body(Body::empty()).unwrap())
        .await
        .unwrap();
    assert_eq!(resp.status(), StatusCode::OK);
    let html = body_text(resp).await;
    assert!(html.contains("name=\"username\"") && html.contains("name=\"password\""));
    assert!(html.contains("&quot;&gt;&lt;script&gt;"));
    assert!(!html.contains("\"><script>"));
}

#[tokio::test]
async fn a_good_login_redirects_to_meta_with_the_bots_code_redeemable_once() {
    let page = Page::new().await;
    let resp = page.post(&alice_form("ALT", META)).await;
    assert_eq!(resp.status(), StatusCode::SEE_OTHER);
    let location = location(&resp).unwrap();
    let prefix = format!("{META}&authorization_code=");
    assert!(location.starts_with(&prefix), "{location}");
    let code = &location[prefix.len()..];
    // The code is the bot's, not the bank's: the bank does not know it.
    assert!(
        page.bank
            .exchange(&bankbot::bank::AuthorizationCode(code.to_owned()))
            .await
            .is_err()
    );
    let user = UserId::new("7423910000000001");
    let bank_code = page.codes.redeem(code, &user).await.unwrap().unwrap();
    let session = page.bank.exchange(&bank_code).await.unwrap();
    assert_eq!(session.customer, CustomerRef::new("cust-alice"));
    assert_eq!(
        page.codes.redeem(code, &user).await.unwrap(),
        Err(LinkRefusal::UnknownCode),
        "a code is redeemed once"
    );
}

#[tokio::test]
async fn the_code_never_goes_to_another_site() {
    let page = Page::new().await;
    let refused = [
        "https://evil.example/collect",
        "https://evil.example/messenger_platform/account_linking/?account_linking_token=ALT",
        "https://www.facebook.com.evil.example/messenger_platform/account_linking/",
        "https://www.facebook.com@evil.example/messenger_platform/account_linking/",
        "http://www.facebook.com/messenger_platform/account_linking/?account_linking_token=ALT",
        "https://www.facebook.com/l.php?u=https%3A%2F%2Fevil.example%2F",
        "javascript:alert(1)",
        "//evil.example/messenger_platform/account_linking",
        "",
    ];
    for redirect in refused {
        let resp = page.post(&alice_form("ALT", redirect)).await;
        assert_eq!(resp.status(), StatusCode::BAD_REQUEST, "{redirect}");
        assert!(location(&resp).is_none(), "{redirect}");
        let get = format!(
            "/link?account_linking_token=ALT&redirect_uri={}",
            enc(redirect)
        );
        let resp = page
            .app()
            .oneshot(Request::get(get).body(Body::empty()).unwrap())
            .await
            .unwrap();
        assert_eq!(resp.status(), StatusCode::BAD_REQUEST, "GET {redirect}");
    }
    // Nothing was minted for any of them.
    assert_eq!(
        page.store
            .purge_link_codes(chrono::Utc::now() + chrono::Duration::hours(1))
            .await
            .unwrap(),
        0
    );
}

#[tokio::test]
async fn the_token_is_required_and_must_match_the_redirect() {
    let page = Page::new().await;
    let no_token = format!("username=alice&password=demo&redirect_uri={}", enc(META));
    assert_eq!(page.post(&no_token).await.status(), StatusCode::BAD_REQUEST);
    assert_eq!(
        page.post(&alice_form("  ", META)).await.status(),
        StatusCode::BAD_REQUEST
    );
    let resp = page
        .app()
        .oneshot(
            Request::get(format!("/link?redirect_uri={}", enc(META)))
                .body(Body::empty())
                .unwrap(),
        )
        .await
        .unwrap();
    assert_eq!(resp.status(), StatusCode::BAD_REQUEST);
    // Meta's URL for another user's token.
    let resp = page.post(&alice_form("MINE", META)).await;
    assert_eq!(resp.status(), StatusCode::BAD_REQUEST);
    assert!(location(&resp).is_none());
}

#[tokio::test]
async fn an_allow_listed_prefix_is_followed_over_https_only() {
    let page = Page::with_allow(&["https://playground.test/linked"]).await;
    let resp = page
        .post(&alice_form("ALT", "https://playground.test/linked?x=1"))
        .await;
    assert_eq!(resp.status(), StatusCode::SEE_OTHER);
    assert!(
        location(&resp)
            .unwrap()
            .starts_with("https://playground.test/linked?x=1&authorization_code=")
    );
    for other in [
        "https://playground.test/elsewhere",
        "http://playground.test/linked",
    ] {
        assert_eq!(
            page.post(&alice_form("ALT", other)).await.status(),
            StatusCode::BAD_REQUEST,
            "{other}"
        );
    }
}

#[tokio::test]
async fn a_wrong_password_shows_the_form_again_without_redirect() {
    let page = Page::new().await;
    let form = format!(
        "username=alice&password=nope&account_linking_token=ALT&redirect_uri={}",
        enc(META)
    );
    let resp = page.post(&form).await;
    assert_eq!(resp.status(), StatusCode::OK);
    assert!(location(&resp).is_none());
    let html = body_text(resp).await;
    assert!(html.contains("do not match") && html.contains("name=\"password\""));
}
