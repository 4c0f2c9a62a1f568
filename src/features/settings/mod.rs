//! Settings: language and time zone, saved to the profile so every browser follows them; and
//! what this browser keeps (`browser`: the theme).

mod browser;

use crate::api::{use_api, SessionApi};
use crate::auth::use_session;
use crate::i18n::{browser_time_zone, supported_time_zones, use_i18n, Key, Locale};
use browser::BrowserSettings;
use leptos::prelude::*;
use support_contract::{FieldCode, ProfileUpdate};

/// The settings form. A failed save (even an ended session) keeps the choices on screen.
#[component]
pub fn SettingsPage() -> impl IntoView {
    let i18n = use_i18n();
    let ctx = use_session();
    let api = use_api::<dyn SessionApi>();
    let user = ctx.session().map(|s| s.user);
    let locale = RwSignal::new(
        user.as_ref()
            .and_then(|u| u.locale)
            .map(|l| l.tag().to_string())
            .unwrap_or_default(),
    );
    let time_zone = RwSignal::new(user.and_then(|u| u.time_zone).unwrap_or_default());
    let browser_zone = browser_time_zone();
    let zones = supported_time_zones();

    let save = Action::new_local(move |update: &ProfileUpdate| api.update_profile(update.clone()));
    Effect::new(move |_| {
        if let Some(Ok(session)) = save.value().get() {
            ctx.signed_in(session);
        }
    });
    let on_submit = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        let chosen_locale = Locale::from_tag(&locale.get_untracked());
        let zone = time_zone.get_untracked();
        save.dispatch(ProfileUpdate {
            locale: Some(chosen_locale),
            time_zone: Some((!zone.is_empty()).then_some(zone)),
        });
    };
    let status = move || match save.value().get() {
        Some(Ok(_)) => {
            Some(view! { <p class="notice success">{i18n.s(Key::Saved)}</p> }.into_any())
        }
        Some(Err(e)) => {
            let zone_error = e.field_message("time_zone", i18n.locale.get());
            let message = zone_error.unwrap_or_else(|| e.message(i18n.locale.get()));
            Some(view! { <p class="notice error">{message}</p> }.into_any())
        }
        None => None,
    };
    let zone_invalid = move || {
        save.value().with(|answer| {
            let refused = match answer {
                Some(Err(e)) => e.field_errors(),
                _ => &[],
            };
            refused
                .iter()
                .any(|e| e.field == "time_zone" && e.code == FieldCode::InvalidTimeZone)
        })
    };
    let example = move || {
        i18n.tr(
            Key::DateExample,
            &[("example", &i18n.date_time("2026-03-14T15:30:00Z"))],
        )
    };

    view! {
        <div class="page">
            <h1 id="page-title">{i18n.s(Key::NavSettings)}</h1>
            <form class="form card" novalidate on:submit=on_submit>
                <div class="field">
                    <label for="settings-language">{i18n.s(Key::Language)}</label>
                    <select id="settings-language" prop:value=move || locale.get()
                        on:change=move |ev| locale.set(event_target_value(&ev))>
                        <option value="">{i18n.s(Key::FollowBrowserLanguage)}</option>
                        <option value="en" lang="en">"English"</option>
                        <option value="fr" lang="fr">"Français"</option>
                        <option value="es" lang="es">"Español"</option>
                    </select>
                </div>
                <div class="field">
                    <label for="settings-time-zone">{i18n.s(Key::TimeZone)}</label>
                    <select id="settings-time-zone" prop:value=move || time_zone.get()
                        aria-invalid=move || zone_invalid().to_string()
                        on:change=move |ev| time_zone.set(event_target_value(&ev))>
                        <option value="">{move || i18n.tr(Key::FollowBrowserTimeZone, &[("zone", &browser_zone)])}</option>
                        {zones.into_iter().map(|z| view! { <option value=z.clone()>{z.clone()}</option> }).collect_view()}
                    </select>
                    <p class="hint">{example}</p>
                </div>
                <div role="status" aria-live="polite">{status}</div>
                <button type="submit" class="button primary" disabled=move || save.pending().get()>
                    {move || if save.pending().get() { i18n.t(Key::Saving) } else { i18n.t(Key::Save) }}
                </button>
            </form>
            <BrowserSettings/>
        </div>
    }
}
