//! English replies.

use bankbot_core::{AccountKind, AlertKind, Category};

use super::{Contact, Msg, Reach, TxFilters, Weighed, privacy, sentence, title_case};
use crate::intents::bot_identity::Asked;
use crate::intents::stand_down::StandDown;

pub(super) fn text(msg: &Msg<'_>) -> String {
    use Msg::*;
    match msg {
        LinkNeeded => "To do that, I first need you to link your bank account. Tap below to log \
            in at your bank: I never see your password."
            .into(),
        LockNeedsLink(c) => format!(
            "If your card is lost or stolen, don't wait: {} to have it blocked right away. To \
             lock it here yourself, first link your bank account: tap below to log in at your \
             bank (I never see your password).",
            reach(*c)
        ),
        LinkPrompt => "Tap below to log in at your bank and link your account. I never see your \
            password."
            .into(),
        AlreadyLinked => "Your bank account is already linked. Ask me for your balance!".into(),
        NotLinked => "No bank account is linked to this conversation.".into(),
        UnlinkAsk => "Unlink your bank account from Messenger? I won't show your accounts here \
            until you link it again. Tap Unlink or answer yes."
            .into(),
        Unlinked => "Done: your bank account is unlinked. You can link it again any time.".into(),
        UnlinkKept => "OK, your account stays linked.".into(),
        Linked => "Your account is linked! Ask me for your balance, your last transactions or \
            your spending."
            .into(),
        LinkFailed => "That link did not work, please try again.".into(),
        BotBack => "I'm back! Anything else I can help with?".into(),
        AlertsWaiting(1) => "You have 1 new alert.".into(),
        AlertsWaiting(n) => format!("You have {n} new alerts."),
        Insisted => "I hear you. Tell me in a few words what you need and I'll do my best, or tap Help to see what I can do."
            .into(),
        BalanceIntro => "Here are your balances:".into(),
        BalanceDeposit {
            label,
            current,
            available,
        } => match available {
            Some(a) => format!("{label}: {current} current, {a} available"),
            None => format!("{label}: {current}"),
        },
        BalanceCredit {
            label,
            owed,
            available,
        } => match available {
            Some(a) => format!("{label}: {owed} owed, {a} available"),
            None => format!("{label}: {owed} owed"),
        },
        BalanceLoan { label, owed } => format!("{label}: {owed} owed"),
        NoAccountEnding(digits) => format!("You have no account ending {digits}."),
        AccountDigitsAre { yes: true, label } => format!("Yes, that's your {label}."),
        AccountDigitsAre { yes: false, label } => {
            format!("No, those digits are your {label}.")
        }
        NoCardBrand(brand) => {
            format!("I don't see any {brand} among your cards. Here is what you have:")
        }
        NoAccountOfKind(k) => format!("I couldn't find a {} among your accounts.", kind(*k)),
        NoAccounts => "I couldn't find any account linked to your profile.".into(),
        BalanceNotOverdrawn => "No, you're not overdrawn.".into(),
        UsualRent { amount, date, who } => {
            format!("Your rent is usually {amount} (last paid {date}, {who}).")
        }
        BalanceCountsPending => "The current balance counts posted payments only; the available balance also takes off the pending ones, so a payment still pending is in the available figure, not yet in the current one.".into(),
        NoRentFound => {
            "I found no rent paid in the last two months, so here is what you can spend now.".into()
        }
        AffordFits {
            label,
            available,
            amount,
            left,
        } => format!(
            "You have {available} available to spend on your {label}: {amount} fits, with \
             {left} left after it."
        ),
        AffordShort {
            label,
            available,
            amount,
            short,
        } => format!(
            "You have {available} available to spend on your {label}: {amount} is {short} more \
             than that."
        ),
        AffordAvailable { label, available } => {
            format!("You have {available} available to spend on your {label} today.")
        }
        AffordNoForecast => "I only see what is on your accounts now: I can't tell what will \
            come in or go out before then."
            .into(),
        SpendFood => "Food here counts groceries and dining out (restaurants, cafés, \
            takeaway) together."
            .into(),
        SpendWithout(what) => format!("That is without {what}."),
        SpendBoth {
            first,
            second,
            total,
            range,
        } => format!("{first} and {second} together: {total} {range}."),
        ReasonNotSeen => "I only see the figures on your accounts, not the reasons behind \
            them. If something looks wrong to you, ask me about it (\"what was the $50 \
            payment\", \"anything pending?\") or call the number on the back of your card."
            .into(),
        AffordCashLimit => "A cash machine also has a daily withdrawal limit, set by your bank \
            for your card: I can't see it here. Your bank's app shows it, or call the number on \
            the back of your card."
            .into(),
        BalanceOverdrawn { label, amount } => {
            format!("Yes: your {label} is overdrawn by {amount}.")
        }
        BalanceTotal { total, n } => {
            format!("In total you have {total} across your {n} accounts.")
        }
        BalanceTotalOwed(owed) => format!("You also owe {owed} on credit."),
        BalanceCreditLimit {
            label,
            available,
            limit,
            owed,
        } => match limit {
            Some(l) => {
                format!("{label}: {available} left to spend of your {l} credit limit ({owed} owed)")
            }
            None => format!("{label}: {available} left to spend ({owed} owed)"),
        },
        TxHeader { n, filters } => match n {
            1 => format!("Your last transaction{}:", describe(filters)),
            n => format!("Your last {n} transactions{}:", describe(filters)),
        },
        TxMoreHeader { n } => match n {
            1 => "One more transaction:".into(),
            n => format!("{n} more transactions:"),
        },
        TxLine {
            date,
            who,
            amount,
            pending,
        } => {
            let p = if *pending { " (pending)" } else { "" };
            format!("{date} · {who} · {amount}{p}")
        }
        TxNone { filters } => sentence(format!("I found no transactions{}", describe(filters))),
        TxNoMore => "That's all: there are no more transactions.".into(),
        TxPendingHeader(1) => "Your pending transaction:".into(),
        TxPendingHeader(_) => "Your pending transactions:".into(),
        TxNoPending => "Nothing is pending: all your transactions have gone through.".into(),
        TxNoPendingOn(k) => format!(
            "Nothing is pending on your {}: all its transactions have gone through.",
            kind(*k)
        ),
        TxPaymentsHeader { n, filters } => match n {
            1 => format!("Your last payment{}:", describe(filters)),
            n => format!("Your last {n} payments{}:", describe(filters)),
        },
        IncomeHeader { total, range } => format!("Money in {range}: {total}"),
        IncomeLatest => "The latest money in:".into(),
        IncomeNone(range) => sentence(format!("No money came in {range}")),
        IncomeNoneInto { account, range } => sentence(format!(
            "No money came into your {} {range}",
            kind(*account)
        )),
        IncomeNoneFrom { payer, range } => sentence(format!(
            "Nothing came in from {} {range}",
            title_case(payer)
        )),
        TxOneBefore => "The one before:".into(),
        TxCount { n: 0, range } => sentence(format!("I found no transactions {range}")),
        TxCount { n: 1, range } => format!("1 transaction {range}:"),
        TxCount { n, range } => format!("{n} transactions {range}:"),
        TxCountSpent { n: 1, range, spent } => format!("1 transaction {range}, {spent} in total:"),
        TxCountSpent { n, range, spent } => format!("{n} transactions {range}, {spent} in total:"),
        TxNoneBefore => "I found no earlier one.".into(),
        DoubleYes { pairs } => format!(
            "Yes, it looks like it: the same amount from the same merchant within {} days.\n\
             {pairs}\nIf one of them is wrong, you can dispute it in your bank's app.",
            crate::intents::double_charge::WITHIN_DAYS
        ),
        DoublePair {
            who,
            amount,
            first,
            second,
        } => format!("• {who} · {amount} on {first} and again on {second}"),
        DoubleNone {
            merchant: Some(m),
            range,
            recent,
        } => {
            let mut s = format!(
                "No: I found no double charge from {m} {range} (the same amount within {} days).",
                crate::intents::double_charge::WITHIN_DAYS
            );
            if recent.is_empty() {
                s.push_str(&format!(" I found no charge from {m} at all."));
            } else {
                s.push_str(&format!("\nIts charges: {recent}"));
            }
            s
        }
        DoubleNone {
            merchant: None,
            range,
            ..
        } => format!(
            "No: I found no double charges {range} (the same amount from the same merchant \
             within {} days).",
            crate::intents::double_charge::WITHIN_DAYS
        ),
        ForeignNone { n: 0, range, .. } => {
            format!("None: I found no transactions at all {range}.")
        }
        ForeignNone {
            n: 1,
            range,
            currency,
        } => format!(
            "None: your one transaction {range} was in {currency}, your accounts' currency. \
             Your bank's data doesn't say in which country you paid, so I checked the currency."
        ),
        ForeignNone { n, range, currency } => format!(
            "None: all {n} of your transactions {range} were in {currency}, your accounts' \
             currency. Your bank's data doesn't say in which country you paid, so I checked \
             the currency of each transaction."
        ),
        ForeignHeader { n: 1, range } => format!("1 transaction in a foreign currency {range}:"),
        ForeignHeader { n, range } => format!("{n} transactions in a foreign currency {range}:"),
        SmallestHeader { n: 1, range } => format!("Your smallest purchase {range}:"),
        SmallestHeader { n, range } => format!("Your {n} smallest purchases {range}:"),
        LargestHeader { n: 1, range } => format!("Your largest purchase {range}:"),
        LargestHeader { n, range } => format!("Your {n} largest purchases {range}:"),
        SpendTotal {
            total,
            range,
            merchant,
            category: cat,
            account,
        } => {
            let what = spend_filter(*merchant, *cat);
            let acc = account.map(|a| format!(" on your {a}")).unwrap_or_default();
            sentence(format!("You spent {total}{what}{acc} {range}"))
        }
        SpendByCategory(items) => format!("By category: {items}"),
        SpendByMerchant(items) => format!("Top merchants: {items}"),
        HistoryNone { held, range } => format!(
            "I only have your transactions from {held} on: I can't see your spending {range}, \
             your bank's app or statements go further back."
        ),
        FraudOutHeader(range) => format!("Here is every payment out of your accounts {range}:"),
        FraudNothingOut(range) => sentence(format!(
            "Nothing has gone out of your accounts {range}: no payment, no withdrawal"
        )),
        FraudNoWithdrawal(range) => sentence(format!("I see no cash withdrawal {range}")),
        CardDamagedLead => {
            "Sorry about your card: a damaged or expired card is replaced by your bank.".into()
        }
        ExchangeRateNotShown => "Your bank's data doesn't show the exchange rate applied: each \
            amount is what your account was charged."
            .into(),
        CardGoneLockOffer => "Meanwhile, I can lock the lost card right now so nobody can use \
            it."
        .into(),
        HistoryFrom(held) => {
            format!("I only have your transactions from {held} on: nothing before is counted.")
        }
        SpentAgainstBound {
            bound,
            above,
            holds,
        } => match (above, holds) {
            (true, true) => format!("Yes, that's more than {bound}."),
            (true, false) => format!("No, that's not more than {bound}."),
            (false, true) => format!("Yes, that's less than {bound}."),
            (false, false) => format!("No, that's not less than {bound}."),
        },
        SpendDifference {
            diff,
            weighed,
            range,
            other,
        } => match weighed {
            Weighed::More => sentence(format!("You spent {diff} more {range} than {other}")),
            Weighed::Less => sentence(format!("You spent {diff} less {range} than {other}")),
            Weighed::Same => sentence(format!("You spent the same {range} as {other}")),
        },
        SpendAverage {
            per_month,
            months: 1,
        } => format!("That is about one month of history: {per_month} a month."),
        SpendAverage { per_month, months } => {
            format!("That's {per_month} a month on average, over {months} months.")
        }
        SpendNone {
            range,
            merchant,
            category: cat,
            account,
        } => {
            let what = spend_filter(*merchant, *cat);
            let acc = account.map(|a| format!(" on your {a}")).unwrap_or_default();
            sentence(format!("I found no spending{what}{acc} {range}"))
        }
        UndoWhat => "Here is what I can undo: an alert switched on or off (say \"my alerts\" \
            and tap it again), a card locked here (say \"unlock my card\"), or the link to your \
            account (say \"unlink my account\"). Payments and transfers can't be undone in this \
            chat: call the number on the back of your card."
            .into(),
        AtmPlaceNeeded => "I can't see where that is from here. Send me the town and street, \
            or a postcode such as 94105, or share your location, and I'll find the nearest cash \
            machines."
            .into(),
        AtmAsk => "Where are you? Send me a postcode or a place, or share your location.".into(),
        AtmNotFound(q) => format!(
            "I couldn't find \"{q}\" among the places I know, so I can't list cash machines \
             there. The cash machines I know may not cover it, abroad especially: your card \
             network's ATM locator or your bank's app can help. Otherwise send a postcode such \
             as SW1A 1AA or 94105."
        ),
        AtmNone {
            place,
            filter,
            nearest,
        } => {
            let that = atm_that_en(filter, true);
            let near = place.map_or_else(|| "near you".to_owned(), |p| format!("near {p}"));
            let mut text = format!("I found no cash machine{that} {near}.");
            if let Some((name, address, distance)) = nearest {
                text.push_str(&format!(
                    " The nearest one I know is {name}, {address} ({distance} away)."
                ));
            }
            text.push_str(" You can try another town or postcode.");
            text
        }
        AtmMapButton => "Open in Maps".into(),
        AtmHasFeature {
            name,
            address,
            feature,
            has,
        } => {
            use crate::intents::atm_feature::Feature;
            let what = match (feature, has) {
                (Feature::Open24h, true) => "is open 24/7",
                (Feature::Open24h, false) => "is not open 24/7",
                (Feature::Deposits, true) => "takes deposits (cash or cheques)",
                (Feature::Deposits, false) => "doesn't take deposits",
                (Feature::Accessible, true) => "is accessible (wheelchair or audio guidance)",
                (Feature::Accessible, false) => "isn't listed as wheelchair-accessible",
                (Feature::Contactless, true) => "takes contactless cards",
                (Feature::Contactless, false) => "doesn't take contactless cards",
            };
            let (yes, also) = if *has {
                ("Yes", String::new())
            } else {
                let ask = match feature {
                    Feature::Open24h => "which are open 24/7?",
                    Feature::Deposits => "which take deposits?",
                    Feature::Accessible => "which are accessible?",
                    Feature::Contactless => "",
                };
                let also = if ask.is_empty() {
                    String::new()
                } else {
                    format!(" Ask \"{ask}\" to see only those nearby.")
                };
                ("No", also)
            };
            format!("{yes}: {name} ({address}) {what}.{also}")
        }
        AtmNothingCloser { name, distance } => format!(
            "There's nothing closer that I know of: {name}, {distance} away, is the nearest \
             cash machine to you. Tap Open in Maps on it for walking directions."
        ),
        AtmHoursUnknown => "I don't have each cash machine's opening hours, only whether it is \
            open 24/7. Ask \"which are open 24/7?\" to see just those."
            .into(),
        AtmFeesUnknown => "I don't have fee information for cash machines, so I can't tell you \
            which ones are free. A machine that charges shows its fee on screen before you \
            take out cash, and you can cancel then."
            .into(),
        AtmHeader(place, f) => {
            let that = atm_that_en(f, false);
            let to = place.unwrap_or("you");
            format!("The nearest cash machines{that} to {to}:")
        }
        CardNone => "I couldn't find a card on your accounts.".into(),
        CardEndsIn { name, last4 } => format!(
            "Your {name} ends in {last4} (for your safety I never show a full card number)."
        ),
        CardChoose => "Which card do you want to lock?".into(),
        CardConfirm(card) => format!(
            "Lock your {card}? New payments and withdrawals with it will be declined until \
             it is unlocked."
        ),
        CardDone(card, way) => format!(
            "Done: your {card} is locked. If it was lost or stolen, or you see payments you \
             don't recognise, {}.",
            person_or(*way)
        ),
        CardAlready(card) => format!("Your {card} is already locked."),
        CardConfirmAll(cards) => format!(
            "Lock all your cards: {cards}? New payments and withdrawals with them will be \
             declined until they are unlocked."
        ),
        CardDoneAll(cards, way) => format!(
            "Done: your {cards} are locked. If they were lost or stolen, or you see payments \
             you don't recognise, {}.",
            person_or(*way)
        ),
        CardsAllLocked => "All your cards are already locked.".into(),
        WordAnd => "and".into(),
        CardKept => "OK, I left your card as it is.".into(),
        LockCalledOff(StandDown::Found) => {
            "Good news! I left your card as it is: it still works as usual.".into()
        }
        LockCalledOff(StandDown::Mine) => {
            "OK, so that payment was yours: I left your card as it is, it still works as usual."
                .into()
        }
        ChargeYours => "OK, so that payment was yours: nothing to do then.".into(),
        CardOnlyOne(card) => format!(
            "You have just one card with us: your {card}. Lock it? Payments and withdrawals \
             with it will be declined until you unlock it."
        ),
        AmountOtherDates(range) => {
            format!("Nothing of that amount {range}, but there is at another date:")
        }
        NothingElse(range) => format!(
            "No, nothing else {range}{}",
            if range.ends_with('.') { "" } else { "." }
        ),
        OtherMoneyIn { n, range } => match n {
            0 => format!(
                "No, no other money in{}{}",
                spaced(range),
                if range.ends_with('.') { "" } else { "." }
            ),
            1 => format!("Yes, one other payment in{}:", spaced(range)),
            n => format!("Yes, {n} other payments in{}:", spaced(range)),
        },
        AlsoThese { n, range } => match n {
            1 => format!("Yes, one other transaction{}:", spaced(range)),
            n => format!("Yes, {n} other transactions{}:", spaced(range)),
        },
        HowElsewhere(contact) => format!(
            "The simplest way is your bank's app or its website, once you've signed in. To do \
             it with a person, {}.",
            reach(*contact)
        ),
        CardNotTheirs => "I can't find that card among yours.".into(),
        CardOfSomeoneElse => "That card isn't one of yours with us, so I can't lock it here: \
             whoever holds it should call the number on the back of it, or their own bank, to \
             block it. Your own cards aren't affected."
            .into(),
        LockNotDone(Some(card)) => {
            format!("Careful: your {card} is NOT locked yet. Shall I lock it now?")
        }
        LockNotDone(None) => {
            "Careful: none of your cards is locked yet. Do you still want to lock one?".into()
        }
        LockOthersNotDone => {
            "Careful: your other cards are NOT locked yet. Do you want to lock one of them?".into()
        }
        CardUnlocked(card) => format!("Done: your {card} is unlocked and works again."),
        CardUnlockConfirm(card) => {
            format!("Good news! Your {card} is still locked. Shall I unlock it so it works again?")
        }
        CardStaysLocked(card) => format!(
            "OK, your {card} stays locked. Say \"unlock my card\" whenever you want it back."
        ),
        CardNotLocked(card) => format!("Your {card} isn't locked: it works as usual."),
        CardIsLocked(card) => format!(
            "Your {card} is locked: new payments are declined until you unlock it. Say \
             \"unlock my card\" when you want it back."
        ),
        WelcomeBeforeAnswer => "You're welcome!".into(),
        LockDespiteDeclined(c) => format!(
            "Sure, let's lock it. If it had stopped working, the cause may be the available \
             balance or credit, a limit or the shop's terminal; to find out why, {}.",
            reach(*c)
        ),
        CardDeclinedWhy(c) => format!(
            "A payment can also be declined for the available balance or credit, a limit, or \
             the shop's terminal. To find out why this one was, {}.",
            reach(*c)
        ),
        ContactInfo(c) => format!(
            "To reach your bank, {}. I can also help right here with balances, \
             transactions, spending, cash machines and cards.",
            reach(*c)
        ),
        CardNoneLocked => "None of your cards is locked: they all work as usual.".into(),
        CardChooseHow => "OK, I just need to know which card: tap one below, or write its name \
            (\"debit\", \"visa\") or its last 4 digits."
            .into(),
        CancelWithMerchant => "A subscription is stopped with the merchant itself (in your \
            account with them, or by asking them); your bank can also stop a recurring card payment. \
            If you don't recognise the payment, I can lock the card it was made with."
            .into(),
        UnlockHere => "Yes: whenever a card is locked, just write \"unlock my card\" here and \
            it works again right away."
            .into(),
        CardUnlockWhich => "Several of your cards are locked. Which one should I unlock? Say for \
            example \"unlock my debit card\"."
            .into(),
        CardNeedsAuth => "For your security, please log in at your bank again before I change \
            a card. Then ask me again."
            .into(),
        Okay => "OK, no problem.".into(),
        WhatElse => "👍 What else can I do for you?".into(),
        ConfirmReask => "Please answer yes or no.".into(),
        LockOfferReask => "Shall I lock your card now? Please answer yes or no.".into(),
        ExplainLock => "Locking declines new payments and withdrawals with this card straight \
            away; payments already made stay as they are. You can unlock it here any time by \
            saying \"unlock my card\". Lock it?"
            .into(),
        ExplainUnlink => "Unlinking removes my access to your bank account: I stop showing your \
            balances and transactions here and forget the link. Your accounts and your bank \
            login don't change, and you can link again any time. Unlink?"
            .into(),
        ExplainPending => "A pending payment is one your card has authorised but the merchant \
            hasn't collected yet: the money is set aside from your available balance, and the \
            amount can still change (a hotel or fuel pump often takes more or less at the end) \
            or drop off. It usually clears within a few days."
            .into(),
        ExplainDelete => "Deleting erases the link to your bank account, our conversation \
            context, your alert choices and any message waiting for you. It can't be undone, \
            but your accounts at the bank stay exactly as they are. Delete everything?"
            .into(),
        PhishingWarning { cards } => format!(
            "No, that isn't normal: it's almost certainly a scam. Your bank will never ask for \
             your card PIN, your password or a code sent to you by text, whether by text, email \
             or phone. Don't give anything, don't click any link, hang up.{}",
            if *cards {
                " If you've already given a code or your login details, I can lock your card \
                 right away."
            } else {
                ""
            }
        ),
        CardCompromised(Reach::Person) => "Then your card must be treated as compromised: \
            whoever has those details can pay with it, so it should be locked now. A person \
            from our team can take the report and get you a new card."
            .into(),
        CardCompromised(Reach::Bank(c)) => format!(
            "Then your card must be treated as compromised: whoever has those details can pay \
             with it, so it should be locked now. To report it and get a new card, {}.",
            reach(*c)
        ),
        LockedNoUse(Reach::Person) => "No: a locked card declines every new payment and \
            withdrawal, so nobody can use it from now on. Payments made before the lock stay as \
            they are; a person from our team can look into any you don't recognise."
            .into(),
        LockedNoUse(Reach::Bank(c)) => format!(
            "No: a locked card declines every new payment and withdrawal, so nobody can use it \
             from now on. Payments made before the lock stay as they are: if you see one you \
             don't recognise, {}.",
            reach(*c)
        ),
        AfterLockSteps(Reach::Person) => "Your card is locked, so it's safe for now. Next, \
            report the loss or theft and get a new card: a person from our team can do both, \
            and look into any payment you don't recognise. If the card turns up, you can unlock \
            it here."
            .into(),
        AfterLockSteps(Reach::Bank(c)) => format!(
            "Your card is locked, so it's safe for now. Next, report the loss or theft and get \
             a new card, and mention any payment you don't recognise: {}. If the card turns up, \
             you can unlock it here.",
            reach(*c)
        ),
        ScamPressure(Reach::Person) => "That is exactly how this scam works: someone pretends \
            to be the bank or its fraud team and rushes you. The bank will never ask you for a \
            code or a password, nor to move your money to \"secure\" it. Hang up and give \
            nothing more. If you've already given something, I can lock your card right now, \
            and put you in touch with a person."
            .into(),
        ScamPressure(Reach::Bank(c)) => format!(
            "That is exactly how this scam works: someone pretends to be the bank or its fraud \
             team and rushes you. The bank will never ask you for a code or a password, nor to \
             move your money to \"secure\" it. Hang up and give nothing more. If you've \
             already given something, I can lock your card right now. To check with the bank, \
             {} yourself.",
            reach(*c)
        ),
        BankCallWarning => "Be careful: calls like this are a common scam. Your bank will never \
            ask you for your PIN, your password or a code sent by text, nor to move your money. \
            If they asked for anything, give nothing and hang up. If you've already given a code \
            or your card's numbers, I can lock your card right away."
            .into(),
        Reaction => "I understand. If it helps, I can show you what went out lately or where \
            the money went by category."
            .into(),
        RemarkHeard => "Noted! If you'd like, I can show you what went out lately or where the \
            money went by category."
            .into(),
        CardKindIs { card, credit: true } => format!(
            "Your {card} is a credit card: payments go on its credit line, and you pay the \
             balance back later."
        ),
        CardKindIs {
            card,
            credit: false,
        } => format!(
            "Your {card} is a debit card: payments come straight out of the account it is \
             linked to."
        ),
        CardWhereUsable => "When it isn't locked, a card works wherever its network (Visa, \
            Mastercard…) is accepted: in shops, online, abroad and at cash machines."
            .into(),
        PhishingLink { cards } => format!(
            "No, that wasn't me or your bank: I never send links, and your bank won't ask you to \
             sign in or unlock your account through a link in a text or email. Don't click it \
             and don't enter anything on the page it opens; just delete the message.{}",
            if *cards {
                " If you already clicked and typed your login or card details, change your \
                 password in your bank's app, and I can lock your card right away."
            } else {
                ""
            }
        ),
        AccountWatch(c) => format!(
            "I can't see sign-ins or changes to your contact details from here. If you think \
             someone else got into your account, change your password in your bank's app or \
             on its website, and {} so the bank can check who signed in and what was changed. \
             I can also lock your cards right now.",
            reach(*c)
        ),
        PhoneStolen(c) => format!(
            "If your phone is locked (code, fingerprint or face), nobody can open this chat \
             on it. If it isn't, whoever has it could read your balances and transactions in \
             this chat if Messenger is open on it (they can't move money here: I make no payments or \
             transfers). To cut that off, unlink your bank account from Messenger now, and \
             sign out of Facebook and Messenger on that phone from another device (Settings › \
             Password and security › Where you're logged in). If your bank's app is on the \
             phone too, {} so it can be secured. Unlink your account now?",
            reach(*c)
        ),
        OnlineOnly(c) => format!(
            "I can't turn off online payments alone from here: what I can do is lock the whole \
             card, which stops it everywhere (shops, online and cash machines) until you unlock \
             it. To block only online use, look for the card settings in your bank's app or on \
             its website, or {}. Shall I lock the whole card?",
            reach(*c)
        ),
        DirectDebitDisowned(c) => format!(
            "A direct debit isn't a card payment, so locking a card won't stop it. Check the \
             name on it in your transactions first: it is often a company you know under \
             another name. If it really isn't yours, {}: the bank can dispute a direct debit \
             you never authorised and cancel it. You can also cancel a direct debit in your \
             bank's app or on its website. If it was in fact a card payment, I can lock your \
             card right away.",
            reach(*c)
        ),
        NothingGiven => "Good: as you gave nothing, your card and accounts are safe and \
            there's no need to lock anything. Delete the message (or block the number) \
            without replying. If they get in touch again, it's still a scam."
            .into(),
        Bereavement(c) => format!(
            "I'm so sorry for your loss. I can't see or manage another person's accounts \
             here, even a spouse's, but your bank has people who handle this with care: {} and \
             they'll tell you what they need and what happens to the account.",
            reach(*c)
        ),
        FraudOfferAgain(Reach::Person) => "Understood. Shall I lock your card now, or put you in \
            touch with a person who can look into the payment?"
            .into(),
        FraudOfferAgain(Reach::Bank(c)) => format!(
            "Understood. Shall I lock your card now? To have the payment looked into, {}.",
            reach(*c)
        ),
        OthersData => "I can only show your own accounts: I can't share another person's \
            balance or transactions, even a family member's. They can ask me from their own \
            Messenger, or ask the bank."
            .into(),
        MoneySafeLead => "I understand the worry. Here is your money as it stands and what \
            moved lately. Remember: the bank never asks for your PIN, password or a code by \
            phone, text or email."
            .into(),
        FraudReviewOffer(Reach::Person) => "If any of these isn't yours, I can lock the card \
            right away, or put you in touch with a person who can look into it."
            .into(),
        FraudReviewOffer(Reach::Bank(c)) => format!(
            "If any of these isn't yours, I can lock the card right away. To have it looked \
             into, {}.",
            reach(*c)
        ),
        FraudDisowned(payment, Reach::Person) => format!(
            "I'm sorry to hear that: the {payment} isn't yours. I can lock your card right away \
             so nobody can use it, and put you in touch with a person from our team to report \
             the payment."
        ),
        FraudDisowned(payment, Reach::Bank(c)) => format!(
            "I'm sorry to hear that: the {payment} isn't yours. I can lock your card right away \
             so nobody can use it. To report the payment, {}.",
            reach(*c)
        ),
        PaymentNamed { amount, who, date } => format!("payment of {amount} at {who} on {date}"),
        FraudOffer(Reach::Person) => "I'm sorry to hear that. I can lock your card right away so \
            nobody can use it, and put you in touch with a person from our team."
            .into(),
        FraudOffer(Reach::Bank(c)) => format!(
            "I'm sorry to hear that. I can lock your card right away so nobody can use it. To \
             report the payment to a person, {}.",
            reach(*c)
        ),
        AllAccountsShown { n: 1, .. } => "Yes: that is the one account linked to this chat. \
            An account at another bank, or one not linked here, doesn't show."
            .into(),
        AllAccountsShown { n, credit } => format!(
            "Yes: those are all {n} accounts linked to this chat{}. An account at another \
             bank, or one not linked here, doesn't show.",
            if *credit {
                ", credit card included"
            } else {
                ""
            }
        ),
        FraudNextSteps(Reach::Person) => "Here's what happens next: first, lock your card so \
            nobody can use it again (I can do it right now). Then a person from our team takes \
            your report of the payment: the bank looks into it and tells you whether it is \
            refunded, and sends you a new card if needed."
            .into(),
        FraudNextSteps(Reach::Bank(c)) => format!(
            "Here's what happens next: first, lock your card so nobody can use it again (I can \
             do it right now). Then, to report the payment, {}: the bank looks into it and \
             tells you whether it is refunded, and sends you a new card if needed.",
            reach(*c)
        ),
        Handoff => "I'm passing you to a member of our team: a person will answer you here as \
            soon as they can. I'll stay quiet meanwhile; when they've finished, the conversation \
            comes back to me and you can ask me anything again."
            .into(),
        HandoffUnavailable(c) => format!(
            "No one from our team can answer in this chat. To talk to a person, {}. I'm still \
             here for your balances, transactions, spending, cash machines and cards.",
            reach(*c)
        ),
        DeleteAsk => "This erases everything I keep about you: the link to your bank account, \
            our conversation context and your alert choices. Your accounts at the bank stay as \
            they are. Delete everything?"
            .into(),
        Deleted => {
            "Done: I erased everything I kept about you. Say hi any time to start again.".into()
        }
        DeleteKept => "OK, nothing was deleted.".into(),
        AlertsList(lines) => format!("Your alerts:\n{lines}\nTap one to switch it on or off."),
        AlertLine(k, on) => format!("• {}: {}", alert(*k), if *on { "on" } else { "off" }),
        AlertSet(k, true) => format!(
            "{} alerts are now on: I'll message you here {}. An alert shows the amount and the \
             last 4 digits of the card or account, never a full number.",
            alert(*k),
            when(*k)
        ),
        AlertSet(k, false) => format!("{} alerts are now off.", alert(*k)),
        AlertOffer(k, true) => format!("{} alerts are on. Switch them off?", alert(*k)),
        AlertOffer(k, false) => format!("{} alerts are off. Switch them on?", alert(*k)),
        AlertThresholdNotHere(k) => format!(
            "I can't choose the amount here: {} alerts use the threshold set with your bank, \
             which you can change in your bank's app or on its website.",
            alert(*k)
        ),
        AlertStays(k) => format!("Your {} alerts stay on as they are.", alert(*k)),
        AlertsOnNow([]) => "None of your alerts is on right now.".into(),
        AlertsOnNow(kinds) => format!(
            "On right now: {} alerts. The others are off.",
            kinds.iter().map(|k| alert(*k)).collect::<Vec<_>>().join(", ")
        ),
        AlertsAllOffAsk => "Switch off all your alerts? You would no longer hear from me about \
            suspicious payments either."
            .into(),
        AlertsKept => "OK, your alerts stay as they are.".into(),
        AlertsAllOff => "All alerts are now off. You can turn them back on any time.".into(),
        Greeting {
            linked,
            people,
            hello,
        } => {
            let tail = if *linked {
                " What can I do for you?"
            } else {
                " Start by linking your bank account."
            };
            let what = if *people {
                "find a cash machine, lock a card or put you in touch with a person"
            } else {
                "find a cash machine or lock a card"
            };
            format!(
                "{} I'm your bank's assistant. I can show your balances and transactions, sum up \
                 your spending, {what}.{tail}",
                match hello {
                    crate::intents::farewell_wish::Wish::Evening
                    | crate::intents::farewell_wish::Wish::Night => "Good evening!",
                    crate::intents::farewell_wish::Wish::Morning => "Good morning!",
                    crate::intents::farewell_wish::Wish::Afternoon => "Good afternoon!",
                    _ => "Hi!",
                }
            )
        }
        HowAreYou => "I'm doing well, thanks for asking! 😊 How can I help you today?".into(),
        CardKeptByAtm(way) => format!(
            "Sorry about that! I can't get a card back from a cash machine here: to get it back \
             or have a new one sent, {}. Until then, locking it makes sure nobody can use it.",
            person_or(*way)
        ),
        TakeYourTime => "Sure, take your time: I'll be here when you're ready.".into(),
        NoHarmDone => "No problem at all! What can I do for you?".into(),
        AskAway => "Sure, go ahead: what would you like to know?".into(),
        FraudCardsLocked { cards, n } => {
            let (your, it) = if *n == 1 {
                ("Your card is", "it")
            } else {
                ("Your cards are", "them")
            };
            format!(
                "I'm sorry to hear that. {your} already locked ({cards}), so nobody can pay with \
                 {it} now. Payments you don't recognise still need to be reported to your bank."
            )
        }
        RetentionIntro => "At most 24 hours after your last message for our conversation; the \
            link to your bank and your alert choices stay until you unlink or delete your data. \
            In detail:"
            .into(),
        Newcomer { sorry, way } => format!(
            "{}Don't worry, there's no wrong way to ask. Just type what you need in your own \
             words, like \"what's my balance?\", \"what did I spend this month?\" or \"lock my \
             card\", or tap a button below. {}.",
            if *sorry {
                "I'm so sorry for your loss. "
            } else {
                ""
            },
            match way {
                Reach::Person => "If you'd rather talk to a person, just say so".to_owned(),
                Reach::Bank(c) => format!("If you'd rather talk to a person, {}", reach(*c)),
            }
        ),
        Help(way) => format!(
            "Here's what I can do:\n\
             • balances: \"what's my balance?\", \"and savings?\"\n\
             • transactions: \"last 10 transactions\", \"payments at Amazon in October\"\n\
             • spending: \"how much did I spend on groceries this month?\"\n\
             • cash machines: \"nearest ATM to SW1A 1AA\"\n\
             • cards: \"lock my card\", \"I don't recognise a payment\"\n\
             • alerts: \"turn on low balance alerts\", \"stop alerts\"\n\
             • a person: {}\n\
             • privacy: \"unlink my account\", \"delete my data\"",
            match way {
                Reach::Person => "\"talk to an agent\"".to_owned(),
                Reach::Bank(c) => reach(*c),
            }
        ),
        Thanks => "You're welcome! Anything else?".into(),
        BalanceKinds => "The current (or ledger) balance is the money actually booked on the account: the transactions already posted. The available balance is what you can spend right now: the current balance minus payments still pending (approved but not posted yet), plus any overdraft or credit line. The balances I show are current balances; when your bank gives a different available balance, I show it next to it.".into(),
        Blessed => "Thank you, and the same to you! Anything else?".into(),
        Understood => "Great, glad that helped! Anything else?".into(),
        WhereWhenOfWhat => "I don't have the details of a message you got elsewhere: I only see your transactions. Say for example \"my last transactions\" or \"the $45 payment\", and I'll show you where and when.".into(),
        Goodbye(wish) => {
            use crate::intents::farewell_wish::Wish::*;
            match wish {
                Plain => "Goodbye, see you soon!",
                Day | Morning => "Goodbye, have a nice day!",
                EndOfDay | Afternoon => "Goodbye, enjoy the rest of your day!",
                Evening => "Goodbye, have a nice evening!",
                Night => "Goodbye, good night!",
                Weekend => "Goodbye, have a nice weekend!",
                Sunday => "Goodbye, enjoy your Sunday!",
                Tomorrow => "Goodbye, see you tomorrow!",
            }
            .into()
        }
        Fallback => "Sorry, I didn't get that. I can help with balances, transactions, spending, \
            cash machines and cards. Try one of these:"
            .into(),
        FallbackEscalate(Reach::Person) => {
            "Sorry, I still don't understand. Would you like to talk to a person?".into()
        }
        FallbackEscalate(Reach::Bank(c)) => format!(
            "Sorry, I still don't understand. Nobody from our team answers in this chat: to \
             talk to a person, {}. Or try one of these:",
            reach(*c)
        ),
        IAmABot(asked, way) => format!(
            "{} an automated assistant, not a person. I can show your balances, \
             transactions and spending, find a cash machine or lock a card. {}",
            match asked {
                Asked::Bot => "Yes, I'm a bot:",
                Asked::Human => "No, I'm a bot:",
                Asked::Who => "I'm your bank's bot:",
            },
            match way {
                Reach::Person => "If you'd rather talk to a person, tap below.".to_owned(),
                Reach::Bank(c) => format!("If you'd rather talk to a person, {}.", reach(*c)),
            }
        ),
        Unsupported(crate::cues::Unsupported::TravelNotice, way) => format!(
            "Your cards work abroad, in shops and at cash machines, wherever their card network \
             is accepted. I can't set a travel notice or tell you the fees abroad here: you can \
             do it in your bank's app or on its website, or {}.",
            person_or(*way)
        ),
        Unsupported(crate::cues::Unsupported::Exchange, way) => format!(
            "I can't convert currencies or quote exchange rates here. Your bank's exchange rate \
             and its fees abroad are in its app or on its website, or {}.",
            person_or(*way)
        ),
        Unsupported(crate::cues::Unsupported::AccountTerms, way) => format!(
            "I can't see your account's terms here, such as a minimum balance to keep or the \
             charge for going below it. You'll find them in your bank's app or on its website, \
             or {}.",
            person_or(*way)
        ),
        Unsupported(crate::cues::Unsupported::Fees, way) => format!(
            "I don't have your bank's fees, so I can't tell you what a withdrawal or a card \
             payment abroad will cost. You'll find them in your bank's fee schedule, in its app \
             or on its website, or {}.",
            person_or(*way)
        ),
        Unsupported(what, way) => format!(
            "I can't {} here. You can do it in your bank's app or on its website, or {}.",
            unsupported(*what),
            person_or(*way)
        ),
        RefundStatus { people } => format!(
            "A refund after a fraud report or a disputed payment is decided by your bank, once \
             it has looked into it: I can't promise it or see how far along it is. You can \
             follow your case in your bank's app{}. If it's granted, it will come in as money \
             on your account: ask me \"have I been refunded?\" to check.",
            if *people {
                " or with a person"
            } else {
                " or by calling your bank"
            }
        ),
        RefundNone {
            merchant,
            since,
            people,
        } => format!(
            "Since {since}, I don't see any refund{} on your accounts. A refund can take a few \
             days: follow it in your bank's app{}.",
            merchant
                .map(|m| format!(" from {}", title_case(m)))
                .unwrap_or_default(),
            if *people { " or with a person" } else { "" }
        ),
        RefundFound { merchant, count } => {
            let from = merchant
                .map(|m| format!(" from {}", title_case(m)))
                .unwrap_or_default();
            if *count == 1 {
                format!("Yes, a refund{from} came in:")
            } else {
                format!("Yes, {count} refunds{from} came in:")
            }
        }
        SocialLaugh => "😄 Anything else I can do for you?".into(),
        SocialInsult(Reach::Person) => "Sorry I haven't been more helpful. Tell me what you need, \
            or ask for a person."
            .into(),
        SocialInsult(Reach::Bank(c)) => format!(
            "Sorry I haven't been more helpful. Tell me what you need; to talk to a person, {}.",
            reach(*c)
        ),
        SocialChitchat => "I'm only your bank's assistant, so I'll stick to banking: balances, \
            transactions, spending, cash machines and cards."
            .into(),
        StayWithBot => "Sure, I'm still here. What can I do for you?".into(),
        LanguagesSpoken => "I can chat in English and in French. No need for perfect \
            English: short, simple messages such as \"my balance\" or \"last payments\" work \
            fine. What can I do for you?"
            .into(),
        LabelYes => "Yes".into(),
        LabelNo => "No".into(),
        LabelCancel => "Cancel".into(),
        LabelMore => "Show more".into(),
        LabelBalance => "Balances".into(),
        LabelTransactions => "Transactions".into(),
        LabelSpending => "Spending".into(),
        LabelAtm => "Nearest ATM".into(),
        LabelLockCard => "Lock a card".into(),
        LabelAlerts => "Alerts".into(),
        LabelPerson => "Talk to a person".into(),
        LabelLink => "Link my account".into(),
        LabelHelp => "Help".into(),
        LabelAlertToggle(k, on) => format!("{} {}", if *on { "🔔" } else { "🔕" }, alert(*k)),
        LabelAlertsAllOff => "🔕 All off".into(),
        ErrReauth => "Your bank asks you to log in again. Tap below, then ask me again.".into(),
        ErrPermission => "Your bank link doesn't allow me to do that. Link your account again \
            and allow access, then ask me again."
            .into(),
        ErrBusy => "Your bank is busy right now. Please try again in a minute.".into(),
        ErrUnavailable => {
            "I can't reach your bank right now. Please try again in a few minutes.".into()
        }
        ErrNotFound => "I couldn't find that at your bank. It may have changed: please ask \
            again."
            .into(),
        ErrUnsupported => "Sorry, your bank doesn't let me do that here.".into(),
        CardsUnavailable(c) => format!(
            "I can't lock or unlock cards here — you can do it in your banking app or {}.",
            reach(*c)
        ),
        FraudUnavailable(c) => format!(
            "I'm sorry to hear that. I can't block cards or take fraud reports here — please {} \
             right away so the card can be blocked and the payment looked into.",
            reach(*c)
        ),
        FraudNoReports(c) => format!(
            "I'm sorry to hear that. I can lock your card right away, but I can't take fraud \
             reports here: please also {} so the payment can be looked into.",
            reach(*c)
        ),
        LinkingUnavailable(c) => format!(
            "Linking your bank account isn't available in this chat, so I can't show your \
             accounts or cards here. You can use your banking app or {}. I can still find you a \
             cash machine.",
            reach(*c)
        ),
        ErrGeneric => "Sorry, something went wrong on our side. Please try again in a few \
            minutes."
            .into(),
        Privacy(p) => privacy::text(bankbot_core::Lang::En, p),
        Flow(m) => super::flow::text(bankbot_core::Lang::En, m),
        Picked(m) => super::picked::text(bankbot_core::Lang::En, m),
        BankLabel { code, kind } => super::bank_label::text(bankbot_core::Lang::En, code, *kind),
        AtmOthersHeader(place) => {
            let to = place.unwrap_or("you");
            format!("Other cash machines near {to}, past those shown:")
        }
    }
}

