//! Common misspellings of date words ("yesteday", "tuesdy", "novemeber", "lst wk") put
//! right before dates are read, so a typed-fast date is still a date. Whole words only.

use std::borrow::Cow;

/// The date word `word` is a misspelling of ("yesteday" → "yesterday"), if any. A `match`
/// compiles to a few length and byte comparisons, so every word of every parse can ask.
fn fix(word: &str) -> Option<&'static str> {
    Some(match word {
        "yesteday" | "yesterdy" | "yestarday" | "yesturday" | "yestrday" | "yeserday"
        | "ysterday" | "yesterady" | "yeasterday" | "yestday" | "ystrdy" => "yesterday",
        "tday" | "tdy" | "todya" | "2day" => "today",
        "mnth" | "montth" | "monht" | "mounth" | "munth" | "mounf" | "monf" | "monthe" => "month",
        "munths" | "mounths" | "mnths" => "months",
        "lst" | "lats" => "last",
        // "this weak", "last weak": typed by ear, "weak" is only ever the week in a date.
        "wk" | "wek" | "weeek" | "weak" | "wik" | "weke" | "weeck" => "week",
        "weaks" | "wks" => "weeks",
        "yr" => "year",
        "mondy" | "monady" => "monday",
        "tuesdy" | "tusday" | "teusday" | "tuseday" | "tuesay" | "tues" => "tuesday",
        "wensday" | "wendsday" | "wednsday" | "wedensday" | "wednesdy" | "weds" => "wednesday",
        "thursdy" | "thrusday" | "thurday" | "thurs" => "thursday",
        "fridy" | "firday" => "friday",
        "saterday" | "saturdy" | "satuday" => "saturday",
        "sundy" | "sunady" => "sunday",
        "febuary" => "february",
        "septmber" | "setpember" => "september",
        "octber" | "ocotber" | "octobor" => "october",
        "novmber" | "noveber" | "novemeber" | "novembr" => "november",
        "decmber" | "decemeber" => "december",
        _ => return None,
    })
}

/// `norm` (normalised text) with misspelt date words replaced; borrowed when none is.
pub(crate) fn fix_date_words(norm: &str) -> Cow<'_, str> {
    let is_word = |c: char| c.is_alphanumeric();
    if !norm.split(|c: char| !is_word(c)).any(|w| fix(w).is_some()) {
        return Cow::Borrowed(norm);
    }
    let mut out = String::with_capacity(norm.len() + 8);
    let mut word_start = None;
    for (i, c) in norm.char_indices() {
        if is_word(c) {
            word_start.get_or_insert(i);
            continue;
        }
        if let Some(start) = word_start.take() {
            push_fixed(norm.get(start..i).unwrap_or(""), &mut out);
        }
        out.push(c);
    }
    if let Some(start) = word_start {
        push_fixed(norm.get(start..).unwrap_or(""), &mut out);
    }
    Cow::Owned(out)
}

/// Appends `word`, put right when it is a misspelt date word.
fn push_fixed(word: &str, out: &mut String) {
    out.push_str(fix(word).unwrap_or(word));
}

#[cfg(test)]
mod tests {
    use super::fix_date_words;

    #[test]
    fn misspelt_date_words_are_put_right() {
        assert_eq!(
            fix_date_words("what did i buy yesteday"),
            "what did i buy yesterday"
        );
        assert_eq!(fix_date_words("and tuesdy?"), "and tuesday?");
        assert_eq!(fix_date_words("spent lst wk"), "spent last week");
        assert_eq!(fix_date_words("in novemeber."), "in november.");
        // Typed by ear: "wat about last munth", "just this weak".
        assert_eq!(
            fix_date_words("wat about last munth"),
            "wat about last month"
        );
        assert_eq!(fix_date_words("just this weak"), "just this week");
    }

    #[test]
    fn other_words_are_left_alone() {
        assert_eq!(fix_date_words("what's my balance"), "what's my balance");
        // Only whole words: "tuesdays" and "thursday" stay as typed.
        assert_eq!(fix_date_words("tuesdays thursday"), "tuesdays thursday");
    }
}
