//! Account and card numbers, kept only as their last four digits.

use std::fmt;

use serde::{Deserialize, Serialize};

/// At most the last 4 digits of an account or card number. It cannot be built holding more:
/// [`MaskedNumber::from_full`] throws the rest away, [`MaskedNumber::new`] and
/// deserialization refuse anything but 1 to 4 ASCII digits.
#[derive(Clone, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(try_from = "String", into = "String")]
pub struct MaskedNumber(String);

/// A value that would carry more than the last 4 digits, or no digit at all.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error("a masked number holds 1 to 4 digits only")]
pub struct MaskedNumberError;

impl MaskedNumber {
    /// Accepts 1 to 4 ASCII digits exactly.
    pub fn new(last_digits: &str) -> Result<Self, MaskedNumberError> {
        let ok = (1..=4).contains(&last_digits.len())
            && last_digits.bytes().all(|b| b.is_ascii_digit());
        if ok {
            Ok(MaskedNumber(last_digits.to_owned()))
        } else {
            Err(MaskedNumberError)
        }
    }

    /// Keeps the last 4 digits of a full identifier (IBAN, sort code + account, PAN,
    /// `525412******3241`), ignoring every other character. `None` when it has no digit.
    pub fn from_full(identifier: &str) -> Option<Self> {
        let digits: Vec<char> = identifier.chars().filter(char::is_ascii_digit).collect();
        if digits.is_empty() {
            return None;
        }
        let start = digits.len().saturating_sub(4);
        Some(MaskedNumber(digits[start..].iter().collect()))
    }

    /// The digits, e.g. `"4321"`.
    pub fn digits(&self) -> &str {
        &self.0
    }
}

impl fmt::Display for MaskedNumber {
    /// `••4321`, as customers see it.
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "••{}", self.0)
    }
}

impl fmt::Debug for MaskedNumber {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "MaskedNumber(••{})", self.0)
    }
}

impl TryFrom<String> for MaskedNumber {
    type Error = MaskedNumberError;
    fn try_from(s: String) -> Result<Self, Self::Error> {
        MaskedNumber::new(&s)
    }
}

impl From<MaskedNumber> for String {
    fn from(m: MaskedNumber) -> String {
        m.0
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    #[test]
    fn cannot_hold_more_than_four_digits() {
        assert!(MaskedNumber::new("12345").is_err());
        assert!(MaskedNumber::new("").is_err());
        assert!(MaskedNumber::new("12a4").is_err());
        assert!(serde_json::from_str::<MaskedNumber>("\"12345678\"").is_err());
        assert_eq!(MaskedNumber::new("4321").unwrap().to_string(), "••4321");
    }

    #[test]
    fn keeps_only_the_tail_of_full_numbers() {
        let iban = "GB29 NWBK 6016 1331 9268 19";
        assert_eq!(MaskedNumber::from_full(iban).unwrap().digits(), "6819");
        assert_eq!(
            MaskedNumber::from_full("525412******3241").unwrap().digits(),
            "3241"
        );
        assert_eq!(MaskedNumber::from_full("12").unwrap().digits(), "12");
        assert!(MaskedNumber::from_full("no digits").is_none());
    }

    proptest! {
        #[test]
        fn never_more_than_four(s in ".{0,64}") {
            if let Some(m) = MaskedNumber::from_full(&s) {
                prop_assert!(m.digits().len() <= 4);
            }
            if let Ok(m) = MaskedNumber::new(&s) {
                prop_assert!(m.digits().len() <= 4);
            }
        }
    }
}
