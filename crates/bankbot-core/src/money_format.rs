//! Showing money the way a customer reads it: `$2,345.67` in English, `1 234,56 €` in French
//! (U+202F between thousands, U+00A0 before the unit).

use rust_decimal::Decimal;

use crate::{Lang, Money};

impl Money {
    /// Formats for a customer in `lang`, rounded to the currency's minor units.
    ///
    /// ```
    /// use bankbot_core::{Currency, Lang, Money};
    /// let m = Money::parse("-1234.56", Currency::EUR).unwrap();
    /// assert_eq!(m.format(Lang::Fr), "-1\u{202f}234,56\u{a0}€");
    /// assert_eq!(Money::parse("2345.67", Currency::USD).unwrap().format(Lang::En), "$2,345.67");
    /// ```
    pub fn format(&self, lang: Lang) -> String {
        let rounded = self.rounded();
        let negative = rounded.is_sign_negative() && !rounded.is_zero();
        let (int, frac) = split_digits(rounded.abs(), self.currency.minor_units());
        let sign = if negative { "-" } else { "" };
        match lang {
            Lang::En => {
                let number = join(&group(&int, ','), frac.as_deref(), '.');
                match self.currency.symbol() {
                    Some(sym) => format!("{sign}{sym}{number}"),
                    None => format!("{sign}{} {number}", self.currency),
                }
            }
            Lang::Fr => {
                // Narrow no-break space between thousands, no-break space before the unit:
                // Messenger never wraps an amount.
                let number = join(&group(&int, '\u{202f}'), frac.as_deref(), ',');
                let unit = self.currency.symbol().unwrap_or(self.currency.code());
                format!("{sign}{number}\u{a0}{unit}")
            }
        }
    }
}

/// The integer digits and the fractional digits padded to `minor` places.
fn split_digits(value: Decimal, minor: u32) -> (String, Option<String>) {
    let mut v = value;
    v.rescale(minor);
    let text = v.to_string();
    match text.split_once('.') {
        Some((i, f)) => (i.to_owned(), Some(f.to_owned())),
        None => (text, None),
    }
}

fn group(int: &str, sep: char) -> String {
    let mut out = String::with_capacity(int.len() + int.len() / 3);
    let len = int.len();
    for (i, c) in int.chars().enumerate() {
        if i > 0 && (len - i).is_multiple_of(3) {
            out.push(sep);
        }
        out.push(c);
    }
    out
}

fn join(int: &str, frac: Option<&str>, point: char) -> String {
    match frac {
        Some(f) => format!("{int}{point}{f}"),
        None => int.to_owned(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::Currency;
    use rust_decimal_macros::dec;

    fn m(d: Decimal, c: Currency) -> Money {
        Money::new(d, c)
    }

    #[test]
    fn english() {
        assert_eq!(
            m(dec!(2345.67), Currency::USD).format(Lang::En),
            "$2,345.67"
        );
        assert_eq!(m(dec!(-50), Currency::USD).format(Lang::En), "-$50.00");
        assert_eq!(m(dec!(10250), Currency::USD).format(Lang::En), "$10,250.00");
        assert_eq!(m(dec!(0.004), Currency::USD).format(Lang::En), "$0.00");
        assert_eq!(
            m(dec!(1234567.891), Currency::GBP).format(Lang::En),
            "£1,234,567.89"
        );
        let chf = Currency::new("CHF").unwrap();
        assert_eq!(m(dec!(12), chf).format(Lang::En), "CHF 12.00");
        let jpy = Currency::new("JPY").unwrap();
        assert_eq!(m(dec!(1500), jpy).format(Lang::En), "¥1,500");
    }

    #[test]
    fn french() {
        assert_eq!(
            m(dec!(1234.56), Currency::EUR).format(Lang::Fr),
            "1 234,56 €"
        );
        assert_eq!(m(dec!(-3.80), Currency::EUR).format(Lang::Fr), "-3,80 €");
        assert_eq!(m(dec!(8000), Currency::EUR).format(Lang::Fr), "8 000,00 €");
        assert_eq!(m(dec!(999), Currency::EUR).format(Lang::Fr), "999,00 €");
    }
}

#[cfg(test)]
mod no_floats {
    /// Money code must never go through binary floating point.
    #[test]
    fn money_sources_have_no_float_types() {
        for (name, source) in [
            ("money.rs", include_str!("money.rs")),
            ("money_format.rs", include_str!("money_format.rs")),
        ] {
            let code: String = source
                .lines()
                .filter(|l| !l.trim_start().starts_with("//"))
                .take_while(|l| !l.contains("mod no_floats"))
                .collect();
            for float in ["f32", "f64"] {
                assert!(!code.contains(float), "{name} mentions {float}");
            }
        }
    }
}
