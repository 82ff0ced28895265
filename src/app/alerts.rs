//! Proactive alerts in `bankbot serve`: the `POST /alerts` route, the delivery policy from
//! `[alerts]`, and the sweeper that wakes held alerts.

use std::path::PathBuf;
use std::sync::Arc;
use std::time::Duration;

use bankbot_alerts::intake::{self, Intake};
use bankbot_alerts::{DeliveryPolicy, QuietHours, parse_zone};
use bankbot_core::Clock;
use bankbot_store::Store;
use bankbot_store::files::{self, SecretFileError, WhenUnparsable};
use tokio::sync::{Notify, watch};

use super::AppError;
use crate::config::{AlertsConfig, Config, DEFAULT_DATA_DIR};

/// How often held alerts are checked.
const SWEEP_EVERY: Duration = Duration::from_secs(15);

/// The delivery rules `[alerts]` describes.
pub fn policy(config: &AlertsConfig) -> Result<DeliveryPolicy, AppError> {
    let err = |e: bankbot_alerts::AlertError| AppError::Config(format!("[alerts] {e}"));
    let quiet = config.quiet_hours.trim();
    let quiet_hours = if quiet.is_empty() || quiet.eq_ignore_ascii_case("off") {
        None
    } else {
        Some(quiet.parse::<QuietHours>().map_err(err)?)
    };
    Ok(DeliveryPolicy {
        quiet_hours,
        default_zone: parse_zone(&config.default_time_zone).map_err(err)?,
        utility_template: template_name(config.utility_template.as_ref())?,
        utility_fraud_template: template_name(config.utility_fraud_template.as_ref())?,
        ..DeliveryPolicy::default()
    })
}

/// A configured template name, checked the way Meta names templates and short enough for
/// the outbox label that carries it (empty: none).
fn template_name(name: Option<&String>) -> Result<Option<String>, AppError> {
    let Some(name) = name.map(|n| n.trim()).filter(|n| !n.is_empty()) else {
        return Ok(None);
    };
    let max = bankbot_runtime::MAX_TEMPLATE_NAME;
    if bankbot_messenger::is_template_name(name) && name.len() <= max {
        Ok(Some(name.to_owned()))
    } else {
        Err(AppError::Config(format!(
            "[alerts] utility template `{name}`: lowercase letters, digits and `_`, at most {max} characters"
        )))
    }
}

/// How utility-message replies are filled in, from `[alerts]`.
pub fn utility_templates(
    config: &AlertsConfig,
) -> Result<bankbot_runtime::UtilityTemplates, AppError> {
    let language = |key: &str, code: &str| {
        let code = code.trim();
        if bankbot_messenger::is_template_language(code) {
            Ok(code.to_owned())
        } else {
            Err(AppError::Config(format!(
                "[alerts] {key} = `{code}`: expected a template language code such as en, en_US or fr"
            )))
        }
    };
    let parameter_name = config
        .utility_parameter_name
        .as_ref()
        .map(|n| n.trim().to_owned())
        .filter(|n| !n.is_empty());
    if let Some(n) = &parameter_name
        && !bankbot_messenger::is_template_name(n)
    {
        return Err(AppError::Config(format!(
            "[alerts] utility_parameter_name `{n}`: lowercase letters, digits and `_`"
        )));
    }
    Ok(bankbot_runtime::UtilityTemplates {
        english: language("utility_language_en", &config.utility_language_en)?,
        french: language("utility_language_fr", &config.utility_language_fr)?,
        parameter_name,
    })
}

/// The file a generated alerts secret is kept in.
pub fn secret_file(config: &Config) -> PathBuf {
    config
        .store
        .sqlite_dir()
        .unwrap_or_else(|| PathBuf::from(DEFAULT_DATA_DIR))
        .join("alerts.secret")
}

/// The configured secret, else the demo's (generated once, kept beside the database).
pub fn secret(config: &Config) -> Result<String, AppError> {
    if let Some(s) = config.alerts.secret.as_ref().filter(|s| !s.is_empty()) {
        return Ok(s.clone());
    }
    let path = secret_file(config);
    let parse = |text: &str| match text.trim() {
        "" => Err(AppError::Config(format!(
            "{} holds no alerts secret",
            path.display()
        ))),
        secret => Ok(secret.to_owned()),
    };
    let fresh = || {
        let secret: String = (0..32)
            .map(|_| format!("{:02x}", rand::random::<u8>()))
            .collect();
        (secret.clone(), secret)
    };
    // A generated alerts secret can be generated again (the bank must be told it anyway).
    match files::load_or_create_secret(&path, parse, fresh, WhenUnparsable::Replace) {
        Ok((secret, created)) => {
            if created {
                tracing::warn!(path = %path.display(), "generated an alerts secret; set [alerts] secret for production");
            }
            Ok(secret)
        }
        Err(SecretFileError::Io(e)) => Err(e.into()),
        Err(SecretFileError::Unparsable(e)) => Err(e),
    }
}

