//! The intent and answer modules: one per intent the engine reports (`balance`,
//! `transactions`, `spending`, `atm`, `cards`, `fraud`, `handoff`, `linking`, `privacy`,
//! `privacy_info`, `access`, `alerts`, `small_talk`, `fallback`) and one per kind of
//! follow-up or narrower question answered from context ("and the one before?", "which ones
//! are free", "did it work?"). What they share (the turn's [`Ctx`](crate::ctx::Ctx), the
//! readers of `cues` and `words`, the catalogs, formatting, routing in `dispatch`) lives
//! beside this folder.

pub(crate) mod access;
pub(crate) mod account_watch;
pub(crate) mod afford;
pub(crate) mod alerts;
pub(crate) mod anything_else;
pub(crate) mod atm;
pub(crate) mod atm_elsewhere;
pub(crate) mod atm_fees;
pub(crate) mod atm_hours;
pub(crate) mod atm_place_guess;
pub(crate) mod balance;
pub(crate) mod bereaved;
pub(crate) mod cancel;
pub(crate) mod card_bill;
pub(crate) mod card_brand;
pub(crate) mod card_named;
pub(crate) mod card_status;
pub(crate) mod cards;
pub(crate) mod closing;
pub(crate) mod compare;
pub(crate) mod contact;
pub(crate) mod debited;
pub(crate) mod double_charge;
pub(crate) mod exact_amount;
pub(crate) mod fallback;
pub(crate) mod farewell_wish;
pub(crate) mod figure_asked;
pub(crate) mod foreign;
pub(crate) mod fraud;
pub(crate) mod fraud_answer;
pub(crate) mod greeting_back;
pub(crate) mod handoff;
pub(crate) mod how_are_you;
pub(crate) mod how_then;
pub(crate) mod income_before;
pub(crate) mod last_before;
pub(crate) mod linking;
pub(crate) mod listed_total;
pub(crate) mod lock_all;
pub(crate) mod lock_check;
pub(crate) mod lock_order;
pub(crate) mod lock_reminder;
pub(crate) mod money_out;
pub(crate) mod named_account;
pub(crate) mod named_charge;
pub(crate) mod new_list;
pub(crate) mod one_item;
pub(crate) mod others_data;
pub(crate) mod phishing;
pub(crate) mod phishing_link;
pub(crate) mod previous;
pub(crate) mod privacy;
pub(crate) mod privacy_info;
pub(crate) mod recall;
pub(crate) mod refund;
pub(crate) mod retention;
pub(crate) mod scam;
pub(crate) mod scam_checks;
pub(crate) mod shift;
pub(crate) mod since_then;
pub(crate) mod small_talk;
pub(crate) mod spending;
pub(crate) mod stay_with_bot;
pub(crate) mod swallowed;
pub(crate) mod taken_back;
pub(crate) mod transactions;
pub(crate) mod unlock_question;
pub(crate) mod what_on;
pub(crate) mod when_was_it;
pub(crate) mod within;