fn describe(f: &TxFilters<'_>) -> String {
    let mut parts = Vec::new();
    if let Some(a) = f.account {
        parts.push(format!(" on your {}", kind(a)));
    }
    if let Some(m) = f.merchant {
        parts.push(format!(" at {}", title_case(m)));
    }
    if let Some(c) = f.category {
        parts.push(format!(" in {}", category(Some(c)).to_lowercase()));
    }
    if let Some(r) = &f.range {
        parts.push(format!(" {r}"));
    }
    match (&f.min, &f.max) {
        (Some(lo), Some(hi)) if lo == hi => parts.push(format!(" of {lo}")),
        (Some(lo), Some(hi)) => parts.push(format!(" between {lo} and {hi}")),
        (Some(lo), None) => parts.push(format!(" of {lo} or more")),
        (None, Some(hi)) => parts.push(format!(" of {hi} or less")),
        (None, None) => {}
    }
    parts.concat()
}

fn unsupported(u: crate::cues::Unsupported) -> &'static str {
    use crate::cues::Unsupported::*;
    match u {
        Transfer => "make transfers or send money",
        BillPayment => "pay bills",
        OpenAccount => "open an account",
        PersonalDetails => "change your address or personal details",
        Dispute => "dispute a payment",
        Loan => "arrange loans or mortgages",
        Limit => "change a card or credit limit",
        LimitInfo => "see your cards' daily spending and withdrawal limits",
        Checkbook => "order checkbooks",
        Pin => "change or resend a PIN",
        DirectDeposit => "set up direct deposits",
        CloseAccount => "close an account",
        ChequeDeposit => "deposit or cash a cheque",
        Subscription => "cancel a subscription or stop a recurring payment",
        Rates => "show interest rates",
        AccountTerms => "tell you your account's terms, such as a minimum balance to keep",
        CreditScore => "show your credit score or credit report",
        AccountNumber => "show full account, routing or card numbers",
        NewCard => "order or replace a card",
        Statement => "show your statement, its due date or minimum payment",
        Complaint => "take a complaint",
        TravelNotice => "set a travel notice on your cards",
        CashWithoutCard => "arrange a cash withdrawal without a card",
        Exchange => "convert currencies or quote exchange rates",
        Overdraft => "arrange an overdraft",
        Export => "export or send statements or a file of your transactions",
        Fees => "tell you your bank's fees",
        FeeSchedule => "tell you what the bank charges for a service",
    }
}