/// The alerts route and the sweeper task.
#[allow(missing_debug_implementations)]
pub struct AlertParts {
    /// `POST /alerts`.
    pub router: axum::Router,
    /// The intake behind it (the playground's test alerts go through it too).
    pub intake: Intake,
    /// The secret alerts are signed with.
    pub secret: Arc<str>,
    sweeper: Sweeper,
}

/// The held-alert sweeper, ready to run.
#[derive(Clone)]
#[allow(missing_debug_implementations)]
pub struct Sweeper {
    store: Arc<dyn Store>,
    clock: Arc<dyn Clock>,
    wakeup: Arc<Notify>,
}

impl Sweeper {
    /// Runs until `shutdown` turns true.
    pub async fn run(self, shutdown: watch::Receiver<bool>) {
        bankbot_alerts::sweeper::run(self.store, self.clock, self.wakeup, SWEEP_EVERY, shutdown)
            .await;
    }
}

impl AlertParts {
    /// Builds the route (signed with `[alerts] secret`) and the sweeper.
    pub fn build(
        config: &Config,
        store: Arc<dyn Store>,
        clock: Arc<dyn Clock>,
        inbox_wakeup: Arc<Notify>,
    ) -> Result<AlertParts, AppError> {
        let secret: Arc<str> = Arc::from(secret(config)?);
        let intake = Intake::new(
            store.clone(),
            secret.as_bytes(),
            inbox_wakeup.clone(),
            clock.clone(),
        );
        Ok(AlertParts {
            router: intake::router(intake.clone()),
            intake,
            secret,
            sweeper: Sweeper {
                store,
                clock,
                wakeup: inbox_wakeup,
            },
        })
    }

    /// The sweeper.
    pub fn sweeper(&self) -> Sweeper {
        self.sweeper.clone()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn policy_from_config() {
        let env = |pairs: &[(&str, &str)]| {
            let vars = pairs
                .iter()
                .map(|(k, v)| ((*k).to_owned(), (*v).to_owned()));
            Config::load(None, vars).unwrap()
        };
        let default = policy(&env(&[]).alerts).unwrap();
        assert_eq!(default, DeliveryPolicy::default());
        assert!(env(&[]).alerts.fraud_on_by_default);
        let c = env(&[
            ("BANKBOT_ALERTS__QUIET_HOURS", "off"),
            ("BANKBOT_ALERTS__DEFAULT_TIME_ZONE", "-05:00"),
            ("BANKBOT_ALERTS__UTILITY_TEMPLATE", "account_alert"),
            ("BANKBOT_ALERTS__FRAUD_ON_BY_DEFAULT", "false"),
        ]);
        let p = policy(&c.alerts).unwrap();
        assert_eq!(p.quiet_hours, None);
        assert_eq!(p.default_zone.to_string(), "-05:00");
        assert_eq!(p.utility_template.as_deref(), Some("account_alert"));
        assert!(!c.alerts.fraud_on_by_default);
        let bad = env(&[("BANKBOT_ALERTS__QUIET_HOURS", "late")]);
        assert!(policy(&bad.alerts).is_err());
        let bad = env(&[("BANKBOT_ALERTS__UTILITY_TEMPLATE", "Account Alert")]);
        assert!(policy(&bad.alerts).is_err());
        let long = "a".repeat(bankbot_runtime::MAX_TEMPLATE_NAME + 1);
        let bad = env(&[("BANKBOT_ALERTS__UTILITY_FRAUD_TEMPLATE", long.as_str())]);
        assert!(policy(&bad.alerts).is_err());
        assert!(utility_templates(&env(&[]).alerts).is_ok());
        let bad = env(&[("BANKBOT_ALERTS__UTILITY_LANGUAGE_EN", "en-US")]);
        assert!(utility_templates(&bad.alerts).is_err());
        let bad = env(&[("BANKBOT_ALERTS__UTILITY_PARAMETER_NAME", "Alert Text")]);
        assert!(utility_templates(&bad.alerts).is_err());
        let zoned = env(&[("BANKBOT_ALERTS__DEFAULT_TIME_ZONE", "Europe/Paris")]);
        assert_eq!(
            policy(&zoned.alerts).unwrap().default_zone.to_string(),
            "Europe/Paris"
        );
    }
}
