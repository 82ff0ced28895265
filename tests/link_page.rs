//! The demo bank's account-link login page, through the real router.

use std::sync::Arc;

use axum::body::Body;
use axum::http::{Request, StatusCode, header};
use bankbot::bank::demo::DemoBank;
use bankbot::bank::{AuthorizationCode, LinkingProvider};
use bankbot::core::{CustomerRef, SystemClock};
use http_body_util::BodyExt;
use tower::ServiceExt;

fn app(bank: &DemoBank) -> axum::Router {
    bankbot::link_page::router(Arc::new(bank.clone()))
}

async fn body_text(resp: axum::response::Response) -> String {
    let bytes = resp.into_body().collect().await.unwrap().to_bytes();
    String::from_utf8(bytes.to_vec()).unwrap()
}

fn post(form: &str) -> Request<Body> {
    Request::post("/link")
        .header(header::CONTENT_TYPE, "application/x-www-form-urlencoded")
        .body(Body::from(form.to_owned()))
        .unwrap()
}

const REDIRECT: &str = "https%3A%2F%2Fwww.facebook.com%2Fmessenger_platform%2Faccount_linking%2F%3Faccount_linking_token%3DALT";

#[tokio::test]
async fn get_shows_the_form_with_escaped_values() {
    let bank = DemoBank::builtin(Arc::new(SystemClock));
    let uri = format!("/link?account_linking_token=%22%3E%3Cscript%3E&redirect_uri={REDIRECT}");
    let resp = app(&bank)
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
async fn a_good_login_redirects_with_a_code_that_exchanges_once() {
    let bank = DemoBank::builtin(Arc::new(SystemClock));
    let form =
        format!("username=alice&password=demo&account_linking_token=ALT&redirect_uri={REDIRECT}");
    let resp = app(&bank).oneshot(post(&form)).await.unwrap();
    assert_eq!(resp.status(), StatusCode::SEE_OTHER);
    let location = resp.headers()[header::LOCATION]
        .to_str()
        .unwrap()
        .to_owned();
    let prefix = "https://www.facebook.com/messenger_platform/account_linking/?account_linking_token=ALT&authorization_code=";
    assert!(location.starts_with(prefix), "{location}");
    let code = AuthorizationCode(location[prefix.len()..].to_owned());
    let session = bank.exchange(&code).await.unwrap();
    assert_eq!(session.customer, CustomerRef::new("cust-alice"));
    assert!(bank.exchange(&code).await.is_err());
}

#[tokio::test]
async fn a_wrong_password_shows_the_form_again_without_redirect() {
    let bank = DemoBank::builtin(Arc::new(SystemClock));
    let form =
        format!("username=alice&password=nope&account_linking_token=ALT&redirect_uri={REDIRECT}");
    let resp = app(&bank).oneshot(post(&form)).await.unwrap();
    assert_eq!(resp.status(), StatusCode::OK);
    assert!(resp.headers().get(header::LOCATION).is_none());
    let html = body_text(resp).await;
    assert!(html.contains("do not match") && html.contains("name=\"password\""));
}

#[tokio::test]
async fn refuses_non_web_redirects() {
    let bank = DemoBank::builtin(Arc::new(SystemClock));
    let form =
        "username=alice&password=demo&account_linking_token=ALT&redirect_uri=javascript%3Aalert(1)";
    let resp = app(&bank).oneshot(post(form)).await.unwrap();
    assert_eq!(resp.status(), StatusCode::BAD_REQUEST);
}
