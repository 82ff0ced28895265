//! Recording delivered replies in groups (group commit for `mark_sent`).
//!
//! Each delivered reply is marked sent before its user's next reply goes, so a crash leaves
//! at most the reply in hand in doubt per user. The sender loop delivers to many users at
//! once, and each of them used to record its reply in a `DELETE` of its own — on SQLite one
//! more statement on the single writer connection per reply, queued in front of webhook
//! inserts. [`SentMarks`] combines the marks waiting at the same moment into one statement
//! ([`Outbox::mark_sent_held`](bankbot_store::Outbox::mark_sent_held)): whoever finds the
//! store free writes every mark queued so far and answers the others, and each caller
//! still returns only once its own mark is committed. An idle bot writes each mark at once.
//! When the grouped statement fails, each caller records its own mark again on its own
//! ([`Outbox::mark_sent`](bankbot_store::Outbox::mark_sent)), which tells the exact
//! outcome (retryable outage, claim lost) for that one reply.

use std::sync::{Arc, Mutex};

use bankbot_store::{OutboxClaim, Store, StoreError};
use tokio::sync::oneshot;

/// Most marks written in one statement (the outbox claims at most this many per round).
const GROUP_LIMIT: usize = 200;

/// What the grouped statement said about one mark.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Grouped {
    /// Still claimed under its fence: deleted (sent).
    Held,
    /// Taken back meanwhile: another sender's now.
    Lost,
    /// The grouped statement failed: record this one on its own.
    Failed,
}

/// The answer to a queued mark, if there is one yet. A writer that took the mark and went
/// away before answering (its caller was cancelled) leaves it unknown whether the mark was
/// written: the caller records it on its own, which tells.
fn answer_of(answered: &mut oneshot::Receiver<Grouped>) -> Option<Grouped> {
    match answered.try_recv() {
        Ok(outcome) => Some(outcome),
        Err(oneshot::error::TryRecvError::Closed) => Some(Grouped::Failed),
        Err(oneshot::error::TryRecvError::Empty) => None,
    }
}

/// A mark waiting for a writer.
struct Waiting {
    claim: OutboxClaim,
    answer: oneshot::Sender<Grouped>,
}

/// Marks of one store, combined while the store is busy with earlier ones.
pub(crate) struct SentMarks {
    store: Arc<dyn Store>,
    waiting: Mutex<Vec<Waiting>>,
    writing: tokio::sync::Mutex<()>,
}

impl std::fmt::Debug for SentMarks {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("SentMarks").finish_non_exhaustive()
    }
}

impl SentMarks {
    pub(crate) fn new(store: Arc<dyn Store>) -> Self {
        SentMarks {
            store,
            waiting: Mutex::new(Vec::new()),
            writing: tokio::sync::Mutex::new(()),
        }
    }

    /// Marks `claim` sent, as [`Outbox::mark_sent`](bankbot_store::Outbox::mark_sent):
    /// `NotClaimed` when the claim was lost, a store error when it could not be recorded.
    pub(crate) async fn mark_sent(&self, claim: OutboxClaim) -> Result<(), StoreError> {
        let (answer, mut answered) = oneshot::channel();
        self.lock_waiting().push(Waiting { claim, answer });
        let outcome = loop {
            // Whoever holds `writing` writes every mark queued so far, ours included unless
            // an earlier writer took it already.
            let _writing = self.writing.lock().await;
            if let Some(outcome) = answer_of(&mut answered) {
                break outcome;
            }
            let group: Vec<Waiting> = {
                let mut waiting = self.lock_waiting();
                let take = waiting.len().min(GROUP_LIMIT);
                waiting.drain(..take).collect()
            };
            self.write(group).await;
            if let Some(outcome) = answer_of(&mut answered) {
                break outcome;
            }
        };
        match outcome {
            Grouped::Held => Ok(()),
            Grouped::Lost => Err(StoreError::NotClaimed),
            Grouped::Failed => self.store.mark_sent(claim).await,
        }
    }

    /// One statement for `group`, then each mark's answer.
    async fn write(&self, group: Vec<Waiting>) {
        if group.is_empty() {
            return;
        }
        let claims: Vec<OutboxClaim> = group.iter().map(|w| w.claim).collect();
        let held = match self.store.mark_sent_held(&claims).await {
            Ok(held) => Some(held),
            Err(err) => {
                tracing::debug!(
                    error = err.kind(),
                    marks = claims.len(),
                    "grouped mark failed"
                );
                None
            }
        };
        for waiting in group {
            let outcome = match &held {
                Some(held) if held.contains(&waiting.claim.id) => Grouped::Held,
                Some(_) => Grouped::Lost,
                None => Grouped::Failed,
            };
            // The caller may have gone (its round was cancelled): nothing to tell.
            let _ = waiting.answer.send(outcome);
        }
    }

