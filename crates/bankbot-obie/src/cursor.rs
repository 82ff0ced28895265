//! Opaque page tokens: a keyset cursor (the last transaction handed out) bound to the query
//! it belongs to, so a token keeps working when new transactions arrive in between.

use std::cmp::Reverse;

use bankbot_bank::{BankError, BankResult, PageToken, TransactionQuery};
use base64::Engine;
use base64::engine::general_purpose::URL_SAFE_NO_PAD;
use chrono::NaiveDateTime;
use serde::{Deserialize, Serialize};

use crate::parse::ObieTransaction;
use crate::wire::fnv1a;

/// The total order pages follow: newest booking time first, then account, then id.
pub(crate) type SortKey<'a> = (Reverse<NaiveDateTime>, &'a str, &'a str);

/// The position of `tx` in the page order.
pub(crate) fn sort_key(tx: &ObieTransaction) -> SortKey<'_> {
    (
        Reverse(tx.booked_at),
        tx.transaction.account_id.as_str(),
        tx.transaction.id.0.as_str(),
    )
}

/// What a page token carries.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub(crate) struct Cursor {
    /// Format version.
    v: u8,
    /// Fingerprint of the query's filters.
    q: String,
    /// Sort key of the last transaction handed out.
    at: NaiveDateTime,
    acc: String,
    id: String,
}

impl Cursor {
    /// The cursor just after `last`, for `query`.
    pub(crate) fn after(last: &ObieTransaction, query: &TransactionQuery) -> Cursor {
        Cursor {
            v: 1,
            q: fingerprint(query),
            at: last.booked_at,
            acc: last.transaction.account_id.0.clone(),
            id: last.transaction.id.0.clone(),
        }
    }

    /// The opaque token.
    pub(crate) fn encode(&self) -> PageToken {
        let json = serde_json::to_vec(self).unwrap_or_default();
        PageToken(URL_SAFE_NO_PAD.encode(json))
    }

    /// Reads a token handed out for `query`; anything else is an invalid request.
    pub(crate) fn decode(token: &PageToken, query: &TransactionQuery) -> BankResult<Cursor> {
        let invalid = || BankError::InvalidRequest("unknown page token".into());
        if token.0.len() > 4096 {
            return Err(invalid());
        }
        let bytes = URL_SAFE_NO_PAD
            .decode(token.0.as_bytes())
            .map_err(|_| invalid())?;
        let cursor: Cursor = serde_json::from_slice(&bytes).map_err(|_| invalid())?;
        if cursor.v != 1 || cursor.q != fingerprint(query) {
            return Err(invalid());
        }
        Ok(cursor)
    }

    /// The sort key of the transaction the cursor points after.
    pub(crate) fn key(&self) -> SortKey<'_> {
        (Reverse(self.at), self.acc.as_str(), self.id.as_str())
    }
}

/// A hash of every filter of `query` except the page token and the page size.
fn fingerprint(query: &TransactionQuery) -> String {
    let filters = TransactionQuery {
        limit: 0,
        page_token: None,
        ..query.clone()
    };
    let json = serde_json::to_string(&filters).unwrap_or_default();
    format!("{:016x}", fnv1a(&[&json]))
}

/// One page of `sorted` (already in [`sort_key`] order) starting after `token`, and the
/// token of the page after it.
pub(crate) fn page(
    sorted: Vec<ObieTransaction>,
    query: &TransactionQuery,
) -> BankResult<(Vec<ObieTransaction>, Option<PageToken>)> {
    let start = start_index(&sorted, query)?;
    let size = query.page_size();
    let mut rest = sorted.into_iter().skip(start);
    let items: Vec<ObieTransaction> = rest.by_ref().take(size).collect();
    let next = match (rest.next(), items.last()) {
        (Some(_), Some(last)) => Some(Cursor::after(last, query).encode()),
        _ => None,
    };
    Ok((items, next))
}

/// Where the page `query` asks for starts in `sorted`.
fn start_index(sorted: &[ObieTransaction], query: &TransactionQuery) -> BankResult<usize> {
    Ok(match &query.page_token {
        Some(token) => {
            let cursor = Cursor::decode(token, query)?;
            let key = cursor.key();
            sorted.partition_point(|tx| sort_key(tx) <= key)
        }
        None => 0,
    })
}

/// True when `sorted` settles the page `query` asks for without anything booked before
/// `boundary`: the page and the one transaction after it (which decides whether there is a
/// next page) are all booked at or after `boundary`.
pub(crate) fn covers(
    sorted: &[ObieTransaction],
    query: &TransactionQuery,
    boundary: NaiveDateTime,
) -> BankResult<bool> {
    let start = start_index(sorted, query)?;
    Ok(sorted
        .get(start + query.page_size())
        .is_some_and(|tx| tx.booked_at >= boundary))
}

/// The booking time the page token of `query` points after, if it has one.
pub(crate) fn position(query: &TransactionQuery) -> BankResult<Option<NaiveDateTime>> {
    query
        .page_token
        .as_ref()
        .map(|token| Cursor::decode(token, query).map(|c| c.at))
        .transpose()
}
