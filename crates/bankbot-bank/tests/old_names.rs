//! A connector crate written against the names before "session" meant only a conversation
//! still builds: the old type names and `DemoBank::session_for` remain, deprecated.
#![allow(deprecated)]

use std::sync::Arc;

use bankbot_bank::demo::DemoBank;
use bankbot_bank::{
    ActiveCredential, ActiveSession, BankConnector, CustomerCredential, CustomerSession,
};
use bankbot_core::{CustomerRef, FixedClock};

#[tokio::test]
async fn old_names_are_the_new_types() {
    let bank = DemoBank::builtin(Arc::new(FixedClock::parse("2026-11-29").unwrap()));
    let alice = CustomerRef::new("cust-alice");
    let old: CustomerSession = bank.session_for(&alice).unwrap();
    let new: CustomerCredential = bank.credential_for(&alice).unwrap();
    assert_eq!(old, new);
    assert_eq!(
        bank.accounts(&old).await.unwrap(),
        bank.accounts(&new).await.unwrap()
    );
    let active: ActiveSession = ActiveCredential {
        credential: new,
        renewed: None,
    };
    assert_eq!(active.credential, old);
}
