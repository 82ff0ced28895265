//! French texting abbreviations ("g" for j'ai, "koi", "stp", "jsp", "chui", "cb"…) and
//! words typed without their apostrophe ("jai", "cest", "jveux"), written out in full so
//! the classifier and the slot extractors read "g plu d'tunes ou koi" as they read
//! "j'ai plus de thunes ou quoi".
//!
//! Runs on text already normalised (lower case, no accents). It does not touch English:
//! the forms that are also English or too short to be sure of ("ya", "c", "mm", "vs", "tt"…)
//! are written out only when the message has another French word ("cc", the current
//! account, is left alone). "cb" is "combien" when a question follows it ("cb il me reste") and stays the bank card
//! otherwise ("ma cb", "bloque cb"). Nothing is allocated when no word matches.

use crate::lang::is_french_word;

/// How sure a texting form is.
#[derive(Clone, Copy, PartialEq, Eq)]
enum Form {
    /// French whatever the rest of the message says.
    Sure(&'static str),
    /// French only when another word of the message is.
    IfFrench(&'static str),
    /// "cb": the card or "combien", decided by its neighbours.
    Cb,
    /// "ce" typed for "cé" (c'est) before "quoi", "bon", "pas"…
    Ce,
}

fn form(word: &str) -> Option<Form> {
    use Form::{Cb, Ce, IfFrench, Sure};
    Some(match word {
        "g" => Sure("j'ai"),
        "jai" => Sure("j'ai"),
        "cest" | "ces't" => Sure("c'est"),
        "koi" | "kwa" | "quoa" => Sure("quoi"),
        "stp" => Sure("s'il te plait"),
        "svp" | "svpl" => Sure("s'il vous plait"),
        "jsp" | "jsais" => Sure("je sais pas"),
        "chui" | "chuis" | "jsuis" | "jsui" | "jss" => Sure("je suis"),
        "pk" | "pq" | "pourkoi" | "pkoi" => Sure("pourquoi"),
        "bcp" | "bcq" => Sure("beaucoup"),
        "tkt" => Sure("t'inquiete"),
        "dsl" => Sure("desole"),
        "qd" | "kan" | "qand" => Sure("quand"),
        "rdv" => Sure("rendez-vous"),
        "auj" | "ajd" | "aujd" | "ajrd" | "aujourdhui" => Sure("aujourd'hui"),
        "kel" => Sure("quel"),
        "kelle" => Sure("quelle"),
        "kels" => Sure("quels"),
        "combi1" | "cbn" | "cmb" | "cmbien" | "combie" => Sure("combien"),
        "jveux" | "jveu" => Sure("je veux"),
        "jvoudrais" => Sure("je voudrais"),
        "jpeux" | "jpeu" => Sure("je peux"),
        "jvais" => Sure("je vais"),
        "jcrois" => Sure("je crois"),
        "jpense" => Sure("je pense"),
        "jcomprends" | "jcomprend" => Sure("je comprends"),
        "jcapte" => Sure("je capte"),
        "jme" => Sure("je me"),
        "jte" => Sure("je te"),
        "jvois" => Sure("je vois"),
        "jtrouve" => Sure("je trouve"),
        "jretrouve" => Sure("je retrouve"),
        "t'as" | "tas" => Sure("tu as"),
        "t'es" => Sure("tu es"),
        "mrc" | "mci" => Sure("merci"),
        "slt" => Sure("salut"),
        "bjr" | "bjour" => Sure("bonjour"),
        "bsr" => Sure("bonsoir"),
        "pcq" | "pck" | "psk" | "paske" | "parske" => Sure("parce que"),
        "keske" | "kesk" | "kesse" => Sure("qu'est-ce que"),
        "tjr" | "tjrs" | "tjs" => Sure("toujours"),
        "mtn" | "mnt" | "maint" => Sure("maintenant"),
        "qqch" | "qqc" => Sure("quelque chose"),
        "qqn" => Sure("quelqu'un"),
        "jms" => Sure("jamais"),
        "vrm" | "vrmt" => Sure("vraiment"),
        "pbm" | "pblm" => Sure("probleme"),
        "b1" | "bi1" => Sure("bien"),
        "sld" => Sure("solde"),
        "slds" => Sure("soldes"),
        "cpte" | "cpt" => Sure("compte"),
        "cptes" | "cpts" => Sure("comptes"),
        "transac" | "transa" | "transacs" | "transas" => Sure("transactions"),
        // Slang a classifier trained on standard French would not know.
        "prelo" | "prelev" => Sure("prelevement"),
        "prelos" | "prelevs" => Sure("prelevements"),
        "chelou" | "cheloue" | "zarbi" | "zarb" => Sure("bizarre"),
        // Belgium's cash machine.
        "tirette" => Sure("distributeur"),
        "tirettes" => Sure("distributeurs"),
        "chelous" | "cheloues" | "zarbis" => Sure("bizarres"),
        "ts" => IfFrench("tous"),
        "ya" => IfFrench("il y a"),
        "yavait" => Sure("il y avait"),
        "c" => IfFrench("c'est"),
        "ct" => IfFrench("c'etait"),
        "mm" | "mem" => IfFrench("meme"),
        "tt" => IfFrench("tout"),
        "tte" => IfFrench("toute"),
        "tts" | "ttes" => IfFrench("toutes"),
        "ds" => IfFrench("dans"),
        "vs" => IfFrench("vous"),
        "pr" => IfFrench("pour"),
        "ki" => IfFrench("qui"),
        "ke" => IfFrench("que"),
        "dc" => IfFrench("donc"),
        "ns" => IfFrench("nous"),
        "nn" => IfFrench("non"),
        "pb" => IfFrench("probleme"),
        "cb" => Cb,
        "ce" => Ce,
        _ => return None,
    })
}

/// Determiners and verbs before "cb" that make it the card ("ma cb", "bloque cb").
fn card_before(word: &str) -> bool {
    matches!(
        word,
        "ma" | "la"
            | "ta"
            | "sa"
            | "une"
            | "de"
            | "d"
            | "en"
            | "par"
            | "bloque"
            | "bloquer"
            | "bloquez"
            | "debloque"
            | "debloquer"
            | "perdu"
            | "vole"
            | "oppo"
            | "opposition"
            | "nouvelle"
            | "mon"
    )
}

/// Words after "cb" that make it "combien" ("cb il me reste", "cb j'ai depense").
fn question_after(word: &str) -> bool {
    matches!(
        word,
        "de" | "d"
            | "d'argent"
            | "il"
            | "j'ai"
            | "jai"
            | "g"
            | "je"
            | "j"
            | "on"
            | "tu"
            | "t"
            | "ca"
            | "me"
            | "m"
            | "reste"
            | "ai"
            | "y"
            | "ya"
            | "coute"
            | "sur"
            | "en"
            | "depense"
            | "depenses"
            | "dispo"
    )
}

/// Words after "ce" that show it was "cé" (c'est): "ce koi", "ce bon", "ce pas grave".
fn cest_after(word: &str) -> bool {
    matches!(
        word,
        "quoi"
            | "koi"
            | "kwa"
            | "bon"
            | "ok"
            | "pas"
            | "combien"
            | "normal"
            | "bizarre"
            | "chelou"
            | "grave"
            | "bien"
            | "good"
            | "parfait"
            | "nickel"
            | "cool"
            | "ou"
    )
}

/// Words of a normalised text for this purpose: runs of letters, digits and apostrophes
/// (so "t'as" and "d'tunes" stay whole), with their byte spans.
fn spans(norm: &str) -> impl Iterator<Item = (usize, &str)> {
    norm.split(|c: char| !(c.is_alphanumeric() || c == '\''))
        .filter(|w| !w.is_empty())
        .map(move |w| (w.as_ptr() as usize - norm.as_ptr() as usize, w))
}

/// What `word` is written out as, given its neighbours and whether the message has
/// another French word.
fn expansion(
    form: Form,
    prev: Option<&str>,
    next: Option<&str>,
    french: bool,
) -> Option<&'static str> {
    match form {
        Form::Sure(full) => Some(full),
        Form::IfFrench(full) => french.then_some(full),
        Form::Cb => {
            let card = prev.is_some_and(card_before);
            (!card && next.is_some_and(question_after)).then_some("combien")
        }
        Form::Ce => next.is_some_and(cest_after).then_some("c'est"),
    }
}

/// `norm` with texting forms written out, or `None` when it has none (the common case,
/// which allocates nothing).
pub fn expand(norm: &str) -> Option<String> {
    if !spans(norm).any(|(_, w)| form(w).is_some()) {
        return None;
    }
    let french = spans(norm).any(|(_, w)| match form(w) {
        Some(Form::Sure(_)) => true,
        Some(_) => false,
        None => is_french_word(w),
    });
    let words: Vec<(usize, &str)> = spans(norm).collect();
    let mut out = String::with_capacity(norm.len() + 16);
    let mut copied = 0;
    for (i, &(start, word)) in words.iter().enumerate() {
        let Some(form) = form(word) else { continue };
        let prev = i.checked_sub(1).and_then(|p| words.get(p)).map(|w| w.1);
        let next = words.get(i + 1).map(|w| w.1);
        if let Some(full) = expansion(form, prev, next, french) {
            out.push_str(norm.get(copied..start).unwrap_or(""));
            out.push_str(full);
            copied = start + word.len();
        }
    }
    if copied == 0 {
        return None;
    }
    out.push_str(norm.get(copied..).unwrap_or(""));
    Some(out)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn x(s: &str) -> String {
        expand(s).unwrap_or_else(|| s.to_string())
    }

    #[test]
    fn writes_out_texting_forms() {
        assert_eq!(x("g plu d'tunes ou koi"), "j'ai plu d'tunes ou quoi");
        assert_eq!(
            x("jai perdu ma carte stp"),
            "j'ai perdu ma carte s'il te plait"
        );
        assert_eq!(
            x("chui a paris ya un dab ?"),
            "je suis a paris il y a un dab ?"
        );
        assert_eq!(x("cest koi ce prelevement"), "c'est quoi ce prelevement");
        assert_eq!(
            x("jveux voir mes depenses auj"),
            "je veux voir mes depenses aujourd'hui"
        );
        assert_eq!(x("t'as mon solde ?"), "tu as mon solde ?");
        assert_eq!(x("ce koi"), "c'est quoi");
        assert_eq!(x("ts les cptes stp"), "tous les comptes s'il te plait");
        assert_eq!(x("solde du cpte"), "solde du compte");
        assert_eq!(x("sld livret"), "solde livret");
        assert_eq!(
            x("jveux checker mes transac"),
            "je veux checker mes transactions"
        );
        assert_eq!(x("mes transacs stp"), "mes transactions s'il te plait");
        assert_eq!(expand("oops my card"), None);
    }

    #[test]
    fn cb_is_the_card_or_combien() {
        assert_eq!(x("cb il me reste"), "combien il me reste");
        assert_eq!(x("cb jai depense"), "combien j'ai depense");
        assert_eq!(x("bloque ma cb"), "bloque ma cb");
        assert_eq!(x("paye en cb"), "paye en cb");
    }

    #[test]
    fn leaves_english_and_plain_french_alone() {
        for s in [
            "ya show me my balance",
            "c u later",
            "mm ok",
            "quel est mon solde",
            "what's my balance",
            "ce mois-ci",
        ] {
            assert_eq!(expand(s), None, "{s}");
        }
        assert_eq!(x("ya un distributeur"), "il y a un distributeur");
    }

    #[test]
    fn writing_out_twice_changes_nothing() {
        for s in [
            "g plu d'tunes ou koi",
            "cb il me reste",
            "c koi ce truc",
            "ya un dab ds le coin",
        ] {
            let once = x(s);
            assert_eq!(x(&once), once, "{s}");
        }
    }
}
