//! Common misspellings of date words ("yesteday", "tuesdy", "novemeber", "lst wk") put
//! right before dates are read, so a typed-fast date is still a date. Whole words only.

use std::borrow::Cow;

/// Misspelling → the word the date reader knows.
const FIXES: &[(&str, &str)] = &[
    ("yesteday", "yesterday"),
    ("yesterdy", "yesterday"),
    ("yestarday", "yesterday"),
    ("yesturday", "yesterday"),
    ("yestrday", "yesterday"),
    ("yeserday", "yesterday"),
    ("ysterday", "yesterday"),
    ("yesterady", "yesterday"),
    ("yeasterday", "yesterday"),
    ("yestday", "yesterday"),
    ("ystrdy", "yesterday"),
    ("tday", "today"),
    ("tdy", "today"),
    ("todya", "today"),
    ("2day", "today"),
    ("mnth", "month"),
    ("montth", "month"),
    ("monht", "month"),
    ("mounth", "month"),
    ("lst", "last"),
    ("lats", "last"),
    ("wk", "week"),
    ("wek", "week"),
    ("weeek", "week"),
    ("yr", "year"),
    ("mondy", "monday"),
    ("monady", "monday"),
    ("tuesdy", "tuesday"),
    ("tusday", "tuesday"),
    ("teusday", "tuesday"),
    ("tuseday", "tuesday"),
    ("tuesay", "tuesday"),
    ("tues", "tuesday"),
    ("wensday", "wednesday"),
    ("wendsday", "wednesday"),
    ("wednsday", "wednesday"),
    ("wedensday", "wednesday"),
    ("wednesdy", "wednesday"),
    ("weds", "wednesday"),
    ("thursdy", "thursday"),
    ("thrusday", "thursday"),
    ("thurday", "thursday"),
    ("thurs", "thursday"),
    ("fridy", "friday"),
    ("firday", "friday"),
    ("saterday", "saturday"),
    ("saturdy", "saturday"),
    ("satuday", "saturday"),
    ("sundy", "sunday"),
    ("sunady", "sunday"),
    ("febuary", "february"),
    ("septmber", "september"),
    ("setpember", "september"),
    ("octber", "october"),
    ("ocotber", "october"),
    ("octobor", "october"),
    ("novmber", "november"),
    ("noveber", "november"),
    ("novemeber", "november"),
    ("novembr", "november"),
    ("decmber", "december"),
    ("decemeber", "december"),
];

/// `norm` (normalised text) with misspelt date words replaced; borrowed when none is.
pub(crate) fn fix_date_words(norm: &str) -> Cow<'_, str> {
    let is_word = |c: char| c.is_alphanumeric();
    let needs = norm
        .split(|c: char| !is_word(c))
        .any(|w| FIXES.iter().any(|(typo, _)| *typo == w));
    if !needs {
        return Cow::Borrowed(norm);
    }
    let mut out = String::with_capacity(norm.len() + 8);
    let mut word = String::new();
    let flush = |word: &mut String, out: &mut String| {
        let fixed = FIXES
            .iter()
            .find(|(typo, _)| *typo == word.as_str())
            .map_or(word.as_str(), |(_, right)| right);
        out.push_str(fixed);
        word.clear();
    };
    for c in norm.chars() {
        if is_word(c) {
            word.push(c);
        } else {
            flush(&mut word, &mut out);
            out.push(c);
        }
    }
    flush(&mut word, &mut out);
    Cow::Owned(out)
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
    }

    #[test]
    fn other_words_are_left_alone() {
        assert_eq!(fix_date_words("what's my balance"), "what's my balance");
        // Only whole words: "tuesdays" and "thursday" stay as typed.
        assert_eq!(fix_date_words("tuesdays thursday"), "tuesdays thursday");
    }
}
