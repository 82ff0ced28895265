//! Questions about what was just shown: "anything from starbucks in there", "only the ones
//! at Carrefour", "uniquement celles de plus de 50 €", "which category do I spend the most
//! on" after a period — the last answer's search (its period, its filters), narrowed by
//! what the message adds, never a new search over this month.

use crate::cues::fold;

/// Words that point inside the last answer, each padded and folded.
const INSIDE: &[&str] = &[
    " in there ",
    " in those ",
    " in these ",
    " in that ",
    " in that list ",
    " in the list ",
    " among them ",
    " among those ",
    " among these ",
    " of those ",
    " of them ",
    " of these ",
    " from those ",
    " from these ",
    " out of those ",
    " only the ones ",
    " just the ones ",
    " only those ",
    " just those ",
    " the ones at ",
    " the ones from ",
    " the ones over ",
    " the ones above ",
    " dedans ",
    " la dedans ",
    " parmi ",
    " dans le lot ",
    " dans la liste ",
    " dans ces ",
    " dans celles ci ",
    " uniquement celles ",
    " uniquement ceux ",
    " seulement celles ",
    " seulement ceux ",
    " juste celles ",
    " juste ceux ",
    " que celles ",
    " que ceux ",
    " celles de ",
    " ceux de ",
    " celles chez ",
    " ceux chez ",
    " celles a ",
    " celles au ",
    " celles de plus ",
];

/// Words that ask which category or merchant leads, each padded and folded.
const RANKING: &[&str] = &[
    " which category ",
    " what category ",
    " top category ",
    " biggest category ",
    " where do i spend the most ",
    " where did i spend the most ",
    " what do i spend the most on ",
    " what did i spend the most on ",
    " spend the most on ",
    " spent the most on ",
    " spend most on ",
    " spent most on ",
    " where did most of it go ",
    " where did most of the money go ",
    " where did most of that go ",
    " most of it go ",
    " most of it went ",
    " where did it all go ",
    " where did all of it go ",
    " where did it go ",
    " where'd it go ",
    " whered it go ",
    " where'd it all go ",
    " where'd the money go ",
    " whered the money go ",
    " where'd my money go ",
    " where has it gone ",
    " where has the money gone ",
    " where has my money gone ",
    " where did the money go ",
    " where did my money go ",
    " where did that go ",
    " where did all that go ",
    " biggest expense ",
    " biggest expenses ",
    " quelle categorie ",
    " c'est parti ou ",
    " c est parti ou ",
    " ou est passe ",
    " ou c'est passe ",
    " passe ou ",
    " quel poste ",
    " ou je depense le plus ",
    " ou j'ai depense le plus ",
    " ou jai depense le plus ",
    " le plus depense ",
    " depense le plus ",
];

/// True when `text` narrows what was just shown ("anything from starbucks in there").
pub(crate) fn asks(text: &str) -> bool {
    let f = fold(text);
    INSIDE.iter().any(|w| f.contains(w))
}

/// True when `text` asks where the money went most ("which category do I spend the most
/// on"), which after a total is about that total's period.
pub(crate) fn ranks(text: &str) -> bool {
    let f = fold(text);
    RANKING.iter().any(|w| f.contains(w))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn narrowing_what_was_shown() {
        for t in [
            "anything from starbucks in there",
            "only the ones at amazon",
            "uniquement celles de Carrefour",
            "any over 50 among them?",
            "et parmi elles, celles chez carrefour",
            "y a du carrefour la dedans ?",
        ] {
            assert!(asks(t), "{t}");
        }
        for t in [
            "show my transactions",
            "mes achats chez carrefour",
            "what did i spend",
        ] {
            assert!(!asks(t), "{t}");
        }
    }

    #[test]
    fn ranking_questions() {
        for t in [
            "which category do I spend the most on",
            "what did i spend the most on",
            "c'est quoi la catégorie où je dépense le plus",
            "ou j'ai depense le plus ?",
        ] {
            assert!(ranks(t), "{t}");
        }
        assert!(!ranks("how much did i spend on groceries"));
    }
}