    fn lock_waiting(&self) -> std::sync::MutexGuard<'_, Vec<Waiting>> {
        // A panic while the list was held leaves it consistent (pushes and drains only).
        self.waiting
            .lock()
            .unwrap_or_else(std::sync::PoisonError::into_inner)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use bankbot_core::{Clock, OutboxLabel, SystemClock, UserId};
    use bankbot_store::{EncryptionKey, OutboxMessage};

    async fn store() -> Arc<dyn Store> {
        bankbot_store::connect("sqlite::memory:", EncryptionKey::generate())
            .await
            .expect("store")
    }

    async fn claims(store: &Arc<dyn Store>, users: usize) -> Vec<OutboxClaim> {
        let now = SystemClock.now();
        let messages = (0..users)
            .map(|n| {
                let user = UserId::new(format!("sent-marks-{n}"));
                OutboxMessage::new(user, OutboxLabel::Response, format!("\"reply {n}\""))
            })
            .collect();
        store.enqueue(messages, now).await.expect("enqueue");
        let due = store.claim_due(now, 100).await.expect("claim");
        assert_eq!(due.len(), users);
        due.iter().map(|m| m.claim()).collect()
    }

    #[tokio::test]
    async fn concurrent_marks_are_each_recorded_once() {
        let store = store().await;
        let marks = SentMarks::new(store.clone());
        let claims = claims(&store, 40).await;
        let outcomes = futures::future::join_all(claims.iter().map(|c| marks.mark_sent(*c))).await;
        assert!(outcomes.iter().all(Result::is_ok), "{outcomes:?}");
        let counts = store.outbox_counts().await.expect("counts");
        assert_eq!((counts.pending, counts.in_progress), (0, 0));
        for claim in claims.iter().take(3) {
            let again = marks.mark_sent(*claim).await;
            assert!(matches!(again, Err(StoreError::NotClaimed)), "{again:?}");
        }
    }

    #[tokio::test]
    async fn a_lost_claim_in_a_group_is_refused_and_the_others_recorded() {
        let store = store().await;
        let marks = SentMarks::new(store.clone());
        let claims = claims(&store, 5).await;
        store.mark_sent(claims[2]).await.expect("sent elsewhere");
        let outcomes = futures::future::join_all(claims.iter().map(|c| marks.mark_sent(*c))).await;
        for (n, outcome) in outcomes.iter().enumerate() {
            match n {
                2 => assert!(
                    matches!(outcome, Err(StoreError::NotClaimed)),
                    "{outcome:?}"
                ),
                _ => assert!(outcome.is_ok(), "{n}: {outcome:?}"),
            }
        }
    }

    #[tokio::test]
    async fn a_mark_dropped_by_a_cancelled_writer_is_recorded_by_its_caller() {
        let store = store().await;
        let marks = Arc::new(SentMarks::new(store.clone()));
        let claim = claims(&store, 1).await[0];
        let busy = marks.writing.lock().await;
        let caller = tokio::spawn({
            let marks = marks.clone();
            async move { marks.mark_sent(claim).await }
        });
        while marks.lock_waiting().is_empty() {
            tokio::task::yield_now().await;
        }
        // As a writer cancelled after taking the mark, before answering it.
        marks.lock_waiting().clear();
        drop(busy);
        let outcome = caller.await.expect("caller");
        assert!(outcome.is_ok(), "{outcome:?}");
        let again = marks.mark_sent(claim).await;
        assert!(matches!(again, Err(StoreError::NotClaimed)), "{again:?}");
    }

    #[tokio::test]
    async fn a_closed_store_reports_the_error_of_each_mark() {
        let store = store().await;
        let marks = SentMarks::new(store.clone());
        let claims = claims(&store, 3).await;
        store.close().await;
        let outcomes = futures::future::join_all(claims.iter().map(|c| marks.mark_sent(*c))).await;
        for outcome in outcomes {
            let err = outcome.expect_err("the store is closed");
            assert!(!matches!(err, StoreError::NotClaimed), "{err:?}");
        }
    }
}
