//! Exact money: a `Decimal` amount with an ISO 4217 currency.

use std::fmt;
use std::str::FromStr;

use rust_decimal::Decimal;
use serde::{Deserialize, Serialize};

/// An ISO 4217 alphabetic currency code (three ASCII upper-case letters).
#[derive(Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(try_from = "String", into = "String")]
pub struct Currency([u8; 3]);

/// A currency code that is not three ASCII letters.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error("`{0}` is not an ISO 4217 currency code (three letters)")]
pub struct CurrencyError(pub String);

impl Currency {
    /// US dollar.
    pub const USD: Currency = Currency(*b"USD");
    /// Euro.
    pub const EUR: Currency = Currency(*b"EUR");
    /// Pound sterling.
    pub const GBP: Currency = Currency(*b"GBP");

    /// Parses a code, accepting lower case (`"usd"`) and normalising it.
    pub fn new(code: &str) -> Result<Self, CurrencyError> {
        let bytes = code.trim().as_bytes();
        if bytes.len() != 3 || !bytes.iter().all(u8::is_ascii_alphabetic) {
            return Err(CurrencyError(code.to_owned()));
        }
        let mut out = [0u8; 3];
        for (o, b) in out.iter_mut().zip(bytes) {
            *o = b.to_ascii_uppercase();
        }
        Ok(Currency(out))
    }

    /// The code as a string slice, e.g. `"USD"`.
    pub fn code(&self) -> &str {
        // Only ASCII letters are ever stored.
        std::str::from_utf8(&self.0).unwrap_or("XXX")
    }

    /// The ISO 4217 exponent: how many digits follow the decimal point on display.
    pub fn minor_units(&self) -> u32 {
        match self.code() {
            "JPY" | "KRW" | "ISK" | "CLP" | "VND" | "XAF" | "XOF" | "XPF" | "UGX" | "PYG"
            | "RWF" | "KMF" | "GNF" | "DJF" | "BIF" | "VUV" => 0,
            "BHD" | "KWD" | "JOD" | "OMR" | "TND" | "IQD" | "LYD" => 3,
            "CLF" | "UYW" => 4,
            _ => 2,
        }
    }

    /// The customary symbol where one is unambiguous, else `None`.
    pub fn symbol(&self) -> Option<&'static str> {
        match self.code() {
            "USD" => Some("$"),
            "EUR" => Some("€"),
            "GBP" => Some("£"),
            "JPY" => Some("¥"),
            _ => None,
        }
    }
}

impl fmt::Debug for Currency {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.code())
    }
}

impl fmt::Display for Currency {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.code())
    }
}

impl FromStr for Currency {
    type Err = CurrencyError;
    fn from_str(s: &str) -> Result<Self, Self::Err> {
        Currency::new(s)
    }
}

impl TryFrom<String> for Currency {
    type Error = CurrencyError;
    fn try_from(s: String) -> Result<Self, Self::Error> {
        Currency::new(&s)
    }
}

impl From<Currency> for String {
    fn from(c: Currency) -> String {
        c.code().to_owned()
    }
}

/// An exact amount of one currency. Signed: money out of the customer's account is negative.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub struct Money {
    /// The exact amount, kept at the scale it arrived with.
    pub amount: Decimal,
    /// Its currency.
    pub currency: Currency,
}

/// Why a money operation failed.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[non_exhaustive]
pub enum MoneyError {
    /// Two amounts in different currencies were combined.
    #[error("cannot combine {left} with {right}")]
    CurrencyMismatch {
        /// The left operand's currency.
        left: Currency,
        /// The right operand's currency.
        right: Currency,
    },
    /// The text is not a plain decimal number.
    #[error("`{0}` is not a decimal amount")]
    Invalid(String),
    /// The result does not fit in a `Decimal`.
    #[error("amount overflow")]
    Overflow,
}

/// Longest amount text accepted by [`Money::parse`]; real amounts are far shorter.
const MAX_AMOUNT_LEN: usize = 40;

