//! `atm_nearby`: asks where when no place was given and takes the next message as the
//! answer; lists the nearest 3 cash machines with their distance (miles for US places,
//! kilometres elsewhere) and a maps link.

use bankbot_bank::AtmFilter;
use bankbot_core::{Button, GeoPoint, Reply, ReplyCard};

use crate::catalog::Msg;
use crate::ctx::Ctx;
use crate::format::{self, Units};
use crate::place_text::without_opening;
use crate::words::{folded, normalize};
use crate::{DialogState, HandlerError, Listed, Pending};

/// How many cash machines an answer lists.
pub const NEAREST: usize = 3;
/// Cash machines further than this (50 km, about 31 miles) are not worth suggesting.
pub const MAX_DISTANCE_M: f64 = 50_000.0;

/// The intent: search the place named in the message, else ask for one.
pub(crate) async fn handle(
    ctx: &mut Ctx<'_>,
    state: &mut DialogState,
    text: &str,
    location: Option<&str>,
) -> Result<(), HandlerError> {
    match location.map(str::trim).filter(|l| !l.is_empty()) {
        Some(place) => {
            // "distributeur pres de la Defense": the engine kept "Defense"; the words typed
            // after the ATM words ("la Defense") are tried when its place is unknown.
            // "I just moved to Paris, atm near bastille": the place after the ATM words is
            // where the machine is wanted, not the town named before them.
            if let Some(typed) = crate::intents::atm_place_guess::after_atm_words(text)
                && !typed.eq_ignore_ascii_case(place)
                && (!folded(&typed).contains(&*folded(place))
                    || locate(ctx, without_opening(place), Shorter::Tried)
                        .await?
                        .is_none())
                && search_if_known(ctx, state, &typed, Shorter::Tried, text).await?
            {
                return Ok(());
            }
            search_place(ctx, state, place, text).await
        }
        None => {
            // "un distrib place de la république": a known place right after the ATM words
            // ("atm kings cross london": the spot in its town).
            if let Some(place) = crate::intents::atm_place_guess::remainder(text)
                && !names_filter(text)
                && search_if_known(ctx, state, &place, Shorter::Tried, text).await?
            {
                return Ok(());
            }
            // "the atm for union square na him dey collect cash deposit?": a known place
            // anywhere in the request.
            if !text.trim().is_empty()
                && let Some(place) = crate::place_scan::known_place(ctx, text).await?
                && search_exact(ctx, state, &place, text).await?
            {
                return Ok(());
            }
            state.pending = Some(Pending::AtmLocation);
            state.atm_wanted = both(&state.atm_wanted, &filter(text));
            ctx.say(Msg::AtmAsk);
            Ok(())
        }
    }
}

/// Geocodes what the customer typed and searches there; asks again when nothing matches.
pub(crate) async fn search_place(
    ctx: &mut Ctx<'_>,
    state: &mut DialogState,
    place: &str,
    text: &str,
) -> Result<(), HandlerError> {
    let place = without_opening(place);
    if let Some((address, found)) = at_address(ctx, place, text).await? {
        return search_found(ctx, state, &address, found, text).await;
    }
    let widened = crate::place_text::widened(place, text);
    let place = widened.as_str();
    match locate(ctx, place, Shorter::Tried).await? {
        Some(found) => search_found(ctx, state, place, found, text).await,
        None => {
            state.pending = Some(Pending::AtmLocation);
            ctx.say(Msg::AtmNotFound(place));
            Ok(())
        }
    }
}

/// Searches at `place` when the geocoder knows it (the place is geocoded once); false, and
/// nothing said, when it does not — the caller reads the message another way.
pub(crate) async fn search_if_known(
    ctx: &mut Ctx<'_>,
    state: &mut DialogState,
    place: &str,
    shorter: Shorter,
    text: &str,
) -> Result<bool, HandlerError> {
    let place = without_opening(place);
    if let Some((address, found)) = at_address(ctx, place, text).await? {
        search_found(ctx, state, &address, found, text).await?;
        return Ok(true);
    }
    let widened = crate::place_text::widened(place, text);
    let place = widened.as_str();
    let Some(found) = locate(ctx, place, shorter).await? else {
        return Ok(false);
    };
    search_found(ctx, state, place, found, text).await?;
    Ok(true)
}

