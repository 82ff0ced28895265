//! A geocoder for Nominatim-compatible HTTP APIs (`GET {base}/search?q=…&format=jsonv2`).

use std::time::Duration;

use async_trait::async_trait;
use bankbot_bank::{BankError, BankResult, Geocoder, Place};
use bankbot_core::{GeoPoint, Lang};
use serde::Deserialize;

use crate::AtmError;

/// Asks a Nominatim-compatible service. Respect its usage policy: identify the app in the
/// user agent and cache answers (this type does not cache).
#[derive(Debug, Clone)]
pub struct NominatimGeocoder {
    client: reqwest::Client,
    search: url::Url,
    countries: Option<String>,
    timeout: Duration,
}

#[derive(Deserialize)]
struct Hit {
    lat: String,
    lon: String,
    #[serde(default)]
    display_name: String,
    #[serde(default)]
    address: Option<HitAddress>,
}

#[derive(Deserialize)]
struct HitAddress {
    #[serde(default)]
    country_code: Option<String>,
}

impl NominatimGeocoder {
    /// A geocoder for the API at `base_url` (e.g. `https://nominatim.openstreetmap.org`),
    /// sending `user_agent`, giving up after `timeout`.
    pub fn new(base_url: &str, user_agent: &str, timeout: Duration) -> Result<Self, AtmError> {
        let mut base =
            url::Url::parse(base_url).map_err(|e| AtmError::Config(format!("base URL: {e}")))?;
        if !base.path().ends_with('/') {
            let path = format!("{}/", base.path());
            base.set_path(&path);
        }
        let search = base
            .join("search")
            .map_err(|e| AtmError::Config(format!("base URL: {e}")))?;
        let client = reqwest::Client::builder()
            .user_agent(user_agent)
            .timeout(timeout)
            .build()
            .map_err(|e| AtmError::Config(format!("HTTP client: {}", e.without_url())))?;
        Ok(NominatimGeocoder {
            client,
            search,
            countries: None,
            timeout,
        })
    }

    /// Restricts answers to these ISO countries (`countrycodes=gb,fr,us`).
    pub fn with_countries(mut self, codes: &[&str]) -> Self {
        self.countries = Some(codes.join(",").to_ascii_lowercase());
        self
    }
}

#[async_trait]
impl Geocoder for NominatimGeocoder {
    async fn geocode(&self, query: &str, lang: Option<Lang>) -> BankResult<Option<Place>> {
        let query = query.trim();
        if query.is_empty() {
            return Ok(None);
        }
        let mut url = self.search.clone();
        {
            let mut q = url.query_pairs_mut();
            q.append_pair("q", query)
                .append_pair("format", "jsonv2")
                .append_pair("limit", "1")
                .append_pair("addressdetails", "1")
                .append_pair("accept-language", lang.unwrap_or_default().code());
            if let Some(c) = &self.countries {
                q.append_pair("countrycodes", c);
            }
        }
        let resp = self.client.get(url).send().await.map_err(|e| {
            if e.is_timeout() {
                BankError::Timeout(self.timeout)
            } else {
                // Without the URL: it holds what the customer typed.
                BankError::Unavailable(format!("geocoder: {}", e.without_url()))
            }
        })?;
        let status = resp.status();
        if status == reqwest::StatusCode::TOO_MANY_REQUESTS {
            return Err(BankError::RateLimited { retry_after: None });
        }
        if !status.is_success() {
            return Err(BankError::Unavailable(format!(
                "geocoder answered {status}"
            )));
        }
        let hits: Vec<Hit> = resp
            .json()
            .await
            .map_err(|e| BankError::InvalidResponse(format!("geocoder: {}", e.without_url())))?;
        let Some(hit) = hits.into_iter().next() else {
            return Ok(None);
        };
        let (lat, lon) = (hit.lat.trim().parse::<f64>(), hit.lon.trim().parse::<f64>());
        let point = match (lat, lon) {
            (Ok(lat), Ok(lon)) => GeoPoint::new(lat, lon)
                .map_err(|e| BankError::InvalidResponse(format!("geocoder: {e}")))?,
            _ => {
                return Err(BankError::InvalidResponse(
                    "geocoder: coordinates are not numbers".into(),
                ));
            }
        };
        let label = hit
            .display_name
            .split(',')
            .take(2)
            .map(str::trim)
            .collect::<Vec<_>>()
            .join(", ");
        Ok(Some(Place {
            point,
            label: if label.is_empty() {
                query.to_owned()
            } else {
                label
            },
            country: hit
                .address
                .and_then(|a| a.country_code)
                .map(|c| c.to_ascii_uppercase()),
        }))
    }
}
