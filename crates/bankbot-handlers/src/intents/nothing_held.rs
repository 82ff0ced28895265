//! "Has it been done?", « c'est effacé ? » when nothing at all is held about the user: no
//! link, no earlier turn, nothing pending. That is what follows an erase (its session is
//! gone with everything else), so the answer says nothing is kept, rather than a goodbye.

use crate::DialogState;
use crate::ctx::Ctx;
use crate::cues::fold;

/// Short questions whether something went through or was erased, padded and folded.
const DONE: &[&str] = &[
    " has it been done ",
    " has that been done ",
    " has it been deleted ",
    " has it been erased ",
    " is it done ",
    " is that done ",
    " is it deleted ",
    " is it erased ",
    " is it gone ",
    " is everything gone ",
    " is everything deleted ",
    " is everything erased ",
    " is my data deleted ",
    " is my data gone ",
    " did it work ",
    " did that work ",
    " did you do it ",
    " did you delete ",
    " did you erase ",
    " done ",
    " it's done ",
    " its done ",
    " all done ",
    " all gone ",
    " deleted ",
    " erased ",
    " c'est fait ",
    " cest fait ",
    " c fait ",
    " c'est bon ",
    " cest bon ",
    " c'est efface ",
    " cest efface ",
    " c'est supprime ",
    " cest supprime ",
    " tout est efface ",
    " tout est supprime ",
    " c'est tout efface ",
    " ca a marche ",
    " ca a ete fait ",
    " ca a ete efface ",
    " vous l'avez fait ",
    " vous avez efface ",
    " vous avez supprime ",
    " tu as efface ",
    " t'as efface ",
    " efface ",
    " supprime ",
    " fait ",
];

/// The most words such a question takes.
const MAX_WORDS: usize = 8;

/// True when `text` asks whether it was done, with nothing held about the user.
pub(crate) fn asks(ctx: &Ctx<'_>, state: &DialogState, text: &str) -> bool {
    if ctx.customer.is_some()
        || state.last_intent.is_some()
        || state.pending.is_some()
        || text.split_whitespace().count() > MAX_WORDS
    {
        return false;
    }
    let f = fold(text).replace(['?', '!', '.', ','], " ");
    let f = f.split_whitespace().collect::<Vec<_>>().join(" ");
    let f = format!(" {f} ");
    let questioned = text.contains('?')
        || [" has ", " is ", " did ", " est ce ", " c'est ", " ca a "]
            .iter()
            .any(|w| f.starts_with(w));
    let pointed = DONE.iter().any(|w| f.contains(w));
    pointed && (questioned || !matches!(f.trim(), "done" | "fait" | "efface" | "supprime"))
}