/// "1 market st", "1 market street san francisco": a house number and a street the geocoder
/// knows as one address (a machine's), with the town after it dropped when needed.
async fn at_address(
    ctx: &Ctx<'_>,
    place: &str,
    text: &str,
) -> Result<Option<(String, bankbot_bank::Place)>, HandlerError> {
    let full = crate::place_text::widened_with_number(place, text);
    let words: Vec<&str> = full.split_whitespace().collect();
    let numbered = words
        .first()
        .is_some_and(|w| w.chars().next().is_some_and(|c| c.is_ascii_digit()));
    if !numbered || words.len() < 2 || words.len() > 8 {
        return Ok(None);
    }
    for len in (2..=words.len().min(4)).rev() {
        let address = words[..len].join(" ");
        if let Some(found) = ctx
            .services
            .geocoder
            .geocode(&address, Some(ctx.lang))
            .await?
            && found
                .label
                .chars()
                .next()
                .is_some_and(|c| c.is_ascii_digit())
        {
            return Ok(Some((address, found)));
        }
    }
    Ok(None)
}

/// Searches at `place` exactly as given (found by [`crate::place_scan`], not widened with
/// the words after it); false, and nothing said, when the geocoder does not know it.
pub(crate) async fn search_exact(
    ctx: &mut Ctx<'_>,
    state: &mut DialogState,
    place: &str,
    text: &str,
) -> Result<bool, HandlerError> {
    let Some(found) = locate(ctx, place, Shorter::NotTried).await? else {
        return Ok(false);
    };
    search_found(ctx, state, place, found, text).await?;
    Ok(true)
}

/// Whether the shorter names inside a place are tried when the whole is unknown.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Shorter {
    /// "market street san francisco": then "san francisco", …
    Tried,
    /// Only the place as typed.
    NotTried,
}

/// The place the geocoder finds for `place` (or, with [`Shorter::Tried`], for the shorter
/// names inside it, longest first).
async fn locate(
    ctx: &Ctx<'_>,
    place: &str,
    shorter: Shorter,
) -> Result<Option<bankbot_bank::Place>, HandlerError> {
    let geocoder = &ctx.services.geocoder;
    if let Some(found) = geocoder.geocode(place, Some(ctx.lang)).await? {
        return Ok(Some(found));
    }
    if shorter == Shorter::Tried {
        let known = |name: String| async move {
            if name.chars().count() < 3 {
                return Ok(None);
            }
            geocoder.geocode(&name, Some(ctx.lang)).await
        };
        for (end, start) in crate::place_text::fallback_pairs(place) {
            let at_end = known(end).await?;
            let at_start = known(start).await?;
            // "union square san francisco", "whitehall london": the spot inside the town
            // named after it, rather than the town's centre.
            return Ok(match (at_end, at_start) {
                (Some(town), Some(spot))
                    if spot.point.distance_m(&town.point) <= SPOT_IN_TOWN_M =>
                {
                    Some(spot)
                }
                (Some(found), _) | (None, Some(found)) => Some(found),
                (None, None) => continue,
            });
        }
    }
    Ok(None)
}

/// How far from a town's centre a place named before the town ("union square san
/// francisco") may lie and still be taken as the spot in that town.
const SPOT_IN_TOWN_M: f64 = 25_000.0;

/// The search around a place already geocoded: remembered for follow-ups, named as typed
/// when it is a postcode, in the units of its country.
async fn search_found(
    ctx: &mut Ctx<'_>,
    state: &mut DialogState,
    place: &str,
    found: bankbot_bank::Place,
    text: &str,
) -> Result<(), HandlerError> {
    state.pending = None;
    state.last_intent = Some(bankbot_core::IntentId::AtmNearby);
    state.last_slots = bankbot_core::Slots {
        location: Some(place.to_owned()),
        ..bankbot_core::Slots::default()
    };
    state.atm_place = Some(place.to_owned());
    let units = units_of(&found);
    let label = label_of(place, &found);
    let filter = both(&std::mem::take(&mut state.atm_wanted), &filter(text));
    search_point(ctx, state, found.point, Some(&label), units, &filter, &[]).await
}

