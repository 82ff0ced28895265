//! Words English-speaking customers type that the English models never saw: banking words
//! of their first language ("what is my saldo", "my tarjeta not working", "show extracto",
//! "multibanco near me", "obrigado") and Scots ("i cannae find my card", "how much did i
//! spend on the messages" — the groceries), written in plain English so the classifier,
//! the slot extractors and the dialogue read "what is my balance", "my card not working",
//! "i can't find my card", "spend on groceries".
//!
//! Runs on text already normalised (lower case, no accents). Only words that are no
//! English and no French word are written out ("carte", "compte", "solde" stay French),
//! and no written-out word is itself rewritten, so normalising twice changes nothing.
//! Nothing is allocated when no word matches.

/// The plain English of a borrowed or Scots word, if it is one.
fn plain(word: &str) -> Option<&'static str> {
    Some(match word {
        // Balance: Spanish, Portuguese, Italian, German, Polish…
        "saldo" | "saldos" | "kontostand" => "balance",
        // Account.
        "cuenta" | "conta" | "konto" | "kontos" => "account",
        "cuentas" | "contas" | "konten" => "accounts",
        // The kind of account: savings, current (checking).
        "poupanca" | "ahorros" | "ahorro" | "sparkonto" => "savings",
        "corrente" | "corriente" | "girokonto" => "checking",
        // Card.
        "tarjeta" | "cartao" | "karte" | "bankkarte" => "card",
        "tarjetas" | "cartoes" | "karten" => "cards",
        // Statement, transactions, spending.
        "extracto" | "extrato" | "kontoauszug" => "statement",
        "movimientos" | "movimentos" | "transacciones" | "transacoes" | "umsatze" | "umsaetze" => {
            "transactions"
        }
        "gastos" => "spending",
        // Cash machine: Portugal's network, Spanish, German, Italian.
        "multibanco" | "cajero" | "geldautomat" | "bancomat" => "atm",
        // Paying in, rent, moving money.
        "deposito" | "depositar" => "deposit",
        "aluguel" | "aluguer" | "alquiler" => "rent",
        "transferencia" | "uberweisung" | "ueberweisung" => "transfer",
        // Thanks.
        "obrigado" | "obrigada" | "gracias" | "danke" | "grazie" | "dhanyavad" | "shukriya" => {
            "thanks"
        }
        // Yes and no ("si" is French too, "ja" French texting: left alone).
        "sim" => "yes",
        "nao" | "nein" => "no",
        // Scots.
        "cannae" | "canna" | "cannae've" => "can't",
        "dinnae" | "dinna" => "don't",
        "didnae" | "didna" => "didn't",
        "doesnae" | "disnae" => "doesn't",
        "isnae" | "isna" => "isn't",
        "wisnae" | "wasnae" => "wasn't",
        "havenae" | "huvnae" | "havnae" => "haven't",
        "hasnae" => "hasn't",
        "wouldnae" | "widnae" => "wouldn't",
        "couldnae" | "couldna" => "couldn't",
        "willnae" | "winnae" => "won't",
        "shouldnae" => "shouldn't",
        "oot" => "out",
        "aboot" => "about",
        "aye" => "yes",
        "naw" => "no",
        _ => return None,
    })
}

/// Words before "messages" that make it Scots for the groceries ("spent on the
/// messages", "money for ma messages") rather than texts.
fn groceries_before(prev: Option<&str>, before: Option<&str>) -> bool {
    let spent_on = |w: Option<&str>| matches!(w, Some("on" | "for" | "at"));
    match prev {
        Some("the" | "my" | "ma" | "wee") => spent_on(before),
        p => spent_on(p),
    }
}

fn spans(norm: &str) -> impl Iterator<Item = (usize, &str)> {
    norm.split(|c: char| !(c.is_alphanumeric() || c == '\''))
        .filter(|w| !w.is_empty())
        .map(move |w| (w.as_ptr() as usize - norm.as_ptr() as usize, w))
}

/// `norm` with its borrowed and Scots words in plain English, or `None` when it has none.
pub fn plain_english(norm: &str) -> Option<String> {
    let words: Vec<(usize, &str)> = spans(norm).collect();
    let mut out = String::new();
    let mut copied = 0;
    for (i, &(start, word)) in words.iter().enumerate() {
        let prev = |back: usize| i.checked_sub(back).map(|p| words[p].1);
        let full = match plain(word) {
            Some(full) => full,
            None if word == "messages" && groceries_before(prev(1), prev(2)) => "groceries",
            None => continue,
        };
        out.push_str(norm.get(copied..start).unwrap_or(""));
        out.push_str(full);
        copied = start + word.len();
    }
    if copied == 0 {
        return None;
    }
    out.push_str(norm.get(copied..).unwrap_or(""));
    Some(out)
}

#[cfg(test)]
mod tests {
    use super::plain_english;

    fn x(s: &str) -> String {
        plain_english(s).unwrap_or_else(|| s.to_owned())
    }

    #[test]
    fn writes_borrowed_words_in_english() {
        assert_eq!(x("what is my saldo"), "what is my balance");
        assert_eq!(x("my tarjeta not working"), "my card not working");
        assert_eq!(x("saldo da conta?"), "balance da account?");
        assert_eq!(x("multibanco near me"), "atm near me");
        assert_eq!(x("obrigado!"), "thanks!");
        assert_eq!(x("saldo da conta poupanca"), "balance da account savings");
        assert_eq!(x("sim, bloqueia"), "yes, bloqueia");
        assert_eq!(x("i cannae find ma card"), "i can't find ma card");
        assert_eq!(
            x("how much did i spend on the messages"),
            "how much did i spend on the groceries"
        );
        assert_eq!(x("money for ma messages"), "money for ma groceries");
    }

    #[test]
    fn leaves_english_and_french_alone() {
        for s in [
            "what's my balance",
            "delete my messages",
            "do you keep my messages",
            "quel est mon solde sur mon compte",
            "ma carte ne marche pas",
            "bloque ma cb",
            "si je perds ma carte",
        ] {
            assert_eq!(plain_english(s), None, "{s}");
        }
    }

    #[test]
    fn writing_out_twice_changes_nothing() {
        for s in [
            "saldo",
            "cannae find my tarjeta",
            "spent on the messages",
            "naw",
        ] {
            let once = x(s);
            assert_eq!(plain_english(&once), None, "{s}");
        }
    }
}
