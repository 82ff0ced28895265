//! "J'ai dépensé plus de septante euros ce mois-ci ?", "est-ce que j'ai dépensé moins de
//! 500 balles chez Carrefour", "did I spend more than $70 this week": a yes/no question
//! about the *total*, answered with the total and a verdict ("Oui, c'est plus de
//! 70,00 €."), never a search for single payments over the figure (that is "mes dépenses
//! de plus de 70 €", where the figure follows a noun, not the verb).

use bankbot_bank::CustomerCredential;
use bankbot_core::{Money, Slots};

use crate::HandlerError;
use crate::catalog::Msg;
use crate::ctx::Ctx;
use crate::cues::fold;
use crate::intents::spending;

/// The verb of spending, as typed once folded ("dépensé", "spent").
const SPEND_VERB: &[&str] = &[
    "depense",
    "depensee",
    "depensees",
    "depenser",
    "depence",
    "claque",
    "flambe",
    "spent",
    "spend",
    "spended",
];

/// A subject or auxiliary right before the verb: the verb is a verb ("j'ai dépensé"),
/// not the noun ("mes dépenses", "une dépense de plus de 70 €").
const SUBJECT: &[&str] = &[
    "ai", "j'ai", "jai", "a", "as", "avons", "avez", "ont", "je", "j", "on", "tu", "i", "i've",
    "ive", "we", "we've", "have", "you", "deja", "already", "pas", "t'as", "tas",
];

/// Words that make the figure a size of single items ("dépensé en achats de plus de").
const ITEMS: &[&str] = &[
    "paiement",
    "paiements",
    "achat",
    "achats",
    "operation",
    "operations",
    "transaction",
    "transactions",
    "payment",
    "payments",
    "purchase",
    "purchases",
    "fois",
    "times",
];

/// The start of a bound on the figure, as folded words.
const BOUNDS: &[&[&str]] = &[
    &["plus", "de"],
    &["plus", "d'"],
    &["moins", "de"],
    &["moins", "d'"],
    &["au", "dessus", "de"],
    &["au", "dela", "de"],
    &["en", "dessous", "de"],
    &["more", "than"],
    &["less", "than"],
    &["over"],
    &["under"],
    &["above"],
    &["below"],
];

/// How many words may stand between the verb and the bound ("dépensé chez Carrefour ce
/// mois plus de").
const GAP: usize = 4;

/// True when `text` asks whether the total spent is over or under a figure.
pub(crate) fn asks(text: &str) -> bool {
    let f = fold(text).replace("d'", "d' ");
    let words: Vec<&str> = f.split_whitespace().collect();
    words.iter().enumerate().any(|(i, w)| {
        SPEND_VERB.contains(w)
            && i.checked_sub(1)
                .and_then(|p| words.get(p))
                .is_some_and(|prev| SUBJECT.contains(prev) || prev.ends_with("j'ai"))
            && bound_after(&words[i + 1..])
    })
}

/// True when a bound starts within [`GAP`] words of `rest`, with no word of items before it.
fn bound_after(rest: &[&str]) -> bool {
    for start in 0..=GAP.min(rest.len()) {
        let tail = &rest[start..];
        if BOUNDS.iter().any(|b| tail.starts_with(b)) {
            return true;
        }
        if tail.first().is_some_and(|w| ITEMS.contains(w)) {
            return false;
        }
    }
    false
}

/// Says the total spent over `slots` without the bound, then whether it is over or under
/// the figure (when the spending is in one currency).
pub(crate) async fn answer(
    ctx: &mut Ctx<'_>,
    credential: &CustomerCredential,
    slots: &Slots,
) -> Result<(), HandlerError> {
    let above = slots.amount_min.is_some();
    let whole = Slots {
        amount_min: None,
        amount_max: None,
        ..slots.clone()
    };
    let spent = spending::handle(ctx, credential, &whole).await?;
    let Some(bound) = slots.amount_min.or(slots.amount_max).map(|d| d.abs()) else {
        return Ok(());
    };
    if let Some(spent) = spent
        && spent.len() == 1
        && let Some((currency, total)) = spent.into_iter().next()
    {
        let holds = if above { total > bound } else { total < bound };
        let bound = Money::new(bound, currency).format(ctx.lang);
        ctx.say(Msg::SpentAgainstBound {
            bound: &bound,
            above,
            holds,
        });
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::asks;

    #[test]
    fn a_total_weighed_against_a_figure() {
        for text in [
            "j'ai dépensé plus de 70 euros ce mois-ci ?",
            "est-ce que j'ai depense plus de 90 balles chez carrefour",
            "jai depensé moins de 500 € ce mois",
            "ai-je dépensé plus de 100 euros cette semaine",
            "j'ai dépensé ce mois-ci au-dessus de 200 euros ?",
            "did i spend more than $70 this month",
            "have I spent over 100 dollars at whole foods",
            "i've spent less than 50 bucks this week right?",
        ] {
            assert!(asks(text), "{text}");
        }
    }

    #[test]
    fn payments_over_a_figure_are_items() {
        for text in [
            "mes dépenses de plus de 70 euros",
            "les dépenses au-dessus de 90 €",
            "une dépense de plus de 100 euros ?",
            "j'ai dépensé en paiements de plus de 50 euros combien",
            "payments over $70",
            "my spending over 100 dollars",
            "j'ai dépensé combien ce mois",
            "j'ai dépensé plus qu'en octobre ?",
        ] {
            assert!(!asks(text), "{text}");
        }
    }
}
