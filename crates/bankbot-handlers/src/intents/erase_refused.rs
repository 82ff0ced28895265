//! "surtout n'effacez pas mes données", "don't delete my data", « vous avez bien rien
//! effacé hein ? »: the customer refuses an erasure or checks that none happened. Never the
//! "delete everything?" question (blind round 15b: a plain "oui" to it then wiped
//! everything the customer had just asked to keep).

use crate::cues::fold;

/// Erasing words, padded and folded.
const ERASE: &[&str] = &[
    " delete ",
    " deleted ",
    " erase ",
    " erased ",
    " wipe ",
    " wiped ",
    " remove ",
    " removed ",
    " effacer ",
    " effacez ",
    " efface ",
    " effaces ",
    " effacé ",
    " supprimer ",
    " supprimez ",
    " supprime ",
    " supprimes ",
    " detruire ",
    " detruisez ",
];

/// Words that refuse the erasing verb right after them: "don't delete", « pas effacer »,
/// « ne supprimez ».
const REFUSING: &[&str] = &["don't", "dont", "not", "never", "pas", "ne", "jamais"];

/// A check that nothing was erased, padded and folded: "you didn't delete anything?",
/// « vous avez rien effacé ? ».
const CHECKED: &[&str] = &[
    " nothing ",
    " anything ",
    " rien ",
    " didn't ",
    " didnt ",
    " did you ",
    " have you ",
    " avez ",
    " as ",
    " a ete ",
];

/// True when `text` refuses an erasure or checks that none was made.
pub(crate) fn said(text: &str) -> bool {
    let f = fold(text);
    let words: Vec<&str> = f.split_whitespace().collect();
    let erases = |w: &str| {
        // « n'effacez »: the verb after the elision.
        let verb = w.strip_prefix("n'").unwrap_or(w);
        ERASE.iter().any(|e| fold(e).trim() == verb)
    };
    let refused = words.iter().enumerate().any(|(i, w)| {
        erases(w)
            && (w.starts_with("n'")
                || words[i.saturating_sub(2)..i]
                    .iter()
                    .any(|before| REFUSING.contains(before))
                || words
                    .get(i + 1)
                    .is_some_and(|after| *after == "pas" || *after == "rien"))
    });
    let checked = text.contains('?')
        && words.iter().any(|w| erases(w))
        && CHECKED.iter().any(|c| f.contains(&fold(c)));
    refused || checked
}

#[cfg(test)]
mod tests {
    use super::said;

    #[test]
    fn refusals_and_checks_are_not_erasure_orders() {
        for t in [
            "Surtout n'effacez pas mes données, j'en ai besoin pour mes comptes",
            "vous avez bien rien effacé hein ?",
            "don't delete my data please",
            "you didn't delete anything right?",
            "ne supprimez rien svp",
            "pas effacer mes infos",
        ] {
            assert!(said(t), "{t}");
        }
        for t in [
            "effacez mes données",
            "delete my data",
            "supprime tout ce que tu sais sur moi",
            "can you delete my data?",
            "how do i delete my data",
            "don't keep my data, delete it",
            "ne gardez rien, effacez tout",
        ] {
            assert!(!said(t), "{t}");
        }
    }
}
