//! Currency conversion and exchange rates, which the bot neither does nor quotes: "how much
//! is 50 euros in dollars", "convert 100 usd to eur", "what rate do you use abroad", "c'est
//! combien en dollars 200 euros", "quel est le taux de change". A question about the
//! customer's own foreign payments ("what rate did i get on my foreign purchases", "j'ai eu
//! quel taux sur mes achats à l'étranger") is answered from those payments instead.

use crate::cues::fold;

/// Currency names and codes, each padded and folded.
const CURRENCY: &[&str] = &[
    " euro ",
    " euros ",
    " eur ",
    " € ",
    " dollar ",
    " dollars ",
    " usd ",
    " $ ",
    " cad ",
    " pound ",
    " pounds ",
    " gbp ",
    " livre ",
    " livres ",
    " sterling ",
    " yen ",
    " jpy ",
    " franc ",
    " francs ",
    " chf ",
    " peso ",
    " pesos ",
    " dirham ",
    " dirhams ",
    " mad ",
    " cfa ",
    " xof ",
    " bucks ",
];

/// Words of converting from one currency to another, each padded and folded.
const CONVERT: &[&str] = &[
    " convert ",
    " conversion ",
    " converted ",
    " convertir ",
    " convertis ",
    " converti ",
    " change ",
];

/// Words of an exchange rate, each padded and folded.
const RATE: &[&str] = &[
    " exchange rate ",
    " exchange rates ",
    " conversion rate ",
    " fx rate ",
    " fx ",
    " forex ",
    " rate abroad ",
    " rate do you use ",
    " rate you use ",
    " what rate ",
    " which rate ",
    " taux de change ",
    " taux de conversion ",
    " quel taux ",
    " taux du dollar ",
    " taux de l'euro ",
    " taux du ",
    " cours du dollar ",
    " cours de l'euro ",
    " cours du ",
    " frais de change ",
];

/// "50 euros in dollars", "en dollars 200 euros": one currency read into another.
const INTO: &[&str] = &[" in ", " into ", " to ", " en ", " vers "];

/// Words of savings and credit, whose rate is an interest rate (answered elsewhere).
const SAVING: &[&str] = &[
    " interest ",
    " interet ",
    " interets ",
    " savings ",
    " saving ",
    " livret ",
    " epargne ",
    " apr ",
    " loan ",
    " mortgage ",
    " pret ",
    " credit immobilier ",
];

/// Ways of asking what an amount is worth, each padded and folded.
const VALUE: &[&str] = &[
    " how much ",
    " how many ",
    " whats ",
    " what's ",
    " what is ",
    " combien ",
    " c'est ",
    " ca fait ",
    " ca donne ",
    " font ",
    " fait ",
    " worth ",
    " vaut ",
    " valent ",
];

/// The customer's own payments, each padded and folded.
const MINE: &[&str] = &[
    " my purchase ",
    " my purchases ",
    " my payment ",
    " my payments ",
    " my transaction ",
    " my transactions ",
    " my charges ",
    " did i get ",
    " was i charged ",
    " did you charge me ",
    " mes achats ",
    " mon achat ",
    " mes paiements ",
    " mon paiement ",
    " mes operations ",
    " j'ai eu ",
    " jai eu ",
    " m'avez facture ",
    " m'a ete facture ",
];

fn has(f: &str, list: &[&str]) -> bool {
    list.iter().any(|w| f.contains(w))
}

/// How many currency words `f` holds.
fn currencies(f: &str) -> usize {
    CURRENCY.iter().filter(|w| f.contains(*w)).count()
}

/// True when `text` asks to convert between currencies or for an exchange rate.
pub(crate) fn asked(text: &str) -> bool {
    let f = fold(text);
    let two_currencies = currencies(&f) >= 2 && has(&f, INTO);
    let converts = has(&f, CONVERT) && currencies(&f) >= 1;
    let asks_value = has(&f, VALUE) || converts;
    has(&f, RATE) && !has(&f, SAVING)
        || two_currencies && asks_value
        || converts && has(&f, INTO)
        || amount_into_currency(&f)
}

/// "$500 in pesos", "200 euros to dollars", "50€ en dollars": an amount followed by the
/// currency it should be read in, with no other question around it.
fn amount_into_currency(f: &str) -> bool {
    let w: Vec<&str> = f.split_whitespace().collect();
    let is_amount = |x: &str| {
        let digits = x.trim_matches(|c| c == '$' || c == '€');
        !digits.is_empty()
            && digits
                .chars()
                .all(|c| c.is_ascii_digit() || c == '.' || c == ',')
    };
    let is_currency = |x: &str| CURRENCY.contains(&format!(" {x} ").as_str());
    let is_into = |x: &str| INTO.contains(&format!(" {x} ").as_str());
    w.iter().enumerate().any(|(i, x)| {
        if !is_amount(x) {
            return false;
        }
        let mut next = i + 1;
        if w.get(next).is_some_and(|y| is_currency(y)) {
            next += 1;
        }
        w.get(next).is_some_and(|y| is_into(y)) && w.get(next + 1).is_some_and(|y| is_currency(y))
    })
}

/// True when the exchange question is about the customer's own payments.
pub(crate) fn about_own_payments(text: &str) -> bool {
    let f = fold(text);
    asked(text) && has(&f, MINE)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn conversions_and_rates() {
        for t in [
            "how much is 50 euros in dollars",
            "convert 100 usd to eur",
            "whats the exchange rate",
            "what rate do you use abroad",
            "euro to dollar rate today? what rate",
            "c'est combien en dollars 200 euros",
            "convertir 100 euros en dollars",
            "quel est le taux de change",
            "vous prenez quel taux à l'étranger",
            "combien font 50 livres en euros",
            "taux du dollar aujourd'hui",
            "$500 in pesos",
            "500 dollars in pesos",
            "200 euros to dollars?",
            "50€ en dollars",
            "whats 1000 usd in cad",
            "100 bucks in euros",
        ] {
            assert!(asked(t), "{t}");
        }
        for t in [
            "what's the interest rate on my savings",
            "how much did i spend in november",
            "combien j'ai dépensé en courses",
            "send 50 dollars to bob",
            "mes achats en devises",
            "quel est le taux du livret a",
            "i spent $500 in groceries",
            "send $50 to mike",
            "500 in savings",
        ] {
            assert!(!asked(t), "{t}");
        }
        assert!(about_own_payments(
            "what exchange rate did i get on my foreign purchases"
        ));
        assert!(!about_own_payments("whats the exchange rate"));
    }
}