fn spend_filter(merchant: Option<&str>, cat: Option<Category>) -> String {
    let at = merchant.map(|m| format!(" at {}", title_case(m)));
    let on = cat.map(|c| format!(" on {}", category(Some(c)).to_lowercase()));
    at.or(on).unwrap_or_default()
}

fn kind(k: AccountKind) -> &'static str {
    match k {
        AccountKind::Checking => "checking account",
        AccountKind::Savings => "savings account",
        AccountKind::CreditCard => "credit card",
        AccountKind::Loan => "loan",
        AccountKind::Mortgage => "mortgage",
        _ => "account",
    }
}

pub(super) fn alert(k: AlertKind) -> &'static str {
    match k {
        AlertKind::FraudSuspected => "Fraud",
        AlertKind::BalanceLow => "Low balance",
        AlertKind::BalanceUpdate => "Balance update",
        AlertKind::LargeTransaction => "Large payment",
        AlertKind::DepositReceived => "Deposit",
    }
}

fn when(k: AlertKind) -> &'static str {
    match k {
        AlertKind::FraudSuspected => "when a card payment looks suspicious",
        AlertKind::BalanceLow => "when a balance falls below its threshold",
        AlertKind::BalanceUpdate => "with a regular balance update",
        AlertKind::LargeTransaction => "when a large payment goes through",
        AlertKind::DepositReceived => "when money arrives on your account",
    }
}

