//! "il a dit que c'était urgent pour sécuriser mon compte", "he said he's from the fraud
//! team", "he wants me to move my money to a safe account": what the caller or sender told
//! the customer. That is the classic scam itself: said so plainly, give nothing more, the
//! offer to lock the card, and how to check with the bank. Never the privacy notice or the
//! balances.

use bankbot_core::IntentId;

use crate::DialogState;
use crate::catalog::Msg;
use crate::ctx::Ctx;
use crate::cues::fold;

/// Someone's words reported, each padded and folded.
const SAID: &[&str] = &[
    " il a dit ",
    " elle a dit ",
    " ils ont dit ",
    " il m'a dit ",
    " il ma dit ",
    " ma dit ",
    " elle m'a dit ",
    " ils m'ont dit ",
    " on m'a dit ",
    " il dit ",
    " elle dit ",
    " il disait ",
    " il pretend ",
    " il pretendait ",
    " il veut que ",
    " il voulait que ",
    " he said ",
    " she said ",
    " they said ",
    " he says ",
    " she says ",
    " they say ",
    " he told me ",
    " she told me ",
    " they told me ",
    " he claims ",
    " he claimed ",
    " said he ",
    " said she ",
    " said they ",
    " said it was ",
    " says he ",
    " says she ",
    " says they ",
    " elle pretend ",
    " se disait ",
    " se presentait comme ",
    " he wants me to ",
    " they want me to ",
    " she wants me to ",
];

/// What a fraudster says to rush the customer, each padded and folded.
const PRESSURE: &[&str] = &[
    " urgent ",
    " urgence ",
    " urgently ",
    " securiser ",
    " secure ",
    " securise ",
    " proteger ",
    " protect ",
    " service fraude ",
    " service des fraudes ",
    " fraud team ",
    " fraud department ",
    " fraud dept ",
    " etait de la banque ",
    " etait de ma banque ",
    " etait conseiller ",
    " was from the bank ",
    " was from my bank ",
    " were from the bank ",
    " is from the bank ",
    " he's from the bank ",
    " hes from the bank ",
    " she's from the bank ",
    " faire vite ",
    " right now ",
    " tout de suite ",
    " police ",
    " gendarmerie ",
    " safe account ",
    " compte securise ",
    " compte de securite ",
    " move my money ",
    " transfer my money ",
    " deplacer mon argent ",
    " virer mon argent ",
    " faire un virement ",
    " raccrocher ",
    " hang up ",
];

/// What alone says it is the scam ("move my money to a safe account"), each padded.
const SCAM_ALONE: &[&str] = &[
    " se disait ",
    " se faisait passer ",
    " pretendait etre ",
    " pretendant etre ",
    " safe account ",
    " compte securise ",
    " compte de securite ",
    " compte sur pour ",
];

fn has(f: &str, list: &[&str]) -> bool {
    list.iter().any(|w| f.contains(w))
}

/// True when `text` reports what a caller or sender said to rush the customer.
pub(crate) fn heard(text: &str) -> bool {
    let f = fold(text);
    (has(&f, SAID) && has(&f, PRESSURE)) || has(&f, SCAM_ALONE)
}

/// It is the scam: give nothing; then the offer to lock the card.
pub(crate) fn answer(ctx: &mut Ctx<'_>, state: &mut DialogState) {
    state.turn_intent = Some(IntentId::ReportFraud);
    state.more = None;
    let reach = ctx.reach();
    if ctx.services.capabilities.cards {
        crate::intents::fraud::lock_offer(ctx, state, Msg::ScamPressure(reach));
    } else {
        crate::intents::fraud::handle(ctx, state);
    }
}

#[cfg(test)]
mod tests {
    use super::heard;

    #[test]
    fn what_the_fraudster_said() {
        for t in [
            "il a dit que c'était urgent pour sécuriser mon compte",
            "he said he's from the fraud team",
            "he said its urgent i need to move my money to a safe account",
            "il m'a dit qu'il était du service fraude",
            "elle a dit qu'elle était de la banque",
            "they told me to transfer my money to a safe account",
            "il veut que je fasse un virement pour protéger mon argent",
            "a lady called said she was from the fraud department",
            "il se disait conseiller de la banque",
            "le gars au tel ma dit quil etait de la banque et que fallait faire vite",
        ] {
            assert!(heard(t), "{t}");
        }
        for t in [
            "il a dit que ma carte arrivait lundi",
            "what's my balance",
            "is my account secure",
            "he said thanks",
            "le conseiller m'a dit que ma nouvelle carte arrive lundi",
            "la conseillère de la banque m'a dit de passer en agence",
        ] {
            assert!(!heard(t), "{t}");
        }
    }
}
