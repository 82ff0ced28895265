//! The HTTP geocoder against a local Nominatim-compatible server (wiremock).

use std::time::Duration;

use bankbot_atm::NominatimGeocoder;
use bankbot_bank::{BankError, Geocoder};
use bankbot_core::Lang;
use wiremock::matchers::{header, method, path, query_param};
use wiremock::{Mock, MockServer, ResponseTemplate};

fn geocoder(server: &MockServer) -> NominatimGeocoder {
    NominatimGeocoder::new(&server.uri(), "bankbot-test/0.1", Duration::from_secs(2)).unwrap()
}

#[tokio::test]
async fn finds_a_place() {
    let server = MockServer::start().await;
    Mock::given(method("GET"))
        .and(path("/search"))
        .and(query_param("q", "Lyon"))
        .and(query_param("format", "jsonv2"))
        .and(query_param("accept-language", "fr"))
        .and(query_param("countrycodes", "fr,gb"))
        .and(header("user-agent", "bankbot-test/0.1"))
        .respond_with(ResponseTemplate::new(200).set_body_raw(
            r#"[{"place_id":1,"lat":"45.7578137","lon":"4.8320114",
                "display_name":"Lyon, Métropole de Lyon, Rhône, France",
                "address":{"city":"Lyon","country_code":"fr"}}]"#,
            "application/json",
        ))
        .expect(1)
        .mount(&server)
        .await;
    let g = geocoder(&server).with_countries(&["FR", "GB"]);
    let place = g.geocode("Lyon", Some(Lang::Fr)).await.unwrap().unwrap();
    assert!((place.point.lat() - 45.7578137).abs() < 1e-9);
    assert_eq!(place.label, "Lyon, Métropole de Lyon");
    assert_eq!(place.country.as_deref(), Some("FR"));
}

#[tokio::test]
async fn no_hit_and_errors() {
    let server = MockServer::start().await;
    Mock::given(path("/search"))
        .and(query_param("q", "nowhere"))
        .respond_with(ResponseTemplate::new(200).set_body_raw("[]", "application/json"))
        .mount(&server)
        .await;
    Mock::given(path("/search"))
        .and(query_param("q", "busy"))
        .respond_with(ResponseTemplate::new(429))
        .mount(&server)
        .await;
    Mock::given(path("/search"))
        .and(query_param("q", "broken"))
        .respond_with(
            ResponseTemplate::new(200)
                .set_body_raw(r#"[{"lat":"north","lon":"1"}]"#, "application/json"),
        )
        .mount(&server)
        .await;
    Mock::given(path("/search"))
        .and(query_param("q", "down"))
        .respond_with(ResponseTemplate::new(503))
        .mount(&server)
        .await;
    Mock::given(path("/search"))
        .and(query_param("q", "slow"))
        .respond_with(
            ResponseTemplate::new(200)
                .set_body_raw("[]", "application/json")
                .set_delay(Duration::from_secs(5)),
        )
        .mount(&server)
        .await;
    let g = geocoder(&server);
    assert_eq!(g.geocode("nowhere", None).await.unwrap(), None);
    assert_eq!(g.geocode("  ", None).await.unwrap(), None);
    assert!(matches!(
        g.geocode("busy", None).await,
        Err(BankError::RateLimited { .. })
    ));
    assert!(matches!(
        g.geocode("broken", None).await,
        Err(BankError::InvalidResponse(_))
    ));
    assert!(matches!(
        g.geocode("down", None).await,
        Err(BankError::Unavailable(_))
    ));
    let quick = NominatimGeocoder::new(&server.uri(), "t", Duration::from_millis(200)).unwrap();
    assert!(matches!(
        quick.geocode("slow", None).await,
        Err(BankError::Timeout(_))
    ));
    assert!(NominatimGeocoder::new("not a url", "t", Duration::from_secs(1)).is_err());
}

#[tokio::test]
async fn base_url_with_a_path() {
    let server = MockServer::start().await;
    Mock::given(path("/nominatim/search"))
        .respond_with(ResponseTemplate::new(200).set_body_raw(
            r#"[{"lat":"51.5","lon":"-0.12","display_name":"London"}]"#,
            "application/json",
        ))
        .mount(&server)
        .await;
    let g = NominatimGeocoder::new(
        &format!("{}/nominatim", server.uri()),
        "t",
        Duration::from_secs(2),
    )
    .unwrap();
    let place = g.geocode("London", None).await.unwrap().unwrap();
    assert_eq!(place.label, "London");
    assert_eq!(place.country, None);
}