/// Miles in the US, kilometres elsewhere.
fn units_of(found: &bankbot_bank::Place) -> Units {
    match found.country.as_deref() {
        Some(c) if c.eq_ignore_ascii_case("US") => Units::Miles,
        Some(_) => Units::Metric,
        None if format::in_us(found.point) => Units::Miles,
        None => Units::Metric,
    }
}

/// How the place searched is named: a postcode as typed ("SW1A 1AA", not the sector the
/// gazetteer matched), else the geocoder's label.
fn label_of(place: &str, found: &bankbot_bank::Place) -> String {
    let squeeze = |s: &str| s.to_lowercase().replace(' ', "");
    if place.chars().any(|c| c.is_ascii_digit())
        && place.len() <= 10
        && squeeze(place).starts_with(&squeeze(&found.label))
    {
        place.trim().to_uppercase()
    } else {
        found.label.clone()
    }
}

/// "another one close by?", « un autre pas loin ? »: the machines around the place last
/// searched past those `shown` (features asked in `text` kept to); false, and nothing said,
/// when no place was searched by name or none of `shown` is a machine.
pub(crate) async fn search_others(
    ctx: &mut Ctx<'_>,
    state: &mut DialogState,
    shown: &[Listed],
    text: &str,
) -> Result<bool, HandlerError> {
    let Some(place) = state.atm_place.clone() else {
        return Ok(false);
    };
    let shown: Vec<&bankbot_core::Atm> = shown
        .iter()
        .filter_map(|l| match l {
            Listed::Atm { atm, .. } => Some(atm),
            Listed::Transaction { .. } => None,
        })
        .collect();
    if shown.is_empty() {
        return Ok(false);
    }
    let Some(found) = locate(ctx, &place, Shorter::Tried).await? else {
        return Ok(false);
    };
    let units = units_of(&found);
    let label = label_of(&place, &found);
    search_point(
        ctx,
        state,
        found.point,
        Some(&label),
        units,
        &filter(text),
        &shown,
    )
    .await?;
    Ok(true)
}

/// Searches around a shared location.
pub(crate) async fn search_location(
    ctx: &mut Ctx<'_>,
    state: &mut DialogState,
    point: GeoPoint,
) -> Result<(), HandlerError> {
    state.pending = None;
    state.atm_place = None;
    let units = if format::in_us(point) {
        Units::Miles
    } else {
        Units::Metric
    };
    let filter = std::mem::take(&mut state.atm_wanted);
    search_point(ctx, state, point, None, units, &filter, &[]).await
}

/// True when `a` and `b` are the same machine or stand at the same site.
fn same_site(a: &bankbot_core::Atm, b: &bankbot_core::Atm) -> bool {
    a.id == b.id || (a.site_id.is_some() && a.site_id == b.site_id)
}

