//! One turn for one user: link + session → intent engine → policy → handler → effects.

use std::sync::Arc;

use bankbot_bank::LinkingProvider;
use bankbot_core::{AlertKind, AlertSettings, Clock, IntentMatch, Lang, Reply, UserId};
use bankbot_handlers::{
    HandlerError, Input, Notice, Outcome, Pending, Services, Turn, error_reply, notice_reply,
    respond,
};
use bankbot_nlu::Engine;
use bankbot_store::{AuditEntry, Consent, Link, SessionWrite, Store};
use chrono::Duration;

use crate::prefetch::{Loaded, TurnData};
use crate::requests::{ParseMemo, Reader};
use crate::session_lang::follow_lang;
use crate::{RuntimeError, SessionDoc, ThreadControl, UserEvent};

/// Knobs of the policy.
#[derive(Debug, Clone)]
pub struct BotOptions {
    /// Card actions need an authentication younger than this.
    pub card_action_max_auth_age: Duration,
    /// A session idle this long starts afresh.
    pub session_ttl: Duration,
    /// The language for users the bot knows nothing about.
    pub default_lang: Lang,
    /// Alerts that are on until a customer says otherwise.
    pub alerts_on_by_default: Vec<AlertKind>,
    /// When proactive alerts may be sent (window, quiet hours, utility template).
    pub alert_delivery: bankbot_alerts::DeliveryPolicy,
}

impl Default for BotOptions {
    fn default() -> Self {
        BotOptions {
            card_action_max_auth_age: Duration::minutes(15),
            session_ttl: Duration::hours(24),
            default_lang: Lang::En,
            alerts_on_by_default: vec![AlertKind::FraudSuspected],
            alert_delivery: bankbot_alerts::DeliveryPolicy::default(),
        }
    }
}

/// One answered turn: the replies and the session to save (`None` after an erasure).
#[derive(Debug, Clone)]
pub struct TurnResult {
    /// Replies, in sending order.
    pub replies: Vec<Reply>,
    /// The session after the turn.
    pub session: Option<SessionWrite>,
    /// What the turn showed, for the audit chain: the dispatcher appends it with the
    /// batch completion (one chained append per batch, in the same transaction);
    /// [`Bot::handle`] appends it at once.
    pub audit: Vec<AuditEntry>,
}

/// The bot: everything needed to answer a user. Cheap to share behind an `Arc`.
pub struct Bot {
    pub(crate) nlu: Arc<Engine>,
    pub(crate) services: Services,
    pub(crate) linking: Arc<dyn LinkingProvider>,
    pub(crate) store: Arc<dyn Store>,
    pub(crate) humans: Arc<dyn ThreadControl>,
    pub(crate) clock: Arc<dyn Clock>,
    pub(crate) options: BotOptions,
    pub(crate) fraud: Option<Arc<dyn bankbot_bank::FraudReporting>>,
    pub(crate) link_codes: crate::LinkCodes,
    pub(crate) data_holders: Vec<Arc<dyn crate::UserDataHolder>>,
    pub(crate) observer: Option<Arc<dyn crate::TurnObserver>>,
}

impl std::fmt::Debug for Bot {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Bot")
            .field("options", &self.options)
            .finish_non_exhaustive()
    }
}

impl Bot {
    /// Assembles a bot. `services.clock` and `clock` should be the same clock.
    pub fn new(
        nlu: Arc<Engine>,
        services: Services,
        linking: Arc<dyn LinkingProvider>,
        store: Arc<dyn Store>,
        humans: Arc<dyn ThreadControl>,
        options: BotOptions,
    ) -> Self {
        let clock = services.clock.clone();
        let link_codes = crate::LinkCodes::new(store.clone());
        Bot {
            nlu,
            services,
            linking,
            link_codes,
            store,
            humans,
            clock,
            options,
            fraud: None,
            data_holders: Vec::new(),
            observer: None,
        }
    }

    /// Somewhere else that keeps data about users (the demo's kept replies): "delete my
    /// data" erases it there too.
    pub fn with_user_data_holder(mut self, holder: Arc<dyn crate::UserDataHolder>) -> Self {
        self.data_holders.push(holder);
        self
    }

    /// Where customers' answers to fraud checks go (without it, "yes" is only noted
    /// locally and "no" still locks the card).
    pub fn with_fraud_reporting(mut self, fraud: Arc<dyn bankbot_bank::FraudReporting>) -> Self {
        self.fraud = Some(fraud);
        self
    }

