//! Keeping replies locally when there is no channel to send them on (the demo without a
//! page access token).

use std::io::Write;
use std::path::PathBuf;
use std::sync::Mutex;

use async_trait::async_trait;
use bankbot_core::{Reply, UserId};

use crate::{DeliveryError, ReplySender};

/// For running without a channel (the demo with no page access token): replies are kept
/// as JSON lines in a local file and logged without their content.
#[derive(Debug)]
pub struct KeepSender {
    file: Option<Mutex<std::fs::File>>,
    kept: Mutex<Vec<(UserId, Reply)>>,
}

impl KeepSender {
    /// Keeps replies in memory and, when `path` is given, appends them to that file.
    pub fn new(path: Option<PathBuf>) -> std::io::Result<Self> {
        let file = match path {
            Some(p) => Some(Mutex::new(
                std::fs::OpenOptions::new()
                    .create(true)
                    .append(true)
                    .open(p)?,
            )),
            None => None,
        };
        Ok(KeepSender {
            file,
            kept: Mutex::new(Vec::new()),
        })
    }

    /// The replies kept so far, oldest first (at most the last 1,000).
    pub fn kept(&self) -> Vec<(UserId, Reply)> {
        self.kept.lock().map(|k| k.clone()).unwrap_or_default()
    }
}

#[async_trait]
impl ReplySender for KeepSender {
    async fn send(
        &self,
        user: &UserId,
        reply: &Reply,
        messaging_type: &str,
    ) -> Result<(), DeliveryError> {
        if let Some(file) = &self.file {
            let line = serde_json::json!({ "user": user, "messaging_type": messaging_type, "reply": reply });
            let written = file
                .lock()
                .map_err(|_| DeliveryError::Retry {
                    reason: "keep_file_lock",
                    after: None,
                })
                .and_then(|mut f| {
                    writeln!(f, "{line}").map_err(|_| DeliveryError::Retry {
                        reason: "keep_file_write",
                        after: None,
                    })
                });
            written?;
        }
        if let Ok(mut kept) = self.kept.lock() {
            if kept.len() >= 1_000 {
                kept.remove(0);
            }
            kept.push((user.clone(), reply.clone()));
        }
        tracing::info!("reply kept locally (no page access token configured)");
        tracing::debug!(?reply, "kept reply");
        Ok(())
    }
}
