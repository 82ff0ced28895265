//! The privacy page's HTML and the login page's notice, from the one source of facts.

use bankbot_core::Lang;
use bankbot_handlers::{bank_policy_line, privacy_facts};

use crate::link_page::escape;

/// The whole page in `lang`, with the bank's policy link when configured.
pub fn page(lang: Lang, policy_url: Option<&str>) -> String {
    let facts = privacy_facts(lang);
    let mut body = String::new();
    for p in &facts.summary {
        body.push_str(&format!("<p>{}</p>\n", escape(p)));
    }
    body.push_str(&format!(
        "<h2>{}</h2>\n<dl>\n",
        escape(&facts.records_heading)
    ));
    for (kept, purpose) in &facts.records {
        body.push_str(&format!(
            "<dt id=\"{table}\"><code>{table}</code></dt><dd>{}</dd>\n",
            escape(purpose),
            table = kept.table()
        ));
    }
    body.push_str("</dl>\n");
    if let Some(url) = policy_url {
        let line = bank_policy_line(lang, url);
        let text = line.strip_suffix(url).unwrap_or(&line);
        body.push_str(&format!(
            "<p>{}<a href=\"{url}\">{url}</a></p>\n",
            escape(text),
            url = escape(url)
        ));
    }
    let other = match lang {
        Lang::En => "<p><a href=\"?lang=fr\" hreflang=\"fr\">Français</a></p>",
        Lang::Fr => "<p><a href=\"?lang=en\" hreflang=\"en\">English</a></p>",
    };
    format!(
        "<!doctype html>\n<html lang=\"{code}\"><head><meta charset=\"utf-8\">\
         <meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\
         <title>{title}</title></head>\n<body><h1>{title}</h1>\n{body}{other}\n</body></html>",
        code = lang.code(),
        title = escape(&facts.title),
    )
}

/// What the login page says before linking: what linking allows, in two sentences, and a
/// link to the privacy page (a relative link: the page is served by the same bot).
pub fn login_notice() -> String {
    let facts = privacy_facts(Lang::En);
    format!(
        "<p class=\"privacy\">{} <a href=\"privacy\">{}</a></p>",
        escape(&bankbot_handlers::link_allows(Lang::En)),
        escape(&facts.title)
    )
}
