use super::AppLink;
use crate::i18n::{use_i18n, Key};
use leptos::prelude::*;
use support_contract::{Phase, PhoneNumber};

/// What the rollout phase means for the user: in `setup`, that cases cannot be filed yet and
/// which numbers to call; in `enablement`, where the learning material is. Nothing when live.
#[component]
pub fn PhaseBanner(phase: Phase, phones: Vec<PhoneNumber>) -> impl IntoView {
    let i18n = use_i18n();
    match phase {
        Phase::Setup => view! {
            <section class="banner warning" aria-labelledby="phase-title">
                <h2 id="phase-title">{i18n.s(Key::PhaseSetupTitle)}</h2>
                <p>{i18n.s(Key::PhaseSetupBody)}</p>
                <ul class="phones">
                    {phones.into_iter().map(|p| {
                        let tel = format!("tel:{}", p.number.replace(' ', ""));
                        let when = if p.around_the_clock { Key::AroundTheClock } else { Key::DuringBusinessHours };
                        view! { <li><a href=tel>{p.number}</a>" — "{i18n.s(when)}</li> }
                    }).collect_view()}
                </ul>
            </section>
        }
        .into_any(),
        Phase::Enablement => view! {
            <section class="banner info" aria-labelledby="phase-title">
                <h2 id="phase-title">{i18n.s(Key::PhaseEnablementTitle)}</h2>
                <p>{i18n.s(Key::PhaseEnablementBody)}</p>
                <p><AppLink href="/learning">{i18n.s(Key::OpenLearning)}</AppLink></p>
            </section>
        }
        .into_any(),
        Phase::Live | Phase::Unknown => ().into_any(),
    }
}
