//! The line between asking about data and asking to delete it, with the repository's
//! intents: questions about privacy (what Meta sees, what is kept, is it safe) are never
//! `delete_my_data`; explicit requests to delete, erase or forget always are. Written as
//! customers type: lower case, typos, no accents, slang, franglais.

use std::path::Path;

use bankbot_nlu::{Engine, IntentId, Lang};
use chrono::NaiveDate;

fn engine() -> Engine {
    Engine::load_dir(&Path::new(env!("CARGO_MANIFEST_DIR")).join("../../intents"))
        .expect("repository intents load")
}

const QUESTIONS_EN: &[&str] = &[
    "is my data shared with facebook",
    "what do you do with my data?",
    "so what happens with my data",
    "does facebook get to see my bank stuff",
    "can meta see my balance when u answer",
    "do u store my transactions somewhere",
    "do you keep my msgs",
    "who else can read this chat",
    "is this thing secure",
    "r u selling my data",
    "do you sell my info to advertisers",
    "what info do you collect",
    "where does my data go",
    "how long do u keep stuff",
    "does facebook know my bank password",
    "can your employees read my messages",
    "is this convo encrypted",
    "what does meta see",
    "privacy policy pls",
    "privacy?",
    "how do you protect my information",
    "is it safe to link my account",
    "what can you see once i link my bank",
    "do you use my data for ads",
    "what data do you keep on your servers",
    "is my banking info going to fb",
    "how is my personal data used",
    "do you record these chats",
    "data protection question",
    "wait does zuckerberg see this",
    "is my info safe here",
    "who has access to what i write",
    "do you share anything with third parties",
    "what do you store and why",
];

const QUESTIONS_FR: &[&str] = &[
    "vous faites quoi de mes donnees",
    "mes données sont partagées avec facebook ?",
    "pourquoi facebook voit mes messages",
    "facebook voit mon solde quand tu reponds ?",
    "tu stockes mes operations quelque part ?",
    "vous gardez mes messages ?",
    "qui d'autre peut lire cette discussion",
    "c'est securise ce truc",
    "vous vendez mes donnees ?",
    "tu revends mes infos a des pubs ?",
    "vous collectez quelles infos",
    "elles vont ou mes donnees",
    "vous gardez ca combien de temps",
    "facebook connait mon mot de passe de banque ?",
    "vos employes lisent mes messages ?",
    "la conversation est chiffree ?",
    "meta voit quoi",
    "politique de confidentialite svp",
    "confidentialite ?",
    "comment vous protegez mes infos",
    "c'est sur de lier mon compte ?",
    "tu vois quoi une fois que je lie ma banque",
    "vous utilisez mes donnees pour la pub ?",
    "quelles donnees vous gardez sur vos serveurs",
    "mes infos bancaires partent chez fb ?",
    "comment sont utilisees mes donnees perso",
    "vous enregistrez les discussions ?",
    "question protection des donnees",
    "attends zuckerberg voit ca ?",
    "mes infos sont en securite ici ?",
    "qui a acces a ce que j'ecris",
    "vous partagez quelque chose avec des tiers ?",
    "is my data shared with facebook ou pas",
];

const DELETIONS_EN: &[&str] = &[
    "delete my data",
    "pls delete all my data",
    "delte my data",
    "erase everything you have on me",
    "erace my info",
    "forget me",
    "forgt me plz",
    "i want you to forget everything about me",
    "wipe my data",
    "wipe everything",
    "remove all my personal info",
    "purge my data",
    "nuke my data",
    "delete my chat history",
    "clear my history",
    "delete the messages i sent u",
    "right to be forgotten",
    "gdpr delete request",
    "i want my data erased",
    "can you delete what you stored about me",
    "get rid of my data",
    "delete my profile",
    "erase me",
    "delete everything u know abt me",
    "please remove my details from your system",
    "don't keep my data, delete it",
    "how do i get my data deleted",
    "scrub my data",
    "destroy my data",
    "i'm leaving, delete my data",
    "im worried about privacy so erase all my data",
    "delete my data from facebook bot",
];

const DELETIONS_FR: &[&str] = &[
    "supprimer mes données",
    "supprime mes donnees stp",
    "suprimer mes donnees",
    "efface tout ce que tu as sur moi",
    "efacer mes infos",
    "oublie moi",
    "oubliez-moi svp",
    "je veux que tu oublies tout sur moi",
    "vider mes donnees",
    "tout effacer",
    "supprimer toutes mes infos perso",
    "purger mes donnees",
    "detruire mes donnees",
    "supprimer mon historique",
    "efface l'historique",
    "supprime les messages que je t'ai envoyes",
    "droit a l'oubli",
    "demande de suppression rgpd",
    "je veux que mes donnees soient effacees",
    "tu peux supprimer ce que t'as stocke sur moi",
    "retire mes donnees de ton systeme",
    "supprimer mon profil",
    "efface-moi",
    "supprime tout ce que tu sais sur moi",
    "ne gardez pas mes donnees",
    "comment faire supprimer mes donnees",
    "delete mes donnees stp",
    "je pars, supprimez tout",
    "je m'inquiete pour ma vie privee, effacez tout",
    "supprimer mes donnees du bot facebook",
    "arretez de stocker mes donnees",
];

fn check(engine: &Engine, lang: Lang, texts: &[&str], deletion: bool) -> Vec<String> {
    let now = NaiveDate::from_ymd_opt(2026, 11, 29).unwrap();
    texts
        .iter()
        .filter_map(|text| {
            let got = engine.parse(text, now, Some(lang)).intent;
            let ok = if deletion {
                got == IntentId::DeleteMyData
            } else {
                got != IntentId::DeleteMyData
                    && matches!(got, IntentId::PrivacyInfo | IntentId::DataAccess)
            };
            (!ok).then(|| format!("{lang}: {text:?} → {got}"))
        })
        .collect()
}

#[test]
fn privacy_questions_never_delete_and_deletion_requests_do() {
    for list in [QUESTIONS_EN, QUESTIONS_FR, DELETIONS_EN, DELETIONS_FR] {
        assert!(list.len() >= 30, "at least 30 phrasings per list");
    }
    let engine = engine();
    let mut wrong = Vec::new();
    wrong.extend(check(&engine, Lang::En, QUESTIONS_EN, false));
    wrong.extend(check(&engine, Lang::Fr, QUESTIONS_FR, false));
    wrong.extend(check(&engine, Lang::En, DELETIONS_EN, true));
    wrong.extend(check(&engine, Lang::Fr, DELETIONS_FR, true));
    assert!(wrong.is_empty(), "{}", wrong.join("\n"));
}

#[test]
fn access_requests_are_data_access() {
    let engine = engine();
    let now = NaiveDate::from_ymd_opt(2026, 11, 29).unwrap();
    for (text, lang) in [
        ("what do you know about me", Lang::En),
        ("wat do u have on me", Lang::En),
        ("send me a copy of my data", Lang::En),
        ("can i download my data", Lang::En),
        ("qu'est-ce que tu sais sur moi", Lang::Fr),
        ("t'as quoi sur moi", Lang::Fr),
        ("je veux une copie de mes donnees", Lang::Fr),
        ("exporter mes donnees", Lang::Fr),
    ] {
        let got = engine.parse(text, now, Some(lang)).intent;
        assert_eq!(got, IntentId::DataAccess, "{lang}: {text}");
    }
}
