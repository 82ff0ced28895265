//! "last 4 of my debit card", "what are the last four digits of my visa", « c'est quoi les
//! 4 derniers chiffres de ma carte »: each card named with its last 4 digits (never a full
//! number), never the lock offer a hurried "yes" would confirm nor the last 4 payments.

use bankbot_bank::CustomerCredential;
use bankbot_core::AccountKind;

use crate::HandlerError;
use crate::catalog::Msg;
use crate::ctx::Ctx;
use crate::cues::fold;

/// Words asking for a card's digits, padded and folded.
const DIGITS: &[&str] = &[
    " last 4 ",
    " last four ",
    " last digits ",
    " 4 digits ",
    " four digits ",
    " card number ",
    " card no ",
    " card's number ",
    " number on my card ",
    " number of my card ",
    " what does it end in ",
    " what does my card end in ",
    " ends in what ",
    " derniers chiffres ",
    " 4 derniers ",
    " quatre derniers ",
    " numero de ma carte ",
    " numero de carte ",
    " numero de la carte ",
    // « le numéro complet de ma carte », "the whole number on my card": the full number,
    // never shown; its last digits are (blind round 15b offered a lock).
    " numero complet ",
    " numero entier ",
    " numero en entier ",
    " full number ",
    " whole number ",
    " long number ",
    " finit par quoi ",
    " termine par quoi ",
];

/// Words naming a card, padded and folded.
const CARD: &[&str] = &[
    " card ", " cards ", " visa ", " debit ", " credit ", " carte ", " cartes ", " cb ",
];

/// Words that make it something else: a change of the card, or payments counted.
const ELSE: &[&str] = &[
    " lock ",
    " unlock ",
    " block ",
    " freeze ",
    " cancel ",
    " replace ",
    " bloque ",
    " bloquer ",
    " payments ",
    " transactions ",
    " purchases ",
    " charges ",
    " operations ",
    " paiements ",
    " achats ",
    " times ",
    " stolen ",
    " lost ",
    " vole ",
    " volee ",
    " perdu ",
    " perdue ",
    // "i gave them my card number", "someone asked for my card number": a scam told.
    " gave ",
    " give ",
    " given ",
    " asked ",
    " asking ",
    " ask ",
    " asks ",
    " called ",
    " call ",
    " phone ",
    " someone ",
    " somebody ",
    " they ",
    " them ",
    " legit ",
    " scam ",
    " scammed ",
    " shared ",
    " share ",
    " send ",
    " sent ",
    " typed ",
    " entered ",
    " donne ",
    " donner ",
    " demande ",
    " telephone ",
    " arnaque ",
    " mec ",
    " quelqu'un ",
    " bloquez ",
    " envoye ",
    " tape ",
];

/// The most words such a question takes.
const MAX_WORDS: usize = 14;

/// True when `text` asks for a card's last digits.
pub(crate) fn asks(text: &str) -> bool {
    let f = fold(text);
    let has = |list: &[&str]| list.iter().any(|w| f.contains(w));
    let four_digits = f
        .split(|c: char| !c.is_ascii_digit())
        .any(|run| run.len() >= 4);
    f.split_whitespace().count() <= MAX_WORDS
        && has(DIGITS)
        && has(CARD)
        && !has(ELSE)
        && !four_digits
}

/// Names the cards (the one of `kind` when named) with their last 4 digits.
pub(crate) async fn answer(
    ctx: &mut Ctx<'_>,
    credential: &CustomerCredential,
    kind: Option<AccountKind>,
) -> Result<(), HandlerError> {
    let cards = ctx.services.cards.cards(credential).await?;
    ctx.audit("cards");
    let shown = super::cards::of_kind_or_all(&cards, kind);
    if shown.is_empty() {
        ctx.say(Msg::CardNone);
        return Ok(());
    }
    for card in shown {
        let last4 = card.last4.to_string();
        ctx.say(Msg::CardEndsIn {
            name: &card.display_name,
            last4: &last4,
        });
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::asks;

    #[test]
    fn digits_asked() {
        for t in [
            "last 4 of my debit card",
            "what are the last four digits of my visa",
            "c'est quoi les 4 derniers chiffres de ma carte",
            "whats my card number",
        ] {
            assert!(asks(t), "{t}");
        }
        for t in [
            "last 4 payments on my card",
            "lock the card ending 9876",
            "show my last 4 transactions",
            "my card was stolen whats the card number",
            "someone called from my bank and asked for my card number, legit?",
            "j'ai donné mon numéro de carte à un mec au téléphone, bloquez-la",
        ] {
            assert!(!asks(t), "{t}");
        }
    }
}
