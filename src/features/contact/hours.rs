//! Business hours per region: as the region states them, in the user's own time zone, and
//! whether the region is open now or when it next opens.

use crate::domain::{minutes_of_day, opening, Opening};
use crate::i18n::{
    browser_time_zone, format_clock, region_key, use_i18n, weekday_names, zoned_clock, Key,
};
use leptos::prelude::*;
use std::time::Duration;
use support_contract::BusinessHours;

const MINUTE_MS: f64 = 60_000.0;

/// The instant near `guess` at which `zone`'s clocks show `minute` past midnight. `guess` is
/// now plus a wall-clock distance, so a daylight-saving change in between puts it off by the
/// change; reading the clock there corrects it.
fn settle(guess: f64, zone: &str, minute: u32) -> f64 {
    match zoned_clock(guess, zone) {
        Some((_, shown)) if shown.abs_diff(minute) <= 180 => {
            guess + (f64::from(minute) - f64::from(shown)) * MINUTE_MS
        }
        _ => guess,
    }
}

/// The region's state at `now`, with the current or next opening and closing as instants.
fn window(hours: &BusinessHours, now: f64) -> Option<(Opening, f64, f64)> {
    let (weekday, minute) = zoned_clock(now, &hours.time_zone)?;
    let (opens, closes) = (
        minutes_of_day(&hours.opens)?,
        minutes_of_day(&hours.closes)?,
    );
    let zone = hours.time_zone.as_str();
    let state = opening(hours, weekday, minute)?;
    let (open_at, close_at) = match state {
        Opening::Open { closes_in } => (
            settle(now - f64::from(minute - opens) * MINUTE_MS, zone, opens),
            settle(now + f64::from(closes_in) * MINUTE_MS, zone, closes),
        ),
        Opening::Closed { opens_in } => {
            let open_at = settle(now + f64::from(opens_in) * MINUTE_MS, zone, opens);
            let close_at = open_at + f64::from(closes - opens) * MINUTE_MS;
            (open_at, settle(close_at, zone, closes))
        }
    };
    Some((state, open_at, close_at))
}

/// Business hours per region, in the region's time zone with weekdays named in the user's
/// language, then in the user's time zone with "open now" or when it opens; kept current.
#[component]
pub(super) fn HoursList(hours: Vec<BusinessHours>) -> impl IntoView {
    let i18n = use_i18n();
    let now = RwSignal::new(js_sys::Date::now());
    if let Ok(timer) = set_interval_with_handle(
        move || now.set(js_sys::Date::now()),
        Duration::from_secs(30),
    ) {
        on_cleanup(move || timer.clear());
    }
    view! {
        <h3>{i18n.s(Key::BusinessHours)}</h3>
        <ul class="hours">
            {hours.into_iter().map(|h| {
                let stated = {
                    let h = h.clone();
                    move || {
                        let days = weekday_names(&h.weekdays, i18n.locale.get()).join(", ");
                        i18n.tr(Key::HoursRange, &[("opens", &h.opens), ("closes", &h.closes), ("zone", &h.time_zone), ("days", &days)])
                    }
                };
                let region = i18n.s(region_key(h.region));
                let yours = move || {
                    let (state, open_at, close_at) = window(&h, now.get())?;
                    let (locale, mine) = (i18n.locale.get(), i18n.time_zone.get());
                    let clock = |ms, weekday| format_clock(ms, locale, mine.as_deref(), weekday);
                    let zone = mine.clone().unwrap_or_else(browser_time_zone);
                    let range = i18n.tr(Key::HoursInYourZone, &[
                        ("zone", &zone), ("opens", &clock(open_at, false)), ("closes", &clock(close_at, false)),
                    ]);
                    let status = match state {
                        Opening::Open { .. } => i18n.tr(Key::OpenNowUntil, &[("time", &clock(close_at, false))]),
                        Opening::Closed { .. } => i18n.tr(Key::ClosedOpensAt, &[("when", &clock(open_at, true))]),
                    };
                    let open = matches!(state, Opening::Open { .. });
                    Some(view! {
                        <br/>{range}<br/>
                        <span class="hours-state" class:open=open>{status}</span>
                    })
                };
                view! { <li><strong>{region}</strong>": "{stated}{yours}</li> }
            }).collect_view()}
        </ul>
    }
}