impl Money {
    /// An amount in a currency.
    pub fn new(amount: Decimal, currency: Currency) -> Self {
        Money { amount, currency }
    }

    /// Zero in a currency.
    pub fn zero(currency: Currency) -> Self {
        Money::new(Decimal::ZERO, currency)
    }

    /// Parses a plain decimal such as `"-1850.00"`, `"+3200"` or `"0.5"`: an optional sign,
    /// ASCII digits, at most one `.` followed by digits. Works on the text, never via floats.
    pub fn parse(text: &str, currency: Currency) -> Result<Self, MoneyError> {
        Ok(Money::new(parse_decimal(text)?, currency))
    }

    /// `self + other`, an error when the currencies differ or on overflow.
    pub fn checked_add(&self, other: &Money) -> Result<Money, MoneyError> {
        self.same_currency(other)?;
        let amount = self
            .amount
            .checked_add(other.amount)
            .ok_or(MoneyError::Overflow)?;
        Ok(Money::new(amount, self.currency))
    }

    /// `self - other`, an error when the currencies differ or on overflow.
    pub fn checked_sub(&self, other: &Money) -> Result<Money, MoneyError> {
        self.same_currency(other)?;
        let amount = self
            .amount
            .checked_sub(other.amount)
            .ok_or(MoneyError::Overflow)?;
        Ok(Money::new(amount, self.currency))
    }

    /// Sums amounts of one currency; the empty sum is zero in `currency`.
    pub fn sum<'a>(
        currency: Currency,
        items: impl IntoIterator<Item = &'a Money>,
    ) -> Result<Money, MoneyError> {
        items
            .into_iter()
            .try_fold(Money::zero(currency), |acc, m| acc.checked_add(m))
    }

    /// The negated amount.
    pub fn negated(&self) -> Money {
        Money::new(-self.amount, self.currency)
    }

    /// The absolute amount.
    pub fn abs(&self) -> Money {
        Money::new(self.amount.abs(), self.currency)
    }

    /// True when the amount is below zero (money out, or owed).
    pub fn is_negative(&self) -> bool {
        self.amount.is_sign_negative() && !self.amount.is_zero()
    }

    /// The amount rounded to the currency's minor units (banker's rounding is *not* used:
    /// half away from zero, as statements print).
    pub fn rounded(&self) -> Decimal {
        self.amount.round_dp_with_strategy(
            self.currency.minor_units(),
            rust_decimal::RoundingStrategy::MidpointAwayFromZero,
        )
    }

    fn same_currency(&self, other: &Money) -> Result<(), MoneyError> {
        if self.currency == other.currency {
            Ok(())
        } else {
            Err(MoneyError::CurrencyMismatch {
                left: self.currency,
                right: other.currency,
            })
        }
    }
}

/// Parses a plain decimal string strictly (see [`Money::parse`]).
pub(crate) fn parse_decimal(text: &str) -> Result<Decimal, MoneyError> {
    let invalid = || MoneyError::Invalid(text.chars().take(MAX_AMOUNT_LEN).collect());
    let t = text.trim();
    if t.is_empty() || t.len() > MAX_AMOUNT_LEN {
        return Err(invalid());
    }
    let digits = t.strip_prefix(['+', '-']).unwrap_or(t);
    let (int, frac) = match digits.split_once('.') {
        Some((i, f)) => (i, Some(f)),
        None => (digits, None),
    };
    let all_digits = |s: &str| s.bytes().all(|b| b.is_ascii_digit());
    let frac_ok = frac.is_none_or(|f| !f.is_empty() && all_digits(f));
    if int.is_empty() || !all_digits(int) || !frac_ok {
        return Err(invalid());
    }
    Decimal::from_str_exact(t.strip_prefix('+').unwrap_or(t)).map_err(|_| invalid())
}