async fn search_point(
    ctx: &mut Ctx<'_>,
    state: &mut DialogState,
    point: GeoPoint,
    label: Option<&str>,
    units: Units,
    filter: &AtmFilter,
    shown: &[&bankbot_core::Atm],
) -> Result<(), HandlerError> {
    let mut found = ctx
        .services
        .atms
        .nearest(point, NEAREST + shown.len(), filter)
        .await?;
    found.retain(|m| !shown.iter().any(|atm| same_site(atm, &m.atm)));
    let farther = found.first().cloned();
    found.retain(|m| m.distance_m <= MAX_DISTANCE_M);
    if found.is_empty() {
        // Nothing within reach: say where was searched and where the nearest one is.
        let nearest = farther.map(|m| {
            let distance = format::distance(m.distance_m, units, ctx.lang);
            (display_name(&m.atm), m.atm.address.clone(), distance)
        });
        let text = ctx.t(Msg::AtmNone {
            place: label,
            filter,
            nearest: nearest
                .as_ref()
                .map(|(n, a, d)| (n.as_str(), a.as_str(), d.as_str())),
        });
        ctx.reply(Reply::text(text));
        return Ok(());
    }
    let header = if shown.is_empty() {
        Msg::AtmHeader(label, filter)
    } else {
        Msg::AtmOthersHeader(label)
    };
    let mut lines = vec![ctx.t(header)];
    let map_button = ctx.t(Msg::AtmMapButton);
    let mut cards = Vec::new();
    let mut listed = Vec::new();
    for (i, m) in found.iter().take(NEAREST).enumerate() {
        let atm = &m.atm;
        let name = display_name(atm);
        let distance = format::distance(m.distance_m, units, ctx.lang);
        listed.push(Listed::Atm {
            atm: atm.clone(),
            distance: distance.clone(),
        });
        let url = format::maps_url(atm.location);
        lines.push(format!(
            "{}. {name} — {distance}\n   {}\n   {url}",
            i + 1,
            atm.address
        ));
        cards.push(ReplyCard {
            title: name,
            subtitle: Some(format!("{distance} · {}", atm.address)),
            image_url: None,
            default_url: Some(url.clone()),
            buttons: vec![Button::WebUrl {
                title: map_button.clone(),
                url,
            }],
        });
    }
    // The list for channels without templates, then the same machines as a carousel
    // (Messenger's generic template: name, distance and address, a map button).
    ctx.reply(Reply::text(lines.join("\n")));
    ctx.reply(Reply::Cards { cards });
    state.listed = listed;
    Ok(())
}

/// "Demo Bank – Union Square": the brand and the site, the brand once.
pub(crate) fn display_name(atm: &bankbot_core::Atm) -> String {
    if atm.name.to_lowercase().contains(&atm.brand.to_lowercase()) {
        atm.name.clone()
    } else {
        format!("{} – {}", atm.brand, atm.name)
    }
}

/// True when `filter` lets every machine through (nothing asked for).
pub(crate) fn filters_nothing(filter: &AtmFilter) -> bool {
    *filter == AtmFilter::default()
}

/// Every feature asked for in either filter: the kind asked with "where can i deposit
/// cash", then "24h ones" or the place itself.
fn both(first: &AtmFilter, second: &AtmFilter) -> AtmFilter {
    AtmFilter {
        deposits: first.deposits || second.deposits,
        open_24h: first.open_24h || second.open_24h,
        accessible: first.accessible || second.accessible,
        brand: second.brand.clone().or_else(|| first.brand.clone()),
    }
}

/// True when the message names a feature filter ("which of those take deposits?").
pub(crate) fn names_filter(text: &str) -> bool {
    filter(text) != AtmFilter::default()
}

/// Feature filters named in the message ("24 hour", "deposit", "accessible").
fn filter(text: &str) -> AtmFilter {
    let t = normalize(text);
    let any = |words: &[&str]| words.iter().any(|w| t.contains(&*folded(w)));
    AtmFilter {
        deposits: any(&[
            "deposit",
            "dépôt",
            "depot",
            "déposer",
            "deposer",
            "pay in",
            "paying in",
            "pay cash in",
            "pay money in",
            "put cash in",
            "put money in",
            "lodge",
        ]),
        open_24h: any(&[
            "24h",
            "24 h",
            "24/7",
            "24 7",
            "24-7",
            "24 hour",
            "24-hour",
            "24hr",
            "24 heures",
            "24h/24",
            "24/24",
            "all night",
            "toute la nuit",
            "la nuit",
            "de nuit",
            "at night",
            "in the night",
            "during the night",
            "for night",
            "nighttime",
            "night time",
            "all nite",
            "round the clock",
            "around the clock",
            "all hours",
            "open late",
            "overnight",
            "jour et nuit",
            "nuit et jour",
            "24 sur 24",
            "7 jours sur 7",
            "7j/7",
            "tout le temps",
            "h24",
        ]),
        accessible: any(&["wheelchair", "accessible", "fauteuil", "pmr"]),
        brand: None,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn reads_feature_filters() {
        let f = filter("nearest 24 hour ATM that takes deposits");
        assert!(f.open_24h && f.deposits && !f.accessible);
        assert_eq!(filter("SW1A 1AA"), AtmFilter::default());
        assert!(filter("distributeur accessible en fauteuil").accessible);
    }
}
