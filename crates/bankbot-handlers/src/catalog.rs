//! Reply catalogs: every customer-facing text, once per language. A message is a [`Msg`]
//! value; each language renders every variant (the compiler checks none is missing).

use bankbot_core::{AccountKind, AlertKind, Category, Lang};

use crate::cues::Unsupported;
use crate::intents::bot_identity::Asked;
use crate::intents::farewell_wish::Wish;
use crate::intents::stand_down::StandDown;

mod alert;
mod bank_label;
mod en;
mod flow;
mod fr;
mod picked;
mod privacy;

pub(crate) use alert::{AlertMsg, Purchase as AlertPurchase, text as alert_text};
pub(crate) use flow::FlowMsg;
pub(crate) use picked::PickedMsg;
pub(crate) use privacy::PrivacyMsg;

/// Filters described in a transaction answer, already formatted for the language.
#[derive(Debug, Clone, Default)]
pub(crate) struct TxFilters<'a> {
    pub merchant: Option<&'a str>,
    pub category: Option<Category>,
    pub account: Option<AccountKind>,
    pub range: Option<String>,
    pub min: Option<String>,
    pub max: Option<String>,
}

/// How one spending total weighs against another.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Weighed {
    More,
    Less,
    Same,
}

/// Every message the bot can send.
#[derive(Debug, Clone)]
pub(crate) enum Msg<'a> {
    // linking
    LinkNeeded,
    /// A lock asked before the account is linked: who can block a lost or stolen card at
    /// once, then the link.
    LockNeedsLink(Contact<'a>),
    LinkPrompt,
    AlreadyLinked,
    NotLinked,
    UnlinkAsk,
    Unlinked,
    UnlinkKept,
    Linked,
    LinkFailed,
    BotBack,
    AlertsWaiting(u32),
    // balances
    BalanceIntro,
    BalanceDeposit {
        label: &'a str,
        current: &'a str,
        available: Option<&'a str>,
    },
    BalanceCredit {
        label: &'a str,
        owed: &'a str,
        available: Option<&'a str>,
    },
    BalanceLoan {
        label: &'a str,
        owed: &'a str,
    },
    NoAccountOfKind(AccountKind),
    /// An account named by last digits that none of the customer's has.
    NoAccountEnding(&'a str),
    /// "4321 is my checking right?": yes or no, with the account those digits are.
    AccountDigitsAre {
        yes: bool,
        label: &'a str,
    },
    /// "amex?" with no American Express card: the brand named.
    NoCardBrand(&'a str),
    NoAccounts,
    /// "jsuis srx là", "i'm serious" with nothing new asked: the bot listens.
    Insisted,
    BalanceNotOverdrawn,
    /// "Is that before or after the gas I bought this morning?": what each balance counts.
    BalanceCountsPending,
    /// "how much will i have left after rent": the usual rent, the last one paid.
    UsualRent {
        amount: &'a str,
        date: &'a str,
        who: &'a str,
    },
    /// "how much will i have left after rent" with no rent paid lately.
    NoRentFound,
    /// "can i afford a 300 dollar flight": the amount fits in what can be spent now.
    AffordFits {
        label: &'a str,
        available: &'a str,
        amount: &'a str,
        left: &'a str,
    },
    /// The amount is more than what can be spent now.
    AffordShort {
        label: &'a str,
        available: &'a str,
        amount: &'a str,
        short: &'a str,
    },
    /// "will i make it to payday": what can be spent now.
    AffordAvailable {
        label: &'a str,
        available: &'a str,
    },
    /// The bot sees today's balances only.
    AffordNoForecast,
    /// "how much on food": groceries and dining counted together.
    SpendFood,
    /// "apart from rent" after a total: what was left out of it.
    SpendWithout(&'a str),
    /// "total for both" after two totals: each ("Starbucks ($11.05)") and their sum.
    SpendBoth {
        first: &'a str,
        second: &'a str,
        total: &'a str,
        range: &'a str,
    },
    /// "is that normal", "how come" after an answer: figures seen, not their reasons.
    ReasonNotSeen,
    /// "can I take out 300 at the ATM": the daily cash limit is the bank's, not seen here.
    AffordCashLimit,
    BalanceOverdrawn {
        label: &'a str,
        amount: &'a str,
    },
    BalanceTotal {
        total: &'a str,
        n: usize,
    },
    BalanceTotalOwed(&'a str),
    BalanceCreditLimit {
        label: &'a str,
        available: &'a str,
        limit: Option<&'a str>,
        owed: &'a str,
    },
    // transactions
    TxHeader {
        n: usize,
        filters: &'a TxFilters<'a>,
    },
    TxMoreHeader {
        n: usize,
    },
    TxLine {
        date: &'a str,
        who: &'a str,
        amount: &'a str,
        pending: bool,
    },
    TxNone {
        filters: &'a TxFilters<'a>,
    },
    TxNoMore,
    /// "When did money last come out": a list of money out only says so.
    TxPaymentsHeader {
        n: usize,
        filters: &'a TxFilters<'a>,
    },
    TxPendingHeader(usize),
    TxNoPending,
    /// "Anything pending on my visa": none on that account, named (others may have some).
    TxNoPendingOn(AccountKind),
    IncomeHeader {
        total: &'a str,
        range: &'a str,
    },
    IncomeNone(&'a str),
    /// "Money in to my savings": none into that account over the days looked at.
    IncomeNoneInto {
        account: AccountKind,
        range: &'a str,
    },
    /// Nothing in from the payer asked about ("how much uber paid me this month").
    IncomeNoneFrom {
        payer: &'a str,
        range: &'a str,
    },
    /// Before the latest money in, when none came in over the days looked at.
    IncomeLatest,
    LargestHeader {
        n: usize,
        range: &'a str,
    },
    /// "How many transactions": the count, before the list.
    TxCount {
        n: usize,
        range: &'a str,
    },
    /// "How many times at Carrefour": the count and what the payments came to.
    TxCountSpent {
        n: usize,
        range: &'a str,
        spent: &'a str,
    },
    /// "Did Netflix charge me twice?": the pairs found, one line each.
    DoubleYes {
        pairs: &'a str,
    },
    /// One pair: the merchant, the amount, the older and the newer day.
    DoublePair {
        who: &'a str,
        amount: &'a str,
        first: &'a str,
        second: &'a str,
    },
    /// No pair found, with the merchant asked about and its latest charges ("Dec 1 $15.49").
    DoubleNone {
        merchant: Option<&'a str>,
        range: &'a str,
        recent: &'a str,
    },
    /// "Anything abroad?": none of the `n` transactions read was in another currency.
    ForeignNone {
        n: usize,
        range: &'a str,
        currency: &'a str,
    },
    /// The transactions in another currency, before their lines.
    ForeignHeader {
        n: usize,
        range: &'a str,
    },
    /// "And the one before?": the header of the next older item.
    TxOneBefore,
    /// "And the one before?" when there is none.
    TxNoneBefore,
    /// "The smallest one": the header of the smallest purchases.
    SmallestHeader {
        n: usize,
        range: &'a str,
    },
    // spending
    SpendTotal {
        total: &'a str,
        range: &'a str,
        merchant: Option<&'a str>,
        category: Option<Category>,
        account: Option<&'a str>,
    },
    SpendByCategory(&'a str),
    SpendByMerchant(&'a str),
    /// A long period answered over less of it: the bank's history starts on that day, after
    /// the period's first ("since the beginning of the year" with two months held).
    HistoryFrom(&'a str),
    /// Before where to get a new card: a damaged or expired card is replaced by the bank.
    CardDamagedLead,
    /// After the foreign payments listed for a question about the rate they got.
    ExchangeRateNotShown,
    /// After where to get a new card, for a card lost or stolen: lock it meanwhile?
    CardGoneLockOffer,
    /// A fraud worry over a period: the money out over it follows.
    FraudOutHeader(&'a str),
    /// A fraud worry over a period with no money out over it.
    FraudNothingOut(&'a str),
    /// A fraud worry about cash with no cash withdrawal over the period.
    FraudNoWithdrawal(&'a str),
    /// A long period the bank's history, starting on `held`, does not reach at all.
    HistoryNone {
        held: &'a str,
        range: &'a str,
    },
    /// After two spending totals compared: the difference, `range` against `other`.
    SpendDifference {
        diff: &'a str,
        weighed: Weighed,
        range: &'a str,
        other: &'a str,
    },
    /// "j'ai dépensé plus de 70 € ce mois-ci ?": the total weighed against the figure
    /// asked about (`above`: the customer said "more than"; `holds`: what they asked is so).
    SpentAgainstBound {
        bound: &'a str,
        above: bool,
        holds: bool,
    },
    /// "Average monthly spend": the total divided over the months the period covers.
    SpendAverage {
        per_month: &'a str,
        months: u32,
    },
    SpendNone {
        range: &'a str,
        merchant: Option<&'a str>,
        category: Option<Category>,
        account: Option<&'a str>,
    },
    // ATMs
    AtmAsk,
    /// The answer to "where are you?" names no place the bot can find ("my car", "right
    /// here"): what to send instead.
    AtmPlaceNeeded,
    /// "please revert", "undo that": what can be undone here and how.
    UndoWhat,
    AtmNotFound(&'a str),
    /// No machine within reach of the place searched (named when typed), with the nearest
    /// one the bank knows (name, address, distance) when there is any.
    AtmNone {
        place: Option<&'a str>,
        filter: &'a bankbot_bank::AtmFilter,
        nearest: Option<(&'a str, &'a str, &'a str)>,
    },
    /// Cash-machine fees asked about: the data has none, say so and how to find out.
    AtmFeesUnknown,
    /// Opening hours asked after cash machines: only round-the-clock opening is known.
    AtmHoursUnknown,
    /// "nothing closer?" after cash machines: the first one listed is the nearest known
    /// (its name and distance).
    AtmNothingCloser {
        name: &'a str,
        distance: &'a str,
    },
    /// One machine of the list asked about one feature: yes or no from its data (its name
    /// and address, the feature, whether it has it).
    AtmHasFeature {
        name: &'a str,
        address: &'a str,
        feature: crate::intents::atm_feature::Feature,
        has: bool,
    },
    AtmHeader(Option<&'a str>, &'a bankbot_bank::AtmFilter),
    /// The button that opens a cash machine on a map (at most 20 characters).
    AtmMapButton,
    // cards
    CardNone,
    /// "last 4 of my debit card": a card named with its last 4 digits, never more.
    CardEndsIn {
        name: &'a str,
        last4: &'a str,
    },
    CardChoose,
    CardConfirm(&'a str),
    /// Lock every card that still works (their labels joined).
    CardConfirmAll(&'a str),
    /// Every card named is now locked.
    CardDoneAll(&'a str, Reach<'a>),
    /// "Lock all my cards" when every card is already locked.
    CardsAllLocked,
    /// "and" between the last two items of a list.
    WordAnd,
    CardDone(&'a str, Reach<'a>),
    CardAlready(&'a str),
    CardKept,
    /// A lock called off with its reason: the card found, or the payment the customer's.
    LockCalledOff(StandDown),
    /// "c'est moi qui ai payé" after a payment was shown or reported: nothing to do.
    ChargeYours,
    /// "les deux" / "all my cards" from a customer with one card: that card, to lock.
    CardOnlyOne(&'a str),
    /// "On fait comment alors ?" after a can't-do: the app or website, or a person.
    HowElsewhere(Contact<'a>),
    /// "Anything else in October?": no, nothing else in that range.
    NothingElse(&'a str),
    /// "Anything else in October?": yes, these `n` as well.
    AlsoThese {
        n: usize,
        range: &'a str,
    },
    /// « d'autres dépôts que ma paye ? »: the `n` other payments in of the range (none: said).
    OtherMoneyIn {
        n: usize,
        range: &'a str,
    },
    /// An amount looked up at dates where it is not: it is at others, listed next.
    AmountOtherDates(&'a str),
    /// A card named that the customer does not have ("la mastercard" with only a Visa).
    CardNotTheirs,
    /// Someone else's card lost or stolen, of a brand the customer has none of ("ma femme a
    /// perdu sa mastercard"): not theirs to lock here; its holder calls their bank.
    CardOfSomeoneElse,
    /// A lock asked for and not confirmed, when the customer moved on: the card (or, with
    /// `None`, none of the cards) is not locked yet; lock it now?
    LockNotDone(Option<&'a str>),
    /// The same when one card is locked already and several others are not.
    LockOthersNotDone,
    CardUnlocked(&'a str),
    /// "found my card": glad, and unlock this locked card now?
    CardUnlockConfirm(&'a str),
    /// No to "unlock it?": the card stays locked, and how to unlock it later.
    CardStaysLocked(&'a str),
    CardNotLocked(&'a str),
    /// "Is my card locked?" about a locked card.
    CardIsLocked(&'a str),
    /// "lock my card it stopped working": the lock as asked, and what else makes a card
    /// fail, with who can tell.
    LockDespiteDeclined(Contact<'a>),
    /// After "my card was declined": the other reasons, and who can tell.
    CardDeclinedWhy(Contact<'a>),
    /// "What's your phone number?": how to reach the bank.
    ContactInfo(Contact<'a>),
    /// "You're welcome!" before the answer to a request that came with the thanks.
    WelcomeBeforeAnswer,
    CardNoneLocked,
    /// "can you unlock it from here?": yes, and how.
    UnlockHere,
    /// After "can't cancel a subscription here": it is stopped with the merchant, and a
    /// payment not recognised gets the card locked.
    CancelWithMerchant,
    /// A yes to "which card?": how to say which.
    CardChooseHow,
    CardUnlockWhich,
    CardNeedsAuth,
    ConfirmReask,
    /// The offer of a lock asked again plainly, after thanks that were no go-ahead.
    LockOfferReask,
    /// What a yes to the pending question does, asked "what happens if I do?".
    ExplainLock,
    ExplainUnlink,
    ExplainDelete,
    /// "what does pending mean?": a pending payment, explained.
    ExplainPending,
    Okay,
    WhatElse,
    // fraud, handover, privacy
    /// Someone asked the customer for a code or password: no, the bank never asks; with
    /// `cards`, the offer to lock the card.
    PhishingWarning {
        cards: bool,
    },
    /// A text or email with a link ("your account is locked, click here"): not the bot nor
    /// the bank, don't click; with `cards`, the offer to lock a card if they did.
    PhishingLink {
        cards: bool,
    },
    /// "did anyone else log in to my account", "has my address been changed": not visible
    /// here; what to do, and who can check.
    AccountWatch(Contact<'a>),
    /// "my phone got stolen, can the thief use my messenger": what the chat would show
    /// them, and the unlink asked.
    PhoneStolen(Contact<'a>),
    /// "stop my visa being used online only": not here; the whole card can be locked, and
    /// where online use alone is managed.
    OnlineOnly(Contact<'a>),
    /// "a direct debit i don't recognise": no card payment, so no lock; how to dispute it.
    DirectDebitDisowned(Contact<'a>),
    /// « j'ai pas répondu » after a scam warning: nothing given, nothing to lock.
    NothingGiven,
    /// "speak with someone about my late wife's account": condolences, and the bank's contact.
    Bereavement(Contact<'a>),
    FraudOffer(Reach<'a>),
    /// A payment shown, disowned ("wasnt me", « c'est pas moi ça »): named (its
    /// [`Msg::PaymentNamed`]), the lock of its card offered, and who hears the report.
    FraudDisowned(&'a str, Reach<'a>),
    /// "$129.99 at Amazon on Nov 25": a payment named in a sentence.
    PaymentNamed {
        /// Its amount, unsigned.
        amount: &'a str,
        /// The merchant or payee.
        who: &'a str,
        /// Its day as shown.
        date: &'a str,
    },
    /// The customer gave a code or the card's details away ("je lui ai déjà donné le code"):
    /// the card is compromised and must be locked now (asked next), and who to tell.
    CardCompromised(Reach<'a>),
    /// "will they be able to use it now?" after a lock: no, and what stays as it was.
    LockedNoUse(Reach<'a>),
    /// "what do i do now?" after a lock: report it and get a new card, and who to tell.
    AfterLockSteps(Reach<'a>),
    /// What the fraudster said ("il a dit que c'était urgent pour sécuriser mon compte",
    /// "he said he's from the fraud team"): that is the scam itself; give nothing; the offer
    /// to lock the card, and how to check with the bank.
    ScamPressure(Reach<'a>),
    /// A call said to come from the bank, told without a question: what the bank never
    /// asks, give nothing; the offer to lock the card follows.
    BankCallWarning,
    /// A reaction to the last answer ("putain ça suffit pas", "damn that's a lot"):
    /// acknowledged briefly, with what the bot can show next.
    Reaction,
    /// A remark on the last answer ("bruh thats lowkey not bad", « Oh fada, c'est pas
    /// énorme », « tranquille alors »): surprise, appraisal or relief, nothing asked.
    RemarkHeard,
    /// "is my visa a credit card?": the kind of this card (credit when `credit`, else debit).
    CardKindIs {
        card: &'a str,
        credit: bool,
    },
    /// "where can i use my visa": where a card works, after its state.
    CardWhereUsable,
    /// The fraud offer again, right after it was made: shorter, not repeated word for word.
    FraudOfferAgain(Reach<'a>),
    /// "what happens now?" after a fraud report, the card not locked yet: lock, report,
    /// the bank's decision, a new card.
    FraudNextSteps(Reach<'a>),
    /// "is that all my accounts?": yes, the number linked here.
    AllAccountsShown {
        /// How many accounts are linked.
        n: usize,
        /// Whether a credit card is among them.
        credit: bool,
    },
    /// After the payments a worried customer asked to see: lock the card, or a person.
    FraudReviewOffer(Reach<'a>),
    /// Before the money a worried customer asked about: the worry heard, what follows, and
    /// that the bank never asks for codes.
    MoneySafeLead,
    /// Another person's accounts asked for: only the customer's own are shown.
    OthersData,
    Handoff,
    /// Nobody answers in this chat: how to reach the bank instead.
    HandoffUnavailable(Contact<'a>),
    DeleteAsk,
    Deleted,
    DeleteKept,
    // alerts
    AlertsList(&'a str),
    AlertLine(AlertKind, bool),
    AlertSet(AlertKind, bool),
    AlertsAllOff,
    /// "Low balance alerts are off. Switch them on?" (the kind, its current state).
    AlertOffer(AlertKind, bool),
    /// "below 100 €": the alert's amount is the bank's setting, not chosen here.
    AlertThresholdNotHere(AlertKind),
    /// After the threshold was explained: the alert, on, stays as it is.
    AlertStays(AlertKind),
    /// "whats on now" after the alerts: the kinds switched on now (none: none on).
    AlertsOnNow(&'a [AlertKind]),
    /// "no more alerts": every alert off, asked before it is done.
    AlertsAllOffAsk,
    /// A no to switching every alert off.
    AlertsKept,
    // small talk
    Greeting {
        linked: bool,
        /// A person can take over here (Page Inbox); else the greeting promises none.
        people: bool,
        /// "bonsoir", "good morning": the hello answered in kind.
        hello: Wish,
    },
    /// "how r u", "hows it going": a short friendly answer.
    HowAreYou,
    /// "the atm swallowed my card": how to get it back, before the offer to lock it.
    CardKeptByAtm(Reach<'a>),
    /// "brb", "hold on": the bot waits.
    TakeYourTime,
    /// "my bad", "sorry wrong button": nothing to forgive.
    NoHarmDone,
    /// "i have a question", "one query": the question invited.
    AskAway,
    /// A fraud report when every card concerned is already locked (their labels).
    FraudCardsLocked {
        cards: &'a str,
        n: usize,
    },
    /// "How long do you keep my chats": the heading of the retention answer.
    RetentionIntro,
    /// What the bot can do; the last line is how to reach a person.
    Help(Reach<'a>),
    /// To someone new to this or lost with it ("my wife used to do all this"): how to ask,
    /// what the bot does, how to reach a person; condolences first when a death was told.
    Newcomer {
        sorry: bool,
        way: Reach<'a>,
    },
    Thanks,
    /// « différence avec le solde comptable ? »: current and available balances explained.
    BalanceKinds,
    /// "God bless you", « que Dieu vous garde »: thanks in kind.
    Blessed,
    /// "that's very clear", « c'est noté »: glad it helped.
    Understood,
    /// "where? when?" with nothing to place it: what to name.
    WhereWhenOfWhat,
    /// A farewell, answering the customer's wish in kind ("bonne soirée").
    Goodbye(Wish),
    Fallback,
    FallbackEscalate(Reach<'a>),
    /// The bot says what it is, opening as `asked` calls for ("yes", "no" or plainly).
    IAmABot(Asked, Reach<'a>),
    Unsupported(Unsupported, Reach<'a>),
    /// "Will I be refunded?": the bank decides; where to follow it (`people`: a person can
    /// take over here).
    RefundStatus {
        people: bool,
    },
    /// "Did Amazon refund me?" and nothing came in since `since`.
    RefundNone {
        merchant: Option<&'a str>,
        since: &'a str,
        people: bool,
    },
    /// The header over the refunds found.
    RefundFound {
        merchant: Option<&'a str>,
        count: usize,
    },
    SocialLaugh,
    SocialInsult(Reach<'a>),
    SocialChitchat,
    /// "ça va toi ?", "how are you?": a friendly answer and what the bot does.
    /// "je reste avec le bot": staying, with nothing else said.
    StayWithBot,
    /// "do you speak spanish", "my english is bad": the languages spoken, write simply.
    LanguagesSpoken,
    // button and quick-reply labels (Messenger allows 20 characters)
    LabelYes,
    LabelNo,
    LabelCancel,
    LabelMore,
    LabelBalance,
    LabelTransactions,
    LabelSpending,
    LabelAtm,
    LabelLockCard,
    LabelAlerts,
    LabelPerson,
    LabelLink,
    LabelHelp,
    LabelAlertToggle(AlertKind, bool),
    LabelAlertsAllOff,
    // errors
    ErrReauth,
    ErrPermission,
    ErrBusy,
    ErrUnavailable,
    ErrNotFound,
    ErrUnsupported,
    ErrGeneric,
    /// Privacy facts, the right of access and consent notices (see `catalog/privacy.rs`).
    Privacy(PrivacyMsg<'a>),
    /// Money in against money out, payers, the last time, the next debit (`catalog/flow.rs`).
    Flow(FlowMsg<'a>),
    /// One item of the last list, picked by its rank.
    Picked(PickedMsg<'a>),
    /// What a bank-label code stands for (the code as typed, in capitals).
    BankLabel {
        code: &'a str,
        kind: crate::intents::bank_label::LabelKind,
    },
    /// "another one close by?": more cash machines around the place searched, past those
    /// listed (the place, if named).
    AtmOthersHeader(Option<&'a str>),
    // what the bank does not provide, with its contact
    CardsUnavailable(Contact<'a>),
    FraudUnavailable(Contact<'a>),
    FraudNoReports(Contact<'a>),
    LinkingUnavailable(Contact<'a>),
}

/// How customers reach the bank (`[bank] contact`), as the catalogues phrase it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Contact<'a> {
    /// A phone number: "call us on …".
    Phone(&'a str),
    /// A web or mail address: "contact us at …".
    Address(&'a str),
    /// None configured: the number on the back of the card.
    Unknown,
}

impl<'a> Contact<'a> {
    /// Reads a configured contact: digits and phone punctuation only make a phone number.
    pub(crate) fn from_config(contact: Option<&'a str>) -> Contact<'a> {
        match contact.map(str::trim).filter(|c| !c.is_empty()) {
            None => Contact::Unknown,
            Some(c)
                if c.chars().any(|ch| ch.is_ascii_digit())
                    && c.chars()
                        .all(|ch| ch.is_ascii_digit() || " +-().".contains(ch)) =>
            {
                Contact::Phone(c)
            }
            Some(c) => Contact::Address(c),
        }
    }
}

/// Who takes over what the bot cannot do: a person in this chat (a Page Inbox is behind
/// it), or the bank itself through its contact. Built only by `Ctx::reach`, so every offer
/// of a person depends on whether a person can answer.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Reach<'a> {
    /// "I can put you in touch with a person" (and the quick reply to do so).
    Person,
    /// Nobody answers here: "to talk to a person, call us on …".
    Bank(Contact<'a>),
}

/// Renders a message in a language.
pub(crate) fn t(lang: Lang, msg: Msg<'_>) -> String {
    match lang {
        Lang::En => en::text(&msg),
        Lang::Fr => fr::text(&msg),
    }
}

/// A spending category's name; `None` is "other".
pub(crate) fn category(lang: Lang, c: Option<Category>) -> &'static str {
    match lang {
        Lang::En => en::category(c),
        Lang::Fr => fr::category(c),
    }
}

/// Ends a sentence with a full stop, unless it already ends with one ("… au 29 nov.").
pub(crate) fn sentence(mut s: String) -> String {
    if !s.ends_with('.') {
        s.push('.');
    }
    s
}

/// Capitalises the first letter of a merchant typed in lower case ("starbucks").
pub(crate) fn title_case(s: &str) -> String {
    let mut chars = s.chars();
    match chars.next() {
        Some(first) => first.to_uppercase().chain(chars).collect(),
        None => String::new(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn labels_fit_messenger_quick_replies() {
        let mut labels = vec![
            Msg::LabelYes,
            Msg::LabelNo,
            Msg::LabelCancel,
            Msg::LabelMore,
            Msg::LabelBalance,
            Msg::LabelTransactions,
            Msg::LabelSpending,
            Msg::LabelAtm,
            Msg::LabelLockCard,
            Msg::LabelAlerts,
            Msg::LabelPerson,
            Msg::LabelLink,
            Msg::LabelHelp,
            Msg::LabelAlertsAllOff,
            Msg::Privacy(PrivacyMsg::LabelWhatYouKnow),
            Msg::Privacy(PrivacyMsg::LabelDeleteMyData),
            Msg::Privacy(PrivacyMsg::LabelDownload),
            Msg::Privacy(PrivacyMsg::LabelUnlinkAccount),
        ];
        for k in AlertKind::ALL {
            labels.push(Msg::LabelAlertToggle(*k, true));
            labels.push(Msg::LabelAlertToggle(*k, false));
        }
        for lang in [Lang::En, Lang::Fr] {
            for l in &labels {
                let text = t(lang, l.clone());
                assert!(text.chars().count() <= 20, "{lang}: {text}");
            }
        }
    }

    /// Every message exists in both languages (the compiler checks each catalogue matches
    /// every variant); this checks the texts added for conversations are really translated.
    #[test]
    fn every_key_has_an_english_and_a_french_text() {
        use crate::cues::Unsupported;
        let f = bankbot_bank::AtmFilter {
            deposits: true,
            ..Default::default()
        };
        let msgs = vec![
            Msg::BalanceNotOverdrawn,
            Msg::UsualRent {
                amount: "1",
                date: "2",
                who: "3",
            },
            Msg::NoRentFound,
            Msg::BalanceCountsPending,
            Msg::AffordFits {
                label: "L",
                available: "1",
                amount: "2",
                left: "3",
            },
            Msg::AffordShort {
                label: "L",
                available: "1",
                amount: "2",
                short: "3",
            },
            Msg::AffordAvailable {
                label: "L",
                available: "1",
            },
            Msg::AffordNoForecast,
            Msg::AffordCashLimit,
            Msg::ReasonNotSeen,
            Msg::SpendWithout("rent"),
            Msg::SpendBoth {
                first: "A",
                second: "B",
                total: "1",
                range: "r",
            },
            Msg::SpendFood,
            Msg::BalanceOverdrawn {
                label: "X",
                amount: "1",
            },
            Msg::BalanceTotal { total: "1", n: 2 },
            Msg::BalanceTotalOwed("1"),
            Msg::BalanceCreditLimit {
                label: "X",
                available: "1",
                limit: Some("2"),
                owed: "3",
            },
            Msg::TxPendingHeader(2),
            Msg::TxNoPending,
            Msg::TxNoPendingOn(AccountKind::CreditCard),
            Msg::IncomeNoneInto {
                account: AccountKind::Savings,
                range: "r",
            },
            Msg::IncomeHeader {
                total: "1",
                range: "r",
            },
            Msg::IncomeNone("r"),
            Msg::IncomeNoneFrom {
                payer: "uber",
                range: "r",
            },
            Msg::IncomeLatest,
            Msg::Flow(FlowMsg::InOut {
                range: "r",
                money_in: "1",
                money_out: "2",
                diff: "1",
                weighed: Weighed::Less,
            }),
            Msg::Flow(FlowMsg::IncomeCompared {
                range: "r",
                total: "1",
                other: "o",
                other_total: "2",
                diff: "1",
                weighed: Weighed::More,
            }),
            Msg::Flow(FlowMsg::PayerUnknown),
            Msg::Picked(PickedMsg::OutOfRange { n: 4, len: 3 }),
            Msg::Picked(PickedMsg::TransactionGone),
            Msg::BankLabel {
                code: "PRLV",
                kind: crate::intents::bank_label::LabelKind::DirectDebit,
            },
            Msg::AtmOthersHeader(Some("P")),
            Msg::AtmOthersHeader(None),
            Msg::Flow(FlowMsg::LastOne),
            Msg::Flow(FlowMsg::CashNone),
            Msg::Flow(FlowMsg::CashNoneIn { range: "r" }),
            Msg::Flow(FlowMsg::CashIn {
                range: "r",
                total: "1",
                n: 2,
            }),
            Msg::Flow(FlowMsg::NextDebit {
                who: "X",
                last: "d",
                amount: "1",
                next: "e",
                late: true,
            }),
            Msg::Flow(FlowMsg::NextDebitNone { who: "X" }),
            Msg::Flow(FlowMsg::Upcoming { lines: "X" }),
            Msg::Flow(FlowMsg::UpcomingNone),
            Msg::Flow(FlowMsg::NextPay {
                who: "X",
                last: "d",
                amount: "1",
                next: "e",
                late: false,
            }),
            Msg::Flow(FlowMsg::NextDebitOften {
                who: "X",
                last: "d",
                amount: "1",
            }),
            Msg::RefundStatus { people: true },
            Msg::RefundStatus { people: false },
            Msg::RefundNone {
                merchant: Some("X"),
                since: "d",
                people: true,
            },
            Msg::RefundNone {
                merchant: None,
                since: "d",
                people: false,
            },
            Msg::RefundFound {
                merchant: Some("X"),
                count: 2,
            },
            Msg::RefundFound {
                merchant: None,
                count: 1,
            },
            Msg::LargestHeader { n: 2, range: "r" },
            Msg::SmallestHeader { n: 2, range: "r" },
            Msg::TxOneBefore,
            Msg::TxCount { n: 2, range: "r" },
            Msg::TxCountSpent {
                n: 2,
                range: "r",
                spent: "s",
            },
            Msg::DoubleYes { pairs: "p" },
            Msg::DoublePair {
                who: "w",
                amount: "1",
                first: "a",
                second: "b",
            },
            Msg::DoubleNone {
                merchant: Some("m"),
                range: "r",
                recent: "x",
            },
            Msg::ForeignNone {
                n: 2,
                range: "r",
                currency: "c",
            },
            Msg::ForeignHeader { n: 2, range: "r" },
            Msg::TxNoneBefore,
            Msg::CardUnlocked("X"),
            Msg::CardUnlockConfirm("X"),
            Msg::CardStaysLocked("X"),
            Msg::CardNotLocked("X"),
            Msg::CardIsLocked("X"),
            Msg::WelcomeBeforeAnswer,
            Msg::ContactInfo(Contact::Unknown),
            Msg::CardDeclinedWhy(Contact::Unknown),
            Msg::LockDespiteDeclined(Contact::Unknown),
            Msg::ContactInfo(Contact::Phone("1")),
            Msg::CardNoneLocked,
            Msg::CardEndsIn {
                name: "Debit card",
                last4: "••9876",
            },
            Msg::UnlockHere,
            Msg::CancelWithMerchant,
            Msg::CardChooseHow,
            Msg::CardUnlockWhich,
            Msg::IAmABot(Asked::Bot, Reach::Person),
            Msg::IAmABot(Asked::Human, Reach::Bank(Contact::Unknown)),
            Msg::IAmABot(Asked::Who, Reach::Bank(Contact::Unknown)),
            Msg::CardsUnavailable(Contact::Phone("1")),
            Msg::FraudUnavailable(Contact::Address("a")),
            Msg::FraudNoReports(Contact::Unknown),
            Msg::LinkingUnavailable(Contact::Phone("1")),
            Msg::Unsupported(Unsupported::Transfer, Reach::Person),
            Msg::Unsupported(Unsupported::Transfer, Reach::Bank(Contact::Unknown)),
            Msg::Unsupported(Unsupported::Loan, Reach::Person),
            Msg::Unsupported(Unsupported::Subscription, Reach::Person),
            Msg::Unsupported(Unsupported::Rates, Reach::Person),
            Msg::Unsupported(Unsupported::AccountTerms, Reach::Person),
            Msg::Unsupported(Unsupported::CreditScore, Reach::Person),
            Msg::Unsupported(Unsupported::AccountNumber, Reach::Person),
            Msg::Unsupported(Unsupported::NewCard, Reach::Person),
            Msg::Unsupported(Unsupported::Statement, Reach::Person),
            Msg::Unsupported(Unsupported::Complaint, Reach::Person),
            Msg::Unsupported(Unsupported::TravelNotice, Reach::Person),
            Msg::Unsupported(Unsupported::TravelNotice, Reach::Bank(Contact::Unknown)),
            Msg::Unsupported(Unsupported::Dispute, Reach::Bank(Contact::Unknown)),
            Msg::Unsupported(Unsupported::CashWithoutCard, Reach::Person),
            Msg::Unsupported(Unsupported::Exchange, Reach::Person),
            Msg::Unsupported(Unsupported::Exchange, Reach::Bank(Contact::Unknown)),
            Msg::ExchangeRateNotShown,
            Msg::Unsupported(Unsupported::Overdraft, Reach::Person),
            Msg::Unsupported(Unsupported::Export, Reach::Bank(Contact::Unknown)),
            Msg::Unsupported(Unsupported::Fees, Reach::Person),
            Msg::Unsupported(Unsupported::Fees, Reach::Bank(Contact::Unknown)),
            Msg::Unsupported(Unsupported::FeeSchedule, Reach::Person),
            Msg::SocialLaugh,
            Msg::SocialInsult(Reach::Person),
            Msg::SocialInsult(Reach::Bank(Contact::Phone("1"))),
            Msg::SocialChitchat,
            Msg::StayWithBot,
            Msg::LanguagesSpoken,
            Msg::LockCalledOff(StandDown::Found),
            Msg::LockCalledOff(StandDown::Mine),
            Msg::ChargeYours,
            Msg::CardOnlyOne("X"),
            Msg::Unsupported(Unsupported::LimitInfo, Reach::Person),
            Msg::HowAreYou,
            Msg::TakeYourTime,
            Msg::CardKeptByAtm(Reach::Person),
            Msg::CardKeptByAtm(Reach::Bank(Contact::Unknown)),
            Msg::NoHarmDone,
            Msg::AskAway,
            Msg::Help(Reach::Person),
            Msg::Help(Reach::Bank(Contact::Unknown)),
            Msg::Newcomer {
                sorry: true,
                way: Reach::Person,
            },
            Msg::Newcomer {
                sorry: false,
                way: Reach::Bank(Contact::Unknown),
            },
            Msg::ExplainPending,
            Msg::FraudOfferAgain(Reach::Person),
            Msg::FraudNextSteps(Reach::Person),
            Msg::AllAccountsShown { n: 3, credit: true },
            Msg::AllAccountsShown {
                n: 2,
                credit: false,
            },
            Msg::AllAccountsShown {
                n: 1,
                credit: false,
            },
            Msg::FraudNextSteps(Reach::Bank(Contact::Unknown)),
            Msg::FraudOfferAgain(Reach::Bank(Contact::Unknown)),
            Msg::FraudOffer(Reach::Bank(Contact::Unknown)),
            Msg::FraudDisowned("p", Reach::Person),
            Msg::FraudDisowned("p", Reach::Bank(Contact::Unknown)),
            Msg::PaymentNamed {
                amount: "a",
                who: "w",
                date: "d",
            },
            Msg::FallbackEscalate(Reach::Person),
            Msg::FallbackEscalate(Reach::Bank(Contact::Unknown)),
            Msg::CardDone("X", Reach::Bank(Contact::Unknown)),
            Msg::FraudReviewOffer(Reach::Person),
            Msg::FraudReviewOffer(Reach::Bank(Contact::Unknown)),
            Msg::MoneySafeLead,
            Msg::OthersData,
            Msg::CardConfirmAll("A and B"),
            Msg::CardDoneAll("A and B", Reach::Person),
            Msg::CardDoneAll("A and B", Reach::Bank(Contact::Unknown)),
            Msg::CardsAllLocked,
            Msg::CardNotTheirs,
            Msg::CardOfSomeoneElse,
            Msg::HowElsewhere(Contact::Unknown),
            Msg::NothingElse("r"),
            Msg::AlsoThese { n: 2, range: "r" },
            Msg::OtherMoneyIn { n: 0, range: "r" },
            Msg::OtherMoneyIn { n: 2, range: "r" },
            Msg::AmountOtherDates("r"),
            Msg::PhishingWarning { cards: true },
            Msg::PhishingWarning { cards: false },
            Msg::CardCompromised(Reach::Person),
            Msg::CardCompromised(Reach::Bank(Contact::Unknown)),
            Msg::LockNeedsLink(Contact::Unknown),
            Msg::LockNeedsLink(Contact::Phone("1")),
            Msg::LockedNoUse(Reach::Person),
            Msg::LockedNoUse(Reach::Bank(Contact::Unknown)),
            Msg::AfterLockSteps(Reach::Person),
            Msg::AfterLockSteps(Reach::Bank(Contact::Unknown)),
            Msg::ScamPressure(Reach::Person),
            Msg::ScamPressure(Reach::Bank(Contact::Unknown)),
            Msg::Reaction,
            Msg::RemarkHeard,
            Msg::CardKindIs {
                card: "X",
                credit: true,
            },
            Msg::CardKindIs {
                card: "X",
                credit: false,
            },
            Msg::CardWhereUsable,
            Msg::BankCallWarning,
            Msg::PhishingLink { cards: true },
            Msg::NoCardBrand("Amex"),
            Msg::PhishingLink { cards: false },
            Msg::AccountWatch(Contact::Unknown),
            Msg::PhoneStolen(Contact::Unknown),
            Msg::OnlineOnly(Contact::Unknown),
            Msg::DirectDebitDisowned(Contact::Unknown),
            Msg::NothingGiven,
            Msg::Bereavement(Contact::Unknown),
            Msg::LockNotDone(Some("X")),
            Msg::LockNotDone(None),
            Msg::LockOthersNotDone,
            Msg::WordAnd,
            Msg::FraudCardsLocked { cards: "X", n: 1 },
            Msg::RetentionIntro,
            Msg::AtmPlaceNeeded,
            Msg::UndoWhat,
            Msg::Greeting {
                linked: true,
                people: false,
                hello: Wish::Evening,
            },
            Msg::Goodbye(Wish::Plain),
            Msg::Goodbye(Wish::Day),
            Msg::Goodbye(Wish::EndOfDay),
            Msg::Goodbye(Wish::Evening),
            Msg::Goodbye(Wish::Night),
            Msg::Goodbye(Wish::Weekend),
            Msg::Goodbye(Wish::Sunday),
            Msg::Goodbye(Wish::Tomorrow),
            Msg::Goodbye(Wish::Morning),
            Msg::Goodbye(Wish::Afternoon),
            Msg::Handoff,
            Msg::HandoffUnavailable(Contact::Unknown),
            Msg::AlertThresholdNotHere(AlertKind::BalanceLow),
            Msg::AlertThresholdNotHere(AlertKind::LargeTransaction),
            Msg::AlertStays(AlertKind::BalanceLow),
            Msg::AlertsAllOffAsk,
            Msg::AlertsOnNow(&[]),
            Msg::AlertsOnNow(&[AlertKind::FraudSuspected, AlertKind::BalanceLow]),
            Msg::HandoffUnavailable(Contact::Phone("1")),
            Msg::AtmHeader(Some("P"), &f),
            Msg::AtmMapButton,
            Msg::AtmFeesUnknown,
            Msg::AtmHoursUnknown,
            Msg::AtmNothingCloser {
                name: "n",
                distance: "1 km",
            },
            Msg::AtmHasFeature {
                name: "n",
                address: "a",
                feature: crate::intents::atm_feature::Feature::Open24h,
                has: true,
            },
            Msg::AtmHasFeature {
                name: "n",
                address: "a",
                feature: crate::intents::atm_feature::Feature::Deposits,
                has: false,
            },
            Msg::SpendAverage {
                per_month: "1",
                months: 2,
            },
            Msg::SpendNone {
                range: "r",
                merchant: Some("m"),
                category: None,
                account: Some("a"),
            },
            Msg::HistoryFrom("h"),
            Msg::CardDamagedLead,
            Msg::CardGoneLockOffer,
            Msg::FraudOutHeader("r"),
            Msg::FraudNothingOut("r"),
            Msg::FraudNoWithdrawal("r"),
            Msg::HistoryNone {
                held: "h",
                range: "r",
            },
        ];
        for m in msgs {
            let en = t(Lang::En, m.clone());
            let fr = t(Lang::Fr, m.clone());
            assert!(!en.trim().is_empty() && !fr.trim().is_empty(), "{m:?}");
            assert_ne!(en, fr, "{m:?} is not translated");
        }
    }

    #[test]
    fn title_case_works() {
        assert_eq!(title_case("starbucks"), "Starbucks");
        assert_eq!(title_case("épicerie"), "Épicerie");
        assert_eq!(title_case(""), "");
    }
}
