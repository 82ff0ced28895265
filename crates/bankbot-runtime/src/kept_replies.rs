//! Keeping replies locally when there is no channel to send them on (the demo without a
//! page access token).

use std::io::Write;
use std::path::PathBuf;
use std::sync::Mutex;

use async_trait::async_trait;
use bankbot_core::{OutboxLabel, Reply, UserId};
use bankbot_store::files;

use crate::{DeliveryError, ReplySender, UserDataHolder};

/// The file replies are appended to, and where it lives (to rewrite it).
#[derive(Debug)]
struct KeptFile {
    path: PathBuf,
    file: std::fs::File,
}

fn open_append(path: &std::path::Path) -> std::io::Result<std::fs::File> {
    files::private_options()
        .create(true)
        .append(true)
        .open(path)
}

/// For running without a channel (the demo with no page access token): replies are kept
/// as JSON lines (`{"user", "messaging_type", "reply"}`, the key holding the outbox label) in a local file, readable by the
/// owner only, and logged without their content. "Delete my data" removes the user's lines
/// ([`UserDataHolder`]).
#[derive(Debug)]
pub struct KeepSender {
    file: Option<Mutex<KeptFile>>,
    kept: Mutex<Vec<(UserId, Reply)>>,
}

impl KeepSender {
    /// Keeps replies in memory and, when `path` is given, appends them to that file
    /// (created with mode 0600; an existing one readable by others is restricted).
    pub fn new(path: Option<PathBuf>) -> std::io::Result<Self> {
        let file = match path {
            Some(path) => {
                let file = open_append(&path)?;
                files::tighten(&path);
                Some(Mutex::new(KeptFile { path, file }))
            }
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

/// True when a kept line is `user`'s (lines that do not parse are nobody's: kept).
fn is_users_line(line: &str, user: &UserId) -> bool {
    serde_json::from_str::<serde_json::Value>(line)
        .ok()
        .is_some_and(|v| v["user"].as_str() == Some(user.as_str()))
}

#[async_trait]
impl UserDataHolder for KeepSender {
    /// Removes `user`'s replies from memory and from the file: the other lines are written
    /// to a temporary file (0600) that replaces the file, so a crash leaves the old or the
    /// new file, never half of one; appends wait meanwhile. Returns the lines removed.
    async fn erase_user(&self, user: &UserId) -> std::io::Result<u64> {
        if let Ok(mut kept) = self.kept.lock() {
            kept.retain(|(u, _)| u != user);
        }
        let Some(file) = &self.file else {
            return Ok(0);
        };
        let mut guard = file
            .lock()
            .map_err(|_| std::io::Error::other("kept replies lock poisoned"))?;
        let text = match std::fs::read_to_string(&guard.path) {
            Ok(text) => text,
            Err(e) if e.kind() == std::io::ErrorKind::NotFound => String::new(),
            Err(e) => return Err(e),
        };
        let mut rest = String::with_capacity(text.len());
        let mut removed = 0;
        for line in text.lines() {
            if is_users_line(line, user) {
                removed += 1;
            } else {
                rest.push_str(line);
                rest.push('\n');
            }
        }
        if removed > 0 {
            files::write_private(&guard.path, rest.as_bytes())?;
            // The old handle points at the replaced file: append to the new one.
            guard.file = open_append(&guard.path)?;
            tracing::info!(lines = removed, "kept replies of an erased user removed");
        }
        Ok(removed)
    }
}

#[async_trait]
impl ReplySender for KeepSender {
    async fn send(
        &self,
        user: &UserId,
        reply: &Reply,
        label: &OutboxLabel,
    ) -> Result<(), DeliveryError> {
        if let Some(file) = &self.file {
            // The key predates the label type; existing files keep being readable alike.
            let line = serde_json::json!({ "user": user, "messaging_type": label.to_string(), "reply": reply });
            let written = file
                .lock()
                .map_err(|_| DeliveryError::Retry {
                    reason: "keep_file_lock",
                    after: None,
                })
                .and_then(|mut f| {
                    writeln!(f.file, "{line}").map_err(|_| DeliveryError::Retry {
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

#[cfg(test)]
mod tests {
    use super::*;

    fn lines(path: &std::path::Path) -> Vec<serde_json::Value> {
        std::fs::read_to_string(path)
            .unwrap()
            .lines()
            .map(|l| serde_json::from_str(l).unwrap())
            .collect()
    }

    #[tokio::test]
    async fn erasing_a_user_removes_only_their_lines_and_keeps_appending() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("kept-replies.jsonl");
        let keep = KeepSender::new(Some(path.clone())).unwrap();
        let (alice, bob) = (UserId::new("psid-alice"), UserId::new("psid-bob"));
        for (user, text) in [(&alice, "a1"), (&bob, "b1"), (&alice, "a2")] {
            keep.send(user, &Reply::text(text), &OutboxLabel::Response)
                .await
                .unwrap();
        }
        assert_eq!(keep.erase_user(&alice).await.unwrap(), 2);
        let left = lines(&path);
        assert_eq!(left.len(), 1);
        assert_eq!(left[0]["user"], "psid-bob");
        assert!(keep.kept().iter().all(|(u, _)| u == &bob));
        assert_eq!(keep.erase_user(&alice).await.unwrap(), 0, "nothing left");
        // Appends go to the new file.
        keep.send(&bob, &Reply::text("b2"), &OutboxLabel::Response)
            .await
            .unwrap();
        assert_eq!(lines(&path).len(), 2);
        assert_eq!(
            std::fs::read_dir(dir.path()).unwrap().count(),
            1,
            "no temp file"
        );
        #[cfg(unix)]
        {
            use std::os::unix::fs::PermissionsExt;
            let mode = std::fs::metadata(&path).unwrap().permissions().mode();
            assert_eq!(mode & 0o777, 0o600);
        }
    }
}