    /// Told what the engine understood of each parsed message (the playground's panel).
    pub fn with_turn_observer(mut self, observer: Arc<dyn crate::TurnObserver>) -> Self {
        self.observer = Some(observer);
        self
    }

    /// How login codes are minted and checked; replaces the default (bound to the token
    /// only, system clock), e.g. with one that asks Messenger whose token it is.
    pub fn with_link_codes(mut self, link_codes: crate::LinkCodes) -> Self {
        self.link_codes = link_codes;
        self
    }

    /// Mints the login codes the `account_linking` webhook redeems (for the login page).
    pub fn link_codes(&self) -> &crate::LinkCodes {
        &self.link_codes
    }

    /// The connectors the handlers call (for tools that check a turn's effects).
    pub fn services(&self) -> &Services {
        &self.services
    }

    /// The store the bot writes to.
    pub fn store(&self) -> &Arc<dyn Store> {
        &self.store
    }

    /// The bot's clock (what "now" means for sessions and the messaging window).
    pub fn clock(&self) -> &Arc<dyn Clock> {
        &self.clock
    }

    /// Answers one event of `user`. Handler and bank errors come back as customer-safe
    /// replies; only store failures (worth retrying the whole event) are errors.
    pub async fn handle(
        &self,
        user: &UserId,
        event: &UserEvent,
    ) -> Result<Vec<Reply>, RuntimeError> {
        if event.is_alert() {
            let labelled = self.alert_event(user, event).await?;
            return Ok(labelled.into_iter().map(|(reply, _)| reply).collect());
        }
        let turn = self.turn(user, event).await?;
        for entry in &turn.audit {
            self.store.append_audit(entry).await?;
        }
        if let Some(write) = &turn.session {
            self.store
                .save_session(&write.user, &write.doc, self.clock.now(), write.expires_at)
                .await?;
            if let Some(at) = write.last_inbound {
                self.store.record_inbound(&write.user, at).await?;
            }
        }
        Ok(turn.replies)
    }

    /// Like [`Bot::handle`], but leaves saving the session to the caller (the dispatcher
    /// saves it in the same transaction as the replies).
    pub async fn turn(&self, user: &UserId, event: &UserEvent) -> Result<TurnResult, RuntimeError> {
        let session = self.store.load_session(user, self.clock.now()).await?;
        let link = self.store.link(user).await?;
        self.turn_with(user, event, TurnData::new(session, link))
            .await
    }

    /// [`Bot::turn`] with what the turn starts from already loaded (by [`Bot::prefetch`]
    /// for a batch, or [`TurnData::new`]); it must be current: load it just before.
    pub async fn turn_with(
        &self,
        user: &UserId,
        event: &UserEvent,
        data: TurnData,
    ) -> Result<TurnResult, RuntimeError> {
        let TurnData {
            session,
            link,
            mut loaded,
        } = data;
        let now = self.clock.now();
        let mut session = match session {
            Some(s) => SessionDoc::from_json(s.doc),
            None => SessionDoc::default(),
        };
        let mut inbound_at = None;
        let mut audit = Vec::new();
        // Dictated punctuation, "a TM" for an ATM, a closing "fr": the message as meant.
        let spoken;
        let event = match event {
            UserEvent::Message {
                text,
                quick_reply: None,
            } => match crate::spoken::meant(text) {
                Some(text) => {
                    spoken = UserEvent::Message {
                        text,
                        quick_reply: None,
                    };
                    &spoken
                }
                None => event,
            },
            _ => event,
        };
        // A title typed ("Low balance" after the alerts menu): the tap it names.
        let tapped;
        let event = match event {
            UserEvent::Message {
                text,
                quick_reply: None,
            } if !session.handed_over => match crate::typed_choice::typed(text, &session.offered) {
                Some(payload) => {
                    tapped = UserEvent::Message {
                        text: text.clone(),
                        quick_reply: Some(payload),
                    };
                    &tapped
                }
                None => event,
            },
            _ => event,
        };
        let replies = match event {
            UserEvent::AccountLinked { authorization_code } => {
                self.link_account(user, authorization_code, &mut session)
                    .await?
            }
            UserEvent::AccountUnlinked => {
                self.forget_link(user, link.as_ref(), "account_unlinked")
                    .await?;
                let lang = session.lang.unwrap_or(self.options.default_lang);
                notice_reply(Notice::Unlinked, lang, &self.services.link_url)
            }
            UserEvent::HumanReplied => {
                session.handed_over = true;
                Vec::new()
            }
            UserEvent::ThreadReturned => {
                session.handed_over = false;
                session.dialog.misses = 0;
                let lang = session.lang.unwrap_or(self.options.default_lang);
                notice_reply(Notice::BotBack, lang, &self.services.link_url)
            }
            _ if session.handed_over => {
                tracing::debug!("a person owns the thread; the bot stays quiet");
                Vec::new()
            }
            UserEvent::Message { .. } | UserEvent::Postback { .. } | UserEvent::Location { .. } => {
                inbound_at = Some(now);
                let answered = self
                    .fraud_answer(user, event, link.as_ref(), &mut session, &mut audit)
                    .await?;
                let mut replies = match answered {
                    Some(replies) => {
                        // It may have removed alerts or the link: ask the store again.
                        loaded.forget_alerts();
                        replies
                    }
                    None => {
                        let (replies, erased) = self
                            .converse(
                                user,
                                event,
                                link.as_ref(),
                                &mut session,
                                &mut audit,
                                &mut loaded,
                            )
                            .await?;
                        if erased {
                            // Everything tied to the user is gone: confirm, but keep nothing.
                            return Ok(TurnResult {
                                replies,
                                session: None,
                                audit,
                            });
                        }
                        replies
                    }
                };
                replies.extend(
                    self.waiting_alerts(user, link.as_ref(), &session, loaded)
                        .await?,
                );
                session.offered = crate::typed_choice::offered(&replies);
                replies
            }
            UserEvent::Alert { .. } | UserEvent::AlertDue { .. } => Vec::new(),
        };
        let session = SessionWrite {
            user: user.clone(),
            doc: session.to_json(),
            expires_at: now + self.options.session_ttl,
            last_inbound: inbound_at,
        };
        Ok(TurnResult {
            replies,
            session: Some(session),
            audit,
        })
    }

