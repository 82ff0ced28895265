//! Login codes: minted, redeemed once, expired, erased with their owner.

use chrono::Duration;

use super::{at, user};
use crate::{PendingLinkCode, SecretString, Store, digest};

fn code(tag: &str, owner: Option<bankbot_core::UserId>, minted: i64) -> PendingLinkCode {
    let text = format!("{tag}-{:016x}", rand::random::<u64>());
    PendingLinkCode {
        code_hash: digest(&text),
        token_hash: digest(&format!("token-{text}")),
        owner,
        provider_code: SecretString::new(format!("bank-code-Ü-{text}")),
        created_at: at(minted),
        expires_at: at(minted) + Duration::minutes(5),
    }
}

/// Link codes: a code is returned once (with its sealed bank code intact), never after it
/// expired, never twice; a duplicate hash is refused; purge and user erasure remove codes.
pub async fn link_codes(store: &dyn Store) {
    let owner = user("code");
    let fresh = code("fresh", Some(owner.clone()), 0);
    store.save_link_code(&fresh).await.expect("save code");
    assert!(
        store.save_link_code(&fresh).await.is_err(),
        "the same code hash is stored twice"
    );
    let taken = store
        .take_link_code(&fresh.code_hash, at(10))
        .await
        .expect("take code")
        .expect("a fresh code is returned");
    assert_eq!(taken, fresh, "the code round-trips, bank code decrypted");
    assert!(
        store
            .take_link_code(&fresh.code_hash, at(11))
            .await
            .expect("take again")
            .is_none(),
        "a code is redeemed at most once"
    );

    let unowned = code("unowned", None, 0);
    store.save_link_code(&unowned).await.expect("save unowned");
    let taken = store
        .take_link_code(&unowned.code_hash, at(1))
        .await
        .expect("take unowned")
        .expect("unowned code returned");
    assert_eq!(taken.owner, None);

    let stale = code("stale", None, 0);
    store.save_link_code(&stale).await.expect("save stale");
    assert!(
        store
            .take_link_code(&stale.code_hash, at(5 * 60))
            .await
            .expect("take stale")
            .is_none(),
        "an expired code is not returned"
    );
    assert!(
        store
            .take_link_code(&stale.code_hash, at(0))
            .await
            .expect("take stale again")
            .is_none(),
        "trying an expired code burns it"
    );

    let old = code("old", None, -3600);
    let current = code("current", None, 0);
    store.save_link_code(&old).await.expect("save old");
    store.save_link_code(&current).await.expect("save current");
    assert!(store.purge_link_codes(at(0)).await.expect("purge") >= 1);
    assert!(
        store
            .take_link_code(&old.code_hash, at(-3590))
            .await
            .expect("take purged")
            .is_none(),
        "purged codes are gone"
    );
    assert!(
        store
            .take_link_code(&current.code_hash, at(1))
            .await
            .expect("take current")
            .is_some(),
        "purge keeps unexpired codes"
    );

    let leaving = user("code-erased");
    let theirs = code("erased", Some(leaving.clone()), 0);
    store.save_link_code(&theirs).await.expect("save erased");
    store
        .delete_user(&leaving, at(2))
        .await
        .expect("delete user");
    assert!(
        store
            .take_link_code(&theirs.code_hash, at(3))
            .await
            .expect("take erased")
            .is_none(),
        "erasing a user erases the codes minted for them"
    );
}
