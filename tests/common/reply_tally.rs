//! The reply tally of the runs that kill or starve `bankbot serve` processes
//! (`tests/chaos.rs`, `tests/db_outage.rs`): each message asks for the ATMs near a postcode
//! and its reply names that postcode, so the replies a user got are compared with the
//! messages they had acknowledged: none lost, none doubled, in order.

use std::time::Instant;

use bankbot_testkit::MockGraphApi;

/// An ATM reply the mock Graph API accepted.
#[derive(Debug, Clone)]
pub struct Answer {
    /// The postcode the reply names.
    pub postcode: String,
    /// The page access token it was sent with (each process start may use its own).
    pub token: String,
    /// When the mock received it.
    pub at: Instant,
}

/// What came back for one user (or all) compared with what they had acknowledged.
#[derive(Debug, Default, PartialEq, Eq)]
pub struct Tally {
    pub lost: usize,
    pub duplicated: usize,
    pub reordered: usize,
    /// Duplicates whose first copy Meta accepted from a process that was killed right
    /// after, before it could record the send (as `in_doubt` of [`tally`] says).
    pub in_doubt_at_kill: usize,
}

impl std::ops::AddAssign<&Tally> for Tally {
    fn add_assign(&mut self, other: &Tally) {
        self.lost += other.lost;
        self.duplicated += other.duplicated;
        self.reordered += other.reordered;
        self.in_doubt_at_kill += other.in_doubt_at_kill;
    }
}

/// Compares the postcodes a user was answered about (`got`, in order) with those of their
/// acknowledged messages (`expected`, in order; consecutive ones always differ);
/// `in_doubt` says whether a copy was sent by a process killed right after.
pub fn tally(expected: &[&str], got: &[Answer], in_doubt: impl Fn(&Answer) -> bool) -> Tally {
    let mut deduped: Vec<&Answer> = Vec::new();
    let (mut duplicated, mut in_doubt_at_kill) = (0, 0);
    for g in got {
        match deduped.last() {
            Some(prev) if prev.postcode == g.postcode => {
                duplicated += 1;
                if in_doubt(prev) {
                    in_doubt_at_kill += 1;
                }
            }
            _ => deduped.push(g),
        }
    }
    let deduped: Vec<&str> = deduped.iter().map(|a| a.postcode.as_str()).collect();
    // Consecutive messages of a user never share a postcode, so a repeat is a duplicate;
    // what remains must be `expected` itself, or a subsequence of it (replies lost).
    let mut it = expected.iter();
    let in_order = deduped.iter().all(|d| it.any(|e| e == d));
    let reordered = match in_order {
        true => 0,
        false => deduped
            .iter()
            .zip(expected)
            .filter(|(d, e)| d != e)
            .count()
            .max(1),
    };
    Tally {
        lost: expected.len().saturating_sub(deduped.len()),
        duplicated,
        reordered,
        in_doubt_at_kill,
    }
}

/// The ATM replies `graph` accepted for `psid`, in order.
pub fn answered(graph: &MockGraphApi, psid: &str) -> Vec<Answer> {
    graph
        .sent()
        .iter()
        .filter(|r| r.is_message() && r.succeeded() && r.recipient_id().as_deref() == Some(psid))
        .filter_map(|r| {
            let text = r.body.pointer("/message/text")?.as_str()?;
            let at = text.find("cash machines to ")? + "cash machines to ".len();
            Some(Answer {
                postcode: text.get(at..at + 5)?.to_owned(),
                token: r.access_token()?.to_owned(),
                at: r.received_at,
            })
        })
        .collect()
}

/// Answers naming `postcodes`, as [`answered`] reads them (for the tally's own tests).
pub fn answers(postcodes: &[&str]) -> Vec<Answer> {
    let now = Instant::now();
    postcodes
        .iter()
        .map(|p| Answer {
            postcode: p.to_string(),
            token: "t".into(),
            at: now,
        })
        .collect()
}