    /// A conversational turn: the replies, and whether it erased the user's data (then
    /// nothing may be saved afterwards). What it showed is added to `audit`.
    async fn converse(
        &self,
        user: &UserId,
        event: &UserEvent,
        link: Option<&Link>,
        session: &mut SessionDoc,
        audit: &mut Vec<AuditEntry>,
        loaded: &mut Loaded,
    ) -> Result<(Vec<Reply>, bool), RuntimeError> {
        let now = self.clock.now();
        let customer = match self.active_customer(user, link).await? {
            Some(Err(err)) => {
                // The link may be gone with what waited for it.
                loaded.forget_alerts();
                let lang = session.lang.unwrap_or(self.options.default_lang);
                let replies = self
                    .error_replies(user, &HandlerError::Bank(err), lang)
                    .await;
                return Ok((replies, false));
            }
            Some(Ok(customer)) => Some(customer),
            None => None,
        };
        // A linked customer's first message ("yo", "slt"): their language is the one the
        // bank knows them by, not a guess from one word.
        if session.lang.is_none()
            && let Some(credential) = customer.as_ref()
        {
            session.lang = self.bank_lang(credential).await;
        }
        let auth_fresh = link.is_some_and(|l| {
            now - l.last_authenticated_at <= self.options.card_action_max_auth_age
        });
        let alerts = match loaded.consents.take() {
            Some(consents) => self.alert_settings_of(&consents),
            None => self.alert_settings(user).await?,
        };
        let mut comparing = false;
        let memo = ParseMemo::default();
        let reader = Reader {
            nlu: &self.nlu,
            today: now.date_naive(),
            lang: session.lang,
            memo: &memo,
        };
        let parts: Vec<(String, IntentMatch)> = match event {
            UserEvent::Message {
                text,
                quick_reply: None,
            } if !matches!(
                session.dialog.pending,
                Some(
                    Pending::CardLockConfirm { .. }
                        | Pending::UnlinkConfirm
                        | Pending::DeleteConfirm
                )
            ) =>
            {
                let last = session
                    .dialog
                    .last_intent
                    .map(|i| (i, &session.dialog.last_slots));
                match crate::requests::comparison::parts(reader, text, last) {
                    Some(parts) => {
                        comparing = parts.len() == 2;
                        parts
                    }
                    None => crate::requests::requests(reader, text),
                }
            }
            UserEvent::Message {
                text,
                quick_reply: None,
            } => crate::requests::answering(reader, text),
            _ => Vec::new(),
        };
        if let (Some((_, p)), UserEvent::Message { text, .. }) = (parts.first(), event) {
            follow_lang(session, p.lang, text);
        }
        if let Some(observer) = &self.observer {
            for (text, parsed) in &parts {
                observer.understood(user, text, parsed, session.lang);
            }
        }
        let inputs: Vec<Input<'_>> = match event {
            UserEvent::Message {
                quick_reply: Some(payload),
                ..
            }
            | UserEvent::Postback { payload } => vec![Input::Postback { payload }],
            // "did I spend more this month than last?": both periods, then the difference.
            UserEvent::Message { .. } if comparing => vec![Input::Compare {
                first: (&parts[0].0, &parts[0].1),
                second: (&parts[1].0, &parts[1].1),
            }],
            UserEvent::Message { .. } => parts
                .iter()
                .map(|(text, parsed)| Input::Message { text, parsed })
                .collect(),
            UserEvent::Location { point } => vec![Input::Location(*point)],
            _ => return Ok((Vec::new(), false)),
        };
        let lang = session.lang.unwrap_or(self.options.default_lang);
        let mut replies = Vec::new();
        let several = inputs.len() > 1;
        let mut asked_here: Option<Pending> = None;
        // The question open before the message: never joined to one asked by it.
        let before = session.dialog.pending.clone();
        for input in inputs {
            // "thanks! and my savings?": a short welcome, then the answer — never "anything
            // else?" before it.
            if several
                && matches!(input, Input::Message { parsed, .. } if parsed.intent == bankbot_core::IntentId::Thanks)
            {
                replies.extend(notice_reply(
                    Notice::WelcomeBeforeAnswer,
                    lang,
                    &self.services.link_url,
                ));
                continue;
            }
            let turn = Turn {
                people_available: self.humans.people_available(),
                input,
                lang,
                customer: customer.as_ref(),
                auth_fresh,
                alerts: &alerts,
            };
            match respond(&self.services, turn, &mut session.dialog).await {
                Ok(Outcome {
                    replies: more,
                    effects,
                }) => {
                    // Two parts of one message read alike ("il m'a dit qu'il était du service
                    // fraude et qu'il fallait virer mon argent") get the answer once.
                    for reply in more {
                        if !replies.contains(&reply) {
                            replies.push(reply);
                        }
                    }
                    if effects
                        .iter()
                        .any(|e| !matches!(e, bankbot_handlers::Effect::Audit { .. }))
                    {
                        // Unlinking, erasing or consents change what was loaded.
                        loaded.forget_alerts();
                    }
                    // A question asked by an earlier request of the message stays open (one
                    // open before the message was answered or dropped by its first part).
                    // Two alerts offered alike by two parts ("low balance and big payments?")
                    // are one question, whose yes switches both.
                    match &session.dialog.pending {
                        Some(open) => {
                            let earlier =
                                asked_here.as_ref().filter(|p| Some(*p) != before.as_ref());
                            let joined = open.clone().joined(earlier);
                            session.dialog.pending = Some(joined.clone());
                            asked_here = Some(joined);
                        }
                        None if several => session.dialog.pending = asked_here.clone(),
                        None => {}
                    }
                    let erased = self
                        .apply(
                            user,
                            link,
                            customer.as_ref(),
                            session,
                            effects,
                            crate::effects::Produced {
                                replies: &mut replies,
                                audit,
                            },
                        )
                        .await?;
                    if erased {
                        return Ok((replies, true));
                    }
                }
                Err(err) => {
                    replies.extend(self.error_replies(user, &err, lang).await);
                    break;
                }
            }
        }
        Ok((replies, false))
    }

    /// The one place a failure becomes a customer-safe reply (and an audit entry).
    pub(crate) async fn error_replies(
        &self,
        user: &UserId,
        err: &HandlerError,
        lang: Lang,
    ) -> Vec<Reply> {
        tracing::warn!(error = err.kind(), "turn failed");
        let entry = AuditEntry::new(self.clock.now(), Some(user), "turn_failed")
            .with_data_kind(err.kind().replace(|c: char| !c.is_ascii_lowercase(), "_"));
        if let Err(audit_err) = self.store.append_audit(&entry).await {
            tracing::error!(%audit_err, "could not audit a failed turn");
        }
        error_reply(err, lang, &self.services.link_url)
    }

    pub(crate) async fn alert_settings(
        &self,
        user: &UserId,
    ) -> Result<AlertSettings, RuntimeError> {
        let consents = self.store.current_consents(user).await?;
        Ok(self.alert_settings_of(&consents))
    }

    /// The alerts switched on, given the user's current consents.
    fn alert_settings_of(&self, consents: &[Consent]) -> AlertSettings {
        let kinds = AlertKind::ALL.iter().copied().filter(|kind| {
            match consents.iter().find(|c| c.topic == kind.as_str()) {
                Some(c) => c.granted,
                None => self.options.alerts_on_by_default.contains(kind),
            }
        });
        AlertSettings::with(kinds)
    }
}