pub(super) fn category(c: Option<Category>) -> &'static str {
    match c {
        Some(Category::Groceries) => "Groceries",
        Some(Category::Dining) => "Dining",
        Some(Category::Transport) => "Transport",
        Some(Category::Fuel) => "Fuel",
        Some(Category::Shopping) => "Shopping",
        Some(Category::Entertainment) => "Entertainment",
        Some(Category::Bills) => "Bills",
        Some(Category::Housing) => "Housing",
        Some(Category::Income) => "Income",
        Some(Category::Transfer) => "Transfers",
        None => "Other",
    }
}

/// How to reach the bank, after "you can … or" / "please …".
/// "I can put you in touch with a person", or how to reach one where nobody answers here.
fn person_or(way: Reach<'_>) -> String {
    match way {
        Reach::Person => "I can put you in touch with a person".into(),
        Reach::Bank(c) => format!("{} to talk to a person", reach(c)),
    }
}

fn reach(contact: Contact<'_>) -> String {
    match contact {
        Contact::Phone(number) => format!("call us on {number}"),
        Contact::Address(address) => format!("contact us at {address}"),
        Contact::Unknown => "call the number on the back of your card".into(),
    }
}

/// " that take deposits and are open 24 hours" (" that takes…" for `one` machine): the
/// filters of an ATM search, or nothing.
fn atm_that_en(f: &bankbot_bank::AtmFilter, one: bool) -> String {
    let mut what = Vec::new();
    if f.deposits {
        what.push(if one {
            "takes deposits"
        } else {
            "take deposits"
        });
    }
    if f.open_24h {
        what.push(if one {
            "is open 24 hours"
        } else {
            "are open 24 hours"
        });
    }
    if f.accessible {
        what.push(if one {
            "is wheelchair accessible"
        } else {
            "are wheelchair accessible"
        });
    }
    if what.is_empty() {
        String::new()
    } else {
        format!(" that {}", what.join(" and "))
    }
}
/// The range after a word, with its space when there is one ("" when no range).
fn spaced(range: &str) -> String {
    if range.is_empty() {
        String::new()
    } else {
        format!(" {range}")
    }
}
