//! Webhook secrets the demo generates once and keeps beside its database, so that a
//! developer can try the webhook without a Facebook app.

use std::path::Path;

use bankbot_store::files::{self, SecretFileError, WhenUnparsable};

use rand::Rng;
use serde::{Deserialize, Serialize};

/// The generated verify token and app secret. `Debug` prints neither.
#[derive(Clone, Serialize, Deserialize)]
pub struct DemoSecrets {
    pub verify_token: String,
    pub app_secret: String,
}

impl std::fmt::Debug for DemoSecrets {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("DemoSecrets")
            .field("verify_token", &"[redacted]")
            .field("app_secret", &"[redacted]")
            .finish()
    }
}

/// Reads `dir/messenger-demo.toml`, creating it (mode 0600, its directory 0700) with
/// fresh random values the first time; an existing file readable by others is restricted.
pub fn load_or_create(dir: &Path) -> std::io::Result<DemoSecrets> {
    let path = dir.join("messenger-demo.toml");
    let fresh = || {
        let secrets = DemoSecrets {
            verify_token: random_hex(16),
            app_secret: random_hex(32),
        };
        // Two strings always serialise; an empty text would be replaced on the next start.
        let text = toml::to_string(&secrets).unwrap_or_default();
        (secrets, text)
    };
    match files::load_or_create_secret(
        &path,
        toml::from_str::<DemoSecrets>,
        fresh,
        // Anybody can generate new demo secrets.
        WhenUnparsable::Replace,
    ) {
        Ok((secrets, _)) => Ok(secrets),
        Err(SecretFileError::Io(e)) => Err(e),
        Err(SecretFileError::Unparsable(e)) => Err(std::io::Error::new(
            std::io::ErrorKind::InvalidData,
            format!("{}: {e}", path.display()),
        )),
    }
}

fn random_hex(bytes: usize) -> String {
    let mut rng = rand::rng();
    (0..bytes)
        .map(|_| format!("{:02x}", rng.random::<u8>()))
        .collect()
}