impl fmt::Display for Money {
    /// `-1850.00 USD`: the amount at least at the currency's minor units, then the code.
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let mut amount = self.amount;
        let minor = self.currency.minor_units();
        if amount.scale() < minor {
            amount.rescale(minor);
        }
        write!(f, "{amount} {}", self.currency)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;
    use rust_decimal_macros::dec;

    #[test]
    fn parses_plain_decimals() {
        assert_eq!(
            Money::parse("-1850.00", Currency::USD).unwrap().amount,
            dec!(-1850.00)
        );
        assert_eq!(
            Money::parse("+3200", Currency::USD).unwrap().amount,
            dec!(3200)
        );
        assert_eq!(Money::parse("0.5", Currency::EUR).unwrap().amount, dec!(0.5));
    }

    #[test]
    fn rejects_non_decimals() {
        for bad in [
            "", "-", ".5", "5.", "1e3", "NaN", "inf", "1,000.00", "١٢", "--1", "1.2.3", " ",
        ] {
            assert!(Money::parse(bad, Currency::USD).is_err(), "{bad:?}");
        }
        let long = "9".repeat(100);
        assert!(Money::parse(&long, Currency::USD).is_err());
    }

    #[test]
    fn arithmetic_stays_in_one_currency() {
        let a = Money::parse("10.00", Currency::USD).unwrap();
        let b = Money::parse("2.50", Currency::EUR).unwrap();
        assert_eq!(
            a.checked_add(&b),
            Err(MoneyError::CurrencyMismatch {
                left: Currency::USD,
                right: Currency::EUR
            })
        );
        assert_eq!(a.checked_sub(&a).unwrap(), Money::zero(Currency::USD));
    }

    #[test]
    fn displays_at_minor_units() {
        assert_eq!(
            Money::new(dec!(5), Currency::USD).to_string(),
            "5.00 USD"
        );
        assert_eq!(
            Money::new(dec!(5), Currency::new("jpy").unwrap()).to_string(),
            "5 JPY"
        );
        assert_eq!(
            Money::new(dec!(1.234), Currency::new("KWD").unwrap()).to_string(),
            "1.234 KWD"
        );
    }

    #[test]
    fn currency_codes_are_validated() {
        assert_eq!(Currency::new("usd").unwrap(), Currency::USD);
        assert!(Currency::new("US").is_err());
        assert!(Currency::new("U$D").is_err());
        assert!(serde_json::from_str::<Currency>("\"EURO\"").is_err());
    }

    proptest! {
        #[test]
        fn parse_display_round_trips(units in -10_000_000_000i64..10_000_000_000i64, scale in 0u32..5) {
            let d = Decimal::new(units, scale);
            let text = d.to_string();
            let m = Money::parse(&text, Currency::GBP).unwrap();
            prop_assert_eq!(m.amount, d);
            let shown = m.to_string();
            let back = Money::parse(shown.trim_end_matches(" GBP"), Currency::GBP).unwrap();
            prop_assert_eq!(back.amount, d);
        }

        #[test]
        fn parse_never_panics(s in ".{0,60}") {
            let _ = Money::parse(&s, Currency::USD);
        }

        #[test]
        fn add_then_sub_is_identity(a in -1_000_000_000i64..1_000_000_000, b in -1_000_000_000i64..1_000_000_000) {
            let x = Money::new(Decimal::new(a, 2), Currency::USD);
            let y = Money::new(Decimal::new(b, 2), Currency::USD);
            prop_assert_eq!(x.checked_add(&y).unwrap().checked_sub(&y).unwrap(), x);
            prop_assert_eq!(x.checked_add(&y).unwrap(), y.checked_add(&x).unwrap());
        }

        #[test]
        fn sum_matches_fold(v in proptest::collection::vec(-100_000i64..100_000, 0..50)) {
            let items: Vec<Money> = v.iter().map(|u| Money::new(Decimal::new(*u, 2), Currency::EUR)).collect();
            let total: i64 = v.iter().sum();
            prop_assert_eq!(Money::sum(Currency::EUR, &items).unwrap().amount, Decimal::new(total, 2));
        }
    }
}
