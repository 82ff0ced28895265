//! The demo bank's account-link login page, through the real router: only Meta's redirect
//! URL receives a code, the token is required, and the code is the bot's, bound to the
//! token and redeemable once.

use std::sync::Arc;

use axum::body::Body;
use axum::http::{Request, StatusCode, header};
use bankbot::bank::LinkingProvider;
use bankbot::bank::demo::DemoBank;
use bankbot::core::{CustomerRef, SystemClock, UserId};
use bankbot::link_page::{CsrfGuard, LinkPage, RedirectPolicy};
use bankbot_runtime::{LinkCodes, LinkRefusal, Redeemed};
use bankbot_store::{EncryptionKey, Store};
use http_body_util::BodyExt;
use tower::ServiceExt;

struct Page {
    app: axum::Router,
    bank: DemoBank,
    codes: LinkCodes,
    store: Arc<dyn Store>,
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
        let bank = DemoBank::builtin(Arc::new(SystemClock));
        let codes = LinkCodes::new(store.clone());
        let redirects = RedirectPolicy::new(&allow).unwrap();
        // One router (one throttle) per page, as in the server.
        let app = bankbot::link_page::router(LinkPage::new(
            Arc::new(bank.clone()),
            codes.clone(),
            redirects,
            CsrfGuard::new([3; 32], true),
        ));
        Page {
            app,
            bank,
            codes,
            store,
        }
    }

    fn app(&self) -> axum::Router {
        self.app.clone()
    }

    /// GETs the form for `token` (returning to Meta's URL for it) and returns the cookie
    /// pair and the csrf field.
    async fn open(&self, token: &str) -> (String, String) {
        let redirect = format!(
            "https://www.facebook.com/messenger_platform/account_linking/?account_linking_token={}",
            enc(token)
        );
        let uri = format!(
            "/link?account_linking_token={}&redirect_uri={}",
            enc(token),
            enc(&redirect)
        );
        let resp = self
            .app()
            .oneshot(Request::get(uri).body(Body::empty()).unwrap())
            .await
            .unwrap();
        let cookie = resp.headers()[header::SET_COOKIE]
            .to_str()
            .unwrap()
            .split(';')
            .next()
            .unwrap()
            .to_owned();
        let html = body_text(resp).await;
        let csrf = html
            .split("name=\"csrf\" value=\"")
            .nth(1)
            .unwrap()
            .split('"')
            .next()
            .unwrap()
            .to_owned();
        (cookie, csrf)
    }

    /// Posts `form` as the browser that opened the page for `token` would (cookie + field),
    /// from `client`.
    async fn post_from(
        &self,
        client: [u8; 4],
        token: &str,
        form: &str,
    ) -> axum::response::Response {
        let (cookie, csrf) = self.open(token).await;
        let mut req = Request::post("/link")
            .header(header::CONTENT_TYPE, "application/x-www-form-urlencoded")
            .header(header::COOKIE, cookie)
            .body(Body::from(format!("{form}&csrf={csrf}")))
            .unwrap();
        req.extensions_mut()
            .insert(axum::extract::ConnectInfo(std::net::SocketAddr::from((
                client, 40000,
            ))));
        self.app().oneshot(req).await.unwrap()
    }

    async fn post(&self, form: &str) -> axum::response::Response {
        let token = url::form_urlencoded::parse(form.as_bytes())
            .find(|(k, _)| k == "account_linking_token")
            .map(|(_, v)| v.into_owned())
            .unwrap_or_default();
        self.post_from([203, 0, 113, 1], &token, form).await
    }

    /// A post without the page's cookie and field.
    async fn post_bare(&self, form: &str) -> axum::response::Response {
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
    let Redeemed::BankCode(bank_code) = page.codes.redeem(code, &user).await.unwrap().unwrap()
    else {
        panic!("the form's code stands for the bank's code");
    };
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
    assert_eq!(
        page.post_bare(&no_token).await.status(),
        StatusCode::BAD_REQUEST
    );
    assert_eq!(
        page.post_bare(&alice_form("  ", META)).await.status(),
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

#[tokio::test]
async fn a_post_without_the_forms_csrf_pair_is_refused() {
    let page = Page::new().await;
    let form = alice_form("ALT", META);
    let resp = page.post_bare(&form).await;
    assert_eq!(resp.status(), StatusCode::FORBIDDEN);
    assert!(location(&resp).is_none());
    // The field of a page opened for another token does not fit this one.
    let (cookie, csrf) = page.open("OTHER").await;
    let req = Request::post("/link")
        .header(header::CONTENT_TYPE, "application/x-www-form-urlencoded")
        .header(header::COOKIE, cookie)
        .body(Body::from(format!("{form}&csrf={csrf}")))
        .unwrap();
    let resp = page.app().oneshot(req).await.unwrap();
    assert_eq!(resp.status(), StatusCode::FORBIDDEN);
    // The right pair works.
    assert_eq!(page.post(&form).await.status(), StatusCode::SEE_OTHER);
}

fn login_form(user: &str, password: &str) -> String {
    format!(
        "username={user}&password={password}&account_linking_token=ALT&redirect_uri={}",
        enc(META)
    )
}

#[tokio::test]
async fn five_failures_for_a_username_lock_it_out_even_with_the_right_password() {
    let page = Page::new().await;
    for i in 0..5u8 {
        let resp = page
            .post_from([198, 51, 100, i], "ALT", &login_form("alice", "guess"))
            .await;
        assert_eq!(resp.status(), StatusCode::OK, "failure {i} shows the form");
    }
    let resp = page
        .post_from([198, 51, 100, 99], "ALT", &login_form("alice", "demo"))
        .await;
    assert_eq!(resp.status(), StatusCode::TOO_MANY_REQUESTS);
    assert!(location(&resp).is_none());
    assert!(body_text(resp).await.contains("Too many sign-in attempts"));
    // Another customer is not locked out from another address.
    let resp = page
        .post_from([198, 51, 100, 98], "ALT", &login_form("bob", "demo"))
        .await;
    assert_eq!(resp.status(), StatusCode::SEE_OTHER);
}

#[tokio::test]
async fn five_failures_from_one_address_lock_it_out_and_a_success_resets() {
    let page = Page::new().await;
    let attacker = [192, 0, 2, 66];
    for user in ["u1", "u2", "u3", "u4"] {
        page.post_from(attacker, "ALT", &login_form(user, "x"))
            .await;
    }
    // A success before the fifth failure resets the address.
    let ok = page
        .post_from(attacker, "ALT", &login_form("bob", "demo"))
        .await;
    assert_eq!(ok.status(), StatusCode::SEE_OTHER);
    for user in ["u5", "u6", "u7", "u8", "u9"] {
        let resp = page
            .post_from(attacker, "ALT", &login_form(user, "x"))
            .await;
        assert_eq!(resp.status(), StatusCode::OK);
    }
    let resp = page
        .post_from(attacker, "ALT", &login_form("alice", "demo"))
        .await;
    assert_eq!(resp.status(), StatusCode::TOO_MANY_REQUESTS);
    let elsewhere = page
        .post_from([192, 0, 2, 67], "ALT", &login_form("alice", "demo"))
        .await;
    assert_eq!(elsewhere.status(), StatusCode::SEE_OTHER);
}

#[tokio::test]
async fn every_answer_carries_the_security_headers() {
    let page = Page::new().await;
    let get = page
        .app()
        .oneshot(
            Request::get(format!(
                "/link?account_linking_token=ALT&redirect_uri={}",
                enc(META)
            ))
            .body(Body::empty())
            .unwrap(),
        )
        .await
        .unwrap();
    let bad = page.post_bare("nothing=here").await;
    let wrong = page.post(&login_form("alice", "nope")).await;
    for resp in [&get, &bad, &wrong] {
        let h = resp.headers();
        let csp = h[header::CONTENT_SECURITY_POLICY].to_str().unwrap();
        assert!(csp.contains("frame-ancestors 'none'"), "{csp}");
        assert!(csp.contains("default-src 'none'"), "{csp}");
        assert!(
            !csp.contains("unsafe-inline") && !csp.contains("script-src"),
            "{csp}"
        );
        assert!(
            csp.contains("form-action 'self' https://www.facebook.com"),
            "{csp}"
        );
        assert_eq!(h[header::X_FRAME_OPTIONS], "DENY");
        assert_eq!(h[header::REFERRER_POLICY], "no-referrer");
        assert_eq!(h[header::X_CONTENT_TYPE_OPTIONS], "nosniff");
    }
    let cookie = get.headers()[header::SET_COOKIE].to_str().unwrap();
    assert!(
        cookie.contains("HttpOnly") && cookie.contains("SameSite=Strict"),
        "{cookie}"
    );
    let html = body_text(get).await;
    assert!(!html.contains("<script"), "no script at all");
}
